import { describe, expect, it } from 'vitest';
import {
  createBatteryYard,
  createCoolingPlant,
  createCoolingZone,
  createGeneratorYard,
  createHall,
  createPowerFeeder,
  createRackRow,
  createSubstation,
  type Layout,
  type Settings,
} from '..';
import { computeReport } from './computeReport';
import { checkOf, layoutOf } from './testing';

/**
 * Rules 9–12 through computeReport on one small hall, figures checkable by hand: two rows of 10
 * racks at 100 kW = 2 MW IT, served by a direct-to-chip zone (PUE 1.2, so 2.4 MW facility), one
 * substation 70 m north of the hall, N+1, power factor 0.95, utilization 0.8.
 */
function hallOf2Mw(
  over: Partial<Pick<Layout, 'generatorYards' | 'batteryYards' | 'coolingPlants' | 'powerFeeders'>>,
  settings: Partial<Settings> = {},
): Layout {
  return layoutOf({
    settings: { redundancy: 'N+1', powerFactor: 0.95, pue: null, utilization: 0.8, ...settings },
    halls: [createHall('hall-1', { x: 100, y: 100 }, { name: 'Hall 1', width: 40, depth: 20 })],
    rackRows: [5, 12].map((y, i) =>
      createRackRow(
        `row-${i + 1}`,
        'hall-1',
        { x: 20, y },
        { rackCount: 10, profile: 'gb200-nvl72', kwPerRack: 100 },
      ),
    ),
    coolingZones: [
      createCoolingZone(
        'cz-1',
        { x: 100, y: 100, width: 50, depth: 30 },
        { type: 'dlc', capacityMw: 5 },
      ),
    ],
    substations: [createSubstation('sub-1', { x: 100, y: 30 }, { capacityMva: 50 })],
    ...over,
  });
}

/** A feeder from the substation's centre to the hall's centre. */
const feeder = (id: string, capacityMva: number) =>
  createPowerFeeder(
    id,
    [
      [100, 30],
      [100, 100],
    ],
    { capacityMva },
  );

describe('rules 9–12 through computeReport (one 2 MW hall)', () => {
  it('the hall: 2 × 10 racks × 100 kW = 2 MW IT; × PUE 1.2 = 2.4 MW facility', () => {
    const t = computeReport(hallOf2Mw({})).totals;
    expect(t.itMw).toBeCloseTo(2, 9);
    expect(t.facilityMw).toBeCloseTo(2.4, 9);
  });

  it('rule 9: feeders of 2 + 3 MVA at N+1 give 5 − 3 = 2 MVA; 0.95 × 2 = 1.9 MW < 2.4 MW: hall-feed fails; 3 + 3 MVA give 3 MVA, 2.85 MW ≥ 2.4 MW: passes', () => {
    const short = computeReport(
      hallOf2Mw({ powerFeeders: [feeder('fd-1', 2), feeder('fd-2', 3)] }),
    );
    expect(short.halls[0]!.feedMva).toBeCloseTo(2, 9);
    expect(checkOf(short, 'hall-feed')).toMatchObject({ status: 'fail', elementIds: ['hall-1'] });
    const enough = computeReport(
      hallOf2Mw({ powerFeeders: [feeder('fd-1', 3), feeder('fd-2', 3)] }),
    );
    expect(enough.halls[0]!.feedMva).toBeCloseTo(3, 9);
    expect(checkOf(enough, 'hall-feed').status).toBe('pass');
    // At 2N the same two feeders give half of 6 = 3 MVA; at N, all 6.
    const at2n = computeReport(
      hallOf2Mw({ powerFeeders: [feeder('fd-1', 2), feeder('fd-2', 3)] }, { redundancy: '2N' }),
    );
    expect(at2n.halls[0]!.feedMva).toBeCloseTo(2.5, 9);
    // No feeders at all: a warning, and no feed figure.
    const none = computeReport(hallOf2Mw({}));
    expect(none.halls[0]!.feedMva).toBe(null);
    expect(checkOf(none, 'hall-feed').status).toBe('warn');
  });

  it('rule 10: 4 units × 0.8 MW at N+1 back up (4 − 1) × 0.8 = 2.4 MW ≥ 2.4 MW; 3 units give 1.6 MW: warn; 1.2 MWh ÷ 2.4 MW × 60 = 30 min ride-through', () => {
    const yard = (units: number) =>
      createGeneratorYard('gen-1', { x: 200, y: 30 }, { units, unitMw: 0.8 });
    const bess = createBatteryYard('bess-1', { x: 200, y: 80 }, { powerMw: 2, energyMwh: 1.2 });
    const ok = computeReport(hallOf2Mw({ generatorYards: [yard(4)], batteryYards: [bess] }));
    expect(ok.totals.backupMw).toBeCloseTo(2.4, 9);
    expect(checkOf(ok, 'backup-power').status).toBe('pass');
    expect(ok.totals.rideThroughMin).toBeCloseTo(30, 9);
    const short = computeReport(hallOf2Mw({ generatorYards: [yard(3)] }));
    expect(short.totals.backupMw).toBeCloseTo(1.6, 9);
    expect(checkOf(short, 'backup-power')).toMatchObject({
      status: 'warn',
      elementIds: ['gen-1'],
    });
    expect(checkOf(computeReport(hallOf2Mw({})), 'backup-power').status).toBe('warn');
  });

  it('rule 11: dry coolers 3 × 1 MW at N+1 reject (3 − 1) × 1 = 2 MW ≥ 2 MW of heat; 2 units reject 1 MW < 2 MW: fail', () => {
    const plant = (units: number) =>
      createCoolingPlant('cp-1', { x: 200, y: 150 }, { type: 'dry-cooler', units, unitMw: 1 });
    const ok = computeReport(hallOf2Mw({ coolingPlants: [plant(3)] }));
    expect(ok.totals.heatToRejectMw).toBeCloseTo(2, 9);
    expect(ok.totals.plantMw).toBeCloseTo(2, 9);
    expect(checkOf(ok, 'heat-rejection').status).toBe('pass');
    const short = computeReport(hallOf2Mw({ coolingPlants: [plant(2)] }));
    expect(short.totals.plantMw).toBeCloseTo(1, 9);
    expect(checkOf(short, 'heat-rejection')).toMatchObject({
      status: 'fail',
      elementIds: ['cp-1'],
    });
    expect(checkOf(computeReport(hallOf2Mw({})), 'heat-rejection').status).toBe('warn');
  });

  it('rule 12: 2 MW × 8,760 h × 0.8 = 14,016 MWh; towers (WUE 1.8) hold 3 of 4 installed MW: 0.75 × 14,016 × 1.8 = 18,921.6 m³ = 4,998,556.9 gal, site WUE 1.35 L/kWh; at $50/MWh 14,016 × 1.2 × 50 = $840,960', () => {
    const layout = hallOf2Mw(
      {
        coolingPlants: [
          createCoolingPlant(
            'cp-1',
            { x: 200, y: 150 },
            { type: 'chiller-tower', units: 3, unitMw: 1 },
          ),
          createCoolingPlant(
            'cp-2',
            { x: 200, y: 250 },
            { type: 'dry-cooler', units: 1, unitMw: 1 },
          ),
        ],
      },
      { energyPricePerMwh: 50 },
    );
    const t = computeReport(layout).totals;
    expect(t.itEnergyMwhPerYear).toBeCloseTo(14016, 6);
    expect(t.waterM3PerYear).toBeCloseTo(18921.6, 6);
    expect(t.waterGallonsPerYear).toBeCloseTo(4998556.9152, 3);
    expect(t.wueLPerKwh).toBeCloseTo(1.35, 9);
    expect(t.energyCostUsdPerYear).toBeCloseTo(840960, 6);
    // No price set: no energy cost.
    expect(computeReport(hallOf2Mw({})).totals.energyCostUsdPerYear).toBe(null);
  });
});
