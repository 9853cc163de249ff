import type { Report } from '../../domain/report/types';

/** One row of the per-hall table: the hall's report figures plus what the table shows beside them. */
export interface HallTableRow {
  readonly id: string;
  readonly name: string;
  readonly itMw: number;
  readonly racks: number;
  readonly gpus: number;
  readonly densityKwPerM2: number;
  readonly maxRackKpa: number;
  readonly floorRatingKpa: number;
  readonly avgFloorKpa: number;
  /** The worst rack load over the floor rating (> 1: over). 0 for an empty hall. */
  readonly floorUse: number;
  /** Names of the cooling zones serving the hall's rows, in file order. */
  readonly zones: readonly string[];
  /** 1-based latency domain, or null for a hall without racks. */
  readonly domain: number | null;
}

export const HALL_SORT_KEYS = [
  'name',
  'itMw',
  'racks',
  'gpus',
  'densityKwPerM2',
  'floorUse',
  'zones',
  'domain',
] as const;
export type HallSortKey = (typeof HALL_SORT_KEYS)[number];
export type SortDir = 'ascending' | 'descending';
export interface HallSort {
  readonly key: HallSortKey;
  readonly dir: SortDir;
}

export function hallTableRows(report: Report): HallTableRow[] {
  const zoneName = new Map(report.zones.map((z) => [z.id, z.name || z.id] as const));
  return report.halls.map((h) => ({
    id: h.id,
    name: h.name || h.id,
    itMw: h.itMw,
    racks: h.racks,
    gpus: h.gpus,
    densityKwPerM2: h.densityKwPerM2,
    maxRackKpa: h.maxRackKpa,
    floorRatingKpa: h.floorRatingKpa,
    avgFloorKpa: h.avgFloorKpa,
    floorUse: h.floorRatingKpa > 0 ? h.maxRackKpa / h.floorRatingKpa : 0,
    zones: h.coolingZoneIds.map((id) => zoneName.get(id) ?? id),
    domain: h.domainIndex === null ? null : h.domainIndex + 1,
  }));
}

/**
 * Whether two rows show the same thing: every figure and name equal, zones item by item. A new
 * report makes new row objects for every hall; this lets the table re-render only the halls whose
 * figures changed.
 */
export function sameHallRow(a: HallTableRow, b: HallTableRow): boolean {
  if (a === b) return true;
  if (
    a.id !== b.id ||
    a.name !== b.name ||
    a.itMw !== b.itMw ||
    a.racks !== b.racks ||
    a.gpus !== b.gpus ||
    a.densityKwPerM2 !== b.densityKwPerM2 ||
    a.maxRackKpa !== b.maxRackKpa ||
    a.floorRatingKpa !== b.floorRatingKpa ||
    a.avgFloorKpa !== b.avgFloorKpa ||
    a.floorUse !== b.floorUse ||
    a.domain !== b.domain ||
    a.zones.length !== b.zones.length
  ) {
    return false;
  }
  for (let i = 0; i < a.zones.length; i++) if (a.zones[i] !== b.zones[i]) return false;
  return true;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function compare(a: HallTableRow, b: HallTableRow, key: HallSortKey): number {
  switch (key) {
    case 'name':
      return collator.compare(a.name, b.name);
    case 'zones':
      return collator.compare(a.zones.join(', '), b.zones.join(', '));
    case 'domain':
      // Halls without a domain (no racks) sort after every domain.
      return (a.domain ?? Infinity) - (b.domain ?? Infinity);
    default:
      return a[key] - b[key];
  }
}

/**
 * The rows sorted by `sort`, stable: equal rows keep file order in both directions ("Hall 2"
 * before "Hall 10" by natural order).
 */
export function sortHallRows(rows: readonly HallTableRow[], sort: HallSort): HallTableRow[] {
  const sign = sort.dir === 'ascending' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => sign * compare(a.row, b.row, sort.key) || a.i - b.i)
    .map((x) => x.row);
}

/** Clicking a header: the same column flips direction; a new one starts descending for figures. */
export function nextSort(current: HallSort, key: HallSortKey): HallSort {
  if (current.key === key) {
    return { key, dir: current.dir === 'ascending' ? 'descending' : 'ascending' };
  }
  const textual = key === 'name' || key === 'zones' || key === 'domain';
  return { key, dir: textual ? 'ascending' : 'descending' };
}
