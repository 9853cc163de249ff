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
  readonly minRedundancy: Sourced<Redundancy>;
  readonly minTrenchFibers: Sourced<number>;
  /** Greatest fiber distance between two halls of one latency domain, metres. */
  readonly domainReachM: Sourced<number>;
  /** GPUs the largest latency domain must reach (the training-cluster size). */
  readonly clusterGpus: Sourced<number>;
}

const ALL_COOLING: readonly CoolingTypeId[] = ['air', 'rdhx', 'dlc', 'immersion'];
const FIBER_BASIS = 'planner default (Corning: AI halls need ≥ 5× the optical connections)';
const FR4 = sourced(2000, 'A', '400G FR4 optics reach 2 km');

/** Values, bases and grades: docs/sources.md "Tiers". */
export const TIERS: Readonly<Record<TierId, Tier>> = {
  traditional: {
    id: 'traditional',
    label: 'Traditional (5–15 kW air)',
    flagshipProfile: 'enterprise-air',
    designKwPerRack: sourced(10, 'B', 'seed: 5–10 kW general racks', { range: [5, 15] }),
    minFloorKpa: sourced(7.2, 'X', 'planner default: 150 psf conventional floor', {
      estimate: true,
    }),
    coolingAllowed: sourced(ALL_COOLING, 'B', 'any cooling removes 10 kW per rack'),
    minRowPowerMw: sourced(0.2, 'X', 'planner default: 20 racks × 10 kW', { estimate: true }),
    minRedundancy: sourced('N', 'B', 'Uptime Tier I: N'),
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
    coolingAllowed: sourced(ALL_COOLING, 'B', 'seed: air still works at ~40 kW'),
    minRowPowerMw: sourced(0.5, 'X', 'planner default: 12 racks × 41 kW', { estimate: true }),
    minRedundancy: sourced('N+1', 'B', 'Uptime Tier II–III: N+1'),
    minTrenchFibers: sourced(864, 'X', FIBER_BASIS, { estimate: true }),
    domainReachM: FR4,
    clusterGpus: sourced(1024, 'A', 'DGX H100 SuperPOD: 1,024 GPUs'),
  },
  blackwell: {
    id: 'blackwell',
    label: 'Blackwell (120 kW NVL72)',
    flagshipProfile: 'gb200-nvl72',
    designKwPerRack: sourced(120, 'A', 'GB200 NVL72: 120 kW per rack (SU of 8 racks = 1.2 MW)'),
    minFloorKpa: sourced(
      18.6,
      'D',
      'a 1.36 t NVL72 on 600×1200 mm loads 18.52 kPa; seed: ≥ 1.3 t per rack',
    ),
    coolingAllowed: sourced(['dlc', 'immersion'], 'A', 'NVL72 is liquid-cooled (DLC)'),
    minRowPowerMw: sourced(1.2, 'A', 'NVIDIA GB200 SuperPOD: one SU row of 8 racks = 1.2 MW'),
    minRedundancy: sourced('N+1', 'A', 'GB200 SuperPOD RA asks for Uptime Tier III (N+1)'),
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
    minRedundancy: sourced('2N', 'C', 'seed: redundancy re-architected at full-facility level'),
    minTrenchFibers: sourced(3456, 'X', FIBER_BASIS, { estimate: true }),
    domainReachM: FR4,
    clusterGpus: sourced(10000, 'C', 'seed: ten-thousand-GPU training clusters'),
  },
  'rubin-ultra': {
    id: 'rubin-ultra',
    label: 'Rubin Ultra (600 kW Kyber)',
    flagshipProfile: 'kyber-nvl576',
    designKwPerRack: sourced(600, 'B', 'NVIDIA keynote: up to 600 kW per Kyber rack'),
    minFloorKpa: sourced(27.3, 'X', 'estimate: a 2.0 t rack on 600×1200 mm loads 27.24 kPa', {
      estimate: true,
    }),
    coolingAllowed: sourced(['dlc'], 'B', '100% liquid, 800 VDC'),
    minRowPowerMw: sourced(4.8, 'D', '8 racks × 600 kW'),
    minRedundancy: sourced('2N', 'C', 'as Rubin'),
    minTrenchFibers: sourced(6912, 'X', FIBER_BASIS, { estimate: true }),
    domainReachM: FR4,
    clusterGpus: sourced(10000, 'C', 'as Rubin: ten-thousand-GPU class'),
  },
};
