import { describe, expect, it } from 'vitest';
import { attachedRects, firmUnitsMw, hallFeedMva, rideThroughMin, waterAndEnergy } from './campus';
import { firmCapacity } from './power';
import { generatorYardMw } from '../kinds';

const rect = (x: number, y: number, width = 20, depth = 20, rotation = 0) => ({
  x,
  y,
  width,
  depth,
  rotation,
});

describe('rule 9: what a feeder attaches to', () => {
  const sub = rect(0, 0);
  const hall = rect(300, 0);
  it('a vertex inside, or within 1 m of the edge: attached (10.8 is 0.8 m off the edge at 10)', () => {
    expect(
      attachedRects(
        {
          points: [
            [10.8, 0],
            [300, 0],
          ],
        },
        [sub, hall],
      ),
    ).toEqual([0, 1]);
    expect(
      attachedRects(
        {
          points: [
            [11.5, 0],
            [289.5, 50],
          ],
        },
        [sub, hall],
      ),
    ).toEqual([]);
  });
  it('a feeder drawn straight through a substation and a hall with no vertex in either attaches both', () => {
    expect(
      attachedRects(
        {
          points: [
            [-50, 0],
            [400, 0],
          ],
        },
        [sub, hall],
      ),
    ).toEqual([0, 1]);
  });
  it('a feeder running along an edge or through a corner only does not attach', () => {
    expect(
      attachedRects(
        {
          points: [
            [-50, -10],
            [50, -10],
          ],
        },
        [sub],
      ),
    ).toEqual([]);
    expect(
      attachedRects(
        {
          points: [
            [0, 20],
            [20, 0],
          ],
        },
        [sub],
      ),
    ).toEqual([]);
  });
});

describe('rule 9: hall feed after redundancy', () => {
  it('two 60 MVA feeders to one hall: N 120, N+1 60, 2N 60 MVA; a feeder not reaching a substation counts nothing', () => {
    const feeders = [
      { capacityMva: 60, halls: [0], toSubstation: true },
      { capacityMva: 60, halls: [0], toSubstation: true },
      { capacityMva: 500, halls: [0, 1], toSubstation: false },
    ];
    expect(hallFeedMva(2, feeders, 'N')).toEqual([120, null]);
    expect(hallFeedMva(2, feeders, 'N+1')).toEqual([60, null]);
    expect(hallFeedMva(2, feeders, '2N')).toEqual([60, null]);
  });
  it('firm capacity of 40 + 60 + 80: N 180, N+1 100, 2N 90', () => {
    expect(firmCapacity([40, 60, 80], 'N')).toBe(180);
    expect(firmCapacity([40, 60, 80], 'N+1')).toBe(100);
    expect(firmCapacity([40, 60, 80], '2N')).toBe(90);
  });
});

describe('rules 10 and 11: yards and plants of units', () => {
  const yards = [
    { units: 12, unitMw: 3 },
    { units: 4, unitMw: 2.5 },
  ];
  it('installed 12 × 3 + 4 × 2.5 = 46 MW; with N+1 each yard keeps one unit back: 33 + 7.5 = 40.5 MW', () => {
    expect(yards.reduce((sum, y) => sum + generatorYardMw(y), 0)).toBe(46);
    expect(firmUnitsMw(yards, false)).toBe(46);
    expect(firmUnitsMw(yards, true)).toBe(40.5);
  });
  it('ride-through: 200 MWh of batteries for 80 MW of facility = 150 minutes; none without load', () => {
    expect(rideThroughMin([150, 50], 80)).toBe(150);
    expect(rideThroughMin([150], 0)).toBeNull();
  });
});

describe('rule 12: water and energy', () => {
  it('100 MW IT at 0.8 utilization = 700,800 MWh/yr; towers (1.8 L/kWh) for 3/4 of the plant MW and dry coolers (0) for 1/4: 946,080 m³/yr', () => {
    const r = waterAndEnergy(
      100,
      0.8,
      1.2,
      [
        { installedMw: 90, wueLPerKwh: 1.8 },
        { installedMw: 30, wueLPerKwh: 0 },
      ],
      40,
    );
    expect(r.itEnergyMwhPerYear).toBeCloseTo(700_800, 6);
    // 0.75 × 700,800 MWh × 1.8 L/kWh = 946,080 m³.
    expect(r.waterM3PerYear).toBeCloseTo(946_080, 6);
    expect(r.waterGallonsPerYear).toBeCloseTo(946_080 * 264.172, 3);
    expect(r.wueLPerKwh).toBeCloseTo(1.35, 12);
    // 700,800 MWh × PUE 1.2 × $40 = $33,638,400.
    expect(r.energyCostUsdPerYear).toBeCloseTo(33_638_400, 3);
  });
  it('no plants: no water; no price: no energy cost', () => {
    const r = waterAndEnergy(10, 1, 1.5, [], null);
    expect(r.itEnergyMwhPerYear).toBe(87_600);
    expect(r.waterM3PerYear).toBe(0);
    expect(r.wueLPerKwh).toBe(0);
    expect(r.energyCostUsdPerYear).toBeNull();
  });
});
