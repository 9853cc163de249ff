import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rectsOverlap, type RotatedRect } from '../geometry';
import {
  createBatteryYard,
  createCoolingPlant,
  createCoolingZone,
  createGeneratorYard,
  createHall,
  createRackRow,
  createSubstation,
} from '../kinds';
import { computeReport } from './computeReport';
import { overlappingPairs, scanOverlaps } from './land';
import { orderBy, sortAscending } from './lists';
import { checkOf, layoutOf } from './testing';

const square = (s: number) => ({
  points: [
    [0, 0],
    [s, 0],
    [s, s],
    [0, s],
  ] as [number, number][],
});

describe('land (rule 7)', () => {
  it('a 1 km square parcel is 1,000,000 m² = 247.1 acres; 100 MW on it is 0.405 MW per acre', () => {
    const layout = layoutOf({
      parcel: square(1000),
      halls: [createHall('hall-1', { x: 500, y: 500 }, { width: 200, depth: 200 })],
      // 100 MW: one row of 1,000 racks at 100 kW (600 m long would not fit; geometry is not at stake here).
      rackRows: [
        createRackRow('row-1', 'hall-1', { x: 100, y: 100 }, { rackCount: 1000, kwPerRack: 100 }),
      ],
    });
    const report = computeReport(layout);
    expect(report.totals.parcelAreaM2).toBe(1_000_000);
    expect(report.totals.parcelAcres).toBeCloseTo(1_000_000 / 4046.8564224, 9);
    expect(report.totals.parcelAcres).toBeCloseTo(247.105, 3);
    expect(report.totals.itMwPerAcre).toBeCloseTo(100 / 247.105381, 6);
  });

  it('the shoelace area of an L-shaped parcel, whichever way it winds', () => {
    const l = [
      [0, 0],
      [300, 0],
      [300, 100],
      [100, 100],
      [100, 300],
      [0, 300],
    ] as [number, number][];
    expect(computeReport(layoutOf({ parcel: { points: l } })).totals.parcelAreaM2).toBe(50_000);
    expect(
      computeReport(layoutOf({ parcel: { points: [...l].reverse() } })).totals.parcelAreaM2,
    ).toBe(50_000);
  });

  it('yards and plants are held to the parcel and its setback too (geometry, setback)', () => {
    // A 1 km square with a 30 m setback; a 60 × 30 genset yard centred 40 m from the west edge
    // has its west side 10 m from it; a plant half outside the south edge is outside the parcel.
    const layout = layoutOf({
      parcel: square(1000),
      settings: { setbackM: 30 },
      generatorYards: [createGeneratorYard('gen-1', { x: 40, y: 500 }, { width: 60, depth: 30 })],
      batteryYards: [createBatteryYard('bess-1', { x: 500, y: 500 }, { width: 40, depth: 20 })],
      coolingPlants: [createCoolingPlant('cp-1', { x: 500, y: 1000 }, { width: 80, depth: 40 })],
    });
    const report = computeReport(layout);
    const geometry = checkOf(report, 'geometry');
    expect(geometry.status).toBe('fail');
    expect(geometry.elementIds).toEqual(['cp-1']);
    const setback = checkOf(report, 'setback');
    expect(setback.status).toBe('fail');
    expect(setback.elementIds).toEqual(['gen-1', 'cp-1']);
    expect(setback.message).toMatch(/^Generator yard .*10(\.0)? m from the parcel edge/);
    const fixed = layoutOf({ ...layout, coolingPlants: [], generatorYards: [] });
    expect(checkOf(computeReport(fixed), 'geometry').message).toBe(
      'Inside the parcel: 0 halls, 0 zones, 0 substations, 1 yard or plant; 0 rows within halls',
    );
  });

  it('every hall, zone and substation must lie inside the parcel (geometry)', () => {
    const inside = layoutOf({
      parcel: square(1000),
      halls: [createHall('hall-1', { x: 500, y: 500 }, { name: 'Hall 1', width: 100, depth: 50 })],
      coolingZones: [createCoolingZone('cz-1', { x: 500, y: 500, width: 120, depth: 60 })],
      substations: [createSubstation('sub-1', { x: 900, y: 100 }, { width: 80, depth: 60 })],
    });
    const ok = checkOf(computeReport(inside), 'geometry');
    expect(ok.status).toBe('pass');
    expect(ok.message).toBe('Inside the parcel: 1 hall, 1 zone, 1 substation; 0 rows within halls');

    // The substation now reaches x = 1,010: 10 m over the east boundary.
    const over = layoutOf({
      ...inside,
      substations: [
        createSubstation('sub-1', { x: 970, y: 100 }, { name: 'Yard', width: 80, depth: 60 }),
      ],
    });
    const check = checkOf(computeReport(over), 'geometry');
    expect(check).toMatchObject({ status: 'fail', elementIds: ['sub-1'] });
    expect(check.message).toBe('Substation Yard outside the parcel');
  });

  it('an element touching the parcel edge is inside; a rotated one whose corner pokes out is not', () => {
    const touching = layoutOf({
      parcel: square(100),
      halls: [createHall('hall-1', { x: 50, y: 10 }, { width: 100, depth: 20 })],
    });
    expect(checkOf(computeReport(touching), 'geometry').status).toBe('pass');
    // A 60 × 60 square turned 45° reaches 42.4 m (half its diagonal) from its centre: centred at
    // (50, 40), its top corner is at y = -2.4, outside the 100 m square.
    const poking = layoutOf({
      parcel: square(100),
      halls: [createHall('hall-1', { x: 50, y: 40 }, { width: 60, depth: 60, rotation: 45 })],
    });
    expect(checkOf(computeReport(poking), 'geometry').elementIds).toEqual(['hall-1']);
  });

  it('a hall over the notch of an L-shaped parcel is outside even with all four corners inside', () => {
    // The notch corner (100, 100) pokes into a hall whose corners are all on the L's two arms.
    const l = {
      points: [
        [0, 0],
        [300, 0],
        [300, 100],
        [100, 100],
        [100, 300],
        [0, 300],
      ] as [number, number][],
    };
    const layout = layoutOf({
      parcel: l,
      halls: [createHall('hall-1', { x: 95, y: 95 }, { width: 20, depth: 20, rotation: 45 })],
    });
    // Corners of the 45° hall: (95, 80.9), (109.1, 95), (95, 109.1), (80.9, 95): each is in the L...
    expect(checkOf(computeReport(layout), 'geometry').elementIds).toEqual(['hall-1']);
  });

  // A U-shaped parcel: two 40 m arms joined along the south, with a 20 m gap between them
  // (x ∈ [40, 60]) open to the north down to y = 20.
  const uShape = {
    points: [
      [0, 0],
      [100, 0],
      [100, 100],
      [60, 100],
      [60, 20],
      [40, 20],
      [40, 100],
      [0, 100],
    ] as [number, number][],
  };

  it('a hall straddling a concave gap is outside, though its corners are inside and no vertex pokes in', () => {
    // Hall x ∈ [10, 90], y ∈ [50, 70]: corners on the two arms; the gap's sides x = 40 and x = 60
    // cross it with both ends outside it (y = 20 and y = 100).
    const layout = (x: number, width: number) =>
      layoutOf({
        parcel: uShape,
        halls: [createHall('hall-1', { x, y: 60 }, { name: 'Across', width, depth: 20 })],
      });
    const check = checkOf(computeReport(layout(50, 80)), 'geometry');
    expect(check).toMatchObject({ status: 'fail', elementIds: ['hall-1'] });
    expect(check.message).toBe('Hall Across outside the parcel');
    // On one arm, touching the gap's side (x ∈ [10, 40]), it is inside.
    expect(checkOf(computeReport(layout(25, 30)), 'geometry').status).toBe('pass');
    // Below the gap (y ∈ [0, 20] is parcel all the way across) a wide hall is inside too.
    const south = layoutOf({
      parcel: uShape,
      halls: [createHall('hall-1', { x: 50, y: 10 }, { width: 80, depth: 20 })],
    });
    expect(checkOf(computeReport(south), 'geometry').status).toBe('pass');
  });

  it('setback: a hall straddling a concave gap has no clearance (0 m), not its corners’ distance', () => {
    const layout = (x: number, width: number) =>
      layoutOf({
        parcel: uShape,
        settings: { setbackM: 5 },
        halls: [createHall('hall-1', { x, y: 60 }, { name: 'Across', width, depth: 20 })],
      });
    const check = checkOf(computeReport(layout(50, 80)), 'setback');
    expect(check).toMatchObject({ status: 'fail', elementIds: ['hall-1'] });
    expect(check.message).toBe('Hall Across: 0 m from the parcel edge < 5 m setback');
    // On the west arm, 10 m from x = 0 and x = 40 and from y = 100 … and 30 m from y = 0.
    expect(checkOf(computeReport(layout(20, 20)), 'setback').message).toBe(
      '1 element ≥ 5 m from the parcel edge (closest 10 m)',
    );
  });

  it('a row must lie inside its hall (geometry), in the hall frame', () => {
    // A 4.8 m row centred 2 m from the hall's left wall overhangs it by 0.4 m.
    const layout = layoutOf({
      halls: [
        createHall(
          'hall-1',
          { x: 0, y: 0 },
          { name: 'Hall 1', width: 50, depth: 20, rotation: 30 },
        ),
      ],
      rackRows: [
        createRackRow('row-ok', 'hall-1', { x: 10, y: 10 }),
        createRackRow('row-out', 'hall-1', { x: 2, y: 10 }),
      ],
    });
    const check = checkOf(computeReport(layout), 'geometry');
    expect(check).toMatchObject({ status: 'fail', elementIds: ['row-out'] });
    expect(check.message).toBe('Row row-out outside Hall 1');
  });

  it('a row turned 90° in its hall must fit across the hall', () => {
    // Turned, the 4.8 m row spans y ∈ [0.6, 5.4] in a 5 m deep hall.
    const layout = layoutOf({
      halls: [createHall('hall-1', { x: 0, y: 0 }, { width: 50, depth: 5 })],
      rackRows: [createRackRow('row-1', 'hall-1', { x: 10, y: 3 }, { rotation: 90 })],
    });
    expect(checkOf(computeReport(layout), 'geometry').elementIds).toEqual(['row-1']);
  });

  it('a row whose hall does not exist fails geometry and counts in no hall', () => {
    const layout = layoutOf({ rackRows: [createRackRow('row-1', 'hall-x', { x: 10, y: 10 })] });
    const report = computeReport(layout);
    expect(checkOf(report, 'geometry').message).toBe('Row row-1 in missing hall "hall-x"');
    expect(report.rows[0]!.coolingZoneId).toBeNull();
    expect(report.totals.itMw).toBeCloseTo(1.136, 12); // 8 × 142 kW
  });

  it('setback: with 50 m, a hall 40 m from the edge fails and one 60 m away passes; 0 means no check', () => {
    const layout = (y: number, setbackM: number) =>
      layoutOf({
        parcel: square(1000),
        settings: { setbackM },
        halls: [createHall('hall-1', { x: 500, y }, { name: 'Hall 1', width: 100, depth: 40 })],
      });
    expect(checkOf(computeReport(layout(60, 0)), 'setback')).toMatchObject({
      status: 'pass',
      message: 'No setback set (setbackM = 0)',
    });
    const fail = checkOf(computeReport(layout(60, 50)), 'setback'); // top edge at y = 40
    expect(fail).toMatchObject({ status: 'fail', elementIds: ['hall-1'] });
    expect(fail.message).toBe('Hall 1: 40 m from the parcel edge < 50 m setback');
    const pass = checkOf(computeReport(layout(80, 50)), 'setback');
    expect(pass).toMatchObject({
      status: 'pass',
      message: '1 element ≥ 50 m from the parcel edge (closest 60 m)',
    });
  });

  it('setback also measures from the parcel’s own corners: a notch 50 m above a hall’s side', () => {
    // A V-shaped notch in the north boundary reaches down to (500, 300). The hall spans
    // x ∈ [350, 650], y ∈ [350, 450]: its corners are ≈ 158 m from the boundary, but the notch tip
    // is 50 m above the middle of its top side.
    const notched = {
      points: [
        [0, 0],
        [450, 0],
        [500, 300],
        [550, 0],
        [1000, 0],
        [1000, 1000],
        [0, 1000],
      ] as [number, number][],
    };
    const layout = (setbackM: number) =>
      layoutOf({
        parcel: notched,
        settings: { setbackM },
        halls: [createHall('hall-1', { x: 500, y: 400 }, { width: 300, depth: 100 })],
      });
    expect(checkOf(computeReport(layout(40)), 'setback').message).toBe(
      '1 element ≥ 40 m from the parcel edge (closest 50 m)',
    );
    expect(checkOf(computeReport(layout(60)), 'setback')).toMatchObject({
      status: 'fail',
      elementIds: ['hall-1'],
    });
  });

  it('halls must not overlap; touching is fine', () => {
    const layout = (x2: number) =>
      layoutOf({
        halls: [
          createHall('hall-1', { x: 0, y: 0 }, { name: 'Hall 1', width: 100, depth: 50 }),
          createHall('hall-2', { x: x2, y: 0 }, { name: 'Hall 2', width: 100, depth: 50 }),
        ],
      });
    expect(checkOf(computeReport(layout(100)), 'overlap').status).toBe('pass');
    const check = checkOf(computeReport(layout(99)), 'overlap');
    expect(check).toMatchObject({ status: 'fail', elementIds: ['hall-1', 'hall-2'] });
    expect(check.message).toBe('Hall 1 overlaps Hall 2');
  });

  it('rows in one hall must not overlap each other', () => {
    const layout = layoutOf({
      halls: [createHall('hall-1', { x: 0, y: 0 }, { name: 'Hall 1', width: 50, depth: 20 })],
      rackRows: [
        createRackRow('row-1', 'hall-1', { x: 10, y: 5 }),
        createRackRow('row-2', 'hall-1', { x: 10, y: 6 }), // 1.2 m deep rows 1 m apart
        createRackRow('row-3', 'hall-1', { x: 10, y: 7.2 }), // touches row-2 exactly
      ],
    });
    const check = checkOf(computeReport(layout), 'overlap');
    expect(check).toMatchObject({ status: 'fail', elementIds: ['row-1', 'row-2'] });
    expect(check.message).toBe('Row row-1 overlaps row row-2 in Hall 1');
  });

  it('the sort-and-sweep finds exactly the pairs the all-pairs test finds', () => {
    const rect = fc.record({
      x: fc.integer({ min: 0, max: 200 }),
      y: fc.integer({ min: 0, max: 200 }),
      width: fc.integer({ min: 1, max: 60 }),
      depth: fc.integer({ min: 1, max: 60 }),
      rotation: fc.constantFrom(0, 15, 45, 90, 180, 270, 33),
    });
    fc.assert(
      fc.property(fc.array(rect, { maxLength: 30 }), (rects: RotatedRect[]) => {
        const brute: [number, number][] = [];
        for (let i = 0; i < rects.length; i++) {
          for (let j = i + 1; j < rects.length; j++)
            if (rectsOverlap(rects[i]!, rects[j]!)) brute.push([i, j]);
        }
        expect(overlappingPairs(rects)).toEqual(brute);
      }),
      { numRuns: 200 },
    );
  });

  it('rectangles stacked in a column (the sweep runs along y) give the same pairs as the all-pairs test', () => {
    // Narrow in x, spread in y: a sweep along x would visit every pair.
    const rect = fc.record({
      x: fc.integer({ min: 0, max: 4 }),
      y: fc.integer({ min: 0, max: 400 }),
      width: fc.integer({ min: 1, max: 8 }),
      depth: fc.integer({ min: 1, max: 30 }),
      rotation: fc.constantFrom(0, 0, 90, 45, 180, 33),
    });
    fc.assert(
      fc.property(fc.array(rect, { maxLength: 40 }), (rects: RotatedRect[]) => {
        const brute: [number, number][] = [];
        for (let i = 0; i < rects.length; i++) {
          for (let j = i + 1; j < rects.length; j++)
            if (rectsOverlap(rects[i]!, rects[j]!)) brute.push([i, j]);
        }
        expect(overlappingPairs(rects)).toEqual(brute);
      }),
      { numRuns: 200 },
    );
  });

  it('scanOverlaps gives the same count, first pair and flags for a few rectangles (pair by pair) as for many (grouped sweep)', () => {
    // Few distinct positions, so copies and overlaps are common.
    const rect = fc.record({
      x: fc.integer({ min: 0, max: 40 }),
      y: fc.integer({ min: 0, max: 40 }),
      width: fc.integer({ min: 1, max: 20 }),
      depth: fc.integer({ min: 1, max: 20 }),
      rotation: fc.constantFrom(0, 90, 45, 33),
    });
    fc.assert(
      fc.property(fc.array(rect, { minLength: 1, maxLength: 40 }), (rects: RotatedRect[]) => {
        const brute: [number, number][] = [];
        for (let i = 0; i < rects.length; i++) {
          for (let j = i + 1; j < rects.length; j++)
            if (rectsOverlap(rects[i]!, rects[j]!)) brute.push([i, j]);
        }
        const small = scanOverlaps(rects);
        // The same rectangles again, padded far away past the pair-by-pair size: the sweep path.
        const far = Array.from({ length: 60 }, (_, k) => ({
          x: 10_000 + 100 * k,
          y: 10_000,
          width: 1,
          depth: 1,
          rotation: 0,
        }));
        const big = scanOverlaps([...rects, ...far]);
        expect(small.count).toBe(brute.length);
        expect(small.first).toEqual(brute[0] ?? null);
        expect(big.count).toBe(brute.length);
        expect(big.first).toEqual(brute[0] ?? null);
        expect([...small.involved]).toEqual([...big.involved.slice(0, rects.length)]);
        expect(small.complete && big.complete).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('60,000 rows stacked at one x: each overlaps only its neighbours', () => {
    // 1.2 m deep rows every 1.1 m: row i overlaps rows i − 1 and i + 1 (by 0.1 m), nothing else.
    // All 60,000 share one x range, so a sweep along x alone would visit 1.8 billion pairs.
    const rects = Array.from({ length: 60_000 }, (_, i) => ({
      x: 10,
      y: 1 + i * 1.1,
      width: 4.8,
      depth: 1.2,
      rotation: i % 2 === 0 ? 0 : 180,
    }));
    const pairs = overlappingPairs(rects);
    expect(pairs).toHaveLength(59_999);
    expect(pairs.every(([a, b]) => b === a + 1)).toBe(true);
  });

  it('orderBy sorts indices by their key, ties in index order (against the built-in sort)', () => {
    fc.assert(
      fc.property(
        // Few distinct keys, so ties are common; -0 and 0 are a tie too.
        fc.array(fc.constantFrom(-3, -0, 0, 0.5, 1, 1e9, -1e-9), { maxLength: 70 }),
        (keys) => {
          const min = Float64Array.from(keys);
          const expected = keys.map((_, i) => i).sort((a, b) => min[a]! - min[b]! || a - b);
          expect([...orderBy(min)]).toEqual(expected);
        },
      ),
    );
  });

  it('sortAscending sorts as the built-in sort does, short lists and long (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom(-0, 0.5, 1e9)), {
          maxLength: 80,
        }),
        (values) => {
          const expected = values.slice().sort((a, b) => a - b);
          const list = values.slice();
          expect(sortAscending(list)).toBe(list);
          // Object.is per element: -0 and 0 keep their order, as in the stable built-in sort.
          expect(list.map((v) => Object.is(v, -0))).toEqual(expected.map((v) => Object.is(v, -0)));
          expect(list).toEqual(expected);
        },
      ),
    );
  });
});
