import { describe, expect, test } from 'vitest';
import { siteAnchorSchema } from '../geo/anchor';
import { COLLECTIONS, KINDS, phaseSchema, settingsSchema } from '../kinds';
import { fillHallFormSchema } from '../ops/fillHall';
import { parseLayoutValue } from './parse';
import { serializeLayout } from './serialize';
import { plantLayout } from './testing';

/**
 * The schemas are zod/mini's, which loads no locale: an issue raised by a schema or check without
 * its own `error` would read "Invalid input". Every message a user sees is the planner's own, so
 * every schema and check carries one; these tests find one that does not.
 */
const ZOD_FALLBACK = /^Invalid input/;

/** Wrong values of every JSON type, and out-of-range numbers and texts. */
const WRONG: readonly unknown[] = [
  null,
  true,
  -1,
  0,
  0.5,
  1.5,
  1e308,
  -200_001,
  '',
  'x',
  'a'.repeat(201),
  'a\u200bb',
  '2026-13',
  [],
  [1],
  [1, 2, 3],
  {},
  { a: 1 },
];
const DELETE = Symbol('delete');

type Json = Record<string, unknown> | unknown[];
const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null;

/** Every path into a JSON value (its root included), lists cut to their first two items. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (Array.isArray(v)) v.slice(0, 2).forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (isJson(v)) for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}

function withValue(doc: unknown, at: (string | number)[], value: unknown): unknown {
  if (at.length === 0) return value === DELETE ? undefined : value;
  const copy = structuredClone(doc) as Json;
  let parent = copy as Record<string | number, unknown>;
  for (const k of at.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = at[at.length - 1]!;
  if (value === DELETE) delete parent[last];
  else parent[last] = value;
  return copy;
}

describe('every message is the planner’s own, not a zod default', () => {
  test('a file with any one field wrong, of any kind and version 2 setting', () => {
    const layout = plantLayout();
    const doc = JSON.parse(
      serializeLayout({
        ...layout,
        settings: { ...layout.settings, site: { latitude: 52, longitude: 4, bearingDeg: 10 } },
      }),
    ) as unknown;
    let refused = 0;
    for (const at of paths(doc)) {
      for (const value of [...WRONG, DELETE]) {
        const r = parseLayoutValue(withValue(doc, at, value));
        if (r.ok) continue;
        refused++;
        expect(r.error.message).not.toMatch(ZOD_FALLBACK);
        for (const issue of r.error.issues)
          expect(issue.message, issue.path).not.toMatch(ZOD_FALLBACK);
      }
    }
    expect(refused).toBeGreaterThan(1000);
  });

  test('each field schema the inspector and the fill form check values with', () => {
    const shapes: Record<string, object> = {
      settings: settingsSchema.shape,
      phase: phaseSchema.shape,
      site: siteAnchorSchema.shape,
      fillHall: fillHallFormSchema.shape,
      ...Object.fromEntries(COLLECTIONS.map((c) => [c, KINDS[c].schema.shape])),
    };
    let refused = 0;
    for (const [what, shape] of Object.entries(shapes)) {
      for (const [key, schema] of Object.entries(shape as Record<string, typeof phaseSchema>)) {
        for (const value of [...WRONG, undefined, Number.NaN, Infinity]) {
          const r = schema.safeParse(value);
          if (r.success) continue;
          refused++;
          for (const issue of r.error.issues)
            expect(issue.message, `${what}.${key} = ${String(value)}`).not.toMatch(ZOD_FALLBACK);
        }
      }
    }
    expect(refused).toBeGreaterThan(500);
  });
});
