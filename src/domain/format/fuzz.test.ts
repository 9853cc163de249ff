import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FORMAT_ID } from '../model';
import { isRawDoc } from './migrate';
import {
  crossFieldIssues,
  formatPath,
  parseLayoutText,
  parseLayoutValue,
  type LoadResult,
} from './parse';
import { layoutSchema } from './schema';
import { serializeLayout } from './serialize';
import { minimalLayout, plantLayout } from './testing';

const KINDS = new Set([
  'too-large',
  'not-json',
  'not-a-layout',
  'too-new',
  'migration-failed',
  'invalid',
]);

/** Whatever came in: a whole, valid layout, or a well-formed error and no layout. */
function expectWellFormed(r: LoadResult) {
  if (r.ok) {
    const again = layoutSchema.safeParse(r.layout);
    expect(again.success).toBe(true);
    expect(again.data).toEqual(r.layout);
    expect(crossFieldIssues(r.layout)).toEqual([]);
    expect(parseLayoutText(serializeLayout(r.layout))).toEqual({
      ok: true,
      layout: r.layout,
      migratedFrom: null,
    });
  } else {
    expect(Object.keys(r)).toEqual(['ok', 'error']);
    expect(KINDS.has(r.error.kind)).toBe(true);
    expect(typeof r.error.message).toBe('string');
    expect(r.error.message.length).toBeGreaterThan(0);
    for (const issue of r.error.issues) {
      expect(typeof issue.path).toBe('string');
      expect(typeof issue.message).toBe('string');
    }
  }
}

const FIELD_NAMES = [
  'format',
  'version',
  'name',
  'settings',
  'parcel',
  'points',
  'halls',
  'rackRows',
  'coolingZones',
  'substations',
  'fiberTrenches',
  'generatorYards',
  'batteryYards',
  'coolingPlants',
  'powerFeeders',
  'phases',
  'phaseId',
  'costs',
];

describe('the parser never throws and never half-loads', () => {
  test('arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expectWellFormed(parseLayoutValue(value));
      }),
      { numRuns: 300 },
    );
  });

  test('arbitrary JavaScript values, alone or inside a layout envelope', () => {
    const anything = fc.anything({
      withBoxedValues: true,
      withMap: true,
      withSet: true,
      withObjectString: true,
      withNullPrototype: true,
      withDate: true,
      withTypedArray: true,
      withSparseArray: true,
      withBigInt: true,
    });
    // Values that would pollute Object.prototype if a "__proto__" or "constructor" key were
    // merged or assigned anywhere (the parser must only ever read them as data).
    const polluting = fc.constantFrom({ polluted: true }, { prototype: { polluted: true } }, [
      { polluted: true },
    ]);
    const envelope = fc.record({
      format: fc.constant(FORMAT_ID),
      version: fc.constantFrom(0, 1, 2, 3),
      // Own data properties, as JSON.parse makes them: a "__proto__" key is a key, not the prototype.
      fields: fc
        .array(
          fc.tuple(
            fc.constantFrom(...FIELD_NAMES, '__proto__', 'constructor', 'rows', 'trenches', 'tier'),
            fc.oneof(anything, polluting),
          ),
        )
        .map((entries) => {
          const fields: Record<string, unknown> = {};
          for (const [key, value] of entries) {
            Object.defineProperty(fields, key, {
              value,
              enumerable: true,
              writable: true,
              configurable: true,
            });
          }
          return fields;
        }),
    });
    fc.assert(
      fc.property(
        fc.oneof(
          anything,
          envelope.map((e) => ({ ...e.fields, format: e.format, version: e.version })),
        ),
        (value) => {
          expectWellFormed(parseLayoutValue(value));
        },
      ),
      { numRuns: 300 },
    );
    expect('polluted' in {}).toBe(false);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  test('arbitrary strings as file text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json()), (text) => {
        expectWellFormed(parseLayoutText(text));
      }),
      { numRuns: 300 },
    );
  });

  test('a valid file truncated or with a character changed', () => {
    const text = serializeLayout(plantLayout());
    fc.assert(
      fc.property(
        fc.nat({ max: text.length }),
        fc.string({ maxLength: 3 }),
        fc.boolean(),
        (at, insert, truncate) => {
          const changed = truncate
            ? text.slice(0, at)
            : text.slice(0, at) + insert + text.slice(at + 1);
          expectWellFormed(parseLayoutText(changed));
        },
      ),
      { numRuns: 300 },
    );
  });
});

type Json = unknown;
type Path = (string | number)[];

/** Every path in a JSON document, the root included. */
function allPaths(doc: Json): Path[] {
  const out: Path[] = [];
  const stack: [Json, Path][] = [[doc, []]];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    out.push(path);
    if (Array.isArray(v)) v.forEach((x, i) => stack.push([x, [...path, i]]));
    else if (isRawDoc(v)) for (const k of Object.keys(v)) stack.push([v[k], [...path, k]]);
  }
  return out;
}

interface Mutation {
  pick: number;
  op: 'delete' | 'replace' | 'duplicate';
  value: Json;
}

/** Apply a mutation to `doc` in place (or return a replacement root). */
function mutate(doc: Json, m: Mutation): Json {
  const paths = allPaths(doc);
  const path = paths[m.pick % paths.length]!;
  if (path.length === 0) return m.op === 'replace' ? m.value : doc;
  let parent = doc as Record<string | number, Json>;
  for (const p of path.slice(0, -1)) parent = parent[p] as Record<string | number, Json>;
  const key = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof key === 'number') {
    if (m.op === 'delete') parent.splice(key, 1);
    else if (m.op === 'duplicate') parent.push(structuredClone(parent[key]));
    else parent[key] = m.value;
  } else if (m.op === 'delete') delete parent[key];
  else parent[key] = m.op === 'replace' ? m.value : structuredClone(parent[key]);
  return doc;
}

const interesting = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    0,
    -1,
    2.5,
    1e308,
    -1e308,
    100_001,
    'NaN',
    '',
    null,
    [],
    {},
    [0],
    [[0, 0]],
    '__proto__',
    'hall-1',
    'row-1',
    'dlc',
    'gb300-nvl72',
    'x'.repeat(201),
    'ph-1',
    'ph-2',
    '2026-04',
    '2026-13',
    'dry-cooler',
    { 'land-acre': 1 },
    { __proto__: 1 },
  ),
);
const mutation: fc.Arbitrary<Mutation> = fc.record({
  pick: fc.nat(),
  op: fc.constantFrom('delete', 'replace', 'duplicate'),
  value: interesting,
});

describe('mutations of a valid layout', () => {
  test('load as a valid layout or give an error; staged validation agrees with the whole schema', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (plant, mutations) => {
          // With or without version 2's plant, phases and settings.
          let doc: Json = JSON.parse(serializeLayout(plant ? plantLayout() : minimalLayout()));
          for (const m of mutations) doc = mutate(doc, m);
          const r = parseLayoutValue(doc);
          expectWellFormed(r);

          // For a current-version file the parser (shell, then element by element) must agree with
          // layoutSchema applied whole, plus the cross-field checks.
          if (isRawDoc(doc) && doc.format === FORMAT_ID && doc.version === 2) {
            const whole = layoutSchema.safeParse(doc);
            const wholeOk = whole.success && crossFieldIssues(whole.data).length === 0;
            expect(r.ok).toBe(wholeOk);
            if (r.ok && whole.success) expect(r.layout).toEqual(whole.data);
            if (!r.ok && !whole.success) {
              const paths = (ps: string[]) => [...new Set(ps)].sort();
              expect(paths(r.error.issues.map((i) => i.path))).toEqual(
                paths(whole.error.issues.map((i) => formatPath(i.path))),
              );
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the collections of version 2, generated', () => {
  const num = (min: number, max: number) => fc.double({ min, max, noNaN: true });
  const anyNumber = fc.oneof(num(-1e6, 1e6), fc.constantFrom(0, -1, 1e308, 0.5));
  const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
  const rect = {
    id: maybe(fc.oneof(fc.constantFrom('gen-1', 'bess-1', 'cp-1', 'hall-1', ''), fc.string())),
    name: maybe(fc.string({ maxLength: 5 })),
    x: maybe(anyNumber),
    y: maybe(anyNumber),
    width: maybe(anyNumber),
    depth: maybe(anyNumber),
    rotation: maybe(anyNumber),
    phaseId: maybe(fc.constantFrom('ph-1', 'ph-2', 'ph-9', '')),
  };
  const strip = <T extends object>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  const gens = fc.array(
    fc
      .record({
        ...rect,
        units: maybe(fc.oneof(fc.integer({ min: -2, max: 20 }), anyNumber)),
        unitMw: maybe(anyNumber),
      })
      .map(strip),
    { maxLength: 3 },
  );
  const bess = fc.array(
    fc.record({ ...rect, powerMw: maybe(anyNumber), energyMwh: maybe(anyNumber) }).map(strip),
    { maxLength: 3 },
  );
  const plants = fc.array(
    fc
      .record({
        ...rect,
        type: maybe(
          fc.constantFrom('dry-cooler', 'adiabatic', 'chiller-tower', 'air-chiller', 'lake'),
        ),
        units: maybe(fc.integer({ min: -2, max: 20 })),
        unitMw: maybe(anyNumber),
      })
      .map(strip),
    { maxLength: 3 },
  );
  const feeders = fc.array(
    fc
      .record({
        id: rect.id,
        name: rect.name,
        points: maybe(fc.array(fc.tuple(anyNumber, anyNumber), { maxLength: 4 })),
        capacityMva: maybe(anyNumber),
        phaseId: rect.phaseId,
      })
      .map(strip),
    { maxLength: 3 },
  );
  const phases = fc.array(
    fc
      .record({
        id: maybe(fc.constantFrom('ph-1', 'ph-2', 'ph-3', '')),
        name: maybe(fc.string({ maxLength: 5 })),
        energize: maybe(
          fc.oneof(fc.constantFrom(null, '2026-04', '1899-12', '2026-4'), fc.string()),
        ),
      })
      .map(strip),
    { maxLength: 3 },
  );

  test('load whole and valid, or are refused with issues at their paths', () => {
    fc.assert(
      fc.property(gens, bess, plants, feeders, phases, (g, b, p, f, ph) => {
        const doc = JSON.parse(serializeLayout(minimalLayout())) as Record<string, unknown> & {
          settings: Record<string, unknown>;
        };
        doc.generatorYards = g;
        doc.batteryYards = b;
        doc.coolingPlants = p;
        doc.powerFeeders = f;
        doc.settings.phases = ph;
        const r = parseLayoutValue(doc);
        expectWellFormed(r);
        const whole = layoutSchema.safeParse(doc);
        const wholeOk = whole.success && crossFieldIssues(whole.data).length === 0;
        expect(r.ok).toBe(wholeOk);
        if (r.ok) {
          // Every element kept, with its phase among the phases.
          expect(r.layout.generatorYards).toHaveLength(g.length);
          expect(r.layout.powerFeeders).toHaveLength(f.length);
          const ids = new Set(r.layout.settings.phases.map((x) => x.id));
          for (const e of [...r.layout.generatorYards, ...r.layout.coolingPlants])
            expect(e.phaseId === undefined || ids.has(e.phaseId)).toBe(true);
        } else {
          for (const issue of r.error.issues.filter((i) => i.path))
            expect(issue.path).toMatch(
              /^(settings|generatorYards|batteryYards|coolingPlants|powerFeeders|halls|rackRows|coolingZones|substations|fiberTrenches)\b/,
            );
        }
      }),
      { numRuns: 300 },
    );
  });
});
