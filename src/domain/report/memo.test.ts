import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDUNDANCY_LEVELS, TIER_IDS } from '../catalog';
import type { Layout } from '../model';
import { benchCampus } from './benchCampus';
import { computeReport, sameHallReport } from './computeReport';
import type { HallReport } from './types';
import { createReportMemo } from './memo';

/** One edit of the kinds a person makes while laying out a campus. */
type Edit =
  | { kind: 'move'; at: number; dx: number; dy: number }
  | { kind: 'rotate'; at: number; deg: number }
  | { kind: 'resize'; at: number; dw: number; dd: number }
  | { kind: 'racks'; at: number; count: number }
  | { kind: 'moveRow'; at: number; dx: number; dy: number }
  | { kind: 'deleteTrench'; at: number }
  | { kind: 'tier'; at: number }
  | { kind: 'redundancy'; at: number }
  | { kind: 'price'; price: number | null }
  | { kind: 'setback'; metres: number }
  | { kind: 'parcel'; dx: number }
  | { kind: 'moveYard'; at: number; dx: number }
  | { kind: 'moveZone'; at: number; dx: number; capacity: number };

const at = fc.nat({ max: 10_000 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('move' as const),
    at,
    dx: fc.integer({ min: -400, max: 400 }),
    dy: fc.integer({ min: -400, max: 400 }),
  }),
  fc.record({ kind: fc.constant('rotate' as const), at, deg: fc.constantFrom(90, 180, 30, -45) }),
  fc.record({
    kind: fc.constant('resize' as const),
    at,
    dw: fc.integer({ min: -20, max: 40 }),
    dd: fc.integer({ min: -20, max: 40 }),
  }),
  fc.record({ kind: fc.constant('racks' as const), at, count: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant('moveRow' as const),
    at,
    dx: fc.integer({ min: -3, max: 3 }),
    dy: fc.integer({ min: -3, max: 3 }),
  }),
  fc.record({ kind: fc.constant('deleteTrench' as const), at }),
  fc.record({ kind: fc.constant('tier' as const), at }),
  fc.record({ kind: fc.constant('redundancy' as const), at }),
  fc.record({
    kind: fc.constant('price' as const),
    price: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
  }),
  fc.record({ kind: fc.constant('setback' as const), metres: fc.integer({ min: 0, max: 200 }) }),
  // The parcel's east side moved: elements near it come out of the parcel or the setback.
  fc.record({ kind: fc.constant('parcel' as const), dx: fc.integer({ min: -300, max: 100 }) }),
  fc.record({
    kind: fc.constant('moveZone' as const),
    at,
    dx: fc.integer({ min: -200, max: 200 }),
    capacity: fc.integer({ min: 1, max: 400 }),
  }),
  fc.record({
    kind: fc.constant('moveYard' as const),
    at,
    dx: fc.integer({ min: -500, max: 500 }),
  }),
);

/** A new document with the edit applied; untouched elements and collections keep their identity. */
function apply(layout: Layout, e: Edit): Layout {
  const pick = <T>(xs: readonly T[]) => (xs.length === 0 || !('at' in e) ? -1 : e.at % xs.length);
  const withHall = (f: (h: Layout['halls'][number]) => Layout['halls'][number]): Layout => {
    const i = pick(layout.halls);
    if (i < 0) return layout;
    const halls = layout.halls.slice();
    halls[i] = f(halls[i]!);
    return { ...layout, halls };
  };
  switch (e.kind) {
    case 'move':
      return withHall((h) => ({ ...h, x: h.x + e.dx, y: h.y + e.dy }));
    case 'rotate':
      return withHall((h) => ({ ...h, rotation: e.deg }));
    case 'resize':
      return withHall((h) => ({
        ...h,
        width: Math.max(5, h.width + e.dw),
        depth: Math.max(5, h.depth + e.dd),
      }));
    case 'racks': {
      const i = pick(layout.rackRows);
      if (i < 0) return layout;
      const rackRows = layout.rackRows.slice();
      rackRows[i] = { ...rackRows[i]!, rackCount: e.count };
      return { ...layout, rackRows };
    }
    case 'moveRow': {
      // Rows a metre or three apart: a moved row may overlap its neighbour or leave its hall.
      const i = pick(layout.rackRows);
      if (i < 0) return layout;
      const rackRows = layout.rackRows.slice();
      const row = rackRows[i]!;
      rackRows[i] = { ...row, x: row.x + e.dx, y: row.y + e.dy };
      return { ...layout, rackRows };
    }
    case 'deleteTrench': {
      const i = pick(layout.fiberTrenches);
      if (i < 0) return layout;
      return { ...layout, fiberTrenches: layout.fiberTrenches.filter((_, k) => k !== i) };
    }
    case 'tier':
      return {
        ...layout,
        settings: { ...layout.settings, targetTier: TIER_IDS[e.at % TIER_IDS.length]! },
      };
    case 'redundancy':
      return {
        ...layout,
        settings: {
          ...layout.settings,
          redundancy: REDUNDANCY_LEVELS[e.at % REDUNDANCY_LEVELS.length]!,
        },
      };
    case 'price':
      return { ...layout, settings: { ...layout.settings, energyPricePerMwh: e.price } };
    case 'setback':
      return { ...layout, settings: { ...layout.settings, setbackM: e.metres } };
    case 'parcel': {
      const xs = layout.parcel.points.map((p) => p[0]);
      const east = Math.max(...xs);
      const points = layout.parcel.points.map(([x, y]): [number, number] => [
        x === east ? x + e.dx : x,
        y,
      ]);
      return { ...layout, parcel: { ...layout.parcel, points } };
    }
    case 'moveZone': {
      const i = pick(layout.coolingZones);
      if (i < 0) return layout;
      const coolingZones = layout.coolingZones.slice();
      const z = coolingZones[i]!;
      coolingZones[i] = { ...z, x: z.x + e.dx, capacityMw: e.capacity };
      return { ...layout, coolingZones };
    }
    case 'moveYard': {
      const i = pick(layout.generatorYards);
      if (i < 0) return layout;
      const generatorYards = layout.generatorYards.slice();
      generatorYards[i] = { ...generatorYards[i]!, x: generatorYards[i]!.x + e.dx };
      return { ...layout, generatorYards };
    }
  }
}

describe('computeReport with a memo', () => {
  it('gives exactly the report a fresh computation gives, edit after edit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 200, max: 1500 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.array(edit, { minLength: 1, maxLength: 6 }),
        (racks, seed, edits) => {
          let layout = benchCampus({ racks, seed });
          const memo = createReportMemo();
          expect(computeReport(layout, { memo })).toEqual(computeReport(layout));
          for (const e of edits) {
            layout = apply(layout, e);
            expect(computeReport(layout, { memo })).toEqual(computeReport(layout));
          }
        },
      ),
      { numRuns: 20 },
    );
  }, 120_000);

  it('keeps what a moved hall does not touch: other rows keep their records, the trenches their totals', () => {
    const layout = benchCampus({ racks: 2000 });
    const memo = createReportMemo();
    const before = computeReport(layout, { memo });
    const moved = apply(layout, { kind: 'move', at: 0, dx: 7, dy: 0 });
    const after = computeReport(moved, { memo });
    const other = layout.rackRows.findIndex((r) => r.hallId !== layout.halls[0]!.id);
    expect(after.rows[other]).toBe(before.rows[other]);
    expect(memo.floor?.kpa[1]).toBeDefined();
    expect(after).toEqual(computeReport(moved));
  });

  it('keeps the hall records that come out the same, and the whole array when all do', () => {
    const layout = benchCampus({ racks: 2000 });
    const memo = createReportMemo();
    const before = computeReport(layout, { memo });
    // A new price changes the cost, no hall's figures: the very same records, and array.
    const priced = apply(layout, { kind: 'price', price: 0.09 });
    const same = computeReport(priced, { memo });
    expect(same.halls).toBe(before.halls);
    // A hall given more racks: its record is new, the others are the last ones.
    const row = layout.rackRows[0]!;
    const more = apply(priced, { kind: 'racks', at: 0, count: row.rackCount + 2 });
    const after = computeReport(more, { memo });
    const h = layout.halls.findIndex((x) => x.id === row.hallId);
    expect(after.halls).not.toBe(same.halls);
    expect(after.halls[h]).not.toBe(same.halls[h]);
    expect(after.halls[h]!.racks).toBe(same.halls[h]!.racks + 2);
    const kept = after.halls.filter((x, i) => x === same.halls[i]).length;
    expect(kept).toBeGreaterThan(after.halls.length / 2);
    expect(after).toEqual(computeReport(more));
  });

  it('compares every field of a hall record: one changed field makes it another record', () => {
    const layout = benchCampus({ racks: 600 });
    const record = computeReport(layout).halls[0]!;
    expect(sameHallReport(record, { ...record })).toBe(true);
    expect(sameHallReport({ ...record, itMw: NaN }, { ...record, itMw: NaN })).toBe(true);
    for (const key of Object.keys(record) as (keyof HallReport)[]) {
      const value = record[key];
      const changed =
        typeof value === 'number'
          ? value + 1
          : typeof value === 'string'
            ? `${value}x`
            : value === null
              ? 1
              : key === 'coolingZoneIds'
                ? [...(value as string[]), 'z']
                : [...(value as [number, number][]), [1, 2]];
      expect(sameHallReport(record, { ...record, [key]: changed }), key).toBe(false);
    }
    if (record.fiberAttachments.length > 0) {
      const moved = record.fiberAttachments.map(([x, y]) => [x + 1, y] as const);
      expect(sameHallReport(record, { ...record, fiberAttachments: moved })).toBe(false);
    }
    if (record.coolingZoneIds.length > 0) {
      const other = record.coolingZoneIds.map((id) => `${id}x`);
      expect(sameHallReport(record, { ...record, coolingZoneIds: other })).toBe(false);
    }
  });

  it('recomputes the rows of an edited hall: more racks, more IT', () => {
    const layout = benchCampus({ racks: 2000 });
    const memo = createReportMemo();
    const before = computeReport(layout, { memo });
    const row = layout.rackRows[0]!;
    const after = computeReport(apply(layout, { kind: 'racks', at: 0, count: row.rackCount + 2 }), {
      memo,
    });
    expect(after.rows[0]!.racks).toBe(row.rackCount + 2);
    expect(after.totals.racks).toBe(before.totals.racks + 2);
  });
});
