import { describe, expect, test } from 'vitest';
import { FORMAT_VERSION, type Layout } from '../model';
import v0Sample from './fixtures/v0-sample.json';
import { migrate, MIGRATIONS, migrateV0ToV1, type RawDoc } from './migrate';
import { parseLayoutValue } from './parse';
import { serializeLayout } from './serialize';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** fixtures/v0-sample.json as a version 1 document. */
const V0_SAMPLE_AS_V1: Layout = {
  format: 'ai-campus-layout',
  version: 1,
  name: 'Pre-release sample campus',
  settings: { targetTier: 'hopper', redundancy: '2N', powerFactor: 0.95, pue: null, setbackM: 0 },
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

describe('migrations', () => {
  test('there is one for every version below the current one', () => {
    for (let v = 0; v < FORMAT_VERSION; v++) expect(typeof MIGRATIONS[v]).toBe('function');
    expect(MIGRATIONS[FORMAT_VERSION]).toBeUndefined();
  });

  test('version 0 → 1: the fixture becomes the expected document', () => {
    expect(migrateV0ToV1(clone(v0Sample) as RawDoc)).toEqual(V0_SAMPLE_AS_V1);
  });

  test('a version 0 file loads, reporting where it came from', () => {
    const input = clone(v0Sample);
    const r = parseLayoutValue(input);
    expect(r).toEqual({ ok: true, layout: V0_SAMPLE_AS_V1, migratedFrom: 0 });
    // The input is not modified, and once saved the file is version 1.
    expect(input).toEqual(v0Sample);
    if (r.ok) expect(JSON.parse(serializeLayout(r.layout))).toEqual(V0_SAMPLE_AS_V1);
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
