import { describe, expect, it } from 'vitest';
import {
  createBatteryYard,
  createCoolingPlant,
  createCoolingZone,
  createFiberTrench,
  createGeneratorYard,
  createHall,
  createPowerFeeder,
  createRackRow,
  createSubstation,
  type Layout,
} from '..';
import { COST_ITEM_IDS, COST_ITEMS, RACK_PROFILE_IDS, unitCostUsd } from '../catalog';
import { M2_PER_ACRE } from '../units/constants';
import { computeReport } from './computeReport';
import { economics } from './cost';
import { layoutAsOfPhase, phaseIndexById } from './phases';
import { checkOf, layoutOf } from './testing';

/** Every unit cost overridden, so each figure below is quantity × a round price. */
const COSTS = {
  'land-acre': 1_000,
  'hall-mw-dlc': 5_000_000,
  'hall-mw-air': 3_000_000,
  'substation-mva': 100_000,
  'feeder-m': 1_000,
  'trench-m': 100,
  'fiber-km': 10,
  'generator-mw': 500_000,
  'bess-mwh': 200_000,
  'plant-mw': 300_000,
  'it-rack-gb200-nvl72': 3_000_000,
  'it-rack-hgx-h100': 1_000_000,
};

/**
 * A two-phase campus on a 100-acre parcel (1,000 m × 100 acres ÷ 1,000 m), redundancy N, power
 * factor 0.95. Phase 1 (H1, 2026-04): hall 1 with 2 rows × 10 GB200 racks at 100 kW = 2 MW on a
 * DLC zone, a 10 MVA substation, a 100 m feeder, a 4 × 2 MW generator yard, a 3 × 1 MW plant.
 * Phase 2 (H2, 2027-01): hall 2 with 10 HGX H100 racks at 40 kW = 0.4 MW and no zone (air), a
 * 5 MVA substation, a 200 m trench of 100 fibers and a 10 MWh battery yard.
 */
function twoPhases(settings: Partial<Layout['settings']> = {}): Layout {
  const depth = (100 * M2_PER_ACRE) / 1000;
  const p2 = { phaseId: 'ph-2' };
  return layoutOf({
    parcel: {
      points: [
        [0, 0],
        [1000, 0],
        [1000, depth],
        [0, depth],
      ],
    },
    settings: {
      redundancy: 'N',
      powerFactor: 0.95,
      phases: [
        { id: 'ph-1', name: 'H1', energize: '2026-04' },
        { id: 'ph-2', name: 'H2', energize: '2027-01' },
      ],
      costs: COSTS,
      ...settings,
    },
    halls: [
      createHall('hall-1', { x: 100, y: 100 }, { width: 40, depth: 20 }),
      createHall('hall-2', { x: 300, y: 100 }, { width: 40, depth: 20, ...p2 }),
    ],
    rackRows: [
      ...[5, 12].map((y, i) =>
        createRackRow(
          `row-${i + 1}`,
          'hall-1',
          { x: 20, y },
          { rackCount: 10, profile: 'gb200-nvl72', kwPerRack: 100 },
        ),
      ),
      createRackRow(
        'row-3',
        'hall-2',
        { x: 20, y: 5 },
        { rackCount: 10, profile: 'hgx-h100', kwPerRack: 40 },
      ),
    ],
    coolingZones: [
      createCoolingZone(
        'cz-1',
        { x: 100, y: 100, width: 50, depth: 30 },
        { type: 'dlc', capacityMw: 5 },
      ),
    ],
    substations: [
      createSubstation('sub-1', { x: 100, y: 250 }, { capacityMva: 10 }),
      createSubstation('sub-2', { x: 300, y: 250 }, { capacityMva: 5, ...p2 }),
    ],
    powerFeeders: [
      createPowerFeeder(
        'fd-1',
        [
          [100, 250],
          [100, 150],
        ],
        { capacityMva: 10 },
      ),
    ],
    fiberTrenches: [
      createFiberTrench(
        'tr-1',
        [
          [100, 50],
          [300, 50],
        ],
        { fiberCount: 100, ...p2 },
      ),
    ],
    generatorYards: [createGeneratorYard('gen-1', { x: 500, y: 300 }, { units: 4, unitMw: 2 })],
    batteryYards: [createBatteryYard('bess-1', { x: 600, y: 300 }, { energyMwh: 10, ...p2 })],
    coolingPlants: [createCoolingPlant('cp-1', { x: 700, y: 300 }, { units: 3, unitMw: 1 })],
  });
}

describe('rule 14: capex with every unit cost overridden', () => {
  const report = computeReport(twoPhases());

  it('prices each category: 100 acres × $1,000 = $100,000; 2 MW DLC × $5 M = $10 M; 0.4 MW air × $3 M = $1.2 M; 15 MVA × $100 k = $1.5 M; 100 m feeder × $1,000 = $100,000; 200 m trench × $100 = $20,000; 20 strand-km × $10 = $200; 8 MW gensets × $500 k = $4 M; 10 MWh × $200 k = $2 M; 3 MW plant × $300 k = $900,000', () => {
    const c = report.capexByCategory;
    expect(c['land-acre']).toBeCloseTo(100_000, 6);
    expect(c['hall-mw-dlc']).toBeCloseTo(10_000_000, 6);
    expect(c['hall-mw-air']).toBeCloseTo(1_200_000, 6);
    expect(c['substation-mva']).toBe(1_500_000);
    expect(c['feeder-m']).toBe(100_000);
    expect(c['trench-m']).toBe(20_000);
    expect(c['fiber-km']).toBe(200);
    expect(c['generator-mw']).toBe(4_000_000);
    expect(c['bess-mwh']).toBe(2_000_000);
    expect(c['plant-mw']).toBe(900_000);
    expect(c['hall-mw-rdhx']).toBeUndefined();
  });

  it('sums facility capex to $19,820,200 and IT apart: 20 GB200 racks × $3 M + 10 HGX × $1 M = $70 M', () => {
    expect(report.totals.capexUsd).toBeCloseTo(19_820_200, 4);
    expect(report.totals.itEquipmentUsd).toBe(70_000_000);
    expect(report.capexByCategory['it-rack-gb200-nvl72']).toBe(60_000_000);
    expect(report.capexByCategory['it-rack-hgx-h100']).toBe(10_000_000);
  });

  it('capex per IT MW = $19,820,200 ÷ 2.4 MW = $8,258,416.67', () => {
    expect(report.totals.capexPerItMwUsd).toBeCloseTo(19_820_200 / 2.4, 4);
  });

  it('by phase: H1 = 100,000 + 10 M + 1 M + 100,000 + 4 M + 900,000 = $16.1 M; H2 = 1.2 M + 500,000 + 20,000 + 200 + 2 M = $3,720,200', () => {
    const [h1, h2] = report.phases;
    expect(h1!.capexUsd).toBeCloseTo(16_100_000, 4);
    expect(h2!.capexUsd).toBeCloseTo(3_720_200, 4);
    expect(h1!.cumulativeCapexUsd).toBeCloseTo(16_100_000, 4);
    expect(h2!.cumulativeCapexUsd).toBeCloseTo(19_820_200, 4);
    expect(h1!.itEquipmentUsd).toBe(60_000_000);
    expect(h2!.cumulativeItEquipmentUsd).toBe(70_000_000);
  });

  it('phases are cumulative: H1 2 MW IT, 2.4 MW facility (DLC PUE 1.2), 9.5 MW usable (0.95 × 10 MVA); H2 2.4 MW IT, 3.0 MW facility (+0.4 × 1.5), 14.25 MW usable', () => {
    const [h1, h2] = report.phases;
    expect(h1).toMatchObject({
      id: 'ph-1',
      name: 'H1',
      energize: '2026-04',
      racks: 20,
      gpus: 1440,
    });
    expect(h1!.itMw).toBeCloseTo(2, 9);
    expect(h1!.facilityMw).toBeCloseTo(2.4, 9);
    expect(h1!.usableMw).toBeCloseTo(9.5, 9);
    expect(h2).toMatchObject({ id: 'ph-2', name: 'H2', energize: '2027-01', racks: 30 });
    expect(h2!.itMw).toBeCloseTo(2.4, 9);
    expect(h2!.facilityMw).toBeCloseTo(3.0, 9);
    expect(h2!.usableMw).toBeCloseTo(14.25, 9);
    expect(h2!.facilityMw).toBeCloseTo(report.totals.facilityMw, 9);
    expect(checkOf(report, 'phase-power').status).toBe('pass');
    // Plant: 3 × 1 MW less the spare unit (Blackwell is N+1) = 2 MW ≥ 2 MW of DLC heat.
    expect(h1!.plantMw).toBe(2);
    expect(checkOf(report, 'phase-cooling').status).toBe('pass');
  });

  it('revenue 2.4 MW × $1 M = $2.4 M/yr; energy 2.4 × 8,760 × 0.8 × PUE 1.25 × $50 = $1,051,200/yr; payback 19,820,200 ÷ 1,348,800 = 14.69 years', () => {
    const r = computeReport(
      twoPhases({ revenuePerMwYear: 1_000_000, energyPricePerMwh: 50, utilization: 0.8 }),
    );
    expect(r.totals.revenueUsdPerYear).toBeCloseTo(2_400_000, 6);
    expect(r.totals.energyCostUsdPerYear).toBeCloseTo(1_051_200, 4);
    expect(r.totals.paybackYears).toBeCloseTo(19_820_200 / 1_348_800, 9);
  });

  it('hides revenue and payback when no revenue is set, and payback when it never pays back', () => {
    expect(report.totals.revenueUsdPerYear).toBeNull();
    expect(report.totals.paybackYears).toBeNull();
    expect(economics(100, 1, 10, 20).paybackYears).toBeNull();
    expect(economics(100, 0, 10, null).capexPerItMwUsd).toBeNull();
  });

  it('without overrides every item is priced at its catalog default', () => {
    const r = computeReport(twoPhases({ costs: {} }));
    expect(r.capexByCategory['hall-mw-dlc']).toBeCloseTo(2 * unitCostUsd({}, 'hall-mw-dlc'), 4);
    expect(r.capexByCategory['land-acre']).toBeCloseTo(100 * 244_000, 4);
  });
});

/**
 * Three phases: hall 1 (2 MW DLC) and a 10 MVA substation in Horizon 1; hall 2 with 4 rows × 20
 * racks × 100 kW = 8 MW DLC in Horizon 2; its 20 MVA substation only in Horizon 3.
 */
function substationLate(): Layout {
  const base = twoPhases({
    phases: [
      { id: 'ph-1', name: 'Horizon 1', energize: '2026-04' },
      { id: 'ph-2', name: 'Horizon 2', energize: '2026-10' },
      { id: 'ph-3', name: 'Horizon 3', energize: '2027-04' },
    ],
  });
  return {
    ...base,
    halls: [
      base.halls[0]!,
      createHall('hall-2', { x: 300, y: 100 }, { width: 60, depth: 40, phaseId: 'ph-2' }),
    ],
    rackRows: [
      ...base.rackRows.slice(0, 2),
      ...[5, 13, 21, 29].map((y, i) =>
        createRackRow(
          `row-b${i}`,
          'hall-2',
          { x: 30, y },
          { rackCount: 20, profile: 'gb200-nvl72', kwPerRack: 100 },
        ),
      ),
    ],
    coolingZones: [
      ...base.coolingZones,
      createCoolingZone(
        'cz-2',
        { x: 300, y: 100, width: 70, depth: 50 },
        { type: 'dlc', capacityMw: 10, phaseId: 'ph-2' },
      ),
    ],
    substations: [
      base.substations[0]!,
      createSubstation('sub-2', { x: 300, y: 250 }, { capacityMva: 20, phaseId: 'ph-3' }),
    ],
    coolingPlants: [createCoolingPlant('cp-1', { x: 700, y: 300 }, { units: 12, unitMw: 1 })],
  };
}

describe('rule 13: phase-power and phase-cooling', () => {
  it('a phase that adds halls before their substation fails phase-power naming that phase: Horizon 2 needs (2 + 8) × 1.2 = 12 MW > 9.5 MW usable', () => {
    const r = computeReport(substationLate());
    const c = checkOf(r, 'phase-power');
    expect(c.status).toBe('fail');
    expect(c.message).toContain('Phase 2 “Horizon 2” (energized 2026-10)');
    expect(c.message).toContain('12 MW > 9.5 MW usable');
    expect(c.message).toContain('Phase 3 “Horizon 3”');
    expect(c.elementIds).toEqual(['hall-2']);
    // The finished campus has its power: 0.95 × 30 MVA = 28.5 MW ≥ 12 MW.
    expect(checkOf(r, 'power-capacity').status).toBe('pass');
    expect(r.phases.map((p) => p.usableMw)).toEqual([9.5, 9.5, 28.5]);
  });

  it('moving the substation into Horizon 2 passes', () => {
    const l = substationLate();
    const fixed = {
      ...l,
      substations: l.substations.map((s) => (s.id === 'sub-2' ? { ...s, phaseId: 'ph-2' } : s)),
    };
    expect(checkOf(computeReport(fixed), 'phase-power').status).toBe('pass');
  });

  it('phase-cooling fails on the first phase whose heat outruns the plant built by then: a plant of Horizon 3 leaves Horizon 2 with 3 × 1 MW less a spare = 2 MW for 10 MW of heat', () => {
    const l = substationLate();
    const late = {
      ...l,
      coolingPlants: [
        createCoolingPlant('cp-1', { x: 700, y: 300 }, { units: 3, unitMw: 1 }),
        createCoolingPlant('cp-2', { x: 800, y: 300 }, { units: 10, unitMw: 1, phaseId: 'ph-3' }),
      ],
    };
    const c = checkOf(computeReport(late), 'phase-cooling');
    expect(c.status).toBe('fail');
    expect(c.message).toContain('Phase 2 “Horizon 2”');
    expect(c.message).toContain('heat to reject 10 MW > plant 2 MW');
    expect(c.elementIds).toEqual(['hall-2']);
  });

  it('phase-cooling warns when no plant is drawn at all', () => {
    const l = { ...substationLate(), coolingPlants: [] };
    expect(checkOf(computeReport(l), 'phase-cooling').status).toBe('warn');
  });

  it('an element without phaseId, or naming no phase, is in the first phase', () => {
    const l = twoPhases();
    expect(phaseIndexById(l).get('ph-2')).toBe(1);
    const orphan = { ...l, halls: l.halls.map((h) => ({ ...h, phaseId: undefined })) };
    expect(computeReport(orphan).phases[0]!.itMw).toBeCloseTo(2.4, 9);
  });
});

describe('layoutAsOfPhase', () => {
  it('keeps the elements of phase ≤ k and the rows of the halls kept, and cuts the phases after k', () => {
    const l = substationLate();
    const p1 = layoutAsOfPhase(l, 0);
    expect(p1.halls.map((h) => h.id)).toEqual(['hall-1']);
    expect(p1.rackRows.map((r) => r.id)).toEqual(['row-1', 'row-2']);
    expect(p1.substations.map((s) => s.id)).toEqual(['sub-1']);
    expect(p1.settings.phases.map((p) => p.id)).toEqual(['ph-1']);
    expect(p1.fiberTrenches).toEqual([]);
    expect(layoutAsOfPhase(l, 2)).toBe(l);
    expect(layoutAsOfPhase(l, 99)).toBe(l);
    expect(layoutAsOfPhase(l, -3).settings.phases).toHaveLength(1);
  });

  it("its report's totals are phase k's cumulative figures in the full report", () => {
    const l = substationLate();
    const full = computeReport(l);
    for (let k = 0; k < 3; k++) {
      const r = computeReport(layoutAsOfPhase(l, k));
      expect(r.totals.itMw).toBeCloseTo(full.phases[k]!.itMw, 9);
      expect(r.totals.facilityMw).toBeCloseTo(full.phases[k]!.facilityMw, 9);
      expect(r.totals.usableMw).toBeCloseTo(full.phases[k]!.usableMw, 9);
      expect(r.totals.racks).toBe(full.phases[k]!.racks);
      expect(r.totals.capexUsd).toBeCloseTo(full.phases[k]!.cumulativeCapexUsd, 4);
    }
  });
});

describe('the cost catalog', () => {
  it('has exactly the ids of rule 14, with an IT rack item per rack profile', () => {
    expect([...COST_ITEM_IDS]).toEqual([
      'land-acre',
      'hall-mw-air',
      'hall-mw-rdhx',
      'hall-mw-dlc',
      'hall-mw-immersion',
      'substation-mva',
      'feeder-m',
      'trench-m',
      'fiber-km',
      'generator-mw',
      'bess-mwh',
      'plant-mw',
      ...RACK_PROFILE_IDS.map((p) => `it-rack-${p}`),
    ]);
  });

  it('gives each item a unit, what it includes, a basis and a grade, and marks estimates', () => {
    for (const c of COST_ITEMS) {
      expect(c.unit, c.id).not.toBe('');
      expect(c.includes.length, c.id).toBeGreaterThan(20);
      expect(c.usd.basis.length, c.id).toBeGreaterThan(20);
      expect(c.usd.value, c.id).toBeGreaterThan(0);
      if (c.id !== 'land-acre') expect(c.usd.estimate, c.id).toBe(true);
    }
  });

  it('reconciles the anchors: a DLC hall with N+1 plant lands inside C&W’s $9.3–15 M per critical MW, the hall alone near the seed’s $6–7 M per IT MW', () => {
    const hall = unitCostUsd({}, 'hall-mw-dlc');
    expect(hall).toBeGreaterThanOrEqual(6_000_000);
    expect(hall).toBeLessThanOrEqual(7_000_000);
    // Per IT MW at PUE 1.2 and N+1: 1.2 MW × 1.2 (spare) MVA / 0.95, 1.2 × 1.25 MW of gensets,
    // 1.1 MW of plant, 4 MWh of BESS per 10 MW.
    const plant =
      ((1.2 * 1.2) / 0.95) * unitCostUsd({}, 'substation-mva') +
      1.5 * unitCostUsd({}, 'generator-mw') +
      1.1 * unitCostUsd({}, 'plant-mw') +
      0.4 * unitCostUsd({}, 'bess-mwh');
    expect(hall + plant).toBeGreaterThan(7_500_000);
    expect(hall + plant).toBeLessThan(15_000_000);
  });
});
