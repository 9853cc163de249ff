import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HALL_LAYOUT } from '../catalog';
import { createCoolingZone, createHall, createRackRow, rowDepthM, rowLengthM } from '../kinds';
import type { Layout } from '../model';
import { computeReport } from './computeReport';
import { G, rackPointLoadKpa } from './rows';
import { cosSin } from './spatial';
import { checkOf, layoutOf } from './testing';

/** One 100 × 40 m hall at the origin holding the given rows, under one DLC zone. */
function hallWith(
  rows: Parameters<typeof createRackRow>[3][],
  hallOver: Parameters<typeof createHall>[2] = {},
) {
  return layoutOf({
    halls: [
      createHall('hall-1', { x: 0, y: 0 }, { name: 'Hall 1', width: 100, depth: 40, ...hallOver }),
    ],
    rackRows: rows.map((over, i) =>
      createRackRow(`row-${i + 1}`, 'hall-1', { x: 20, y: 5 + 4 * i }, over),
    ),
    coolingZones: [createCoolingZone('cz-1', { x: 0, y: 0, width: 110, depth: 50 })],
  });
}

describe('rows (rule 1)', () => {
  it('8 GB300 racks at 142 kW make a 1.136 MW row of 576 GPUs (8 × 142 kW)', () => {
    const report = computeReport(
      hallWith([{ rackCount: 8, profile: 'gb300-nvl72', kwPerRack: null }]),
    );
    const row = report.rows[0]!;
    expect(row.kwPerRack).toBe(142);
    expect(row.itKw).toBe(1136);
    expect(row.gpus).toBe(576);
    expect(row.massKg).toBe(8 * 1360);
    expect(report.totals.itMw).toBeCloseTo(1.136, 12);
    expect(report.totals.racks).toBe(8);
    expect(report.totals.gpus).toBe(576);
  });

  it('kwPerRack and massKg override the profile defaults', () => {
    const row = computeReport(
      hallWith([{ rackCount: 4, profile: 'hgx-h100', kwPerRack: 30, massKg: 500 }]),
    ).rows[0]!;
    expect(row.itKw).toBe(120);
    expect(row.massKg).toBe(2000);
    expect(row.gpus).toBe(128);
  });

  it('a 1.136 MW row passes a 1.5 MW hall and fails a 1 MW hall (row-power), naming the row', () => {
    expect(checkOf(computeReport(hallWith([{}])), 'row-power').status).toBe('pass');
    const check = checkOf(
      computeReport(hallWith([{}, { rackCount: 4 }], { rowPowerMw: 1 })),
      'row-power',
    );
    expect(check.status).toBe('fail');
    expect(check.elementIds).toEqual(['row-1']);
    expect(check.message).toContain('1.14 MW > 1 MW');
  });

  it('a row exactly at the hall row power passes (8 × 150 kW = 1.2 MW)', () => {
    const check = checkOf(
      computeReport(hallWith([{ kwPerRack: 150 }], { rowPowerMw: 1.2 })),
      'row-power',
    );
    expect(check.status).toBe('pass');
  });
});

/** A row's axis: its rotation modulo 180°, to a hundredth of a degree. */
function axisOf(deg: number): number {
  const r = Math.round((((deg % 180) + 180) % 180) * 100) / 100;
  return r === 180 ? 0 : r;
}

/**
 * Rule 2 by its definition, hall by hall: on each long side, the clear gap to the
 * nearest parallel row that overlaps the row along its axis (a row at the same offset counts on one
 * side), half of it up to 0.9 m; every pair compared, no scan.
 */
function distributedByDefinition(layout: Layout, rowMassKg: readonly number[]): number[] {
  const cap = HALL_LAYOUT.maxHalfAisleM.value;
  const frame = layout.rackRows.map((r) => {
    const axis = axisOf(r.rotation);
    const [c, s] = cosSin(-axis);
    return {
      hallId: r.hallId,
      axis,
      u: axis === 0 ? r.x : r.x * c - r.y * s,
      v: axis === 0 ? r.y : r.x * s + r.y * c,
      len: rowLengthM(r),
      dep: rowDepthM(r),
    };
  });
  return layout.rackRows.map((_, k) => {
    const a = frame[k]!;
    let below = Infinity;
    let above = Infinity;
    frame.forEach((b, j) => {
      if (j === k || b.axis !== a.axis || b.hallId !== a.hallId) return;
      if (Math.abs(b.u - a.u) >= (a.len + b.len) / 2 - 1e-6) return;
      const gap = Math.max(0, Math.abs(b.v - a.v) - (a.dep + b.dep) / 2);
      if (b.v >= a.v) above = Math.min(above, gap);
      else below = Math.min(below, gap);
    });
    const area = a.len * (a.dep + Math.min(below / 2, cap) + Math.min(above / 2, cap));
    return area > 0 ? (rowMassKg[k]! * G) / area / 1000 : 0;
  });
}

describe('halls and floor load (rule 2)', () => {
  it('a 1,360 kg rack on 600 × 1200 mm loads 18.52 kPa', () => {
    expect(rackPointLoadKpa(1360, 0.6, 1.2)).toBeCloseTo(18.524, 3);
    const report = computeReport(hallWith([{}]));
    expect(report.rows[0]!.rackKpa).toBeCloseTo(18.524, 3);
    expect(report.halls[0]!.maxRackKpa).toBeCloseTo(18.524, 3);
    expect(report.totals.maxRackKpa).toBeCloseTo(18.524, 3);
  });

  // Rows in hallWith stand 4 m apart (y = 5, 9, …): a 1.2 m row leaves a 2.8 m aisle, of which
  // half (1.4 m) is more than the 0.9 m counted; so each NVL72 rack of a lone or spaced row spreads
  // over 0.6 × (1.2 + 0.9 + 0.9) = 1.8 m²: 1,360 × 9.807 / 1.8 / 1000 = 7.410 kPa.
  it('distributed load: a lone NVL72 row spreads over its footprint and 0.9 m each side (7.41 kPa)', () => {
    const report = computeReport(hallWith([{}], { floorRatingKpa: 12 }));
    expect(report.rows[0]!.distributedKpa).toBeCloseTo((1360 * 9.807) / 1.8 / 1000, 9);
    expect(report.halls[0]!.distributedKpa).toBeCloseTo(7.41, 2);
    // The 12 kPa Rated-3 floor carries it spread this way, though 18.5 kPa sits under the rack.
    const check = checkOf(report, 'floor-load');
    expect(check.status).toBe('pass');
    expect(check.message).toBe('1 hall with racks: worst row 7.4 kPa distributed ≤ rating');
  });

  it('rows closer than 1.8 m share the aisle between them: half the real gap counts', () => {
    // Rows at y = 5 and y = 6.8: 1.8 − 1.2 = 0.6 m clear between them, 0.3 m to each row.
    const layout = hallWith([{}, {}], { floorRatingKpa: 8 });
    const rows = layout.rackRows.map((r, i) => (i === 1 ? { ...r, y: 6.8 } : r));
    const report = computeReport({ ...layout, rackRows: rows });
    const area = 0.6 * (1.2 + 0.3 + 0.9);
    expect(report.rows[0]!.distributedKpa).toBeCloseTo((1360 * 9.807) / area / 1000, 9);
    expect(report.rows[1]!.distributedKpa).toBeCloseTo((1360 * 9.807) / area / 1000, 9);
    const check = checkOf(report, 'floor-load');
    expect(check.status).toBe('fail');
    expect(check.elementIds).toEqual(['hall-1']);
    expect(check.message).toBe('Hall 1: 9.3 kPa distributed row load > 8 kPa floor rating');
  });

  it('matches rule 2 taken literally, every pair of rows compared, on random halls (property)', () => {
    const row = fc.record({
      // Two halls of different row counts (the scan keeps its arrays from hall to hall).
      hall: fc.constantFrom('hall-1', 'hall-2'),
      // Few distinct coordinates, so rows share a v, stand end to end or overlap.
      x: fc.integer({ min: 0, max: 30 }).map((k) => 2 + k * 0.6),
      y: fc.integer({ min: 0, max: 12 }).map((k) => 2 + k * 0.9),
      rotation: fc.constantFrom(0, 90, 180, 270, 45, 225, 30, 359.999),
      rackCount: fc.integer({ min: 1, max: 12 }),
      cduCount: fc.integer({ min: 0, max: 2 }),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), (rows) => {
        const layout = layoutOf({
          halls: [
            createHall('hall-1', { x: 0, y: 0 }, { width: 100, depth: 40 }),
            createHall('hall-2', { x: 0, y: 60 }, { width: 100, depth: 40 }),
          ],
          rackRows: rows.map(({ hall, x, y, ...over }, i) =>
            createRackRow(`row-${i + 1}`, hall, { x, y }, over),
          ),
        });
        const report = computeReport(layout);
        const expected = distributedByDefinition(
          layout,
          report.rows.map((r) => r.massKg),
        );
        expect(report.rows.map((r) => r.distributedKpa)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('in-row CDUs lengthen the row: its racks spread over the CDU positions too', () => {
    const report = computeReport(hallWith([{ cduCount: 1 }]));
    // 8 racks over (8 + 1) × 0.6 m × 3.0 m.
    expect(report.rows[0]!.distributedKpa).toBeCloseTo((8 * 1360 * 9.807) / (5.4 * 3) / 1000, 9);
    expect(report.rows[0]!.cdus).toBe(1);
  });

  it('point load: 1,360 kg on 4 feet is 3.33 kN a foot, within the 4.5 kN TIA-569 default', () => {
    const report = computeReport(hallWith([{}]));
    expect(report.rows[0]!.pointLoadKn).toBeCloseTo((1360 * 9.807) / 4 / 1000, 9);
    expect(report.halls[0]!.maxPointLoadKn).toBeCloseTo(3.334, 3);
    expect(report.halls[0]!.pointLoadRatingKn).toBe(4.5);
    expect(checkOf(report, 'floor-point-load').status).toBe('pass');
  });

  it('point load: a 2 t rack (4.90 kN a foot) fails a hall rated 4.5 kN; the hall is at fault', () => {
    const report = computeReport(hallWith([{ massKg: 2000 }], { pointLoadRatingKn: 4.5 }));
    const check = checkOf(report, 'floor-point-load');
    expect(check.status).toBe('fail');
    expect(check.elementIds).toEqual(['hall-1']);
    expect(check.message).toBe('Hall 1: 4.9 kN per rack foot > 4.5 kN point-load rating');
    // Under the Rubin tier the default rating is 8.9 kN (heavy-duty panels): it passes.
    const rubin = computeReport(hallWith([{ massKg: 2000 }]), { tier: 'rubin' });
    expect(rubin.halls[0]!.pointLoadRatingKn).toBe(8.9);
    expect(checkOf(rubin, 'floor-point-load').status).toBe('pass');
  });

  it('sums a hall: IT MW, racks, GPUs, area, density, average floor load, largest row', () => {
    // Two rows: 8 × 142 kW and 4 × 142 kW = 1.704 MW, 12 racks, 864 GPUs in a 100 × 40 m hall.
    const hall = computeReport(hallWith([{}, { rackCount: 4 }])).halls[0]!;
    expect(hall.itMw).toBeCloseTo(1.704, 12);
    expect(hall.racks).toBe(12);
    expect(hall.gpus).toBe(864);
    expect(hall.areaM2).toBe(4000);
    expect(hall.densityKwPerM2).toBeCloseTo(1704 / 4000, 12);
    expect(hall.avgFloorKpa).toBeCloseTo((12 * 1360 * 9.807) / 4000 / 1000, 12);
    expect(hall.maxRowMw).toBeCloseTo(1.136, 12);
    expect(hall.floorRatingKpa).toBe(20);
    expect(hall.rowPowerMw).toBe(1.5);
    // No white-space share on the hall: the Blackwell default (0.5) of 4,000 m².
    expect(hall.whiteSpaceFraction).toBe(0.5);
    expect(hall.whiteSpaceM2).toBe(2000);
  });

  it('a hall and a row record: every field, in the order of HallReport and RowReport', () => {
    // Each record is made by a constructor with its fields in order: a test that two swapped
    // arguments would fail (the numbers below differ field by field).
    const report = computeReport(hallWith([{}, { rackCount: 4 }]));
    const rackKpa = rackPointLoadKpa(1360, 0.6, 1.2);
    const footKn = (1360 * 9.807) / 4 / 1000;
    // Both rows: 0.9 m of aisle on each side (4 m apart, 2.8 m clear), 0.6 m a rack.
    const rowKpa = (racks: number) => (racks * 1360 * 9.807) / (racks * 0.6 * 3) / 1000;
    const expected = {
      id: 'hall-1',
      name: 'Hall 1',
      itMw: 1.704,
      racks: 12,
      gpus: 864,
      areaM2: 4000,
      densityKwPerM2: 1704 / 4000,
      maxRackKpa: rackKpa,
      avgFloorKpa: (12 * 1360 * 9.807) / 4000 / 1000,
      floorRatingKpa: 20,
      distributedKpa: rowKpa(8),
      maxPointLoadKn: footKn,
      pointLoadRatingKn: 4.5,
      whiteSpaceFraction: 0.5,
      whiteSpaceM2: 2000,
      rowPowerMw: 1.5,
      maxRowMw: 1.136,
      coolingZoneIds: ['cz-1'],
      domainIndex: 0,
      fiberAttachments: [],
      feedMva: null,
    };
    const hall = report.halls[0]!;
    expect(Object.keys(hall)).toEqual(Object.keys(expected));
    for (const [key, value] of Object.entries(expected)) {
      const got = (hall as unknown as Record<string, unknown>)[key];
      if (typeof value === 'number') expect(got, key).toBeCloseTo(value, 9);
      else expect(got, key).toEqual(value);
    }
    const row = {
      id: 'row-2',
      hallId: 'hall-1',
      racks: 4,
      kwPerRack: 142,
      itKw: 568,
      massKg: 5440,
      gpus: 288,
      rackKpa,
      distributedKpa: rowKpa(4),
      pointLoadKn: footKn,
      cdus: 0,
      coolingZoneId: 'cz-1',
    };
    expect(Object.keys(report.rows[1]!)).toEqual(Object.keys(row));
    for (const [key, value] of Object.entries(row)) {
      const got = (report.rows[1] as unknown as Record<string, unknown>)[key];
      if (typeof value === 'number') expect(got, key).toBeCloseTo(value, 9);
      else expect(got, key).toBe(value);
    }
  });

  it('a row whose rotation is not a number (no valid file has one) does not stop the report', () => {
    const layout = hallWith([{ rotation: NaN }, {}, { rotation: NaN }, { rotation: Infinity }]);
    expect(computeReport(layout).rows).toHaveLength(4);
  });

  it('an empty hall reports zeros and has no domain', () => {
    const report = computeReport(layoutOf({ halls: [createHall('hall-1', { x: 0, y: 0 })] }));
    const hall = report.halls[0]!;
    expect(hall).toMatchObject({
      itMw: 0,
      racks: 0,
      gpus: 0,
      maxRackKpa: 0,
      avgFloorKpa: 0,
      domainIndex: null,
    });
    expect(checkOf(report, 'floor-load')).toMatchObject({
      status: 'pass',
      message: 'No racks placed: nothing loads a floor',
    });
  });
});
