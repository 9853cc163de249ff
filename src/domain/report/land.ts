import { rectAabb, rectCorners, type RotatedRect, type XY } from '../geometry';
import { fig, msg } from '../units';
import {
  COLLECTIONS,
  kindOf,
  parcelAreaM2,
  rectOf,
  SQ_M_PER_ACRE,
  writeRowRectInHall,
  type AnyElement,
} from '../kinds';
import type { RackRow } from '../kinds';
import type { Layout } from '../model';
import { fail, pass } from './checks';
import { all, count, kindLabel, label, more } from './format';
import type { HallTable } from './halls';
import type { RowTable } from './rows';
import { prepareRect, rectBoundsInto, segmentEntersRect, segmentRectDistance } from './spatial';
import type { Check } from './types';
import { orderBy } from './lists';

/** Rows may touch their hall's walls; this much overhang is rounding, not a fault. */
const INSIDE_TOLERANCE_M = 1e-6;

export function parcelFigures(layout: Layout): { areaM2: number; acres: number } {
  const areaM2 = parcelAreaM2(layout.parcel);
  return { areaM2, acres: areaM2 / SQ_M_PER_ACRE };
}

/** A rectangle placed on the parcel (a hall, zone, substation, yard or plant: `onParcel` kinds). */
interface Placed {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly rect: RotatedRect;
  /** How it sits on the parcel (computed once per element and parcel: placementOf). */
  readonly fit: Fit;
}

/** Whether an element lies inside the parcel, and (asked for once) its distance to the edge. */
interface Fit {
  readonly holds: boolean;
  clearance?: number;
}

const PLACED_KINDS = COLLECTIONS.filter((c) => kindOf(c).onParcel);

/** What checkGeometry and checkSetback keep for the next call (see ReportMemo). */
export interface PlacementMemo {
  /**
   * Each placed element's fit, by element, for this parcel outline. Elements are immutable, so
   * an unchanged element keeps its fit; a new parcel outline starts afresh.
   */
  placement?: { readonly points: Layout['parcel']['points']; readonly fits: WeakMap<object, Fit> };
}

/** The elements placed on the parcel, each with its fit (the same for the same element). */
function placedElements(layout: Layout, parcel: ParcelShape, memo?: PlacementMemo): Placed[] {
  const points = layout.parcel.points;
  let fits = memo?.placement?.points === points ? memo.placement.fits : undefined;
  if (!fits) {
    fits = new WeakMap();
    if (memo) memo.placement = { points, fits };
  }
  const out: Placed[] = [];
  for (const c of PLACED_KINDS) {
    const kind = kindOf(c).noun.one;
    for (const e of layout[c] as readonly (AnyElement & RotatedRect & { name: string })[]) {
      const rect = rectOf(e);
      let fit = fits.get(e);
      if (!fit) fits.set(e, (fit = { holds: parcel.holds(rect) }));
      out.push({ id: e.id, name: e.name, kind, rect, fit });
    }
  }
  return out;
}

/** The parcel polygon in flat arrays, for the many corner tests of a large campus. */
export class ParcelShape {
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  readonly n: number;

  constructor(points: readonly XY[]) {
    this.n = points.length;
    this.xs = new Float64Array(this.n);
    this.ys = new Float64Array(this.n);
    for (let i = 0; i < this.n; i++) {
      this.xs[i] = points[i]![0];
      this.ys[i] = points[i]![1];
    }
  }

  /** Shortest distance from (x, y) to the parcel's boundary. */
  edgeDistance(x: number, y: number): number {
    const { xs, ys, n } = this;
    let best2 = Infinity;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const ax = xs[j]!;
      const ay = ys[j]!;
      const abx = xs[i]! - ax;
      const aby = ys[i]! - ay;
      const len2 = abx * abx + aby * aby;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * abx + (y - ay) * aby) / len2));
      const dx = x - (ax + abx * t);
      const dy = y - (ay + aby * t);
      const d2 = dx * dx + dy * dy;
      if (d2 < best2) best2 = d2;
    }
    return Math.sqrt(best2);
  }

  /** Even-odd test; points within `tol` of the boundary count as inside. */
  contains(x: number, y: number, tol: number): boolean {
    const { xs, ys, n } = this;
    let inside = false;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const xi = xs[i]!;
      const yi = ys[i]!;
      const xj = xs[j]!;
      const yj = ys[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside || this.edgeDistance(x, y) <= tol;
  }

  /**
   * Is the rectangle inside the (simple) polygon? All four corners inside, and no parcel edge
   * passing through the rectangle's interior: neither a vertex poking into it (a concave notch
   * between two corners) nor an edge crossing it with both ends outside (a concave gap the
   * rectangle straddles). Within INSIDE_TOLERANCE_M of the rectangle's edges is rounding.
   */
  holds(rect: RotatedRect): boolean {
    for (const c of rectCorners(rect))
      if (!this.contains(c.x, c.y, INSIDE_TOLERANCE_M)) return false;
    const r = prepareRect(rect);
    const { xs, ys, n } = this;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const ax = xs[j]!;
      const ay = ys[j]!;
      const bx = xs[i]!;
      const by = ys[i]!;
      // Cheap rejection: the edge's bounding box misses the rectangle's.
      if (Math.max(ax, bx) <= r.minX || Math.min(ax, bx) >= r.maxX) continue;
      if (Math.max(ay, by) <= r.minY || Math.min(ay, by) >= r.maxY) continue;
      if (segmentEntersRect(r, ax, ay, bx, by, INSIDE_TOLERANCE_M)) return false;
    }
    return true;
  }

  /**
   * Distance from a rectangle inside the parcel to the parcel's boundary: the least distance
   * between a parcel edge and the rectangle (0 where an edge meets it).
   */
  clearance(rect: RotatedRect): number {
    const r = prepareRect(rect);
    const { xs, ys, n } = this;
    let best = Infinity;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      best = Math.min(best, segmentRectDistance(r, xs[j]!, ys[j]!, xs[i]!, ys[i]!));
      if (best === 0) break;
    }
    return best;
  }
}

/** ", 3 yards and plants" when the layout has any (format version 2's rectangles), else "". */
const plantCount = (l: Layout): string => {
  const n = l.generatorYards.length + l.batteryYards.length + l.coolingPlants.length;
  return n > 0 ? `, ${count(n, 'yard or plant', 'yards and plants')}` : '';
};

/**
 * `geometry`: every hall, zone, substation, yard and plant inside the parcel; every row inside its
 * hall.
 */
export function checkGeometry(
  layout: Layout,
  rows: RowTable,
  memo?: GeometryMemo & PlacementMemo,
): Check {
  const parcel = new ParcelShape(layout.parcel.points);
  const boxes = rowBoxesInHall(layout.rackRows, memo);
  const placed = placedElements(layout, parcel, memo);
  const outside: Placed[] = [];
  for (const e of placed) if (!e.fit.holds) outside.push(e);
  const strayRows: number[] = [];
  const orphanRows: number[] = [];
  for (let i = 0; i < rows.count; i++) {
    const h = rows.hallIndex[i]!;
    if (h < 0) {
      orphanRows.push(i);
      continue;
    }
    // All four corners lie inside the hall's axis-aligned frame exactly when their bounding box does.
    const hall = layout.halls[h]!;
    const ok =
      boxes[i * 4]! >= -INSIDE_TOLERANCE_M &&
      boxes[i * 4 + 1]! >= -INSIDE_TOLERANCE_M &&
      boxes[i * 4 + 2]! <= hall.width + INSIDE_TOLERANCE_M &&
      boxes[i * 4 + 3]! <= hall.depth + INSIDE_TOLERANCE_M;
    if (!ok) strayRows.push(i);
  }
  if (outside.length === 0 && strayRows.length === 0 && orphanRows.length === 0) {
    if (placed.length === 0 && rows.count === 0)
      return pass('geometry', 'Nothing placed yet: nothing to check');
    return pass(
      'geometry',
      `Inside the parcel: ${count(layout.halls.length, 'hall')}, ${count(layout.coolingZones.length, 'zone')}, ${count(layout.substations.length, 'substation')}${plantCount(layout)}; ${count(rows.count, 'row')} within halls`,
    );
  }
  const parts: string[] = [];
  if (outside.length > 0)
    parts.push(
      `${kindLabel(outside[0]!.kind, outside[0]!)} outside the parcel${more(outside.length, 'element')}`,
    );
  if (strayRows.length > 0) {
    const row = layout.rackRows[strayRows[0]!]!;
    const hall = layout.halls[rows.hallIndex[strayRows[0]!]!]!;
    parts.push(`row ${row.id} outside ${label(hall)}${more(strayRows.length, 'row')}`);
  }
  if (orphanRows.length > 0) {
    const row = layout.rackRows[orphanRows[0]!]!;
    parts.push(`row ${row.id} in missing hall "${row.hallId}"${more(orphanRows.length, 'row')}`);
  }
  return fail('geometry', capital(parts.join('; ')), [
    ...outside.map((e) => e.id),
    ...[...strayRows, ...orphanRows].sort((a, b) => a - b).map((i) => layout.rackRows[i]!.id),
  ]);
}

/** What checkGeometry keeps for the next call (see ReportMemo). */
export interface GeometryMemo {
  /** Each row's bounding box in its hall's frame (minX, minY, maxX, maxY), for these rows. */
  rowBoxes?: { readonly rackRows: readonly RackRow[]; readonly boxes: Float64Array };
}

/** Each row's bounding box in its hall's frame, 4 numbers a row; the same while the rows are. */
function rowBoxesInHall(
  rackRows: readonly RackRow[],
  memo: GeometryMemo | undefined,
): Float64Array {
  if (memo?.rowBoxes?.rackRows === rackRows) return memo.rowBoxes.boxes;
  const boxes = new Float64Array(rackRows.length * 4);
  const rect = new MutableRect();
  for (let i = 0; i < rackRows.length; i++) {
    writeRowRectInHall(rackRows[i]!, rect);
    rectBoundsInto(rect, boxes, i * 4);
  }
  if (memo) memo.rowBoxes = { rackRows, boxes };
  return boxes;
}

/**
 * `setback`: with setbackM > 0, every hall, zone, substation, yard and plant at least that far from the parcel
 * edge (the least distance between a parcel edge and the element's rectangle; an element outside
 * the parcel, or crossed by its edge, has clearance 0).
 */
export function checkSetback(layout: Layout, memo?: PlacementMemo): Check {
  const setback = layout.settings.setbackM;
  if (!(setback > 0)) return pass('setback', 'No setback set (setbackM = 0)');
  const parcel = new ParcelShape(layout.parcel.points);
  const placed = placedElements(layout, parcel, memo);
  if (placed.length === 0)
    return pass('setback', msg`Nothing placed yet: no setback to check (${fig(setback, 'm', 1)})`);
  let closest = Infinity;
  const bad: { e: Placed; d: number }[] = [];
  for (const e of placed) {
    const d = e.fit.holds ? (e.fit.clearance ??= parcel.clearance(e.rect)) : 0;
    closest = Math.min(closest, d);
    if (d < setback - 1e-9) bad.push({ e, d });
  }
  if (bad.length === 0) {
    return pass(
      'setback',
      msg`${all(placed.length, 'element')} ≥ ${fig(setback, 'm', 1)} from the parcel edge (closest ${fig(closest, 'm', 1)})`,
    );
  }
  const { e, d } = bad[0]!;
  return fail(
    'setback',
    msg`${kindLabel(e.kind, e)}: ${fig(d, 'm', 1)} from the parcel edge < ${fig(setback, 'm', 1)} setback${more(bad.length, 'element')}`,
    bad.map((b) => b.e.id),
  );
}

/**
 * Overlapping pairs among rectangles, by sort-and-sweep on their bounding boxes (then the exact
 * separating-axis test), so a grid of n rectangles costs about n log n, not n². The sweep runs
 * along whichever axis makes it visit fewer pairs (counted exactly beforehand, in n log n): rows
 * stacked along y at one x would all be visited pairwise by a sweep along x. Pushes a, b (a < b)
 * onto `pairs` for each overlapping pair; stops after visiting `budget` candidate pairs and
 * returns whether it finished. (A list, not a callback: see lists.ts.)
 */
function sweepOverlaps(rects: readonly RotatedRect[], budget: number, pairs: number[]): boolean {
  const n = rects.length;
  const minX = new Float64Array(n);
  const maxX = new Float64Array(n);
  const minY = new Float64Array(n);
  const maxY = new Float64Array(n);
  const box = new Float64Array(4);
  for (let i = 0; i < n; i++) {
    rectBoundsInto(rects[i]!, box, 0);
    minX[i] = box[0]!;
    minY[i] = box[1]!;
    maxX[i] = box[2]!;
    maxY[i] = box[3]!;
  }
  // Prepared on first use: most rectangles of a real campus meet no candidate pair at all, and
  // preparing every one up front costs more than the whole sweep (50,000 racks: ~90 ms).
  const sat: (SatRect | undefined)[] = new Array<SatRect | undefined>(n);
  const byX = orderBy(minX);
  const byY = orderBy(minY);
  const alongY = sweepVisits(byY, minY, maxY) < sweepVisits(byX, minX, maxX);
  const [order, lo, hi, otherLo, otherHi] = alongY
    ? [byY, minY, maxY, minX, maxX]
    : [byX, minX, maxX, minY, maxY];
  let left = budget;
  for (let oi = 0; oi < n; oi++) {
    const a = order[oi]!;
    for (let oj = oi + 1; oj < n; oj++) {
      const b = order[oj]!;
      if (lo[b]! >= hi[a]!) break;
      if (left-- <= 0) return false;
      overlapWork.visits++;
      if (otherLo[b]! >= otherHi[a]! || otherLo[a]! >= otherHi[b]!) continue;
      const overlap = satOverlap(
        (sat[a] ??= prepareSat(rects[a]!)),
        (sat[b] ??= prepareSat(rects[b]!)),
      );
      if (overlap) pairs.push(Math.min(a, b), Math.max(a, b));
    }
  }
  return true;
}

/** A rectangle's bounds, corners and unit edge axes, computed once for many overlap tests. */
interface SatRect {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  /** x0, y0, … x3, y3. */
  readonly corners: Float64Array;
  /** The unit axes along two edges: ax, ay, bx, by. */
  readonly axes: Float64Array;
  /** Both axes exactly along x and y (a quarter turn): projections are the corners' x and y. */
  readonly aligned: boolean;
  /** The corners' extents along x and y. */
  readonly cMinX: number;
  readonly cMaxX: number;
  readonly cMinY: number;
  readonly cMaxY: number;
}

function prepareSat(r: RotatedRect): SatRect {
  // Plain loops: this runs for every rectangle in a candidate pair (see lists.ts).
  const c = rectCorners(r);
  const corners = new Float64Array(8);
  let cMinX = Infinity;
  let cMaxX = -Infinity;
  let cMinY = Infinity;
  let cMaxY = -Infinity;
  for (let k = 0; k < 4; k++) {
    const { x, y } = c[k]!;
    corners[2 * k] = x;
    corners[2 * k + 1] = y;
    cMinX = Math.min(cMinX, x);
    cMaxX = Math.max(cMaxX, x);
    cMinY = Math.min(cMinY, y);
    cMaxY = Math.max(cMaxY, y);
  }
  const axes = new Float64Array(4);
  let aligned = true;
  for (let k = 0; k < 2; k++) {
    const q = c[2 * k + 1]!;
    const x = q.x - c[0].x;
    const y = q.y - c[0].y;
    const len = Math.hypot(x, y);
    axes[2 * k] = x / len;
    axes[2 * k + 1] = y / len;
  }
  for (const v of axes) aligned &&= v === 0 || v === 1 || v === -1;
  return { ...rectAabb(r), corners, axes, aligned, cMinX, cMaxX, cMinY, cMaxY };
}

/**
 * geometry's rectsOverlap on prepared rectangles, step for step the same arithmetic (so the same
 * answers) without allocating: the overlap sweep calls it up to OVERLAP_BUDGET times.
 */
function satOverlap(a: SatRect, b: SatRect): boolean {
  if (!(a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY)) return false;
  if (a.aligned && b.aligned) {
    // Projections on (±1, 0) and (0, ±1) are ±x and ±y exactly: the same test on the extents.
    return !(
      a.cMaxX <= b.cMinX + SAT_EPS ||
      b.cMaxX <= a.cMinX + SAT_EPS ||
      a.cMaxY <= b.cMinY + SAT_EPS ||
      b.cMaxY <= a.cMinY + SAT_EPS
    );
  }
  return overlapAlong(a, b, a.axes) && overlapAlong(a, b, b.axes);
}

/** Do the projections of a and b overlap by more than SAT_EPS on both of the axes? */
function overlapAlong(a: SatRect, b: SatRect, axes: Float64Array): boolean {
  for (let k = 0; k < 4; k += 2) {
    const nx = axes[k]!;
    const ny = axes[k + 1]!;
    let aMin = Infinity;
    let aMax = -Infinity;
    let bMin = Infinity;
    let bMax = -Infinity;
    for (let i = 0; i < 8; i += 2) {
      const da = a.corners[i]! * nx + a.corners[i + 1]! * ny;
      aMin = Math.min(aMin, da);
      aMax = Math.max(aMax, da);
      const db = b.corners[i]! * nx + b.corners[i + 1]! * ny;
      bMin = Math.min(bMin, db);
      bMax = Math.max(bMax, db);
    }
    if (aMax <= bMin + SAT_EPS || bMax <= aMin + SAT_EPS) return false;
  }
  return true;
}
/** geometry's rectsOverlap tolerance. */
const SAT_EPS = 1e-9;

/** Every overlapping pair, sorted (no budget: for tests and small inputs). */
export function overlappingPairs(rects: readonly RotatedRect[]): [number, number][] {
  const flat: number[] = [];
  sweepOverlaps(rects, Infinity, flat);
  const pairs: [number, number][] = [];
  for (let k = 0; k < flat.length; k += 2) pairs.push([flat[k]!, flat[k + 1]!]);
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

/** Candidate pairs (overlapping bounding boxes) the overlap check examines per run, at most. */
export const OVERLAP_BUDGET = 4_000_000;
/** Work counter for the tests' linear-growth assertions: candidate pairs examined. */
export const overlapWork = { visits: 0 };

export interface OverlapScan {
  /** Overlapping pairs (a lower bound when `complete` is false). */
  readonly count: number;
  /** The first pair in index order, or null. */
  readonly first: readonly [number, number] | null;
  /** Per rectangle: does it overlap another (among those found)? */
  readonly involved: Uint8Array;
  /** False when the sweep stopped at `budget` candidate pairs. */
  readonly complete: boolean;
}

/**
 * Overlaps counted without listing every pair (docs/limits.md). Identical rectangles are one
 * group: a group of m holds m(m − 1)/2 pairs, and two overlapping groups m₁ · m₂; the sweep runs
 * over one rectangle per group with a budget of candidate pairs, so n copies of one hall cost n.
 */
export function scanOverlaps(rects: readonly RotatedRect[], budget = OVERLAP_BUDGET): OverlapScan {
  const n = rects.length;
  if (n <= SMALL_SCAN) return scanSmall(rects, budget);
  const groupOf = new Int32Array(n);
  const reps: number[] = [];
  const members: number[][] = [];
  const byKey = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const r = rects[i]!;
    const key = `${r.x},${r.y},${r.width},${r.depth},${r.rotation}`;
    let g = byKey.get(key);
    if (g === undefined) {
      g = reps.length;
      byKey.set(key, g);
      reps.push(i);
      members.push([]);
    }
    groupOf[i] = g;
    members[g]!.push(i);
  }
  const involvedGroup = new Uint8Array(reps.length);
  let count = 0;
  let first: [number, number] | null = null;
  for (let g = 0; g < members.length; g++) {
    const m = members[g]!;
    if (m.length < 2) continue;
    count += (m.length * (m.length - 1)) / 2;
    involvedGroup[g] = 1;
    first = earlierPair(first, m[0]!, m[1]!);
  }
  const repRects: RotatedRect[] = [];
  for (const i of reps) repRects.push(rects[i]!);
  const pairs: number[] = [];
  const complete = sweepOverlaps(repRects, budget, pairs);
  for (let k = 0; k < pairs.length; k += 2) {
    const ga = pairs[k]!;
    const gb = pairs[k + 1]!;
    count += members[ga]!.length * members[gb]!.length;
    involvedGroup[ga] = 1;
    involvedGroup[gb] = 1;
    const a = reps[ga]!;
    const b = reps[gb]!;
    first = earlierPair(first, Math.min(a, b), Math.max(a, b));
  }
  const involved = new Uint8Array(n);
  for (let i = 0; i < n; i++) involved[i] = involvedGroup[groupOf[i]!]!;
  return { count, first, involved, complete };
}

/** The earlier of `first` and (a, b) in index order. */
function earlierPair(first: [number, number] | null, a: number, b: number): [number, number] {
  return !first || a < first[0] || (a === first[0] && b < first[1]) ? [a, b] : first;
}

/**
 * At most this many rectangles are compared pair by pair: the rows of one hall, typically. Below
 * it, the grouping and the two sorts of the sweep cost more than the pairs themselves.
 */
const SMALL_SCAN = 48;

/**
 * scanOverlaps for a few rectangles: every pair in index order, bounding boxes first. The same
 * answers as the grouped sweep: identical rectangles overlap (a group of m holds m(m − 1)/2
 * pairs), others by the separating-axis test; the budget counts candidate pairs alike.
 */
function scanSmall(rects: readonly RotatedRect[], budget: number): OverlapScan {
  const n = rects.length;
  // minX, minY, maxX, maxY per rectangle.
  const boxes = new Float64Array(4 * n);
  for (let i = 0; i < n; i++) rectBoundsInto(rects[i]!, boxes, 4 * i);
  const sat: (SatRect | undefined)[] = new Array<SatRect | undefined>(n);
  const involved = new Uint8Array(n);
  let count = 0;
  let first: [number, number] | null = null;
  let left = budget;
  for (let a = 0; a < n; a++) {
    const ra = rects[a]!;
    for (let b = a + 1; b < n; b++) {
      const rb = rects[b]!;
      const same =
        ra.x === rb.x &&
        ra.y === rb.y &&
        ra.width === rb.width &&
        ra.depth === rb.depth &&
        ra.rotation === rb.rotation;
      if (!same) {
        if (!(
          boxes[4 * a]! < boxes[4 * b + 2]! &&
          boxes[4 * b]! < boxes[4 * a + 2]! &&
          boxes[4 * a + 1]! < boxes[4 * b + 3]! &&
          boxes[4 * b + 1]! < boxes[4 * a + 3]!
        ))
          continue;
        if (left-- <= 0) return { count, first, involved, complete: false };
        overlapWork.visits++;
        if (!satOverlap((sat[a] ??= prepareSat(ra)), (sat[b] ??= prepareSat(rb)))) continue;
      }
      count++;
      involved[a] = 1;
      involved[b] = 1;
      first ??= [a, b];
    }
  }
  return { count, first, involved, complete: true };
}

/** How many pairs a sweep in `order` visits: for each box, the later ones starting before it ends. */
function sweepVisits(order: Int32Array, min: Float64Array, max: Float64Array): number {
  const n = order.length;
  const sorted = new Float64Array(n);
  for (let p = 0; p < n; p++) sorted[p] = min[order[p]!]!;
  let total = 0;
  for (let p = 0; p < n; p++) {
    // First position whose min is ≥ this box's max: the sweep stops there.
    const end = max[order[p]!]!;
    let a = p + 1;
    let b = n;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (sorted[m]! < end) a = m + 1;
      else b = m;
    }
    total += a - p - 1;
  }
  return total;
}

/** The rows at these indices. */
function rowsAt(rackRows: readonly RackRow[], idx: readonly number[]): RackRow[] {
  const out: RackRow[] = [];
  for (const i of idx) out.push(rackRows[i]!);
  return out;
}

/** The same strings in the same order. (Not memo's sameValues: one function per kind of list.) */
function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Are the rows at these indices `rows`, in order? */
function sameRowsAt(
  rackRows: readonly RackRow[],
  idx: readonly number[],
  rows: readonly RackRow[],
): boolean {
  if (idx.length !== rows.length) return false;
  for (let k = 0; k < idx.length; k++) if (rackRows[idx[k]!] !== rows[k]) return false;
  return true;
}

/**
 * The footprints of one hall's rows at a time (rowRectInHall's figures), in rectangles kept from
 * hall to hall: a scan keeps no rectangle it is given, and a report from scratch scans every hall.
 */
class RowRects {
  private readonly rects: MutableRect[] = [];

  of(rackRows: readonly RackRow[], idx: readonly number[]): readonly RotatedRect[] {
    while (this.rects.length < idx.length) this.rects.push(new MutableRect());
    const list: RotatedRect[] = [];
    for (let k = 0; k < idx.length; k++) {
      const r = this.rects[k]!;
      writeRowRectInHall(rackRows[idx[k]!]!, r);
      list.push(r);
    }
    return list;
  }
}

/** A rectangle filled again and again (writeRowRectInHall), for loops over every row. */
class MutableRect implements RotatedRect {
  x = 0;
  y = 0;
  width = 0;
  depth = 0;
  rotation = 0;
}

/** Element ids an overlap check lists at most (its message gives the full count). */
export const MAX_OVERLAP_IDS = 1000;

/**
 * `overlap`: halls don't overlap each other; rows don't overlap each other within a hall. The
 * message names the first pair and counts the pairs (docs/limits.md); elementIds lists the
 * elements in any overlap, halls then rows in file order, at most MAX_OVERLAP_IDS of each.
 */
export function checkOverlap(layout: Layout, halls: HallTable, memo?: OverlapMemo): Check {
  const known = memo?.overlap;
  // The same rows array and the same halls (by id, in order): each hall has the rows it had.
  // Plain loops, no callbacks: this runs on every report (see lists.ts).
  const hallIds: string[] = [];
  const hallRects: RotatedRect[] = [];
  for (const h of layout.halls) {
    hallIds.push(h.id);
    hallRects.push(rectOf(h));
  }
  const sameRows = known?.rackRows === layout.rackRows && sameStrings(known.hallIds, hallIds);
  const rowsOfHall: (readonly RackRow[])[] = sameRows ? known.rowsOfHall : [];
  const scans: { scan: OverlapScan; visits: number }[] = [];
  const hallScan = scanOverlaps(hallRects);
  let rowCount = 0;
  let rowFirst: [number, number] | null = null;
  let complete = hallScan.complete;
  const rowInvolved = new Uint8Array(layout.rackRows.length);
  let budget = OVERLAP_BUDGET;
  const rowRects = new RowRects();
  for (let h = 0; h < halls.rowsOf.length; h++) {
    const rowIdx = halls.rowsOf[h]!;
    if (memo && !sameRows) rowsOfHall.push(rowsAt(layout.rackRows, rowIdx));
    if (rowIdx.length < 2) {
      if (memo) scans.push({ scan: NO_OVERLAP, visits: 0 });
      continue;
    }
    // A hall's rows (in its own frame) whose scan completed last time within what is left of the
    // budget now give the same scan: the same candidate pairs, none past the budget.
    const prev = known?.scans[h];
    const prevRows = known?.rowsOfHall[h];
    let scan: OverlapScan;
    let visits: number;
    if (
      prev?.scan.complete &&
      prev.visits < budget &&
      (sameRows || (prevRows !== undefined && sameRowsAt(layout.rackRows, rowIdx, prevRows)))
    ) {
      scan = prev.scan;
      visits = prev.visits;
    } else {
      const before = overlapWork.visits;
      scan = scanOverlaps(rowRects.of(layout.rackRows, rowIdx), Math.max(budget, 0));
      visits = overlapWork.visits - before;
    }
    if (memo) scans.push({ scan, visits });
    budget -= visits;
    complete &&= scan.complete;
    rowCount += scan.count;
    for (let k = 0; k < scan.involved.length; k++)
      if (scan.involved[k]) rowInvolved[rowIdx[k]!] = 1;
    if (scan.first) {
      const a = rowIdx[scan.first[0]]!;
      const b = rowIdx[scan.first[1]]!;
      const pair: [number, number] = [Math.min(a, b), Math.max(a, b)];
      if (!rowFirst || pair[0] < rowFirst[0] || (pair[0] === rowFirst[0] && pair[1] < rowFirst[1]))
        rowFirst = pair;
    }
  }
  if (memo) {
    memo.overlap = {
      rackRows: layout.rackRows,
      hallIds,
      rowsOfHall,
      scans,
    };
  }
  if (hallScan.count === 0 && rowCount === 0 && complete) {
    if (layout.halls.length === 0) return pass('overlap', 'No halls placed: nothing can overlap');
    return pass(
      'overlap',
      `No overlaps among ${count(layout.halls.length, 'hall')} and ${count(layout.rackRows.length, 'row')}`,
    );
  }
  const atLeast = complete ? '' : 'at least ';
  const parts: string[] = [];
  if (hallScan.first) {
    const [a, b] = hallScan.first;
    parts.push(
      `${label(layout.halls[a]!)} overlaps ${label(layout.halls[b]!)}${more(hallScan.count, 'pair')}`,
    );
  }
  if (rowFirst) {
    const [a, b] = rowFirst;
    const ra = layout.rackRows[a]!;
    parts.push(
      `row ${ra.id} overlaps row ${layout.rackRows[b]!.id} in ${label(layout.halls.find((h) => h.id === ra.hallId) ?? { id: ra.hallId })}${more(rowCount, 'row pair')}`,
    );
  }
  if (!complete) {
    parts.push(
      `${atLeast}${count(hallScan.count + rowCount, 'overlapping pair')} found; stopped after ${count(OVERLAP_BUDGET, 'candidate pair')} with overlapping bounds`,
    );
  }
  return fail('overlap', capital(parts.join('; ')), [
    ...flagged(hallScan.involved, MAX_OVERLAP_IDS).map((h) => layout.halls[h]!.id),
    ...flagged(rowInvolved, MAX_OVERLAP_IDS).map((i) => layout.rackRows[i]!.id),
  ]);
}

/** What checkOverlap keeps for the next call (see ReportMemo): per hall, its rows and their scan. */
export interface OverlapMemo {
  overlap?: {
    /** The rows and hall ids these scans were made for (the same: every hall has the same rows). */
    readonly rackRows: readonly RackRow[];
    readonly hallIds: readonly string[];
    readonly rowsOfHall: (readonly RackRow[])[];
    readonly scans: readonly { readonly scan: OverlapScan; readonly visits: number }[];
  };
}

const NO_OVERLAP: OverlapScan = {
  count: 0,
  first: null,
  involved: new Uint8Array(0),
  complete: true,
};

/** Indices of the set flags, in order, at most `max`. */
function flagged(flags: Uint8Array, max: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < flags.length && out.length < max; i++) if (flags[i]) out.push(i);
  return out;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
