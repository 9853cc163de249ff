import { describe, expect, it } from 'vitest';
import { createCoolingZone, createHall, createRackRow } from '../kinds';
import { computeReport } from './computeReport';
import { checkOf, layoutOf } from './testing';

describe('cooling (rule 3)', () => {
  it('a row is served by the first zone in file order that holds its centre', () => {
    const layout = layoutOf({
      halls: [createHall('hall-1', { x: 0, y: 0 }, { width: 100, depth: 40 })],
      // Hall frame (30, 20) is campus (-20, 0).
      rackRows: [createRackRow('row-1', 'hall-1', { x: 30, y: 20 })],
      coolingZones: [
        createCoolingZone('cz-far', { x: 500, y: 500, width: 10, depth: 10 }),
        createCoolingZone('cz-a', { x: -20, y: 0, width: 20, depth: 20 }),
        createCoolingZone('cz-b', { x: 0, y: 0, width: 200, depth: 200 }),
      ],
    });
    const report = computeReport(layout);
    expect(report.rows[0]!.coolingZoneId).toBe('cz-a');
    expect(report.zones.map((z) => z.rowIds)).toEqual([[], ['row-1'], []]);
    expect(report.halls[0]!.coolingZoneIds).toEqual(['cz-a']);
  });

  it('a row in a hall rotated 90° is served by the zone over where the rotation puts it', () => {
    // Hall 60 × 20 centred at (100, 100). The row's centre (10, 10) in the hall frame is 20 m left
    // of the hall centre; turned 90° clockwise (y down) that offset points up: campus (100, 80).
    // Unrotated it would be at (80, 100).
    const layout = layoutOf({
      halls: [createHall('hall-1', { x: 100, y: 100 }, { width: 60, depth: 20, rotation: 90 })],
      rackRows: [createRackRow('row-1', 'hall-1', { x: 10, y: 10 })],
      coolingZones: [
        createCoolingZone('cz-unrotated', { x: 80, y: 100, width: 8, depth: 8 }),
        createCoolingZone('cz-rotated', { x: 100, y: 80, width: 8, depth: 8 }),
      ],
    });
    const report = computeReport(layout);
    expect(report.rows[0]!.coolingZoneId).toBe('cz-rotated');
    expect(report.zones[1]!.loadMw).toBeCloseTo(1.136, 12); // 8 × 142 kW
    expect(report.zones[0]!.loadMw).toBe(0);
  });

  it('a rotated zone holds the rows under its rotated footprint', () => {
    // A 100 × 10 zone turned 90° covers x ∈ [-5, 5], y ∈ [-50, 50].
    const layout = layoutOf({
      halls: [createHall('hall-1', { x: 0, y: 0 }, { width: 100, depth: 100 })],
      rackRows: [
        createRackRow('row-in', 'hall-1', { x: 50, y: 10 }), // campus (0, -40)
        createRackRow('row-out', 'hall-1', { x: 90, y: 50 }), // campus (40, 0)
      ],
      coolingZones: [
        createCoolingZone('cz-1', { x: 0, y: 0, width: 100, depth: 10 }, { rotation: 90 }),
      ],
    });
    const report = computeReport(layout);
    expect(report.rows.map((r) => r.coolingZoneId)).toEqual(['cz-1', null]);
  });

  it('a row outside every zone fails cooling-coverage with its MW', () => {
    const layout = layoutOf({
      halls: [createHall('hall-1', { x: 0, y: 0 }, { width: 100, depth: 40 })],
      rackRows: [
        createRackRow('row-1', 'hall-1', { x: 20, y: 10 }),
        createRackRow('row-2', 'hall-1', { x: 80, y: 10 }),
      ],
      coolingZones: [createCoolingZone('cz-1', { x: -30, y: 0, width: 40, depth: 40 })],
    });
    const report = computeReport(layout);
    const check = checkOf(report, 'cooling-coverage');
    expect(check.status).toBe('fail');
    expect(check.elementIds).toEqual(['row-2']);
    expect(check.message).toContain('1 of 2 rows (1.14 MW)'); // 8 × 142 kW = 1.136 MW
    expect(report.totals.cooledLoadMw).toBeCloseTo(1.136, 12);
  });

  it('a zone carrying more heat than its capacity fails cooling-capacity', () => {
    // 3 rows × 8 × 142 kW = 3.408 MW of heat into a 3 MW loop.
    const layout = layoutOf({
      halls: [createHall('hall-1', { x: 0, y: 0 }, { width: 100, depth: 40 })],
      rackRows: [0, 1, 2].map((i) => createRackRow(`row-${i}`, 'hall-1', { x: 20, y: 5 + 4 * i })),
      coolingZones: [
        createCoolingZone(
          'cz-1',
          { x: 0, y: 0, width: 100, depth: 40 },
          { name: 'Loop A', capacityMw: 3 },
        ),
      ],
    });
    const report = computeReport(layout);
    expect(report.zones[0]!.loadMw).toBeCloseTo(3.408, 12);
    expect(report.totals.coolingCapacityMw).toBe(3);
    const check = checkOf(report, 'cooling-capacity');
    expect(check).toMatchObject({ status: 'fail', elementIds: ['cz-1'] });
    expect(check.message).toBe('Loop A: 3.41 MW heat load > 3 MW capacity');
    const roomy = layoutOf({
      ...layout,
      coolingZones: [{ ...layout.coolingZones[0]!, capacityMw: 4 }],
    });
    expect(checkOf(computeReport(roomy), 'cooling-capacity').status).toBe('pass');
  });

  it('142 kW GB300 racks under an air zone fail cooling-density (air removes 40 kW per rack)', () => {
    const layout = layoutOf({
      halls: [createHall('hall-1', { x: 0, y: 0 }, { width: 100, depth: 40 })],
      rackRows: [
        createRackRow('row-nvl', 'hall-1', { x: 20, y: 10 }),
        createRackRow('row-air', 'hall-1', { x: 20, y: 20 }, { profile: 'enterprise-air' }),
      ],
      coolingZones: [
        createCoolingZone(
          'cz-1',
          { x: 0, y: 0, width: 100, depth: 40 },
          { type: 'air', name: 'CRAH' },
        ),
      ],
    });
    const check = checkOf(computeReport(layout), 'cooling-density');
    expect(check).toMatchObject({ status: 'fail', elementIds: ['row-nvl'] });
    expect(check.message).toBe('row-nvl: 142 kW/rack > 40 kW/rack limit of air zone CRAH');
    const liquid = layoutOf({
      ...layout,
      coolingZones: [{ ...layout.coolingZones[0]!, type: 'dlc' }],
    });
    expect(checkOf(computeReport(liquid), 'cooling-density').status).toBe('pass');
  });

  it('a layout with no cooling zones passes capacity and density with "nothing to check"', () => {
    const report = computeReport(layoutOf());
    expect(checkOf(report, 'cooling-capacity')).toMatchObject({
      status: 'pass',
      message: 'No cooling zones to check',
    });
    expect(checkOf(report, 'cooling-coverage').status).toBe('pass');
  });

  it('finds the first zone the same way with many zones (the grid index)', () => {
    // 30 overlapping zones along x; each row sits where zones k and k+1 overlap: k wins.
    const zones = Array.from({ length: 30 }, (_, k) =>
      createCoolingZone(`cz-${k}`, { x: k * 10, y: 0, width: 14, depth: 10 }),
    );
    const layout = layoutOf({
      halls: [createHall('hall-1', { x: 150, y: 0 }, { width: 300, depth: 10 })],
      rackRows: Array.from({ length: 29 }, (_, k) =>
        createRackRow(`row-${k}`, 'hall-1', { x: k * 10 + 5 + 0, y: 5 }, { rackCount: 1 }),
      ),
      coolingZones: zones,
    });
    const report = computeReport(layout);
    expect(report.rows.map((r) => r.coolingZoneId)).toEqual(
      Array.from({ length: 29 }, (_, k) => `cz-${k}`),
    );
  });
});
