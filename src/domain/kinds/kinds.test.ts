import { describe, expect, it } from 'vitest';
import type { Layout } from '../model';
import { PLANT_TYPES } from '../catalog';
import {
  batteryDurationH,
  COLLECTIONS,
  coolingPlantMw,
  createBatteryYard,
  createCoolingPlant,
  createGeneratorYard,
  createPowerFeeder,
  feederLengthM,
  generatorYardMw,
  phaseName,
  createCoolingZone,
  createFiberTrench,
  createHall,
  createRackRow,
  createSubstation,
  KINDS,
  KINDS_BY_HIT_RANK,
  type AnyElement,
  type KindContext,
  type RackRow,
} from './index';

/** A context over a handful of elements (what the editor builds from its document index). */
function contextOf(partial: Partial<Layout>): KindContext {
  const doc = {
    halls: [],
    rackRows: [],
    coolingZones: [],
    substations: [],
    fiberTrenches: [],
    generatorYards: [],
    batteryYards: [],
    coolingPlants: [],
    powerFeeders: [],
    ...partial,
  } as unknown as Layout;
  const all = new Map<string, AnyElement>();
  for (const c of COLLECTIONS) for (const e of doc[c] as readonly AnyElement[]) all.set(e.id, e);
  return {
    doc,
    byId: (id) => all.get(id),
    rowsOfHall: (hallId) => doc.rackRows.filter((r) => r.hallId === hallId),
  };
}

describe('KINDS registry', () => {
  it('has a complete KindDef for every collection', () => {
    const prefixes = new Set<string>();
    for (const c of COLLECTIONS) {
      const k = KINDS[c];
      expect(k.collection).toBe(c);
      expect(k.label).toMatch(/^[A-Z][a-z ]+$/);
      expect(k.noun.one).toBeTruthy();
      expect(k.noun.many).toBeTruthy();
      expect(k.idPrefix).toMatch(/^[a-z]+$/);
      prefixes.add(k.idPrefix);
      expect(Object.keys(k.schema.shape)).toContain('id');
      for (const f of [
        'parentOf',
        'childrenOf',
        'footprint',
        'referencePoint',
        'bounds',
        'topmostAt',
        'inBox',
        'move',
        'shiftInParent',
        'rotateTo',
        'resizeTo',
        'copy',
      ] as const) {
        expect(typeof k[f], `${c}.${f}`).toBe('function');
      }
    }
    expect(prefixes.size).toBe(COLLECTIONS.length);
    expect(new Set(KINDS_BY_HIT_RANK)).toEqual(new Set(COLLECTIONS));
  });

  it('hit order, top first: trenches and feeders, substations, yards and plants, rows, halls, zones', () => {
    expect(KINDS_BY_HIT_RANK).toEqual([
      'fiberTrenches',
      'powerFeeders',
      'substations',
      'generatorYards',
      'batteryYards',
      'coolingPlants',
      'rackRows',
      'halls',
      'coolingZones',
    ]);
  });
});

// A 40 m × 20 m hall centred at (100, 50): its frame's origin (top-left) is at (80, 40).
const hall = createHall('hall-1', { x: 100, y: 50 }, { width: 40, depth: 20 });
// 10 racks of 0.6 m × 1.2 m (GB300 NVL72) centred at (10, 5) in the hall: 6 m long.
const row = createRackRow('row-1', 'hall-1', { x: 10, y: 5 }, { rackCount: 10 });
// The same hall turned 90° about a centre at the origin, and a row at its centre.
const turned = createHall('hall-2', { x: 0, y: 0 }, { width: 40, depth: 20, rotation: 90 });
const turnedRow = createRackRow('row-2', 'hall-2', { x: 20, y: 10 }, { rackCount: 10 });
const zone = createCoolingZone('cz-1', { x: 0, y: 0, width: 10, depth: 10 });
const sub = createSubstation('sub-1', { x: 0, y: 0 }, { width: 10, depth: 10 });
const trench = createFiberTrench('tr-1', [
  [0, 0],
  [10, 0],
]);
const ctx = contextOf({
  halls: [hall, turned],
  rackRows: [row, turnedRow],
  coolingZones: [zone],
  substations: [sub],
  fiberTrenches: [trench],
});

describe('kind geometry', () => {
  it('footprints and reference points: rows through their hall', () => {
    expect(KINDS.rackRows.footprint(row, ctx)).toEqual({
      kind: 'rect',
      rect: { x: 90, y: 45, width: 6, depth: 1.2, rotation: 0 },
    });
    expect(KINDS.rackRows.referencePoint(turnedRow, ctx)).toEqual({ x: 0, y: 0 });
    expect(KINDS.rackRows.footprint({ ...row, hallId: 'gone' }, ctx)).toBeNull();
    expect(KINDS.halls.referencePoint(hall, ctx)).toEqual({ x: 100, y: 50 });
    expect(KINDS.fiberTrenches.referencePoint(trench, ctx)).toEqual({ x: 0, y: 0 });
  });

  it('bounds', () => {
    expect(KINDS.halls.bounds(hall, ctx)).toEqual({ minX: 80, minY: 40, maxX: 120, maxY: 60 });
    const b = KINDS.rackRows.bounds(turnedRow, ctx)!;
    // Turned 90°: 6 m along y, 1.2 m along x.
    expect(b.minX).toBeCloseTo(-0.6);
    expect(b.maxX).toBeCloseTo(0.6);
    expect(b.minY).toBeCloseTo(-3);
    expect(b.maxY).toBeCloseTo(3);
    expect(KINDS.fiberTrenches.bounds(trench, ctx)).toEqual({
      minX: 0,
      minY: 0,
      maxX: 10,
      maxY: 0,
    });
  });

  it('hits: rows in their hall, zones within the tolerance, trenches near the line', () => {
    expect(KINDS.rackRows.topmostAt(ctx, { x: 92.9, y: 45 }, 0)).toBe('row-1');
    expect(KINDS.rackRows.topmostAt(ctx, { x: 93.1, y: 45 }, 0)).toBeUndefined();
    expect(KINDS.halls.topmostAt(ctx, { x: 81, y: 41 }, 0)).toBe('hall-1');
    expect(KINDS.halls.topmostAt(ctx, { x: 79, y: 41 }, 5)).toBeUndefined();
    expect(KINDS.coolingZones.topmostAt(ctx, { x: 5.5, y: 0 }, 1)).toBe('cz-1');
    expect(KINDS.substations.topmostAt(ctx, { x: 5.5, y: 0 }, 1)).toBeUndefined();
    expect(KINDS.fiberTrenches.topmostAt(ctx, { x: 5, y: 0.5 }, 1)).toBe('tr-1');
    expect(KINDS.fiberTrenches.topmostAt(ctx, { x: 5, y: 0.5 }, 0.4)).toBeUndefined();
  });

  it('in a box: a row is listed only when its hall is not', () => {
    const box = { minX: 79, minY: 39, maxX: 121, maxY: 61 };
    expect(KINDS.halls.inBox(ctx, box, new Set())).toEqual(['hall-1']);
    expect(KINDS.rackRows.inBox(ctx, box, new Set())).toEqual(['row-1']);
    expect(KINDS.rackRows.inBox(ctx, box, new Set(['hall-1']))).toEqual([]);
  });

  it('moves: rectangles by their centre, rows in their hall frame and kept inside it', () => {
    const h = { ...hall };
    KINDS.halls.move(h, hall, { x: 3, y: -2 }, ctx);
    expect([h.x, h.y]).toEqual([103, 48]);
    const r = { ...turnedRow };
    // The hall is turned 90°: a campus step right is a step up (−y) in its frame.
    KINDS.rackRows.move(r, turnedRow, { x: 5, y: 0 }, ctx);
    expect([r.x, r.y]).toEqual([20, 5]);
    const far = { ...row };
    KINDS.rackRows.move(far, row, { x: 100, y: 0 }, ctx);
    expect(far.x).toBe(37); // 40 m hall − half of the 6 m row
    const t = { ...trench, points: trench.points.map((p) => [...p] as [number, number]) };
    KINDS.fiberTrenches.move(t, trench, { x: 1, y: 2 }, ctx);
    expect(t.points).toEqual([
      [1, 2],
      [11, 2],
    ]);
  });

  it('rotates: a row relative to its hall', () => {
    const r = { ...turnedRow };
    KINDS.rackRows.rotateTo(r, 120, ctx);
    expect(r.rotation).toBe(30);
    const h = { ...hall };
    KINDS.halls.rotateTo(h, -90, ctx);
    expect(h.rotation).toBe(270);
  });

  it('resizes: the opposite edge stays; the frame origin shift is returned', () => {
    const z = { ...zone };
    expect(KINDS.coolingZones.resizeTo(z, zone, 'e', { x: 10, y: 3 }, ctx)).toEqual({
      x: 0,
      y: 0,
    });
    expect([z.x, z.y, z.width, z.depth]).toEqual([2.5, 0, 15, 10]);
    const z2 = { ...zone };
    expect(KINDS.coolingZones.resizeTo(z2, zone, 'nw', { x: -10, y: -10 }, ctx)).toEqual({
      x: -5,
      y: -5,
    });
    expect([z2.x, z2.y, z2.width, z2.depth]).toEqual([-2.5, -2.5, 15, 15]);
  });

  it('resizes a row in whole racks, along its length only', () => {
    const r: RackRow = { ...row };
    // The east end (x 13 in the hall) dragged to x 16: 9 m wanted = 15 racks, the west end stays.
    KINDS.rackRows.resizeTo(r, row, 'e', { x: 96, y: 45 }, ctx);
    expect([r.rackCount, r.x, r.y]).toEqual([15, 11.5, 5]);
    const same: RackRow = { ...row };
    KINDS.rackRows.resizeTo(same, row, 'n', { x: 90, y: 30 }, ctx);
    expect(same).toEqual(row);
  });

  it('copies: a row follows its copied hall, else moves within its hall', () => {
    let n = 0;
    const copyCtx = (copies: Map<string, string>) => ({
      ...ctx,
      newId: () => `row-${++n + 10}`,
      offset: { x: 5, y: 5 },
      copies,
    });
    expect(KINDS.rackRows.copy(row, copyCtx(new Map([['hall-1', 'hall-9']])))).toEqual({
      ...row,
      id: 'row-11',
      hallId: 'hall-9',
    });
    expect(KINDS.rackRows.copy(row, copyCtx(new Map()))).toMatchObject({
      id: 'row-12',
      x: 15,
      y: 10,
    });
    expect(KINDS.rackRows.copy({ ...row, hallId: 'gone' }, copyCtx(new Map()))).toBeNull();
    expect(KINDS.halls.copy(hall, copyCtx(new Map()))).toMatchObject({ x: 105, y: 55 });
  });
});

describe('the kinds of format version 2', () => {
  const gen = createGeneratorYard('gen-1', { x: 100, y: 50 }, { width: 40, depth: 20 });
  const bess = createBatteryYard('bess-1', { x: 300, y: 50 });
  const plant = createCoolingPlant('cp-1', { x: 500, y: 50 }, { type: 'adiabatic', units: 4 });
  const feeder = createPowerFeeder('fd-1', [
    [0, 0],
    [100, 0],
    [100, 80],
  ]);
  const ctx = contextOf({
    generatorYards: [gen],
    batteryYards: [bess],
    coolingPlants: [plant],
    powerFeeders: [feeder],
  });

  it('yards and plants are campus rectangles: footprint, hit, move and copy', () => {
    expect(KINDS.generatorYards.footprint(gen, ctx)).toEqual({
      kind: 'rect',
      rect: { x: 100, y: 50, width: 40, depth: 20, rotation: 0 },
    });
    expect(KINDS.generatorYards.topmostAt(ctx, { x: 115, y: 55 }, 0)).toBe('gen-1');
    expect(KINDS.generatorYards.topmostAt(ctx, { x: 125, y: 55 }, 0)).toBeUndefined();
    expect(KINDS.batteryYards.bounds(bess, ctx)).toEqual({
      minX: 280,
      minY: 40,
      maxX: 320,
      maxY: 60,
    });
    const copy = KINDS.coolingPlants.copy(plant, {
      ...ctx,
      newId: () => 'cp-2',
      offset: { x: 10, y: 5 },
      copies: new Map(),
    });
    expect(copy).toEqual({ ...plant, id: 'cp-2', x: 510, y: 55 });
  });

  it('a feeder is a polyline like a trench: hit within tolerance, vertex edits, length', () => {
    expect(KINDS.powerFeeders.footprint(feeder, ctx)).toEqual({
      kind: 'polyline',
      points: feeder.points,
    });
    expect(KINDS.powerFeeders.topmostAt(ctx, { x: 50, y: 0.8 }, 1)).toBe('fd-1');
    expect(KINDS.powerFeeders.topmostAt(ctx, { x: 50, y: 1.2 }, 1)).toBeUndefined();
    expect(feederLengthM(feeder)).toBe(180);
    expect(KINDS.powerFeeders.exportProperties(feeder, ctx)).toEqual({
      name: 'Feeder 1',
      capacityMva: 60,
      lengthM: 180,
    });
    expect(typeof KINDS.powerFeeders.moveVertex).toBe('function');
  });

  it('derived figures: installed MW and battery hours', () => {
    expect(generatorYardMw(gen)).toBe(36); // 12 × 3 MW
    expect(coolingPlantMw(plant)).toBe(4 * PLANT_TYPES.adiabatic.unitMw.value);
    expect(batteryDurationH(bess)).toBe(4); // 200 MWh ÷ 50 MW
  });

  it('every kind but the rack row names its phase (a row takes its hall’s)', () => {
    for (const c of COLLECTIONS) {
      const has = Object.keys(KINDS[c].schema.shape).includes('phaseId');
      expect(has, c).toBe(c !== 'rackRows');
      expect(KINDS[c].fields.some((f) => f.key === 'phaseId')).toBe(has);
    }
  });

  it('the phase field shows the phase by name; absent means the first', () => {
    const doc = {
      settings: {
        phases: [
          { id: 'ph-1', name: 'Horizon 1', energize: null },
          { id: 'ph-2', name: '', energize: '2027-01' },
        ],
      },
    } as unknown as Layout;
    expect(phaseName(doc, undefined)).toBe('Horizon 1');
    expect(phaseName(doc, 'ph-2')).toBe('ph-2');
    expect(phaseName(doc, 'gone')).toBe('gone');
  });
});
