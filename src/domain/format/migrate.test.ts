import { describe, expect, test } from 'vitest';
import { emptyPlant, FORMAT_VERSION, type Layout } from '../model';
import v0Sample from './fixtures/v0-sample.json';
import v1Sample from './fixtures/v1-sample.json';
import { migrate, MIGRATIONS, migrateV0ToV1, migrateV1ToV2, type RawDoc } from './migrate';
import { readFileSync } from 'node:fs';
import v1Seed from './fixtures/v1-traditional-20mw.json';
import { parseLayoutText, parseLayoutValue } from './parse';
import { serializeLayout } from './serialize';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** fixtures/v0-sample.json as a version 1 document (fixtures/v1-sample.json holds it as a file). */
const V0_SAMPLE_AS_V1 = {
  format: 'ai-campus-layout',
  version: 1,
  name: 'Pre-release sample campus',
  settings: {
    targetTier: 'hopper' as const,
    redundancy: '2N' as const,
    powerFactor: 0.95,
    pue: null,
    setbackM: 0,
  },
  parcel: {
    points: [
      [0, 0],
      [1200, 0],
      [1200, 900],
      [0, 900],
    ],
  },
  halls: [
    {
      id: 'hall-1',
      name: 'Hall A',
      x: 300,
      y: 250,
      width: 160,
      depth: 70,
      rotation: 0,
      floorRatingKpa: 18,
      rowPowerMw: 0.8,
    },
    {
      id: 'hall-2',
      name: 'Hall B',
      x: 300,
      y: 450,
      width: 160,
      depth: 70,
      rotation: 90,
      floorRatingKpa: 12,
      rowPowerMw: 0.4,
    },
  ],
  rackRows: [
    {
      id: 'row-1',
      hallId: 'hall-1',
      x: 40,
      y: 15,
      rotation: 0,
      rackCount: 10,
      profile: 'hgx-h100',
      kwPerRack: 41,
      massKg: null,
    },
    {
      id: 'row-2',
      hallId: 'hall-1',
      x: 40,
      y: 30,
      rotation: 0,
      rackCount: 10,
      profile: 'hgx-h100',
      kwPerRack: null,
      massKg: 1200,
    },
    {
      id: 'row-3',
      hallId: 'hall-2',
      x: 60,
      y: 20,
      rotation: 180,
      rackCount: 20,
      profile: 'enterprise-air',
      kwPerRack: 10,
      massKg: null,
    },
  ],
  coolingZones: [
    {
      id: 'cz-1',
      name: 'Chillers',
      x: 300,
      y: 350,
      width: 200,
      depth: 300,
      rotation: 0,
      type: 'rdhx',
      capacityMw: 30,
    },
  ],
  substations: [
    {
      id: 'sub-1',
      name: '138 kV yard',
      x: 1000,
      y: 150,
      width: 100,
      depth: 80,
      rotation: 0,
      capacityMva: 120,
      voltageKv: 138,
    },
  ],
  fiberTrenches: [
    {
      id: 'tr-1',
      name: 'Spine',
      points: [
        [380, 250],
        [380, 450],
        [1000, 150],
      ],
      fiberCount: 864,
    },
  ],
};

/** The same document in version 2: the v1 fields as they were, one phase, no plant yet. */
const V0_SAMPLE_AS_V2: Layout = {
  ...V0_SAMPLE_AS_V1,
  version: 2,
  settings: {
    ...V0_SAMPLE_AS_V1.settings,
    phases: [{ id: 'ph-1', name: 'Phase 1', energize: null }],
    utilization: 0.8,
    energyPricePerMwh: null,
    revenuePerMwYear: null,
    costs: {},
  },
  ...emptyPlant(),
} as unknown as Layout;

describe('migrations', () => {
  test('there is one for every version below the current one', () => {
    for (let v = 0; v < FORMAT_VERSION; v++) expect(typeof MIGRATIONS[v]).toBe('function');
    expect(MIGRATIONS[FORMAT_VERSION]).toBeUndefined();
  });

  test('version 0 → 1: the fixture becomes the expected document', () => {
    expect(migrateV0ToV1(clone(v0Sample) as RawDoc)).toEqual(V0_SAMPLE_AS_V1);
  });

  test('a version 0 file loads through both steps, reporting where it came from', () => {
    const input = clone(v0Sample);
    const r = parseLayoutValue(input);
    expect(r).toEqual({ ok: true, layout: V0_SAMPLE_AS_V2, migratedFrom: 0 });
    // The input is not modified, and once saved the file is version 2.
    expect(input).toEqual(v0Sample);
    if (r.ok) expect(JSON.parse(serializeLayout(r.layout))).toEqual(V0_SAMPLE_AS_V2);
  });

  test('version 1 → 2: the fixture gains empty plant lists and one phase, nothing else changes', () => {
    expect(v1Sample).toEqual(V0_SAMPLE_AS_V1);
    const input = clone(v1Sample) as RawDoc;
    expect(migrateV1ToV2(input)).toEqual(V0_SAMPLE_AS_V2);
    expect(input).toEqual(v1Sample); // not modified
    const r = parseLayoutValue(clone(v1Sample));
    expect(r).toEqual({ ok: true, layout: V0_SAMPLE_AS_V2, migratedFrom: 1 });
    // Absent phaseId means the first phase: none is written for the migrated elements.
    if (r.ok) expect(serializeLayout(r.layout)).not.toContain('phaseId');
  });

  test('version 1 → 2 replaces what a version 1 reader ignored under the new names', () => {
    // A version 1 reader dropped unknown keys, so these meant nothing in the file: they must not
    // start to mean something (or make the file invalid) once it is read as version 2.
    const doc = clone(v1Sample) as RawDoc;
    (doc.settings as RawDoc).phases = 'soon';
    (doc.settings as RawDoc).costs = { 'land-acre': -1 };
    (doc.halls as RawDoc[])[0]!.phaseId = 'ph-9';
    doc.generatorYards = [{ id: 'x' }];
    const r = parseLayoutValue(doc);
    expect(r).toEqual({ ok: true, layout: V0_SAMPLE_AS_V2, migratedFrom: 1 });
  });

  test('version 1 → 2 with settings missing or not an object: defaults, or reported as before', () => {
    const doc = clone(v1Sample) as RawDoc;
    delete doc.settings;
    const out = migrateV1ToV2(doc);
    expect(out).not.toHaveProperty('settings');
    const r = parseLayoutValue(doc);
    expect(r.ok && r.layout.settings.phases).toEqual([
      { id: 'ph-1', name: 'Phase 1', energize: null },
    ]);
    const bad = { ...clone(v1Sample), settings: 7 } as RawDoc;
    expect(migrateV1ToV2(bad).settings).toBe(7);
    const rb = parseLayoutValue(bad);
    expect(!rb.ok && rb.error.message).toBe(
      'settings: must be a settings object (in the file as upgraded from format version 1)',
    );
  });

  test('a version 1 seed file migrates to exactly the version 2 seed built today, less its plant', () => {
    const r1 = parseLayoutValue(clone(v1Seed));
    const r2 = parseLayoutText(
      readFileSync(new URL('../../../seeds/traditional-20mw.json', import.meta.url), 'utf8'),
    );
    expect(r1.ok && r1.migratedFrom).toBe(1);
    expect(r2.ok && r2.migratedFrom).toBe(null);
    // Version 1 has no feeders, yards or plants; the seed has gained them since.
    if (r1.ok && r2.ok) expect(r1.layout).toEqual({ ...r2.layout, ...emptyPlant() });
    expect(r2.ok && r2.layout.powerFeeders.length).toBeGreaterThan(0);
  });

  test('version 0 fields missing from the file stay missing (defaults or "is required" afterwards)', () => {
    const doc = clone(v0Sample) as RawDoc;
    delete doc.tier;
    delete (doc.halls as RawDoc[])[0]!.floorKpa;
    const out = migrateV0ToV1(doc);
    expect(out.settings).toEqual({ redundancy: '2N', powerFactor: 0.95, pue: null, setbackM: 0 });
    expect((out.halls as RawDoc[])[0]).not.toHaveProperty('floorRatingKpa');
    const r = parseLayoutValue(doc);
    expect(!r.ok && r.error.issues).toEqual([
      { path: 'halls[0].floorRatingKpa', message: 'is required' },
    ]);
  });

  test('a bad field in an old file is reported at its current path, saying the file was upgraded', () => {
    const doc = clone(v0Sample) as RawDoc;
    (doc.rows as RawDoc[])[2]!.racks = 0;
    const r = parseLayoutValue(doc);
    expect(!r.ok && r.error).toEqual({
      kind: 'invalid',
      message:
        'rackRows[2].rackCount: must be a whole number from 1 to 1,000 (in the file as upgraded from format version 0)',
      issues: [
        { path: 'rackRows[2].rackCount', message: 'must be a whole number from 1 to 1,000' },
      ],
      total: 1,
      totalIsLowerBound: false,
    });
  });

  test('odd version 0 input does not throw: non-objects pass through for validation to report', () => {
    const out = migrateV0ToV1({
      format: 'ai-campus-layout',
      version: 0,
      halls: [3, null],
      rows: 'none',
      parcel: 7,
    });
    expect(out).toEqual({
      format: 'ai-campus-layout',
      version: 1,
      settings: { powerFactor: 0.95, pue: null, setbackM: 0 },
      parcel: { points: 7 },
      halls: [3, null],
      rackRows: 'none',
    });
    const r = parseLayoutValue({ format: 'ai-campus-layout', version: 0, halls: [3], parcel: 7 });
    // Version 1 → 2 then adds the new (empty) collections, so only the old ones are missing.
    expect(!r.ok && r.error.kind).toBe('invalid');
    expect(!r.ok && r.error.issues.map((i) => i.path)).toEqual([
      'parcel.points',
      'rackRows',
      'coolingZones',
      'substations',
      'fiberTrenches',
      'halls[0]',
    ]);
  });

  test('a migration that throws, is missing or returns garbage fails, naming the step', () => {
    const doc: RawDoc = { format: 'ai-campus-layout', version: 0 };
    const throwing = {
      0: () => {
        throw new Error('boom');
      },
    };
    expect(migrate(doc, 0, 1, throwing)).toEqual({ ok: false, from: 0, to: 1, reason: 'boom' });
    expect(migrate(doc, 0, 2, { 0: migrateV0ToV1 })).toEqual({
      ok: false,
      from: 1,
      to: 2,
      reason: 'no migration is known for this step',
    });
    for (const garbage of [
      null,
      42,
      [],
      { format: 'ai-campus-layout', version: 0 },
      { version: 1 },
    ]) {
      expect(migrate(doc, 0, 1, { 0: () => garbage as RawDoc })).toEqual({
        ok: false,
        from: 0,
        to: 1,
        reason: 'the migration did not produce a version 1 layout',
      });
    }
  });

  test('a failing migration gives a migration-failed load error', () => {
    // A value (not JSON text) whose field throws when read, inside the version 0 → 1 step.
    const hostile = {
      format: 'ai-campus-layout',
      version: 0,
      get halls(): unknown {
        throw new Error('cannot read halls');
      },
    };
    const r = parseLayoutValue(hostile);
    expect(!r.ok && r.error).toEqual({
      kind: 'migration-failed',
      message: 'migrating from version 0 to 1 failed: cannot read halls',
      issues: [],
    });
  });
});
