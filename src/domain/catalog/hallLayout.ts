import type { CoolingTypeId } from './coolingTypes';
import type { RackProfile } from './rackProfiles';
import { sourced } from './sourced';

/**
 * How racks are laid out inside a hall's white space: aisle widths, clearances, row lengths and
 * in-row CDUs. "Fill hall with rows" uses these, and so does the `hall-density` ceiling of each
 * tier (the tier's flagship laid out this way), so the two never disagree.
 */
export const HALL_LAYOUT = {
  /** Cold aisle of air-cooled rows (fronts facing), m. */
  coldAisleAirM: sourced(
    1.2,
    'B',
    'TIA-942 and OEM site guides: 1.2 m (4 ft, two 600 mm tiles) of clear space in front of cabinets; the classic contained cold aisle',
  ),
  /** Cold aisle of rack-scale liquid-cooled rows (NVL72 class), m. */
  coldAisleLiquidM: sourced(
    1.8,
    'C',
    'planner default for rack-scale liquid racks: the 1.2 m front service clearance plus room to roll a 1.2 m-deep, 1.36 t integrated rack in and turn it (its diagonal is 1.34 m); three 600 mm tiles',
    { range: [1.2, 1.8], estimate: true },
  ),
  /** Hot aisle (backs facing, contained), m. */
  hotAisleM: sourced(
    1.2,
    'C',
    'hot-aisle containment: ~1.2 m between rack backs; OEM site guides ask ≥ 0.9 m (36 in) behind racks, and NVL72 manifolds, bus bar and cable cartridges are serviced from the rear',
    { range: [0.9, 1.2] },
  ),
  /** Clear space between a row end and the end wall, m (egress). */
  endClearanceM: sourced(
    1.2,
    'B',
    'egress: building codes (IBC §1020, NFPA 101) ask exit-access aisles and corridors of ≥ 44 in (1.12 m); the planner keeps 1.2 m (4 ft) at row ends',
  ),
  /** Clear space between the outer rows and the side walls, m (egress). */
  wallClearanceM: sourced(
    1.2,
    'B',
    'egress: a ≥ 44 in (1.12 m) exit-access aisle along the walls (IBC §1020, NFPA 101); the planner keeps 1.2 m',
  ),
  /** Cross aisle between two rows of one line, m (egress). */
  crossAisleM: sourced(
    1.2,
    'B',
    'egress: a ≥ 44 in (1.12 m) cross aisle between row ends (IBC §1020, NFPA 101); the planner keeps 1.2 m',
  ),
  /** Racks in one row of rack-scale liquid-cooled racks. */
  rowRacksLiquid: sourced(
    8,
    'A',
    'NVIDIA DGX SuperPOD GB200 RA: a scalable unit is one row of 8 NVL72 compute racks (1.2 MW)',
  ),
  /** Racks in one row of air-cooled racks. */
  rowRacksAir: sourced(20, 'C', 'common aisle layouts: rows of at most 20 cabinets'),
  /** Heat one in-row CDU removes, kW. */
  cduKw: sourced(
    1500,
    'C',
    'trade CDU guides: in-row CDUs of 150–1,500 kW, each serving 8–16 racks; the planner takes the 1.5 MW class, one per 1.5 MW of row IT (one per 8–10 NVL72 racks)',
    { range: [150, 1500] },
  ),
  /** Rack positions one in-row CDU takes in its row. */
  cduPositions: sourced(
    1,
    'C',
    'trade CDU guides: an in-row CDU stands in the row in a half- or full-rack position; the planner takes one full rack position',
  ),
  /** Half of an aisle counted under a row for its distributed floor load, at most, m. */
  maxHalfAisleM: sourced(
    0.9,
    'D',
    'half of the widest default aisle (1.8 m): a row spreads its load over its footprint and half of each aisle it shares, never more than 0.9 m each side',
  ),
  /** Feet (casters or levelling feet) a rack stands on. */
  rackFeet: sourced(
    4,
    'B',
    'racks stand on four casters or levelling feet; the concentrated load per foot is the rack weight / 4',
  ),
  /** White space per AI rack, aisles included, m²: the spread trade sources quote (30–50 ft²). */
  whiteSpaceM2PerAiRack: sourced(
    3.7,
    'C',
    'trade sources: AI halls need 30–50 ft² (2.8–4.6 m²) per rack including aisles, against 25–30 ft² for enterprise racks; 3.7 m² is the midpoint',
    { range: [2.8, 4.6] },
  ),
} as const;

/** Whether racks of this cooling type are fed by CDUs in their row (liquid to the rack). */
export function usesInRowCdus(cooling: CoolingTypeId): boolean {
  return cooling === 'dlc' || cooling === 'immersion';
}

/** Default aisle widths for a profile: liquid rack-scale rows get the wider cold aisle. */
export function defaultAisles(profile: Pick<RackProfile, 'defaultCooling'>): {
  readonly coldAisleM: number;
  readonly hotAisleM: number;
} {
  const liquid = usesInRowCdus(profile.defaultCooling);
  return {
    coldAisleM: (liquid ? HALL_LAYOUT.coldAisleLiquidM : HALL_LAYOUT.coldAisleAirM).value,
    hotAisleM: HALL_LAYOUT.hotAisleM.value,
  };
}

/** Most racks in one row of this profile (before the hall's row power limits it). */
export function defaultRowRacks(profile: Pick<RackProfile, 'defaultCooling'>): number {
  return (
    usesInRowCdus(profile.defaultCooling) ? HALL_LAYOUT.rowRacksLiquid : HALL_LAYOUT.rowRacksAir
  ).value;
}

/** In-row CDUs a row of `racks` racks at `kwPerRack` needs (0 for air-cooled profiles). */
export function cdusForRow(
  profile: Pick<RackProfile, 'defaultCooling'>,
  racks: number,
  kwPerRack: number,
): number {
  if (!usesInRowCdus(profile.defaultCooling) || racks <= 0) return 0;
  return Math.ceil((racks * kwPerRack) / HALL_LAYOUT.cduKw.value - 1e-9);
}

/**
 * White space one rack takes in the densest layout the sources allow, m²: its width times its
 * depth plus half of each aisle, plus its share of in-row CDU positions (the CDU share taken at
 * the CDU's capacity, kW / cduKw, so no real row with whole CDUs and clearances is denser).
 */
export function densestWhiteSpaceM2PerRack(profile: RackProfile, kwPerRack: number): number {
  const { coldAisleM, hotAisleM } = defaultAisles(profile);
  const unit = profile.widthM.value * (profile.depthM.value + (coldAisleM + hotAisleM) / 2);
  const cduShare = usesInRowCdus(profile.defaultCooling)
    ? (kwPerRack / HALL_LAYOUT.cduKw.value) * HALL_LAYOUT.cduPositions.value
    : 0;
  return unit * (1 + cduShare);
}
