import type { CoolingTypeId } from './coolingTypes';
import type { RackProfileId } from './rackProfiles';
import { sourced, type Sourced } from './sourced';

export const TIER_IDS = ['traditional', 'hopper', 'blackwell', 'rubin', 'rubin-ultra'] as const;
export type TierId = (typeof TIER_IDS)[number];

export const REDUNDANCY_LEVELS = ['N', 'N+1', '2N'] as const;
export type Redundancy = (typeof REDUNDANCY_LEVELS)[number];
/** Rank for "at least": N < N+1 < 2N. */
export const REDUNDANCY_RANK: Readonly<Record<Redundancy, number>> = { N: 0, 'N+1': 1, '2N': 2 };

export interface Tier {
  readonly id: TierId;
  readonly label: string;
  /** The rack the tier is built around (the density lessons use it). */
  readonly flagshipProfile: RackProfileId;
  readonly designKwPerRack: Sourced<number>;
  readonly minFloorKpa: Sourced<number>;
  readonly coolingAllowed: Sourced<readonly CoolingTypeId[]>;
  readonly minRowPowerMw: Sourced<number>;
  /** Below it, `tier-redundancy` fails. */
  readonly minRedundancy: Sourced<Redundancy>;
  /** Below it (but at least the minimum), `tier-redundancy` warns. Never below the minimum. */
  readonly recommendedRedundancy: Sourced<Redundancy>;
  readonly minTrenchFibers: Sourced<number>;
  /** Greatest fiber distance between two halls of one latency domain, metres. */
  readonly domainReachM: Sourced<number>;
  /** GPUs the largest latency domain must reach (the training-cluster size). */
  readonly clusterGpus: Sourced<number>;
}

const ALL_COOLING: readonly CoolingTypeId[] = ['air', 'rdhx', 'dlc', 'immersion'];
const FIBER_BASIS = 'planner default (Corning: AI halls need ≥ 5× the optical connections)';
const FR4 = sourced(2000, 'A', '400G FR4 optics reach 2 km');
const RUBIN_MIN_REDUNDANCY = sourced<Redundancy>(
  'N+1',
  'A',
  'NVIDIA AI factory reference architectures (GB200 SuperPOD, Vera Rubin NVL72) ask for Tier III / N+1; no public source requires 2N',
);
const RUBIN_RECOMMENDED_REDUNDANCY = sourced<Redundancy>(
  '2N',
  'C',
  'planner default: the seed asks for power redundancy re-architected at full-facility level for 200 kW+ racks; no public source requires 2N, so below it warns, not fails',
  { estimate: true },
);

/**
 * The target tiers a campus is checked against. Each threshold quotes its public source and grade;
 * "planner default" marks a value no public source fixes, chosen to make the escalation visible.
 */
export const TIERS: Readonly<Record<TierId, Tier>> = {
  traditional: {
    id: 'traditional',
    label: 'Traditional (5–15 kW air)',
    flagshipProfile: 'enterprise-air',
    designKwPerRack: sourced(
      10,
      'B',
      'Uptime survey 2024: general racks 5–10 kW (avg ~8 kW); Schneider WP156',
      { range: [5, 15] },
    ),
    minFloorKpa: sourced(7.2, 'X', 'planner default: 150 psf conventional floor', {
      estimate: true,
    }),
    coolingAllowed: sourced(ALL_COOLING, 'B', 'any cooling removes 10 kW per rack'),
    minRowPowerMw: sourced(0.2, 'X', 'planner default: 20 racks × 10 kW', { estimate: true }),
    minRedundancy: sourced('N', 'B', 'Uptime Tier I: N'),
    recommendedRedundancy: sourced('N', 'B', 'Uptime Tier I: N (no training cluster to protect)'),
    minTrenchFibers: sourced(144, 'X', FIBER_BASIS, { estimate: true }),
    domainReachM: sourced(10000, 'A', '400G LR4 optics reach 10 km'),
    clusterGpus: sourced(0, 'B', 'no training cluster'),
  },
  hopper: {
    id: 'hopper',
    label: 'Hopper (~40 kW)',
    flagshipProfile: 'hgx-h100',
    designKwPerRack: sourced(41, 'A', 'DGX H100 SuperPOD: 4 × 10.2 kW per rack'),
    minFloorKpa: sourced(12, 'A', 'TIA-942 Rated 3 floor: 12 kPa (250 psf)'),
    coolingAllowed: sourced(
      ALL_COOLING,
      'B',
      'NVIDIA DGX SuperPOD H100 design guide: 40.8 kW racks of air-cooled systems; air, rear doors or liquid all remove ~40 kW',
    ),
    minRowPowerMw: sourced(0.5, 'X', 'planner default: 12 racks × 41 kW', { estimate: true }),
    minRedundancy: sourced('N+1', 'B', 'Uptime Tier II–III: N+1'),
    recommendedRedundancy: sourced('N+1', 'B', 'Uptime Tier II–III: N+1'),
    minTrenchFibers: sourced(864, 'X', FIBER_BASIS, { estimate: true }),
    domainReachM: FR4,
    clusterGpus: sourced(1024, 'A', 'DGX H100 SuperPOD: 1,024 GPUs'),
  },
  blackwell: {
    id: 'blackwell',
    label: 'Blackwell (120 kW NVL72)',
    flagshipProfile: 'gb200-nvl72',
    designKwPerRack: sourced(
      120,
      'B',
      'NVIDIA GB200 NVL72: ~120 kW per rack (120–132 kW); the flagship rack of the tier',
      { range: [120, 132] },
    ),
    minFloorKpa: sourced(
      18.6,
      'D',
      'a 1.36 t NVL72 on 600×1200 mm loads 18.52 kPa; seed: ≥ 1.3 t per rack',
    ),
    coolingAllowed: sourced(['dlc', 'immersion'], 'A', 'NVL72 is liquid-cooled (DLC)'),
    minRowPowerMw: sourced(
      1.2,
      'A',
      'NVIDIA DGX SuperPOD GB200 RA: a scalable unit is one row of 8 compute racks with 1.2 MW of row power (150 kW per compute rack of budget)',
    ),
    minRedundancy: sourced(
      'N+1',
      'A',
      'NVIDIA DGX SuperPOD GB200 RA asks for Uptime Tier III / TIA-942 Rated 3 (concurrently maintainable, N+1)',
    ),
    recommendedRedundancy: sourced(
      'N+1',
      'A',
      'NVIDIA DGX SuperPOD GB200 RA: Tier III (N+1) is what it asks for; nothing more is recommended',
    ),
    minTrenchFibers: sourced(1728, 'X', FIBER_BASIS, { estimate: true }),
    domainReachM: FR4,
    clusterGpus: sourced(9216, 'A', 'GB200 SuperPOD: 128 racks = 9,216 GPUs'),
  },
  rubin: {
    id: 'rubin',
    label: 'Rubin (200–300 kW)',
    flagshipProfile: 'vr-nvl144',
    designKwPerRack: sourced(200, 'C', 'seed: 200–300 kW racks', { range: [200, 300] }),
    minFloorKpa: sourced(24.6, 'D', 'a 1.8 t rack on 600×1200 mm loads 24.52 kPa; seed: ≥ 1.8–2 t'),
    coolingAllowed: sourced(['dlc', 'immersion'], 'B', 'seed: DLC or immersion'),
    minRowPowerMw: sourced(2.0, 'C', 'seed: 1–2 MW per row', { range: [1, 2] }),
    minRedundancy: RUBIN_MIN_REDUNDANCY,
    recommendedRedundancy: RUBIN_RECOMMENDED_REDUNDANCY,
    minTrenchFibers: sourced(3456, 'X', FIBER_BASIS, { estimate: true }),
    domainReachM: FR4,
    clusterGpus: sourced(10000, 'C', 'seed: ten-thousand-GPU training clusters'),
  },
  'rubin-ultra': {
    id: 'rubin-ultra',
    label: 'Rubin Ultra (600 kW Kyber)',
    flagshipProfile: 'kyber-nvl576',
    designKwPerRack: sourced(
      600,
      'C',
      'trade reports of GTC 2026 (Kyber NVL144) and TrendForce: ~600–660 kW per rack; NVIDIA keynote: up to 600 kW',
      { range: [600, 660] },
    ),
    minFloorKpa: sourced(27.3, 'X', 'estimate: a 2.0 t rack on 600×1200 mm loads 27.24 kPa', {
      estimate: true,
    }),
    coolingAllowed: sourced(['dlc'], 'B', '100% liquid, 800 VDC'),
    minRowPowerMw: sourced(4.8, 'D', '8 racks × 600 kW'),
    minRedundancy: RUBIN_MIN_REDUNDANCY,
    recommendedRedundancy: RUBIN_RECOMMENDED_REDUNDANCY,
    minTrenchFibers: sourced(6912, 'X', FIBER_BASIS, { estimate: true }),
    domainReachM: FR4,
    clusterGpus: sourced(10000, 'C', 'as Rubin: ten-thousand-GPU class'),
  },
};
