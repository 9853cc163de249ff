import type { CoolingTypeId } from './coolingTypes';
import { densestWhiteSpaceM2PerRack } from './hallLayout';
import { RACK_PROFILES, type RackProfileId } from './rackProfiles';
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
  /** Share of a hall's gross area that is white space (rows and aisles), when the hall gives none. */
  readonly whiteSpaceFraction: Sourced<number>;
  /** Concentrated (point) load rating of the floor, kN per foot, when the hall gives none. */
  readonly pointLoadRatingKn: Sourced<number>;
  /**
   * Most IT kW per m² of hall (gross area) the tier's sources support (`hall-density`): the
   * tier's flagship rack laid out at the sourced aisles, with in-row CDUs, filling the white space.
   */
  readonly maxHallKwPerM2: Sourced<number>;
}

type TierBase = Omit<Tier, 'maxHallKwPerM2'>;

const WHITE_SPACE_BASIS =
  'planner default: trade descriptions put white space at roughly 40–60 % of a data hall building’s gross area, the rest being electrical rooms, CDU or CRAH galleries and corridors; no public source fixes it';
const whiteSpace = (value: number, why: string) =>
  sourced(value, 'X', `${WHITE_SPACE_BASIS}; ${why}`, { range: [0.4, 0.6], estimate: true });
/** One object per tier, so each tier's value has its own entry on the Sources page. */
const tiaPoint = () =>
  sourced(
    4.5,
    'B',
    'TIA-569 / TIA-942 summaries: equipment rooms rated 12 kPa distributed plus a 4.5 kN (1,000 lbf) concentrated load',
    { range: [4.4, 8.9] },
  );
const heavyPoint = () =>
  sourced(
    8.9,
    'C',
    'heavy-duty raised-floor panels and slabs quoted at 2,000 lbf (8.9 kN) concentrated load (raised-floor concentrated-load classes 1,000–2,000 lbf); a 2 t rack puts 4.9 kN on each of its 4 feet, over the 4.5 kN of TIA-569',
    { range: [4.4, 8.9] },
  );

const round1 = (v: number) => Math.round(v * 10) / 10;

/** The `hall-density` ceiling of a tier: its flagship at the densest sourced layout (grade D). */
function withDensityCeiling(t: TierBase): Tier {
  const p = RACK_PROFILES[t.flagshipProfile];
  const kw = Math.max(p.kwPerRack.value, t.designKwPerRack.value);
  const m2 = densestWhiteSpaceM2PerRack(p, kw);
  const f = t.whiteSpaceFraction.value;
  const value = round1((kw * f) / m2);
  const estimate = [p.kwPerRack, p.widthM, p.depthM, t.whiteSpaceFraction].some(
    (s) => s.grade === 'X',
  );
  return {
    ...t,
    maxHallKwPerM2: sourced(
      value,
      'D',
      `${p.label} at ${kw} kW on ${Math.round(m2 * 1000) / 1000} m² of white space per rack (its footprint, half of each sourced aisle${p.defaultCooling === 'dlc' || p.defaultCooling === 'immersion' ? ' and its share of 1.5 MW in-row CDUs' : ''}) × ${f} white-space share = ${value} kW per m² of hall; real rows with whole CDUs, cross aisles and wall clearances stay below it`,
      { estimate },
    ),
  };
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
const BASE_TIERS: Readonly<Record<TierId, TierBase>> = {
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
    whiteSpaceFraction: whiteSpace(
      0.6,
      'air halls keep CRAH galleries and electrical rooms outside the white space',
    ),
    pointLoadRatingKn: tiaPoint(),
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
    whiteSpaceFraction: whiteSpace(0.55, 'denser halls give more area to electrical rooms'),
    pointLoadRatingKn: tiaPoint(),
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
    whiteSpaceFraction: whiteSpace(
      0.5,
      'liquid halls add CDU galleries and more electrical rooms per m²',
    ),
    pointLoadRatingKn: tiaPoint(),
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
    whiteSpaceFraction: whiteSpace(
      0.45,
      '200 kW+ racks need still more electrical and CDU space per m² of rows',
    ),
    pointLoadRatingKn: heavyPoint(),
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
    whiteSpaceFraction: whiteSpace(
      0.4,
      'the low end: 600 kW racks put the most electrical and cooling plant behind each m² of rows',
    ),
    pointLoadRatingKn: heavyPoint(),
  },
};

export const TIERS: Readonly<Record<TierId, Tier>> = {
  traditional: withDensityCeiling(BASE_TIERS.traditional),
  hopper: withDensityCeiling(BASE_TIERS.hopper),
  blackwell: withDensityCeiling(BASE_TIERS.blackwell),
  rubin: withDensityCeiling(BASE_TIERS.rubin),
  'rubin-ultra': withDensityCeiling(BASE_TIERS['rubin-ultra']),
};
