import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { layoutJsonSchema, parseLayoutText, serializeLayout } from '../src/domain/format';
import { minimalLayout } from '../src/domain/format/testing';
import { generateCampus } from '../src/domain/report/generateCampus';
import v0Sample from '../src/domain/format/fixtures/v0-sample.json';
import { SEEDS_DIR } from './build-seeds';
import { SCHEMA_FILE, SCHEMA_PATH, schemaText } from './build-schema';

/** The committed file, read as a user of the format would: not through the planner's code. */
const committed = readFileSync(SCHEMA_PATH, 'utf8');
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(JSON.parse(committed) as object);
const valid = (doc: unknown) => validate(doc) === true;
const errorPaths = (doc: unknown): string[] =>
  valid(doc) ? [] : (validate.errors ?? []).map((e) => e.instancePath);

/** A saved file as plain JSON, typed loosely enough to break it in the tests below. */
interface Doc {
  format: unknown;
  version: unknown;
  settings: Record<string, unknown>;
  parcel: { points: unknown };
  halls: Record<string, unknown>[];
  rackRows: Record<string, unknown>[];
  substations: Record<string, unknown>[];
  fiberTrenches?: unknown;
}
const minimalDoc = () => JSON.parse(serializeLayout(minimalLayout())) as Doc;

describe(`the published schema, schema/${SCHEMA_FILE}`, () => {
  it('is current: equal to a fresh build (run npm run schema if not)', () => {
    expect(committed).toBe(schemaText());
    expect(committed).toBe(`${JSON.stringify(layoutJsonSchema(), null, 2)}\n`);
    // Stable: two builds give the same bytes.
    expect(schemaText()).toBe(schemaText());
  });

  it('is a draft 2020-12 schema with a title', () => {
    expect(JSON.parse(committed)).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      title: 'AI campus layout',
    });
  });

  const seedFiles = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.json'));
  it.each(seedFiles)('accepts the seed %s', (file) => {
    const doc: unknown = JSON.parse(readFileSync(join(SEEDS_DIR, file), 'utf8'));
    expect(errorPaths(doc)).toEqual([]);
  });

  it('accepts serialized generated layouts, with and without a site anchor', () => {
    expect(seedFiles.length).toBeGreaterThanOrEqual(4);
    for (const [racks, seed] of [
      [8, 1],
      [500, 2],
      [3000, 7],
    ] as const) {
      const layout = generateCampus({ racks, seed });
      expect(valid(JSON.parse(serializeLayout(layout)))).toBe(true);
      const placed = {
        ...layout,
        settings: {
          ...layout.settings,
          site: { latitude: 39.04, longitude: -77.49, bearingDeg: 20 },
        },
      };
      const text = serializeLayout(placed);
      expect(valid(JSON.parse(text))).toBe(true);
      expect(parseLayoutText(text).ok).toBe(true);
    }
  });

  it('refuses invalid documents, at the bad field', () => {
    const cases: [string, (d: Doc) => void, string][] = [
      ['another format', (d) => (d.format = 'excalidraw'), '/format'],
      ['a newer version', (d) => (d.version = 2), '/version'],
      ['a hall of zero width', (d) => (d.halls[0]!.width = 0), '/halls/0/width'],
      ['a coordinate past 100 km', (d) => (d.halls[0]!.x = 100_001), '/halls/0/x'],
      ['a fractional rack count', (d) => (d.rackRows[0]!.rackCount = 2.5), '/rackRows/0/rackCount'],
      ['an unknown profile', (d) => (d.rackRows[1]!.profile = 'nope'), '/rackRows/1/profile'],
      [
        '"NaN" as text',
        (d) => (d.substations[0]!.capacityMva = 'NaN'),
        '/substations/0/capacityMva',
      ],
      [
        'a two-point parcel',
        (d) =>
          (d.parcel.points = [
            [0, 0],
            [1, 1],
          ]),
        '/parcel/points',
      ],
      ['a missing collection', (d) => delete d.fiberTrenches, ''],
      [
        'a latitude of 91',
        (d) => (d.settings.site = { latitude: 91, longitude: 0 }),
        '/settings/site',
      ],
      ['a site with no longitude', (d) => (d.settings.site = { latitude: 1 }), '/settings/site'],
    ];
    for (const [what, change, path] of cases) {
      const doc = minimalDoc();
      change(doc);
      const paths = errorPaths(doc);
      expect(paths.length, what).toBeGreaterThan(0);
      expect(
        paths.some((p) => p.startsWith(path)),
        `${what}: ${paths.join(', ')}`,
      ).toBe(true);
      // The planner's parser refuses them too.
      expect(parseLayoutText(JSON.stringify(doc)).ok, what).toBe(false);
    }
  });

  it('describes version 1 only: a version 0 file is not valid until migrated', () => {
    expect(valid(v0Sample)).toBe(false);
    const r = parseLayoutText(JSON.stringify(v0Sample));
    expect(r.ok && r.migratedFrom).toBe(0);
    if (r.ok) expect(valid(JSON.parse(serializeLayout(r.layout)))).toBe(true);
  });
});
