import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { layoutJsonSchema, parseLayoutText, serializeLayout } from '../src/domain/format';
import { minimalLayout, plantLayout } from '../src/domain/format/testing';
import { benchCampus } from '../src/domain/report/benchCampus';
import v0Sample from '../src/domain/format/fixtures/v0-sample.json';
import v1Sample from '../src/domain/format/fixtures/v1-sample.json';
import v1Seed from '../src/domain/format/fixtures/v1-traditional-20mw.json';
import { SEEDS_DIR } from './build-seeds';
import { SCHEMA_DIR, SCHEMA_FILE, SCHEMA_PATH, schemaText } from './build-schema';

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
      const layout = benchCampus({ racks, seed });
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
      ['a newer version', (d) => (d.version = 3), '/version'],
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

  it('accepts every kind and setting of version 2', () => {
    expect(errorPaths(JSON.parse(serializeLayout(plantLayout())))).toEqual([]);
  });

  it('refuses bad version 2 fields, at the field', () => {
    type Doc2 = Doc & {
      settings: { phases: Record<string, unknown>[]; costs: Record<string, unknown> } & Record<
        string,
        unknown
      >;
      generatorYards: Record<string, unknown>[];
      coolingPlants: Record<string, unknown>[];
      powerFeeders: Record<string, unknown>[];
    };
    const cases: [string, (d: Doc2) => void, string][] = [
      ['no phases', (d) => (d.settings.phases = []), '/settings/phases'],
      ['a bad month', (d) => (d.settings.phases[0]!.energize = '2026-13'), '/settings/phases/0'],
      ['utilization over 1', (d) => (d.settings.utilization = 1.2), '/settings/utilization'],
      ['a negative cost', (d) => (d.settings.costs['land-acre'] = -1), '/settings/costs'],
      ['a cost id in capitals', (d) => (d.settings.costs.LAND = 1), '/settings/costs'],
      ['zero units', (d) => (d.generatorYards[0]!.units = 0), '/generatorYards/0/units'],
      [
        'an unknown plant type',
        (d) => (d.coolingPlants[0]!.type = 'lake'),
        '/coolingPlants/0/type',
      ],
      [
        'a one-point feeder',
        (d) => (d.powerFeeders[0]!.points = [[0, 0]]),
        '/powerFeeders/0/points',
      ],
      ['a missing plant list', (d) => delete (d as Partial<Doc2>).coolingPlants, ''],
    ];
    for (const [what, change, path] of cases) {
      const doc = JSON.parse(serializeLayout(plantLayout())) as Doc2;
      change(doc);
      const paths = errorPaths(doc);
      expect(
        paths.some((p) => p.startsWith(path)),
        `${what}: ${paths.join(', ')}`,
      ).toBe(true);
      expect(parseLayoutText(JSON.stringify(doc)).ok, what).toBe(false);
    }
  });

  it('describes version 2 only: version 0 and 1 files are not valid until migrated', () => {
    for (const [old, from] of [
      [v0Sample, 0],
      [v1Sample, 1],
    ] as const) {
      expect(valid(old)).toBe(false);
      const r = parseLayoutText(JSON.stringify(old));
      expect(r.ok && r.migratedFrom).toBe(from);
      if (r.ok) expect(valid(JSON.parse(serializeLayout(r.layout)))).toBe(true);
    }
  });
});

describe('the version 1 schema, schema/ai-campus-layout.v1.schema.json (kept for old files)', () => {
  const v1 = ajv.compile(
    JSON.parse(readFileSync(join(SCHEMA_DIR, 'ai-campus-layout.v1.schema.json'), 'utf8')) as object,
  );

  it('is still there, beside the version 2 schema', () => {
    expect(SCHEMA_FILE).toBe('ai-campus-layout.v2.schema.json');
    expect(readdirSync(SCHEMA_DIR).sort()).toEqual([
      'ai-campus-layout.v1.schema.json',
      'ai-campus-layout.v2.schema.json',
    ]);
  });

  it('accepts the version 1 fixtures, which the planner migrates', () => {
    for (const doc of [v1Sample, v1Seed]) {
      expect(v1(doc), JSON.stringify(v1.errors)).toBe(true);
      const r = parseLayoutText(JSON.stringify(doc));
      expect(r.ok && r.migratedFrom).toBe(1);
    }
  });

  it('refuses version 2 files by their version (a version 1 reader must not half-read them)', () => {
    const doc = JSON.parse(serializeLayout(minimalLayout())) as Record<string, unknown>;
    expect(v1(doc)).toBe(false);
    expect(v1.errors!.some((e) => e.instancePath === '/version')).toBe(true);
  });
});
