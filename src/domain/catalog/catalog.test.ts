import { describe, expect, it } from 'vitest';
import {
  BESS,
  GENERATOR,
  PLANT_TYPE_IDS,
  PLANT_TYPES,
  COOLING_TYPES,
  COOLING_TYPE_IDS,
  NETWORK,
  RACK_PROFILES,
  RACK_PROFILE_IDS,
  TIERS,
  TIER_IDS,
  type Sourced,
} from './index';

function sourcedValues(obj: object): Sourced<unknown>[] {
  return Object.values(obj).filter(
    (v): v is Sourced<unknown> =>
      typeof v === 'object' && v !== null && 'basis' in v && 'grade' in v,
  );
}

describe('the catalog', () => {
  it('keeps the ids the file format names', () => {
    expect(Object.keys(RACK_PROFILES)).toEqual([...RACK_PROFILE_IDS]);
    expect(RACK_PROFILE_IDS).toEqual([
      'enterprise-air',
      'hpc-air',
      'hgx-h100',
      'hgx-b200',
      'gb200-nvl72',
      'gb300-nvl72',
      'vr-nvl144',
      'kyber-nvl576',
    ]);
    expect(COOLING_TYPE_IDS).toEqual(['air', 'rdhx', 'dlc', 'immersion']);
    expect(TIER_IDS).toEqual(['traditional', 'hopper', 'blackwell', 'rubin', 'rubin-ultra']);
  });

  it('records a basis and a grade for every value, and flags grade X as an estimate', () => {
    const all = [
      ...Object.values(RACK_PROFILES).flatMap(sourcedValues),
      ...Object.values(COOLING_TYPES).flatMap(sourcedValues),
      ...Object.values(TIERS).flatMap(sourcedValues),
      ...sourcedValues(NETWORK),
    ];
    expect(all.length).toBeGreaterThan(80);
    for (const s of all) {
      expect(s.basis.length).toBeGreaterThan(3);
      expect(['A', 'B', 'C', 'D', 'X']).toContain(s.grade);
      if (s.grade === 'X') expect(s.estimate).toBe(true);
    }
  });

  it('derives the Blackwell floor minimum from a 1.36 t NVL72 on 600 × 1200 mm', () => {
    const p = RACK_PROFILES['gb200-nvl72'];
    const kpa = (p.massKg.value * 9.807) / (p.widthM.value * p.depthM.value) / 1000;
    expect(kpa).toBeCloseTo(18.52, 2);
    expect(TIERS.blackwell.minFloorKpa.value).toBeGreaterThanOrEqual(kpa);
    expect(TIERS.hopper.minFloorKpa.value).toBeLessThan(kpa); // a Rated-3 12 kPa floor is not enough
  });

  it('matches the tier table (docs/sources.md)', () => {
    const row = (id: keyof typeof TIERS) => {
      const t = TIERS[id];
      return [
        t.designKwPerRack.value,
        t.minFloorKpa.value,
        t.coolingAllowed.value.join(','),
        t.minRowPowerMw.value,
        t.minRedundancy.value,
        t.recommendedRedundancy.value,
        t.minTrenchFibers.value,
        t.domainReachM.value,
        t.clusterGpus.value,
      ];
    };
    expect(row('traditional')).toEqual([
      10,
      7.2,
      'air,rdhx,dlc,immersion',
      0.2,
      'N',
      'N',
      144,
      10000,
      0,
    ]);
    expect(row('hopper')).toEqual([
      41,
      12,
      'air,rdhx,dlc,immersion',
      0.5,
      'N+1',
      'N+1',
      864,
      2000,
      1024,
    ]);
    expect(row('blackwell')).toEqual([
      120,
      18.6,
      'dlc,immersion',
      1.2,
      'N+1',
      'N+1',
      1728,
      2000,
      9216,
    ]);
    // Rubin and Rubin Ultra: N+1 minimum (NVIDIA RAs ask for Tier III), 2N recommended.
    expect(row('rubin')).toEqual([200, 24.6, 'dlc,immersion', 2, 'N+1', '2N', 3456, 2000, 10000]);
    expect(row('rubin-ultra')).toEqual([600, 27.3, 'dlc', 4.8, 'N+1', '2N', 6912, 2000, 10000]);
  });

  it('matches the cooling table (docs/sources.md)', () => {
    const t = COOLING_TYPE_IDS.map((id) => [
      id,
      COOLING_TYPES[id].maxKwPerRack.value,
      COOLING_TYPES[id].pue.value,
    ]);
    expect(t).toEqual([
      ['air', 40, 1.5],
      ['rdhx', 75, 1.35],
      ['dlc', 600, 1.2],
      ['immersion', 250, 1.08],
    ]);
  });
});

describe('the plant catalog (format version 2)', () => {
  it('has a water use and a unit size, each with its basis and grade, for every plant type', () => {
    for (const id of PLANT_TYPE_IDS) {
      const p = PLANT_TYPES[id];
      expect(p.id).toBe(id);
      for (const s of [p.wueLPerKwh, p.unitMw]) {
        expect(s.basis.length).toBeGreaterThan(20);
        expect(['A', 'B', 'C', 'D', 'X']).toContain(s.grade);
        if (s.range) expect(s.value).toBeGreaterThanOrEqual(s.range[0]);
        if (s.range) expect(s.value).toBeLessThanOrEqual(s.range[1]);
      }
      expect(p.unitMw.value).toBeGreaterThan(0);
    }
  });

  it('orders water use as the sources do: dry and air-cooled ≈ 0 < adiabatic < towers ≈ 1.8 L/kWh', () => {
    expect(PLANT_TYPES['dry-cooler'].wueLPerKwh.value).toBe(0);
    expect(PLANT_TYPES['air-chiller'].wueLPerKwh.value).toBe(0);
    expect(PLANT_TYPES.adiabatic.wueLPerKwh.value).toBeGreaterThan(0);
    expect(PLANT_TYPES.adiabatic.wueLPerKwh.value).toBeLessThan(
      PLANT_TYPES['chiller-tower'].wueLPerKwh.value,
    );
    expect(PLANT_TYPES['chiller-tower'].wueLPerKwh.value).toBe(1.8);
  });

  it('defaults generator units to ~3 MW diesel gensets and BESS to 4 hours', () => {
    expect(GENERATOR.unitMw.value).toBe(3);
    expect(GENERATOR.unitMw.grade).toBe('B');
    expect(BESS.durationH.value).toBe(4);
    expect(GENERATOR.units.estimate && BESS.powerMw.estimate).toBe(true);
  });
});
