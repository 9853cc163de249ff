import * as z from 'zod/mini';
import {
  COLLECTIONS,
  KINDS,
  parcelSchema,
  phaseSchema,
  settingsSchema,
  type Collection,
} from '../kinds';
import { siteAnchorSchema } from '../geo/anchor';
import type { Layout } from '../model';
import { LAYOUT_KEYS, layoutSchema } from './schema';

/**
 * The order keys are written in: the order of the schemas' shapes, which is the order of the
 * example in the README (format.test.ts pins it). Only these keys are written, so nothing but the
 * document (no selection, camera or stray property) reaches a file.
 */
const keysOf = (schema: { shape: object }): readonly string[] =>
  Object.freeze(Object.keys(schema.shape));
export const KEY_ORDER = Object.freeze({
  layout: LAYOUT_KEYS,
  settings: keysOf(settingsSchema),
  site: keysOf(siteAnchorSchema),
  phase: keysOf(phaseSchema),
  parcel: keysOf(parcelSchema),
  ...(Object.fromEntries(COLLECTIONS.map((c) => [c, keysOf(KINDS[c].schema)])) as Record<
    Collection,
    readonly string[]
  >),
});

const isCollection = (key: string): key is Collection =>
  (COLLECTIONS as readonly string[]).includes(key);

/** An object whose keys print in the given order. */
class Ordered {
  constructor(readonly entries: readonly (readonly [string, unknown])[]) {}
}

function ordered(obj: object, keys: readonly string[]): Ordered {
  const entries: [string, unknown][] = [];
  for (const k of keys) {
    const v = (obj as Record<string, unknown>)[k];
    if (v !== undefined) entries.push([k, v]);
  }
  return new Ordered(entries);
}

/** Text already printed (an element, at the indent of a collection's entries). */
class Printed {
  constructor(readonly text: string) {}
}

/** Where a collection's entries are printed: inside the layout object's array. */
const ENTRY_INDENT = '    ';

/**
 * Each element's printed text, by element: documents are immutable, so an element the last edit
 * did not touch is the same object and is not printed again. Saving a 50,000-rack campus after a
 * drag prints the moved hall and joins the rest (a pure memo: the text depends on the object only).
 */
const printedElements = new WeakMap<object, string>();

function printedElement(el: object, keys: readonly string[]): Printed {
  let text = printedElements.get(el);
  if (text === undefined) {
    text = print(ordered(el, keys), ENTRY_INDENT);
    printedElements.set(el, text);
  }
  return new Printed(text);
}

/**
 * Print the layout's elements ahead, a few at a time, so that its first save does not print them
 * all at once: each call prints up to `budget` elements not printed yet and says whether any are
 * left. (A campus just opened is saved after its first edit; 50,000 racks print in about 100 ms.)
 */
export function printAhead(layout: Layout): (budget: number) => boolean {
  let c = 0;
  let i = 0;
  return (budget) => {
    for (let done = 0; c < COLLECTIONS.length; c++, i = 0) {
      const list = layout[COLLECTIONS[c]!] as readonly object[];
      const keys = KEY_ORDER[COLLECTIONS[c]!];
      for (; i < list.length; i++) {
        if (done >= budget) return true;
        if (!printedElements.has(list[i]!)) {
          printedElement(list[i]!, keys);
          done++;
        }
      }
    }
    return false;
  };
}

/**
 * Print like JSON.stringify(value, null, 2), except that an array holding only numbers (a point
 * [x, y]) stays on one line: `[300, 250]`. Every field gets its own line, so a diff of two exports
 * names the fields that changed, and a moved point changes one line.
 */
function print(value: unknown, indent: string): string {
  if (value instanceof Printed) return value.text;
  if (value instanceof Ordered) {
    if (value.entries.length === 0) return '{}';
    const inner = indent + '  ';
    const body = value.entries
      .map(([k, v]) => `${inner}${JSON.stringify(k)}: ${print(v, inner)}`)
      .join(',\n');
    return `{\n${body}\n${indent}}`;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => typeof v === 'number'))
      return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    const inner = indent + '  ';
    return `[\n${value.map((v) => inner + print(v, inner)).join(',\n')}\n${indent}]`;
  }
  // Strings, finite numbers, booleans and null (a validated layout holds nothing else).
  return JSON.stringify(value) ?? 'null';
}

/**
 * The layout as the text of a file: pretty-printed with 2 spaces, a trailing newline, and a stable
 * key order (top level: format, version, name, settings, parcel, halls, rackRows, coolingZones,
 * substations, fiberTrenches, generatorYards, batteryYards, coolingPlants, powerFeeders; within
 * each element the order of the README's example, an element's phaseId last and only when set).
 * Always format version 2. Two exports of the same layout are byte-identical, and
 * parseLayoutText(serializeLayout(x)) gives back x.
 */
export function serializeLayout(layout: Layout): string {
  const doc = new Ordered(
    KEY_ORDER.layout.map((key): [string, unknown] => {
      const v = layout[key];
      switch (key) {
        case 'settings': {
          // settings.site: written as an object of its own when set; omitted when null or missing,
          // both of which mean "not placed" (so files without a site stay byte-identical).
          const { site, phases, costs, ...rest } = layout.settings;
          const settings = {
            ...rest,
            ...(site ? { site: ordered(site, KEY_ORDER.site) } : {}),
            phases: phases.map((p) => ordered(p, KEY_ORDER.phase)),
            // Cost overrides by item id, in the ids' order (a record has no order of its own).
            costs: ordered(costs, Object.keys(costs).sort()),
          };
          return [key, ordered(settings, KEY_ORDER.settings)];
        }
        case 'parcel':
          return [key, ordered(layout.parcel, KEY_ORDER.parcel)];
        default: {
          if (!isCollection(key)) return [key, v];
          const keys = KEY_ORDER[key];
          return [key, (layout[key] as readonly object[]).map((el) => printedElement(el, keys))];
        }
      }
    }),
  );
  return `${print(doc, '')}\n`;
}

/**
 * The JSON Schema (draft 2020-12) of the layout file, generated from the same zod schema the
 * parser uses. io 'input': fields with defaults (settings, names, rotation, …) are optional.
 * The cross-field rules (unique ids, rows naming halls, a simple parcel) are not expressible in it.
 */
export function layoutJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(layoutSchema, { io: 'input', target: 'draft-2020-12' });
}
