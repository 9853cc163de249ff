import { COOLING_TYPES } from '../catalog';
import type { RotatedRect } from '../geometry';
import type { CoolingZone } from '../kinds';
import type { Layout } from '../model';
import { fail, pass } from './checks';
import { all, count, exceeds, label, more, num, ratio } from './format';
import type { RowTable } from './rows';
import {
  GridIndex,
  pickCellSize,
  prepareRect,
  preparedContains,
  type PreparedRect,
} from './spatial';
import type { Check } from './types';
import { emptyLists } from './lists';

/** A row centre exactly on a zone's edge counts as inside it, whatever the rounding. */
const EDGE_TOLERANCE_M = 1e-9;

export interface CoolingResult {
  /** Per row: index into layout.coolingZones of the serving zone, or -1. */
  readonly zoneOfRow: Int32Array;
  /** Per zone: IT kW of the rows it serves (all IT power becomes heat). */
  readonly zoneLoadKw: Float64Array;
  readonly rowsOfZone: readonly (readonly number[])[];
}

/** What assignCooling keeps for the next call (see ReportMemo). */
export interface CoolingMemo {
  /** Row centres and the zone serving each, for this coolingZones array. */
  cooling?: {
    readonly zones: readonly CoolingZone[];
    readonly cx: Float64Array;
    readonly cy: Float64Array;
    readonly hallIndex: Int32Array;
    readonly result: CoolingResult;
  };
}

/**
 * docs/rules.md rule 3: a row is served by the first cooling zone, in file order, whose footprint
 * contains the row's centre in the campus frame.
 */
export function assignCooling(layout: Layout, rows: RowTable, memo?: CoolingMemo): CoolingResult {
  const zones = layout.coolingZones;
  const zoneOfRow = new Int32Array(rows.count).fill(-1);
  const zoneLoadKw = new Float64Array(zones.length);
  const rowsOfZone = emptyLists(zones.length);
  // With the same zones, a row whose centre has not moved has the same zone as last time.
  const known = memo?.cooling?.zones === zones ? memo.cooling : undefined;
  let find: ZoneFinder | null = null;
  for (let i = 0; i < rows.count; i++) {
    if (rows.hallIndex[i]! < 0) continue;
    const x = rows.cx[i]!;
    const y = rows.cy[i]!;
    let z: number;
    if (
      known &&
      i < known.cx.length &&
      known.hallIndex[i]! >= 0 &&
      known.cx[i] === x &&
      known.cy[i] === y
    ) {
      z = known.result.zoneOfRow[i]!;
    } else {
      find ??= new ZoneFinder(prepareRects(zones));
      z = find.find(x, y);
    }
    zoneOfRow[i] = z;
    if (z >= 0) {
      zoneLoadKw[z]! += rows.itKw[i]!;
      rowsOfZone[z]!.push(i);
    }
  }
  const result = { zoneOfRow, zoneLoadKw, rowsOfZone };
  if (memo) memo.cooling = { zones, cx: rows.cx, cy: rows.cy, hallIndex: rows.hallIndex, result };
  return result;
}

/**
 * The lowest-index zone containing a point: a linear scan for a few zones, a grid for many. (A
 * class, not a closure made per report: see lists.ts.)
 */
class ZoneFinder {
  private readonly grid: GridIndex | null = null;
  private readonly near: number[] = [];

  constructor(private readonly zones: readonly PreparedRect[]) {
    if (zones.length <= 8) return;
    const extents = new Float64Array(zones.length);
    for (let z = 0; z < zones.length; z++) {
      const zone = zones[z]!;
      extents[z] = Math.max(zone.maxX - zone.minX, zone.maxY - zone.minY);
    }
    const grid = new GridIndex(pickCellSize(extents, 1), zones.length);
    for (let z = 0; z < zones.length; z++) {
      const zone = zones[z]!;
      grid.insert(z, zone.minX, zone.minY, zone.maxX, zone.maxY);
    }
    this.grid = grid;
  }

  find(x: number, y: number): number {
    const zones = this.zones;
    if (!this.grid) {
      for (let z = 0; z < zones.length; z++)
        if (preparedContains(zones[z]!, x, y, EDGE_TOLERANCE_M)) return z;
      return -1;
    }
    let best = -1;
    const n = this.grid.query(x, y, x, y, this.near);
    for (let q = 0; q < n; q++) {
      const z = this.near[q]!;
      if ((best < 0 || z < best) && preparedContains(zones[z]!, x, y, EDGE_TOLERANCE_M)) best = z;
    }
    return best;
  }
}

function prepareRects(rects: readonly RotatedRect[]): PreparedRect[] {
  const out: PreparedRect[] = [];
  for (const r of rects) out.push(prepareRect(r));
  return out;
}

/** `cooling-coverage`: every row (in a hall) is served by some zone. */
export function checkCoverage(layout: Layout, rows: RowTable, cooling: CoolingResult): Check {
  const bad: number[] = [];
  let checked = 0;
  let unservedKw = 0;
  for (let i = 0; i < rows.count; i++) {
    if (rows.hallIndex[i]! < 0) continue;
    checked++;
    if (cooling.zoneOfRow[i]! < 0) {
      bad.push(i);
      unservedKw += rows.itKw[i]!;
    }
  }
  if (checked === 0) return pass('cooling-coverage', 'No rack rows in halls: nothing to cool');
  if (bad.length === 0)
    return pass('cooling-coverage', `${all(checked, 'row')} served by a cooling zone`);
  return fail(
    'cooling-coverage',
    `${num(bad.length, 0)} of ${count(checked, 'row')} (${num(unservedKw / 1000, 2)} MW) outside every cooling zone, e.g. ${layout.rackRows[bad[0]!]!.id}`,
    bad.map((i) => layout.rackRows[i]!.id),
  );
}

/** `cooling-capacity`: each zone's heat load ≤ its capacity. */
export function checkCoolingCapacity(layout: Layout, cooling: CoolingResult): Check {
  const zones = layout.coolingZones;
  if (zones.length === 0) return pass('cooling-capacity', 'No cooling zones to check');
  const bad: number[] = [];
  let highest = 0;
  for (let i = 0; i < zones.length; i++) {
    const z = zones[i]!;
    const mw = cooling.zoneLoadKw[i]! / 1000;
    highest = Math.max(highest, ratio(mw, z.capacityMw));
    if (exceeds(mw, z.capacityMw)) bad.push(i);
  }
  if (bad.length === 0) {
    return pass(
      'cooling-capacity',
      `${all(zones.length, 'zone')} within capacity (highest at ${num(highest * 100, 0)}% of capacity)`,
    );
  }
  const z = zones[bad[0]!]!;
  return fail(
    'cooling-capacity',
    `${label(z)}: ${num(cooling.zoneLoadKw[bad[0]!]! / 1000, 2)} MW heat load > ${num(z.capacityMw, 2)} MW capacity${more(bad.length, 'zone')}`,
    bad.map((i) => zones[i]!.id),
  );
}

/** `cooling-density`: each served row's kW per rack ≤ its zone type's limit (unserved rows: see coverage). */
export function checkCoolingDensity(layout: Layout, rows: RowTable, cooling: CoolingResult): Check {
  const bad: number[] = [];
  let served = 0;
  let highest = 0;
  for (let i = 0; i < rows.count; i++) {
    const z = cooling.zoneOfRow[i]!;
    if (z < 0) continue;
    served++;
    highest = Math.max(highest, rows.kwPerRack[i]!);
    if (exceeds(rows.kwPerRack[i]!, COOLING_TYPES[layout.coolingZones[z]!.type].maxKwPerRack.value))
      bad.push(i);
  }
  if (served === 0)
    return pass('cooling-density', 'No rows served by a cooling zone: no density to check');
  if (bad.length === 0) {
    return pass(
      'cooling-density',
      `${all(served, 'served row')} within the zone type's kW/rack limit (highest ${num(highest, 1)} kW/rack)`,
    );
  }
  const i = bad[0]!;
  const zone = layout.coolingZones[cooling.zoneOfRow[i]!]!;
  return fail(
    'cooling-density',
    `${layout.rackRows[i]!.id}: ${num(rows.kwPerRack[i]!, 1)} kW/rack > ${num(COOLING_TYPES[zone.type].maxKwPerRack.value, 0)} kW/rack limit of ${zone.type} zone ${label(zone)}${more(bad.length, 'row')}`,
    bad.map((r) => layout.rackRows[r]!.id),
  );
}
