import type { TierId } from '../catalog';

export type CheckStatus = 'pass' | 'warn' | 'fail';

/**
 * The report's records made by a constructor rather than an object literal (the row and hall
 * records: see RowRecord in computeReport.ts) are plain data, their own fields only, like an
 * object literal; `plainRecord` names such a class so, and the report transport compares and
 * patches its records field by field, as it does plain objects. (A tag, not a base class: V8 laid
 * the records of a subclass out slower.)
 */
const plainRecordPrototypes = new WeakSet<object>();

export function plainRecord(cls: { readonly prototype: object }): void {
  plainRecordPrototypes.add(cls.prototype);
}

/** Is `x` a record of a class named by `plainRecord`? */
export function isPlainRecord(x: object): boolean {
  return plainRecordPrototypes.has(Object.getPrototypeOf(x) as object);
}

/** Stable check ids (docs/rules.md). */
export const CHECK_IDS = [
  'row-power',
  'floor-load',
  'floor-point-load',
  'hall-density',
  'cooling-coverage',
  'cooling-capacity',
  'cooling-density',
  'power-capacity',
  'fiber-connectivity',
  'geometry',
  'setback',
  'overlap',
  'tier-floor',
  'tier-cooling',
  'tier-density',
  'tier-row-power',
  'tier-redundancy',
  'fiber-density',
  'latency-domain',
  'hall-feed',
  'backup-power',
  'heat-rejection',
  'phase-power',
  'phase-cooling',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

import type { Message, Text, UnitSystem } from '../units';
import { renderMessage } from '../units';

export interface Check {
  readonly id: CheckId;
  /** Short title for the checklist. */
  readonly title: string;
  readonly status: CheckStatus;
  /** One line with the figures, in SI units. */
  readonly message: string;
  /**
   * The same line with its figures kept as numbers and units, for readers in other units
   * (`checkMessage`); absent when the message has no figures to convert. Not part of the JSON
   * report (the command line leaves it out).
   */
  readonly messageParts?: Message;
  /** Ids of the elements at fault (empty when passing). */
  readonly elementIds: readonly string[];
}

export interface RowReport {
  readonly id: string;
  readonly hallId: string;
  readonly racks: number;
  readonly kwPerRack: number;
  readonly itKw: number;
  readonly massKg: number;
  readonly gpus: number;
  /** One rack's point load over its footprint, kPa. */
  readonly rackKpa: number;
  /** The row's rack mass over its footprint plus half of each aisle it shares, kPa. */
  readonly distributedKpa: number;
  /** One rack's load on each of its 4 feet, kN. */
  readonly pointLoadKn: number;
  /** In-row CDUs in the row. */
  readonly cdus: number;
  /** The cooling zone serving the row (first in file order containing its centre), or null. */
  readonly coolingZoneId: string | null;
}

export interface HallReport {
  readonly id: string;
  readonly name: string;
  readonly itMw: number;
  readonly racks: number;
  readonly gpus: number;
  readonly areaM2: number;
  /** IT kW per m² of hall area. */
  readonly densityKwPerM2: number;
  /** The worst rack point load in the hall, kPa (0 when the hall is empty). */
  readonly maxRackKpa: number;
  /** All rack mass over the hall area, kPa. */
  readonly avgFloorKpa: number;
  readonly floorRatingKpa: number;
  /** The worst row's distributed load (rack mass over footprint plus half its aisles), kPa. */
  readonly distributedKpa: number;
  /** The worst rack load per foot (weight / 4), kN (0 when the hall is empty). */
  readonly maxPointLoadKn: number;
  /** The point-load rating checked: the hall's own, or the tier's default, kN. */
  readonly pointLoadRatingKn: number;
  /** White-space share of the hall: its own, or the tier's default. */
  readonly whiteSpaceFraction: number;
  /** White space, m² (area × whiteSpaceFraction). */
  readonly whiteSpaceM2: number;
  readonly rowPowerMw: number;
  /** The largest row's MW in the hall. */
  readonly maxRowMw: number;
  /** Cooling zones serving this hall's rows. */
  readonly coolingZoneIds: readonly string[];
  /** Index into `domains`, or null for a hall without racks. */
  readonly domainIndex: number | null;
  /**
   * Where the fiber network attaches to the hall (rule 6), [x, y] in campus metres: trench
   * vertices inside it or within 1 m of its edge, then the points where trench segments cross
   * its edge. Empty when no trench reaches it.
   */
  readonly fiberAttachments: readonly (readonly [number, number])[];
  /** Rule 9: MVA of the feeders from a substation to the hall, after redundancy; null: none. */
  readonly feedMva: number | null;
}

export interface ZoneReport {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly loadMw: number;
  readonly capacityMw: number;
  readonly rowIds: readonly string[];
}

export interface DomainReport {
  readonly hallIds: readonly string[];
  readonly itMw: number;
  readonly gpus: number;
  /** Longest fiber distance between two halls of the domain, m (0 for one hall). */
  readonly maxPathM: number;
  /** One-way propagation over maxPathM, µs (4.9 µs per km): fiber only. */
  readonly maxLatencyUs: number;
  /** maxLatencyUs plus the planner's switch hops (3 × 0.3 µs by default), µs one-way. */
  readonly oneWayLatencyUs: number;
  /** Halls in this domain have no fiber attachment. */
  readonly unattached: boolean;
}

export interface Totals {
  readonly itMw: number;
  readonly facilityMw: number;
  readonly pue: number;
  readonly racks: number;
  readonly gpus: number;
  readonly installedMva: number;
  readonly usableMw: number;
  /** usableMw − facilityMw (negative: short of power). */
  readonly powerHeadroomMw: number;
  readonly coolingCapacityMw: number;
  /** IT heat carried by rows that a zone serves, MW. */
  readonly cooledLoadMw: number;
  /** Length of the union of the trench polylines (a shared stretch once), m. */
  readonly fiberRouteM: number;
  /** Σ trench lengths, every trench in full (before the union), m. */
  readonly fiberTrenchM: number;
  readonly fiberRouteMiles: number;
  readonly fiberStrandMiles: number;
  readonly parcelAreaM2: number;
  readonly parcelAcres: number;
  readonly itMwPerAcre: number;
  readonly maxRackKpa: number;
  readonly latencyDomains: number;
  readonly largestDomainGpus: number;
  readonly largestDomainItMw: number;
  readonly longestPathM: number;
  /** One-way fiber propagation over longestPathM, µs (4.9 µs per km): fiber only. */
  readonly longestPathUs: number;
  /**
   * longestPathUs plus the planner's switch hops (3 × 0.3 µs by default): the one-way latency
   * across the widest domain, µs; 0 without a domain.
   */
  readonly oneWayLatencyUs: number;
  /** Rule 10: Σ units × unitMw of the generator yards, each yard's largest unit left out at N+1 or above. */
  readonly backupMw: number;
  /** Rule 10: Σ battery energyMwh ÷ facility MW × 60; null with no facility load. */
  readonly rideThroughMin: number | null;
  /** Rule 11: Σ units × unitMw of the cooling plants, each plant's largest unit left out at N+1 or above. */
  readonly plantMw: number;
  /** Rule 11: the IT heat of the rows the cooling zones serve, MW. */
  readonly heatToRejectMw: number;
  /** Rule 12: IT MW × 8,760 × settings.utilization. */
  readonly itEnergyMwhPerYear: number;
  /** Rule 12: Σ plants (share of plant MW) × IT MWh × WUE. */
  readonly waterM3PerYear: number;
  readonly waterGallonsPerYear: number;
  /** Rule 12: site WUE, water L ÷ IT kWh. */
  readonly wueLPerKwh: number;
  /** Rule 12: IT MWh × PUE × settings.energyPricePerMwh; null when no price is set. */
  readonly energyCostUsdPerYear: number | null;
  /** Rule 14: facility capex (every cost item but IT racks), USD; an estimate. */
  readonly capexUsd: number;
  /** Rule 14: IT racks (it-rack-* items), USD, apart from capexUsd; an estimate. */
  readonly itEquipmentUsd: number;
  /** Rule 14: capexUsd ÷ IT MW; null with no IT load. */
  readonly capexPerItMwUsd: number | null;
  /** Rule 14: settings.revenuePerMwYear × IT MW; null when no revenue is set. */
  readonly revenueUsdPerYear: number | null;
  /** Rule 14: capexUsd ÷ (revenue − energy cost); null without revenue or when not positive. */
  readonly paybackYears: number | null;
}

/** Rule 13: one construction phase, its figures cumulative (every element of it or earlier). */
export interface PhaseReport {
  readonly id: string;
  readonly name: string;
  /** "YYYY-MM" or null. */
  readonly energize: string | null;
  readonly itMw: number;
  readonly facilityMw: number;
  /** Usable MW of the substations of this phase or earlier (rule 4). */
  readonly usableMw: number;
  readonly racks: number;
  readonly gpus: number;
  /** Facility capex of this phase alone, USD. */
  readonly capexUsd: number;
  /** Facility capex of this phase and the earlier ones, USD. */
  readonly cumulativeCapexUsd: number;
  /** IT equipment of this phase alone, USD. */
  readonly itEquipmentUsd: number;
  readonly cumulativeItEquipmentUsd: number;
  /** Firm heat-rejection MW of the plants of this phase or earlier (rule 11). */
  readonly plantMw: number;
  /** IT heat of the served rows of this phase or earlier, MW. */
  readonly heatToRejectMw: number;
}

export interface Report {
  readonly name: string;
  readonly targetTier: TierId;
  readonly totals: Totals;
  readonly halls: readonly HallReport[];
  readonly rows: readonly RowReport[];
  readonly zones: readonly ZoneReport[];
  readonly domains: readonly DomainReport[];
  /** Rule 14: cost item id → USD for every item with a quantity. */
  readonly capexByCategory: Readonly<Record<string, number>>;
  /** Rule 13: one entry per settings.phases, in order. */
  readonly phases: readonly PhaseReport[];
  readonly checks: readonly Check[];
  readonly summary: { readonly pass: number; readonly warn: number; readonly fail: number };
}

/** A check's message in the given unit system. */
export function checkMessage(check: Check, system: UnitSystem): string {
  return check.messageParts ? renderMessage(check.messageParts, system) : check.message;
}

export type { Text };
