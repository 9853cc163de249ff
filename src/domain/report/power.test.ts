import { describe, expect, it } from 'vitest';
import {
  createCoolingZone,
  createHall,
  createRackRow,
  createSubstation,
  type Settings,
} from '../kinds';
import { computeReport } from './computeReport';
import { usablePower } from './power';
import { checkOf, layoutOf } from './testing';

const subs = [100, 100, 50].map((mva, i) =>
  createSubstation(`sub-${i + 1}`, { x: 500 + 100 * i, y: -500 }, { capacityMva: mva }),
);

/** Two halls of 10 MW each (one 100-rack row at 100 kW/rack); a DLC zone over the first only. */
function twoTenMwHalls(settings: Partial<Settings> = {}) {
  return layoutOf({
    settings,
    halls: [
      createHall('hall-1', { x: -300, y: 0 }, { width: 100, depth: 40 }),
      createHall('hall-2', { x: 300, y: 0 }, { width: 100, depth: 40 }),
    ],
    rackRows: [
      createRackRow('row-1', 'hall-1', { x: 50, y: 20 }, { rackCount: 100, kwPerRack: 100 }),
      createRackRow('row-2', 'hall-2', { x: 50, y: 20 }, { rackCount: 100, kwPerRack: 100 }),
    ],
    coolingZones: [
      createCoolingZone(
        'cz-1',
        { x: -300, y: 0, width: 120, depth: 60 },
        { type: 'dlc', capacityMw: 20 },
      ),
    ],
    substations: subs,
  });
}

describe('power (rule 4)', () => {
  it('usable MW from 100 + 100 + 50 MVA at pf 0.95: N 237.5, N+1 142.5, 2N 118.75', () => {
    expect(usablePower([100, 100, 50], 'N', 0.95)).toEqual({ installedMva: 250, usableMw: 237.5 });
    expect(usablePower([100, 100, 50], 'N+1', 0.95).usableMw).toBeCloseTo(142.5, 12);
    expect(usablePower([100, 100, 50], '2N', 0.95).usableMw).toBeCloseTo(118.75, 12);
    for (const [redundancy, mw] of [
      ['N', 237.5],
      ['N+1', 142.5],
      ['2N', 118.75],
    ] as const) {
      const report = computeReport(
        layoutOf({ substations: subs, settings: { redundancy, powerFactor: 0.95 } }),
      );
      expect(report.totals.installedMva).toBe(250);
      expect(report.totals.usableMw).toBeCloseTo(mw, 12);
    }
  });

  it('N+1 with a single substation has no firm capacity; with none, nothing at all', () => {
    expect(usablePower([100], 'N+1', 0.95).usableMw).toBe(0);
    expect(usablePower([], 'N+1', 0.95)).toEqual({ installedMva: 0, usableMw: 0 });
    expect(usablePower([], '2N', 0.95).usableMw).toBe(0);
  });

  it('PUE is the IT-weighted mean of the serving zones: 10 MW on DLC 1.2 + 10 MW unserved (air 1.5) = 1.35', () => {
    const report = computeReport(twoTenMwHalls());
    expect(report.totals.itMw).toBeCloseTo(20, 12);
    expect(report.totals.pue).toBeCloseTo(1.35, 12);
    expect(report.totals.facilityMw).toBeCloseTo(27, 12);
  });

  it('settings.pue overrides the derived PUE', () => {
    const report = computeReport(twoTenMwHalls({ pue: 1.1 }));
    expect(report.totals.pue).toBe(1.1);
    expect(report.totals.facilityMw).toBeCloseTo(22, 12);
  });

  it('facility MW beyond usable MW fails power-capacity and points at the substations', () => {
    // 27 MW facility: N+1 over 100 + 100 + 50 MVA gives 142.5 MW (pass); 20 + 10 MVA gives 9.5 MW.
    expect(checkOf(computeReport(twoTenMwHalls()), 'power-capacity').status).toBe('pass');
    const small = layoutOf({
      ...twoTenMwHalls(),
      substations: [
        createSubstation('sub-a', { x: 0, y: -500 }, { capacityMva: 20 }),
        createSubstation('sub-b', { x: 200, y: -500 }, { capacityMva: 10 }),
      ],
    });
    const report = computeReport(small);
    expect(report.totals.usableMw).toBeCloseTo(9.5, 12);
    expect(report.totals.powerHeadroomMw).toBeCloseTo(9.5 - 27, 12);
    const check = checkOf(report, 'power-capacity');
    expect(check).toMatchObject({ status: 'fail', elementIds: ['sub-a', 'sub-b'] });
    expect(check.message).toContain(
      'Facility 27 MW > 9.5 MW usable (N+1, 2 substations, 30 MVA installed, pf 0.95)',
    );
  });

  it('with no racks PUE falls back to the mean of the zones, else air 1.5, and nothing is NaN', () => {
    const empty = computeReport(layoutOf());
    expect(empty.totals.pue).toBe(1.5);
    expect(empty.totals.facilityMw).toBe(0);
    const zones = computeReport(
      layoutOf({
        coolingZones: [
          createCoolingZone('cz-1', { x: 0, y: 0, width: 10, depth: 10 }, { type: 'dlc' }),
          createCoolingZone('cz-2', { x: 50, y: 0, width: 10, depth: 10 }, { type: 'immersion' }),
        ],
      }),
    );
    expect(zones.totals.pue).toBeCloseTo((1.2 + 1.08) / 2, 12);
    expect(checkOf(zones, 'power-capacity').status).toBe('pass');
  });
});
