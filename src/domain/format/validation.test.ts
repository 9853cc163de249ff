import { describe, expect, test } from 'vitest';
import {
  parseLayoutText,
  parseLayoutValue,
  MAX_LISTED_ISSUES,
  type LoadError,
  type LoadIssue,
} from './parse';
import { serializeLayout } from './serialize';
import { minimalLayout, plantLayout } from './testing';

/** Marks a field to delete in fileWith. */
const DELETE = Symbol('delete');

/**
 * A JSON copy of the minimal layout with changes at dotted paths ("halls.0.width"; array indices
 * as numbers), each set to a value or DELETE.
 */
function fileWith(changes: Record<string, unknown>): unknown {
  const doc = JSON.parse(serializeLayout(minimalLayout())) as Record<string, unknown>;
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.split('.');
    let parent = doc;
    for (const k of keys.slice(0, -1)) parent = parent[k] as Record<string, unknown>;
    const last = keys[keys.length - 1]!;
    if (value === DELETE) delete parent[last];
    else parent[last] = value;
  }
  return doc;
}

function errorOf(value: unknown): LoadError {
  const r = parseLayoutValue(value);
  if (r.ok) throw new Error('expected the file to be refused');
  return r.error;
}
/** The file is refused as 'invalid' with exactly this one issue. */
function expectOnlyIssue(value: unknown, path: string, message: string) {
  const e = errorOf(value);
  expect(e.kind).toBe('invalid');
  expect(e.issues).toEqual<LoadIssue[]>([{ path, message }]);
  expect(e.message).toBe(`${path}: ${message}`);
}

describe('a valid file', () => {
  test('the minimal layout loads as itself', () => {
    const r = parseLayoutValue(fileWith({}));
    expect(r).toEqual({ ok: true, layout: minimalLayout(), migratedFrom: null });
  });

  test('missing settings take the defaults, and so do missing single settings', () => {
    const r1 = parseLayoutValue(fileWith({ settings: DELETE }));
    expect(r1.ok && r1.layout.settings).toEqual({
      targetTier: 'blackwell',
      redundancy: 'N+1',
      powerFactor: 0.95,
      pue: null,
      setbackM: 0,
      phases: [{ id: 'ph-1', name: 'Phase 1', energize: null }],
      utilization: 0.8,
      energyPricePerMwh: null,
      revenuePerMwYear: null,
      costs: {},
    });
    const r2 = parseLayoutValue(fileWith({ settings: { targetTier: 'rubin', pue: 1.2 } }));
    expect(r2.ok && r2.layout.settings).toEqual({
      targetTier: 'rubin',
      redundancy: 'N+1',
      powerFactor: 0.95,
      pue: 1.2,
      setbackM: 0,
      phases: [{ id: 'ph-1', name: 'Phase 1', energize: null }],
      utilization: 0.8,
      energyPricePerMwh: null,
      revenuePerMwYear: null,
      costs: {},
    });
  });

  test('optional element fields take their defaults (name "", rotation 0, kW and mass from the profile)', () => {
    const r = parseLayoutValue(
      fileWith({
        'halls.0.name': DELETE,
        'halls.0.rotation': DELETE,
        'rackRows.0.kwPerRack': DELETE,
        'rackRows.0.massKg': DELETE,
      }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.layout.halls[0]).toMatchObject({ name: '', rotation: 0 });
    expect(r.layout.rackRows[0]).toMatchObject({ kwPerRack: null, massKg: null });
  });

  test('empty collections are fine', () => {
    const r = parseLayoutValue(
      fileWith({ halls: [], rackRows: [], coolingZones: [], substations: [], fiberTrenches: [] }),
    );
    expect(r.ok).toBe(true);
  });
});

describe('each bad field is named with its path and what is wrong', () => {
  test('wrong type', () => {
    expectOnlyIssue(
      fileWith({ 'halls.0.width': 'wide' }),
      'halls[0].width',
      'must be a positive number',
    );
    expectOnlyIssue(fileWith({ 'halls.0.x': true }), 'halls[0].x', 'must be a number');
    expectOnlyIssue(fileWith({ 'halls.0.id': 7 }), 'halls[0].id', 'must be a text id');
    expectOnlyIssue(fileWith({ 'halls.0.name': { html: 1 } }), 'halls[0].name', 'must be text');
    expectOnlyIssue(fileWith({ halls: { 0: {} } }), 'halls', 'must be a list');
    expectOnlyIssue(fileWith({ 'halls.1': 5 }), 'halls[1]', 'must be a hall object');
    expectOnlyIssue(fileWith({ parcel: [[0, 0]] }), 'parcel', 'must be an object with points');
    expectOnlyIssue(fileWith({ settings: 'fast' }), 'settings', 'must be a settings object');
  });

  test('negative and zero sizes', () => {
    expectOnlyIssue(
      fileWith({ 'halls.0.width': -5 }),
      'halls[0].width',
      'must be a positive number',
    );
    expectOnlyIssue(
      fileWith({ 'halls.0.depth': 0 }),
      'halls[0].depth',
      'must be a positive number',
    );
    expectOnlyIssue(
      fileWith({ 'substations.0.capacityMva': 0 }),
      'substations[0].capacityMva',
      'must be a positive number',
    );
    expectOnlyIssue(
      fileWith({ 'coolingZones.0.width': -1 }),
      'coolingZones[0].width',
      'must be a positive number',
    );
  });

  test('"NaN" and other number-like strings are not numbers', () => {
    expectOnlyIssue(fileWith({ 'halls.0.x': 'NaN' }), 'halls[0].x', 'must be a number');
    expectOnlyIssue(fileWith({ 'halls.0.y': 'Infinity' }), 'halls[0].y', 'must be a number');
    expectOnlyIssue(
      fileWith({ 'rackRows.0.rackCount': '8' }),
      'rackRows[0].rackCount',
      'must be a whole number from 1 to 1,000',
    );
  });

  test('NaN and Infinity values (possible in a value, not in JSON text) are refused', () => {
    expectOnlyIssue(fileWith({ 'halls.0.x': NaN }), 'halls[0].x', 'must be a number');
    expectOnlyIssue(
      fileWith({ 'halls.0.width': Infinity }),
      'halls[0].width',
      'must be a positive number',
    );
    expectOnlyIssue(
      fileWith({ 'parcel.points.1.0': -Infinity }),
      'parcel.points[1][0]',
      'must be a number',
    );
  });

  test('huge numbers (1e308)', () => {
    expectOnlyIssue(fileWith({ 'halls.0.x': 1e308 }), 'halls[0].x', 'must be within ±100,000 m');
    expectOnlyIssue(
      fileWith({ 'halls.0.width': 1e308 }),
      'halls[0].width',
      'must be at most 100,000 m',
    );
    expectOnlyIssue(
      fileWith({ 'fiberTrenches.0.fiberCount': 1e308 }),
      'fiberTrenches[0].fiberCount',
      'must be a whole number from 1 to 100,000',
    );
    // 1e309 in JSON text is Infinity after JSON.parse.
    const text = serializeLayout(minimalLayout()).replace('"x": 300', '"x": 1e309');
    const r = parseLayoutText(text);
    expect(!r.ok && r.error.issues).toEqual([{ path: 'halls[0].x', message: 'must be a number' }]);
  });

  test('coordinates beyond ±100 km', () => {
    expectOnlyIssue(fileWith({ 'halls.0.x': 100_001 }), 'halls[0].x', 'must be within ±100,000 m');
    expectOnlyIssue(
      fileWith({ 'substations.0.y': -100_000.5 }),
      'substations[0].y',
      'must be within ±100,000 m',
    );
    expectOnlyIssue(
      fileWith({ 'parcel.points.2.1': 2e5 }),
      'parcel.points[2][1]',
      'must be within ±100,000 m',
    );
    expectOnlyIssue(
      fileWith({ 'fiberTrenches.0.points.0.0': -2e5 }),
      'fiberTrenches[0].points[0][0]',
      'must be within ±100,000 m',
    );
    // The bounds themselves are allowed.
    expect(parseLayoutValue(fileWith({ 'substations.0.x': 100_000 })).ok).toBe(true);
  });

  test('rackCount must be a whole number from 1 to 1,000', () => {
    for (const bad of [0, 1001, 2.5, -3]) {
      expectOnlyIssue(
        fileWith({ 'rackRows.1.rackCount': bad }),
        'rackRows[1].rackCount',
        'must be a whole number from 1 to 1,000',
      );
    }
    for (const good of [1, 1000])
      expect(parseLayoutValue(fileWith({ 'rackRows.1.rackCount': good })).ok).toBe(true);
  });

  test('kwPerRack must be from 0.1 to 2,000 kW (or null)', () => {
    for (const bad of [0, 0.09, 2000.5, -10]) {
      expectOnlyIssue(
        fileWith({ 'rackRows.1.kwPerRack': bad }),
        'rackRows[1].kwPerRack',
        'must be from 0.1 to 2,000 kW',
      );
    }
    expectOnlyIssue(
      fileWith({ 'rackRows.1.kwPerRack': '135' }),
      'rackRows[1].kwPerRack',
      'must be a number from 0.1 to 2,000 kW',
    );
    for (const good of [0.1, 2000, null])
      expect(parseLayoutValue(fileWith({ 'rackRows.1.kwPerRack': good })).ok).toBe(true);
  });

  test('settings out of range', () => {
    expectOnlyIssue(
      fileWith({ 'settings.powerFactor': 1.2 }),
      'settings.powerFactor',
      'must be from 0.5 to 1',
    );
    expectOnlyIssue(fileWith({ 'settings.pue': 0.9 }), 'settings.pue', 'must be from 1 to 5');
    expectOnlyIssue(
      fileWith({ 'settings.redundancy': '3N' }),
      'settings.redundancy',
      'must be one of the redundancy levels: N, N+1, 2N',
    );
  });

  test('unknown catalog ids: rack profile, cooling type, tier', () => {
    expectOnlyIssue(
      fileWith({ 'rackRows.0.profile': 'gb400-nvl999' }),
      'rackRows[0].profile',
      'must be one of the rack profiles: enterprise-air, hpc-air, hgx-h100, hgx-b200, gb200-nvl72, gb300-nvl72, vr-nvl144, kyber-nvl576',
    );
    expectOnlyIssue(
      fileWith({ 'coolingZones.0.type': 'evaporative' }),
      'coolingZones[0].type',
      'must be one of the cooling types: air, rdhx, dlc, immersion',
    );
    expectOnlyIssue(
      fileWith({ 'settings.targetTier': 'feynman' }),
      'settings.targetTier',
      'must be one of the tiers: traditional, hopper, blackwell, rubin, rubin-ultra',
    );
  });

  test('a duplicate id names both places, across collections too', () => {
    expectOnlyIssue(
      fileWith({ 'rackRows.1.id': 'row-1' }),
      'rackRows[1].id',
      '"row-1" is already the id of rackRows[0] (ids must be unique in the file)',
    );
    expectOnlyIssue(
      fileWith({ 'fiberTrenches.0.id': 'hall-1' }),
      'fiberTrenches[0].id',
      '"hall-1" is already the id of halls[0] (ids must be unique in the file)',
    );
  });

  test('a rack row must name a hall', () => {
    expectOnlyIssue(
      fileWith({ 'rackRows.1.hallId': 'hall-9' }),
      'rackRows[1].hallId',
      'no hall has the id "hall-9"',
    );
    expectOnlyIssue(
      fileWith({ 'rackRows.0.hallId': 'sub-1' }),
      'rackRows[0].hallId',
      '"sub-1" is substations[0], not a hall',
    );
  });

  test('the parcel needs 3 points and must not cross itself or be flat', () => {
    expectOnlyIssue(
      fileWith({
        'parcel.points': [
          [0, 0],
          [10, 0],
        ],
      }),
      'parcel.points',
      'must have at least 3 points',
    );
    // A bow-tie: the edge 0→1 crosses the edge 2→3.
    expectOnlyIssue(
      fileWith({
        'parcel.points': [
          [0, 0],
          [1000, 800],
          [1000, 0],
          [0, 800],
        ],
      }),
      'parcel.points',
      'must not cross itself: the edge from point 0 to point 1 meets the edge from point 2 to point 3',
    );
    expectOnlyIssue(
      fileWith({
        'parcel.points': [
          [5, 5],
          [5, 5],
          [5, 5],
        ],
      }),
      'parcel.points',
      'must enclose a positive area',
    );
    expectOnlyIssue(
      fileWith({ 'parcel.points.1': [5] }),
      'parcel.points[1]',
      'must be a point [x, y]',
    );
  });

  test('a fiber trench needs at least 2 points', () => {
    expectOnlyIssue(
      fileWith({ 'fiberTrenches.0.points': [[1, 1]] }),
      'fiberTrenches[0].points',
      'must have at least 2 points',
    );
  });

  test('names longer than 200 characters', () => {
    const long = 'x'.repeat(201);
    expectOnlyIssue(fileWith({ name: long }), 'name', 'must be at most 200 characters');
    expectOnlyIssue(
      fileWith({ 'substations.0.name': long }),
      'substations[0].name',
      'must be at most 200 characters',
    );
    expect(parseLayoutValue(fileWith({ name: 'x'.repeat(200) })).ok).toBe(true);
  });

  test('missing required fields', () => {
    expectOnlyIssue(fileWith({ 'halls.0.width': DELETE }), 'halls[0].width', 'is required');
    expectOnlyIssue(
      fileWith({ 'rackRows.1.profile': DELETE }),
      'rackRows[1].profile',
      'is required',
    );
    expectOnlyIssue(fileWith({ parcel: DELETE }), 'parcel', 'is required');
    expectOnlyIssue(fileWith({ rackRows: DELETE }), 'rackRows', 'is required');
    expectOnlyIssue(
      fileWith({ 'fiberTrenches.0.id': DELETE }),
      'fiberTrenches[0].id',
      'is required',
    );
  });
});

describe('several problems', () => {
  test('are all listed, in file order, with a one-line summary', () => {
    const e = errorOf(fileWith({ name: 42, 'halls.0.width': 0, 'rackRows.1.rackCount': 0 }));
    expect(e.kind).toBe('invalid');
    expect(e.issues).toEqual([
      { path: 'name', message: 'must be text' },
      { path: 'halls[0].width', message: 'must be a positive number' },
      { path: 'rackRows[1].rackCount', message: 'must be a whole number from 1 to 1,000' },
    ]);
    expect(e.message).toBe(
      '3 problems: name: must be text; halls[0].width: must be a positive number; rackRows[1].rackCount: must be a whole number from 1 to 1,000',
    );
  });

  test('the summary shows three and the list is capped with "…and N more"', () => {
    const e = errorOf(
      fileWith({
        halls: Array.from({ length: 150 }, (_, i) => ({
          ...minimalLayout().halls[0],
          id: `h${i}`,
          width: -1,
        })),
      }),
    );
    expect(e.message).toMatch(
      /^150 problems: halls\[0\]\.width: must be a positive number; halls\[1\]\.width: .*; …$/,
    );
    expect(e.issues).toHaveLength(MAX_LISTED_ISSUES + 1);
    expect(e.issues.at(-1)).toEqual({ path: '', message: '…and 50 more' });
    // The true count travels with the capped list.
    expect(e).toMatchObject({ total: 150, totalIsLowerBound: false });
  });

  test('cross-field checks run only once every field is valid', () => {
    const e = errorOf(fileWith({ 'rackRows.1.hallId': 'nowhere', 'halls.0.depth': -1 }));
    expect(e.issues).toEqual([{ path: 'halls[0].depth', message: 'must be a positive number' }]);
  });
});

describe('version 2: phases, settings and the plant', () => {
  const plantFile = () => JSON.parse(serializeLayout(plantLayout())) as Record<string, unknown>;
  const withPlant = (change: (doc: PlantDoc) => void): unknown => {
    const doc = plantFile() as PlantDoc;
    change(doc);
    return doc;
  };
  type PlantDoc = {
    settings: Record<string, unknown> & {
      phases: Record<string, unknown>[];
      costs: Record<string, unknown>;
    };
  } & Record<string, Record<string, unknown>[]> & {
      halls: Record<string, unknown>[];
      rackRows: Record<string, unknown>[];
      generatorYards: Record<string, unknown>[];
      batteryYards: Record<string, unknown>[];
      coolingPlants: Record<string, unknown>[];
      powerFeeders?: Record<string, unknown>[];
    };

  test('a file with every new kind and two phases loads as itself', () => {
    expect(parseLayoutValue(plantFile())).toEqual({
      ok: true,
      layout: plantLayout(),
      migratedFrom: null,
    });
  });

  test('the phases must be a non-empty list with unique ids', () => {
    expectOnlyIssue(
      withPlant((d) => (d.settings.phases = [])),
      'settings.phases',
      'must have at least one phase',
    );
    expectOnlyIssue(
      fileWith({ 'settings.phases': [{ id: 'a' }, { id: 'b' }, { id: 'a' }] }),
      'settings.phases[2].id',
      '"a" is already the id of another phase (phase ids must be unique)',
    );
    // Missing phases take the one default phase.
    const r = parseLayoutValue(fileWith({ 'settings.phases': DELETE }));
    expect(r.ok && r.layout.settings.phases).toEqual([
      { id: 'ph-1', name: 'Phase 1', energize: null },
    ]);
  });

  test('energize is a month "YYYY-MM" or null', () => {
    for (const bad of ['2026-13', '2026-4', '26-04', '2026-04-01', 'April', '']) {
      expectOnlyIssue(
        withPlant((d) => (d.settings.phases[0]!.energize = bad)),
        'settings.phases[0].energize',
        'must be a month "YYYY-MM" (e.g. "2026-04") or null',
      );
    }
    expectOnlyIssue(
      withPlant((d) => (d.settings.phases[0]!.energize = 202604)),
      'settings.phases[0].energize',
      'must be a month "YYYY-MM" or null',
    );
    for (const good of ['2026-01', '2030-12', null]) {
      const r = parseLayoutValue(withPlant((d) => (d.settings.phases[0]!.energize = good)));
      expect(r.ok && r.layout.settings.phases[0]!.energize).toBe(good);
    }
  });

  test('every phaseId names a phase: the message names the element', () => {
    expectOnlyIssue(
      withPlant((d) => (d.coolingPlants[0]!.phaseId = 'ph-9')),
      'coolingPlants[0].phaseId',
      'cooling plant "cp-1" names the phase "ph-9", which settings.phases does not have',
    );
    expectOnlyIssue(
      withPlant((d) => (d.halls[0]!.phaseId = 'later')),
      'halls[0].phaseId',
      'hall "hall-1" names the phase "later", which settings.phases does not have',
    );
    // Rows take their hall's phase: a row has no phaseId of its own (dropped like any unknown key).
    const r = parseLayoutValue(withPlant((d) => (d.rackRows[0]!.phaseId = 'ph-9')));
    expect(r.ok && r.layout.rackRows[0]).not.toHaveProperty('phaseId');
  });

  test('utilization, prices and cost overrides are bounded', () => {
    expectOnlyIssue(
      withPlant((d) => (d.settings.utilization = 1.5)),
      'settings.utilization',
      'must be from 0 to 1',
    );
    expectOnlyIssue(
      withPlant((d) => (d.settings.energyPricePerMwh = -5)),
      'settings.energyPricePerMwh',
      'must be from 0 to 100,000 USD per MWh',
    );
    expectOnlyIssue(
      withPlant((d) => (d.settings.costs['land-acre'] = 'cheap')),
      'settings.costs["land-acre"]',
      'must be a number from 0 to 1,000,000,000,000 USD',
    );
    const e = errorOf(withPlant((d) => (d.settings.costs['Land Acre'] = 5)));
    expect(e.issues.map((i) => i.path)).toEqual(['settings.costs["Land Acre"]']);
    expect(e.issues[0]!.message).toBe(
      'must be a cost item id (lower-case letters, digits and "-")',
    );
  });

  test('the new kinds check their fields, with messages naming them', () => {
    expectOnlyIssue(
      withPlant((d) => (d.generatorYards[0]!.units = 2.5)),
      'generatorYards[0].units',
      'must be a whole number from 1 to 10,000',
    );
    expectOnlyIssue(
      withPlant((d) => (d.batteryYards[0]!.energyMwh = 0)),
      'batteryYards[0].energyMwh',
      'must be a positive number',
    );
    expectOnlyIssue(
      withPlant((d) => (d.coolingPlants[0]!.type = 'lake')),
      'coolingPlants[0].type',
      'must be one of the cooling plant types: dry-cooler, adiabatic, chiller-tower, air-chiller',
    );
    expectOnlyIssue(
      withPlant((d) => (d.powerFeeders![0]!.points = [[0, 0]])),
      'powerFeeders[0].points',
      'must have at least 2 points',
    );
    expectOnlyIssue(
      withPlant((d) => delete d.powerFeeders),
      'powerFeeders',
      'is required',
    );
  });

  test('ids are unique across the old and the new kinds', () => {
    expectOnlyIssue(
      withPlant((d) => (d.batteryYards[0]!.id = 'hall-1')),
      'batteryYards[0].id',
      '"hall-1" is already the id of halls[0] (ids must be unique in the file)',
    );
  });
});
