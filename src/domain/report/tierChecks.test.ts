import { describe, expect, it } from 'vitest';
import { REDUNDANCY_RANK, TIER_IDS, TIERS } from '../catalog';
import {
  createCoolingZone,
  createFiberTrench,
  createHall,
  createRackRow,
  createSubstation,
} from '../kinds';
import type { Layout } from '../model';
import { computeReport } from './computeReport';
import { checkOf, layoutOf, runCheck, withCampusPlant } from './testing';
import { CHECK_IDS } from './types';

/**
 * One GB200 SuperPOD hall built for Blackwell: 16 rows × 8 racks × 120 kW = 15.36 MW and
 * 128 × 72 = 9,216 GPUs; 20 kPa floor, 1.5 MW rows; a 20 MW DLC loop; N+1 over 2 × 100 MVA
 * (95 MW usable for 18.4 MW of facility); a 1,728-fiber trench into the hall.
 */
function superPod(): Layout {
  return layoutOf({
    parcel: {
      points: [
        [0, 0],
        [1000, 0],
        [1000, 1000],
        [0, 1000],
      ],
    },
    halls: [
      createHall(
        'hall-1',
        { x: 500, y: 500 },
        { name: 'Hall 1', width: 60, depth: 40, floorRatingKpa: 20, rowPowerMw: 1.5 },
      ),
    ],
    rackRows: Array.from({ length: 16 }, (_, i) =>
      createRackRow(
        `row-${i + 1}`,
        'hall-1',
        { x: i < 8 ? 15 : 45, y: 6 + (i % 8) * 4 },
        { profile: 'gb200-nvl72' },
      ),
    ),
    coolingZones: [
      createCoolingZone(
        'cz-1',
        { x: 500, y: 500, width: 70, depth: 50 },
        { name: 'Loop A', type: 'dlc', capacityMw: 20 },
      ),
    ],
    substations: [
      createSubstation('sub-1', { x: 200, y: 150 }, { capacityMva: 100 }),
      createSubstation('sub-2', { x: 300, y: 150 }, { capacityMva: 100 }),
    ],
    fiberTrenches: [
      createFiberTrench(
        'tr-1',
        [
          [500, 100],
          [500, 500],
        ],
        { name: 'Spine', fiberCount: 1728 },
      ),
    ],
  });
}

describe('tier checks (rule 8)', () => {
  it('a SuperPOD hall built for Blackwell passes every check', () => {
    const report = computeReport(withCampusPlant(superPod()));
    expect(report.totals.itMw).toBeCloseTo(15.36, 9);
    expect(report.totals.gpus).toBe(9216);
    expect(report.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(report.summary).toEqual({ pass: CHECK_IDS.length, warn: 0, fail: 0 });
  });

  it('options.tier overrides settings.targetTier', () => {
    expect(computeReport(superPod()).targetTier).toBe('blackwell');
    expect(computeReport(superPod(), { tier: 'rubin' }).targetTier).toBe('rubin');
  });

  it('tier-floor: 20 kPa meets Blackwell’s 18.6 but not Rubin’s 24.6', () => {
    expect(runCheck(superPod(), 'tier-floor').message).toBe(
      '1 hall ≥ 18.6 kPa Blackwell minimum (lowest 20 kPa)',
    );
    const check = runCheck(superPod(), 'tier-floor', 'rubin');
    expect(check).toMatchObject({ status: 'fail', elementIds: ['hall-1'] });
    expect(check.message).toBe('Hall 1: 20 kPa floor < 24.6 kPa Rubin minimum');
  });

  it('tier-cooling: a rear-door zone serving NVL72 racks is not allowed for Blackwell; an idle air zone is not checked', () => {
    const base = superPod();
    const layout = layoutOf({
      ...base,
      coolingZones: [
        { ...base.coolingZones[0]!, type: 'rdhx' },
        createCoolingZone('cz-idle', { x: 100, y: 900, width: 50, depth: 50 }, { type: 'air' }),
      ],
    });
    const check = runCheck(layout, 'tier-cooling');
    expect(check).toMatchObject({ status: 'fail', elementIds: ['cz-1'] });
    expect(check.message).toBe(
      'Loop A: rdhx cooling not allowed for Blackwell (allowed: dlc, immersion)',
    );
    expect(runCheck(layout, 'tier-cooling', 'hopper').status).toBe('pass');
    expect(runCheck(base, 'tier-cooling').message).toBe(
      '1 zone serving racks of a type Blackwell allows (dlc, immersion)',
    );
  });

  it('tier-density warns when racks are below the tier’s design density (120 kW < Rubin’s 200)', () => {
    expect(runCheck(superPod(), 'tier-density').status).toBe('pass');
    const report = computeReport(withCampusPlant(superPod()), { tier: 'rubin' });
    const check = checkOf(report, 'tier-density');
    expect(check.status).toBe('warn');
    expect(check.elementIds).toHaveLength(16);
    expect(check.message).toBe(
      "16 of 16 rows below Rubin's 200 kW/rack design density (lowest 120 kW/rack in row-1)",
    );
    // The other warning: the hall's N+1 is Rubin's minimum but below its 2N recommendation.
    expect(report.checks.filter((c) => c.status === 'warn').map((c) => c.id)).toEqual([
      'tier-density',
      'tier-redundancy',
    ]);
  });

  it('tier-row-power: 1.5 MW rows meet Blackwell’s 1.2 MW but not Rubin’s 2 MW', () => {
    expect(runCheck(superPod(), 'tier-row-power').status).toBe('pass');
    const check = runCheck(superPod(), 'tier-row-power', 'rubin');
    expect(check).toMatchObject({ status: 'fail', elementIds: ['hall-1'] });
    expect(check.message).toBe('Hall 1: 1.5 MW row power < 2 MW Rubin minimum');
  });

  it('tier-redundancy: N+1 meets Blackwell; Rubin needs N+1 and recommends 2N (warn below it)', () => {
    expect(runCheck(superPod(), 'tier-redundancy').message).toBe(
      'Redundancy N+1 meets N+1 required by Blackwell',
    );
    // No public source requires 2N for Rubin: N+1 (Tier III) is its minimum, 2N its recommendation.
    for (const tier of ['rubin', 'rubin-ultra'] as const) {
      expect(runCheck(superPod(), 'tier-redundancy', tier)).toMatchObject({
        status: 'warn',
        elementIds: [],
      });
    }
    expect(runCheck(superPod(), 'tier-redundancy', 'rubin').message).toBe(
      'Redundancy N+1 meets the N+1 minimum for Rubin; 2N recommended',
    );
    const twoN = layoutOf({ ...superPod(), settings: { redundancy: '2N' } });
    expect(runCheck(twoN, 'tier-redundancy', 'rubin')).toMatchObject({
      status: 'pass',
      message: 'Redundancy 2N meets 2N recommended for Rubin (minimum N+1)',
    });
    const n = layoutOf({ ...superPod(), settings: { redundancy: 'N' } });
    expect(runCheck(n, 'tier-redundancy', 'traditional').status).toBe('pass');
    expect(runCheck(n, 'tier-redundancy', 'hopper')).toMatchObject({
      status: 'fail',
      message: 'Redundancy N < N+1 minimum for Hopper',
      elementIds: [],
    });
    expect(runCheck(n, 'tier-redundancy', 'rubin-ultra')).toMatchObject({
      status: 'fail',
      message: 'Redundancy N < N+1 minimum for Rubin Ultra',
    });
  });

  it('every tier recommends at least its minimum redundancy', () => {
    for (const id of TIER_IDS) {
      const t = TIERS[id];
      expect(REDUNDANCY_RANK[t.recommendedRedundancy.value], id).toBeGreaterThanOrEqual(
        REDUNDANCY_RANK[t.minRedundancy.value],
      );
    }
  });

  it('fiber-density: a 1,728-fiber trench meets Blackwell, not Rubin’s 3,456', () => {
    expect(runCheck(superPod(), 'fiber-density').status).toBe('pass');
    const check = runCheck(superPod(), 'fiber-density', 'rubin');
    expect(check).toMatchObject({ status: 'fail', elementIds: ['tr-1'] });
    expect(check.message).toBe('Trench Spine: 1,728 fibers < 3,456 Rubin minimum');
  });

  it('latency-domain: 9,216 GPUs is exactly a GB200 SuperPOD; one row fewer is not', () => {
    expect(runCheck(superPod(), 'latency-domain').message).toBe(
      'Largest latency domain 9,216 GPUs in 1 hall ≥ 9,216 GPU Blackwell cluster (2 km reach)',
    );
    const short = layoutOf({ ...superPod(), rackRows: superPod().rackRows.slice(1) });
    const check = runCheck(short, 'latency-domain');
    expect(check).toMatchObject({ status: 'fail', elementIds: ['hall-1'] });
    expect(check.message).toContain('8,640 GPUs');
    expect(runCheck(short, 'latency-domain', 'traditional').message).toBe(
      'Traditional needs no training cluster',
    );
  });

  it('an empty campus passes every tier check but latency-domain with a message saying there was nothing to check', () => {
    const report = computeReport(layoutOf(), { tier: 'rubin-ultra' });
    for (const id of [
      'tier-floor',
      'tier-cooling',
      'tier-density',
      'tier-row-power',
      'fiber-density',
    ] as const) {
      const check = checkOf(report, id);
      expect(check.status, id).toBe('pass');
      expect(check.message, id).toMatch(/^No /);
    }
  });

  it('latency-domain fails without halls with racks when the tier needs a cluster (lead’s ruling)', () => {
    // A hall but no racks: no latency domain, 0 GPUs, short of any training cluster.
    const noRacks = layoutOf({
      halls: [createHall('h1', { x: 0, y: 0 }, { floorRatingKpa: 20, rowPowerMw: 1.5 })],
    });
    expect(runCheck(noRacks, 'latency-domain')).toMatchObject({
      status: 'fail',
      message: 'No halls with racks: 0 GPUs < 9,216 GPU Blackwell cluster',
      elementIds: [],
    });
    expect(
      checkOf(computeReport(layoutOf(), { tier: 'rubin-ultra' }), 'latency-domain'),
    ).toMatchObject({
      status: 'fail',
      message: 'No halls with racks: 0 GPUs < 10,000 GPU Rubin Ultra cluster',
    });
    // The traditional tier needs no cluster: it passes.
    expect(runCheck(noRacks, 'latency-domain', 'traditional')).toMatchObject({
      status: 'pass',
      message: 'Traditional needs no training cluster',
    });
  });
});
