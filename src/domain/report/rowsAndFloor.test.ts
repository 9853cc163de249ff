import { describe, expect, it } from 'vitest';
import { createCoolingZone, createHall, createRackRow } from '../kinds';
import { computeReport } from './computeReport';
import { rackPointLoadKpa } from './rows';
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

describe('halls and floor load (rule 2)', () => {
  it('a 1,360 kg rack on 600 × 1200 mm loads 18.52 kPa', () => {
    expect(rackPointLoadKpa(1360, 0.6, 1.2)).toBeCloseTo(18.524, 3);
    const report = computeReport(hallWith([{}]));
    expect(report.rows[0]!.rackKpa).toBeCloseTo(18.524, 3);
    expect(report.halls[0]!.maxRackKpa).toBeCloseTo(18.524, 3);
    expect(report.totals.maxRackKpa).toBeCloseTo(18.524, 3);
  });

  it('a 12 kPa raised floor fails an NVL72 row; the hall is at fault', () => {
    const check = checkOf(computeReport(hallWith([{}], { floorRatingKpa: 12 })), 'floor-load');
    expect(check.status).toBe('fail');
    expect(check.elementIds).toEqual(['hall-1']);
    expect(check.message).toBe('Hall 1: 18.5 kPa rack load > 12 kPa floor rating');
  });

  it('a 20 kPa slab carries it', () => {
    const check = checkOf(computeReport(hallWith([{}], { floorRatingKpa: 20 })), 'floor-load');
    expect(check.status).toBe('pass');
    expect(check.message).toBe('1 hall with racks: worst rack 18.5 kPa ≤ rating');
  });

  it('the worst rack decides: a light air row beside an NVL72 row still fails 12 kPa', () => {
    const report = computeReport(
      hallWith([{ profile: 'enterprise-air', kwPerRack: null }, {}], { floorRatingKpa: 12 }),
    );
    expect(report.rows[0]!.rackKpa).toBeCloseTo((600 * 9.807) / (0.6 * 1.067) / 1000, 9);
    expect(checkOf(report, 'floor-load').status).toBe('fail');
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
