import { HALL_LAYOUT, TIERS, type Tier } from '../catalog';
import { hallPointLoadRatingKn, hallWhiteSpaceFraction, rowDepthM, rowLengthM } from '../kinds';
import { cosSin } from './spatial';
import type { RackRow } from '../kinds';
import type { Layout } from '../model';
import { fail, pass, warn } from './checks';
import { all, exceeds, label, more, num, ratio } from './format';
import type { HallTable } from './halls';
import { G, type RowTable } from './rows';
import type { Check } from './types';
import { sortIndices, type IndexOrder } from './lists';

/** Concentrated load of one rack on each of its feet, kN: mass × g / feet / 1000. */
export function rackPointLoadKn(massKg: number): number {
  return (massKg * G) / HALL_LAYOUT.rackFeet.value / 1000;
}

const EPS = 1e-6;

/** A row's axis as a key: its rotation modulo 180°, to a hundredth of a degree. */
function axisKey(deg: number): number {
  const r = Math.round((((deg % 180) + 180) % 180) * 100) / 100;
  return r === 180 ? 0 : r;
}

/** First index in sorted `a` whose value is ≥ x. */
function lowerBound(a: Float64Array | readonly number[], x: number, lo = 0, hi = a.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What rowDistributedKpa keeps for the next call (see ReportMemo). */
export interface FloorMemo {
  /** Per hall: its rows (identities, file order) and their distributed loads in that order. */
  floor?: { readonly rowsOfHall: (readonly RackRow[])[]; readonly kpa: Float64Array[] };
}

/**
 * Each row's distributed floor load, kPa (docs/rules.md rule 2): the row's rack mass over its
 * footprint (racks and in-row CDUs) plus half of the aisle on each long side. An aisle is the
 * clear gap to the nearest parallel row that faces it along the row (they overlap along the row's
 * axis); half of it counts, at most HALL_LAYOUT.maxHalfAisleM (0.9 m), which also applies where
 * no row faces the side (an open floor or a wall aisle). Rows without a hall get 0.
 *
 * Per hall and axis, rows are sorted across the axis (v) and, within one v, along it (u); each
 * row scans outward only until no nearer facing row can exist, so stacked or end-to-end rows in
 * the tens of thousands cost n log n, not n².
 */
export function rowDistributedKpa(
  layout: Layout,
  rows: RowTable,
  halls: HallTable,
  memo?: FloorMemo,
): Float64Array {
  const out = new Float64Array(rows.count);
  // A hall's figures depend on its rows alone (in its own frame): a hall whose rows are the same
  // objects in the same order as last time takes last time's figures.
  const known = memo?.floor;
  const scan = new AisleScan(layout, rows, out);
  const rowsOfHall: (readonly RackRow[])[] = [];
  const kpa: Float64Array[] = [];
  for (let h = 0; h < halls.count; h++) {
    const rowIdx = halls.rowsOf[h]!;
    if (!memo) {
      scan.hall(rowIdx);
      continue;
    }
    const prevRows = known?.rowsOfHall[h];
    const prevKpa = known?.kpa[h];
    if (prevRows && prevKpa && sameRows(prevRows, layout.rackRows, rowIdx)) {
      for (let k = 0; k < rowIdx.length; k++) out[rowIdx[k]!] = prevKpa[k]!;
      rowsOfHall.push(prevRows);
      kpa.push(prevKpa);
      continue;
    }
    scan.hall(rowIdx);
    rowsOfHall.push(rowIdx.map((i) => layout.rackRows[i]!));
    const mine = new Float64Array(rowIdx.length);
    for (let k = 0; k < rowIdx.length; k++) mine[k] = out[rowIdx[k]!]!;
    kpa.push(mine);
  }
  if (memo) memo.floor = { rowsOfHall, kpa };
  return out;
}

/** Are the rows `idx` of `all` the very objects `known`, in order? */
function sameRows(
  known: readonly RackRow[],
  all: readonly RackRow[],
  idx: readonly number[],
): boolean {
  if (known.length !== idx.length) return false;
  for (let k = 0; k < idx.length; k++) if (known[k] !== all[idx[k]!]) return false;
  return true;
}

/**
 * rowDistributedKpa for the rows of one hall at a time, into `out`. Its arrays are kept from hall
 * to hall (one instance per call of rowDistributedKpa), and it makes no closures: a report from
 * scratch runs it for every hall.
 */
class AisleScan implements IndexOrder {
  private axis = new Float64Array(0);
  private u = new Float64Array(0);
  private v = new Float64Array(0);
  private len = new Float64Array(0);
  private dep = new Float64Array(0);
  /** Row positions (into the hall's rowIdx) sorted by axis, then v, then u. */
  private order = new Int32Array(0);
  private spare = new Int32Array(0);
  /** u of order[p], by sorted position p. */
  private sortedU = new Float64Array(0);
  /** By sorted position: its group of equal axis and v. */
  private groupOf = new Int32Array(0);
  /** By group: its first sorted position (and one past the last group's end), and its v. */
  private groupStart = new Int32Array(0);
  private groupV = new Float64Array(0);

  constructor(
    private readonly layout: Layout,
    private readonly rows: RowTable,
    private readonly out: Float64Array,
  ) {}

  private reserve(n: number): void {
    if (this.u.length >= n) return;
    const size = Math.max(n, this.u.length * 2, 16);
    this.axis = new Float64Array(size);
    this.u = new Float64Array(size);
    this.v = new Float64Array(size);
    this.len = new Float64Array(size);
    this.dep = new Float64Array(size);
    this.order = new Int32Array(size);
    this.spare = new Int32Array(size);
    this.sortedU = new Float64Array(size);
    this.groupOf = new Int32Array(size);
    this.groupStart = new Int32Array(size + 1);
    this.groupV = new Float64Array(size);
  }

  hall(rowIdx: readonly number[]): void {
    const n = rowIdx.length;
    if (n === 0) return;
    this.reserve(n);
    const { axis, u, v, len, dep } = this;
    // Each row in its axis's frame: geometry's rotate by −axis, its trigonometry once per axis
    // met in a run (the same arithmetic).
    let lastAxis = NaN;
    let c = 1;
    let s = 0;
    for (let k = 0; k < n; k++) {
      const row = this.layout.rackRows[rowIdx[k]!]!;
      const a = axisKey(row.rotation);
      if (a !== lastAxis) {
        [c, s] = cosSin(-a);
        lastAxis = a;
      }
      axis[k] = a;
      u[k] = a === 0 ? row.x : row.x * c - row.y * s;
      v[k] = a === 0 ? row.y : row.x * s + row.y * c;
      len[k] = rowLengthM(row);
      dep[k] = rowDepthM(row);
    }
    this.sort(n);
    const { order, sortedU, groupOf, groupStart, groupV } = this;
    // Groups of equal axis and v, in sorted order.
    let groups = 0;
    for (let p = 0; p < n; p++) {
      const k = order[p]!;
      sortedU[p] = u[k]!;
      if (
        groups === 0 ||
        !sameAxis(axis[order[p - 1]!]!, axis[k]!) ||
        groupV[groups - 1] !== v[k]
      ) {
        groupStart[groups] = p;
        groupV[groups] = v[k]!;
        groups++;
      }
      groupOf[p] = groups - 1;
    }
    groupStart[groups] = n;
    // Per run of one axis: its longest and deepest row bound the scan.
    for (let first = 0; first < n;) {
      const a = axis[order[first]!]!;
      let end = first;
      let maxLen = 0;
      let maxDep = 0;
      // At least the first row: a run always moves on, even past a rotation that is not a number.
      do {
        maxLen = Math.max(maxLen, len[order[end]!]!);
        maxDep = Math.max(maxDep, dep[order[end]!]!);
        end++;
      } while (end < n && sameAxis(axis[order[end]!]!, a));
      const gLo = groupOf[first]!;
      const gHi = groupOf[end - 1]!;
      for (let p = first; p < end; p++) {
        const k = order[p]!;
        const below = this.nearest(p, -1, gLo, gHi, maxLen, maxDep);
        const above = this.nearest(p, 1, gLo, gHi, maxLen, maxDep);
        const area = len[k]! * (dep[k]! + halfAisle(below) + halfAisle(above));
        const i = rowIdx[k]!;
        this.out[i] = area > 0 ? (this.rows.massKg[i]! * G) / area / 1000 : 0;
      }
      first = end;
    }
  }

  /**
   * The clear gap from the row at sorted position p to the nearest row facing it on one side
   * (+1: larger v, −1: smaller v), among the groups gLo … gHi of its axis, or Infinity.
   */
  private nearest(
    p: number,
    dir: 1 | -1,
    gLo: number,
    gHi: number,
    maxLen: number,
    maxDep: number,
  ): number {
    const { u, v, len, dep, order, sortedU, groupStart, groupV } = this;
    const cap = HALL_LAYOUT.maxHalfAisleM.value;
    const k = order[p]!;
    let best = Infinity;
    const reachU = (len[k]! + maxLen) / 2;
    for (let gi = this.groupOf[p]!; gi >= gLo && gi <= gHi; gi += dir) {
      const dv = Math.abs(groupV[gi]! - v[k]!);
      // Rows of the row's own v count on the +1 side only (they overlap it or stand end to end).
      if (dv === 0 && dir === -1) continue;
      if (dv - (dep[k]! + maxDep) / 2 >= Math.min(best, 2 * cap)) break;
      const lo = groupStart[gi]!;
      const hi = groupStart[gi + 1]!;
      const end = lowerBound(sortedU, u[k]! + reachU, lo, hi);
      for (let m = lowerBound(sortedU, u[k]! - reachU, lo, hi); m < end; m++) {
        const j = order[m]!;
        if (j === k || Math.abs(u[j]! - u[k]!) >= (len[k]! + len[j]!) / 2 - EPS) continue;
        best = Math.min(best, Math.max(0, dv - (dep[k]! + dep[j]!) / 2));
        if (best === 0) return 0;
      }
    }
    return best;
  }

  /** order[0 … n) = 0 … n − 1 sorted by axis, then v, then u (ties by position). */
  private sort(n: number): void {
    const sorted = sortIndices(n, this.order, this.spare, this);
    if (sorted !== this.order) {
      this.spare = this.order;
      this.order = sorted;
    }
  }

  /** Does row x sort strictly before row y? */
  before(x: number, y: number): boolean {
    const { axis, u, v } = this;
    if (axis[x] !== axis[y]) return axis[x]! < axis[y]!;
    if (v[x] !== v[y]) return v[x]! < v[y]!;
    return u[x]! < u[y]!;
  }
}

/** One axis (as the Map of axes this replaced saw it: NaN is one key, like any other). */
function sameAxis(a: number, b: number): boolean {
  return a === b || (a !== a && b !== b);
}

/** Half an aisle counts, at most HALL_LAYOUT.maxHalfAisleM. */
function halfAisle(gap: number): number {
  return Math.min(gap / 2, HALL_LAYOUT.maxHalfAisleM.value);
}

/** `floor-load`: every row's distributed load ≤ its hall's floorRatingKpa; the halls are at fault. */
export function checkFloorLoad(layout: Layout, halls: HallTable): Check {
  const bad: number[] = [];
  let withRacks = 0;
  let worst = 0;
  for (let h = 0; h < halls.count; h++) {
    if (halls.racks[h] === 0) continue;
    withRacks++;
    worst = Math.max(worst, halls.maxDistributedKpa[h]!);
    if (exceeds(halls.maxDistributedKpa[h]!, layout.halls[h]!.floorRatingKpa)) bad.push(h);
  }
  if (withRacks === 0) return pass('floor-load', 'No racks placed: nothing loads a floor');
  if (bad.length === 0) {
    return pass(
      'floor-load',
      `${all(withRacks, 'hall')} with racks: worst row ${num(worst, 1)} kPa distributed ≤ rating`,
    );
  }
  const hall = layout.halls[bad[0]!]!;
  return fail(
    'floor-load',
    `${label(hall)}: ${num(halls.maxDistributedKpa[bad[0]!]!, 1)} kPa distributed row load > ${num(hall.floorRatingKpa, 1)} kPa floor rating${more(bad.length, 'hall')}`,
    bad.map((h) => layout.halls[h]!.id),
  );
}

/**
 * `floor-point-load`: every rack's load per foot (weight / 4) ≤ its hall's point-load rating
 * (the hall's own, or the tier's default); the halls are at fault.
 */
export function checkPointLoad(layout: Layout, halls: HallTable, tier: Tier): Check {
  const bad: number[] = [];
  let withRacks = 0;
  let worst = 0;
  for (let h = 0; h < halls.count; h++) {
    if (halls.racks[h] === 0) continue;
    withRacks++;
    worst = Math.max(worst, halls.maxPointLoadKn[h]!);
    const rating = hallPointLoadRatingKn(layout.halls[h]!, tier.id);
    if (exceeds(halls.maxPointLoadKn[h]!, rating)) bad.push(h);
  }
  if (withRacks === 0) return pass('floor-point-load', 'No racks placed: nothing loads a floor');
  if (bad.length === 0) {
    return pass(
      'floor-point-load',
      `${all(withRacks, 'hall')} with racks: worst ${num(worst, 2)} kN per rack foot ≤ point rating`,
    );
  }
  const hall = layout.halls[bad[0]!]!;
  return fail(
    'floor-point-load',
    `${label(hall)}: ${num(halls.maxPointLoadKn[bad[0]!]!, 2)} kN per rack foot > ${num(hallPointLoadRatingKn(hall, tier.id), 2)} kN point-load rating${more(bad.length, 'hall')}`,
    bad.map((h) => layout.halls[h]!.id),
  );
}

/** IT kW per m² of the hall's gross area (0 for a hall of no area). */
export function hallDensityKwPerM2(layout: Layout, halls: HallTable, h: number): number {
  const hall = layout.halls[h]!;
  return ratio(halls.itKw[h]!, hall.width * hall.depth);
}

/**
 * `hall-density` (warn): every hall's IT kW per m² of gross area ≤ the tier's ceiling (its
 * flagship laid out at the sourced aisles with in-row CDUs, filling its white-space share).
 */
export function checkHallDensity(layout: Layout, halls: HallTable, tier: Tier): Check {
  const max = tier.maxHallKwPerM2.value;
  const bad: number[] = [];
  let withRacks = 0;
  let worst = 0;
  for (let h = 0; h < halls.count; h++) {
    if (halls.racks[h] === 0) continue;
    withRacks++;
    const d = hallDensityKwPerM2(layout, halls, h);
    worst = Math.max(worst, d);
    if (exceeds(d, max)) bad.push(h);
  }
  const name = TIERS[tier.id].label;
  if (withRacks === 0) return pass('hall-density', 'No racks placed: no hall density to check');
  if (bad.length === 0) {
    return pass(
      'hall-density',
      `${all(withRacks, 'hall')} with racks: densest ${num(worst, 1)} kW/m² ≤ ${num(max, 1)} kW/m² (${name})`,
    );
  }
  const hall = layout.halls[bad[0]!]!;
  return warn(
    'hall-density',
    `${label(hall)}: ${num(hallDensityKwPerM2(layout, halls, bad[0]!), 1)} kW/m² of hall > ${num(max, 1)} kW/m² the ${name} tier's sources support${more(bad.length, 'hall')}`,
    bad.map((h) => layout.halls[h]!.id),
  );
}

/** The hall's white-space share under the tier (its own or the tier's default). */
export function hallWhiteShare(layout: Layout, h: number, tier: Tier): number {
  return hallWhiteSpaceFraction(layout.halls[h]!, tier.id);
}
