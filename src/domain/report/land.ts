import { rectCorners, rectsOverlap, type RotatedRect, type XY } from '../geometry';
import { parcelAreaM2, rectOf, rowRectInHall, SQ_M_PER_ACRE } from '../kinds';
import type { Layout } from '../model';
import { fail, pass } from './checks';
import { all, count, kindLabel, label, more, num } from './format';
import type { HallTable } from './halls';
import type { RowTable } from './rows';
import { prepareRect, preparedDistance, preparedStrictlyContains } from './spatial';
import type { Check } from './types';

/** Rows may touch their hall's walls; this much overhang is rounding, not a fault. */
const INSIDE_TOLERANCE_M = 1e-6;

export function parcelFigures(layout: Layout): { areaM2: number; acres: number } {
  const areaM2 = parcelAreaM2(layout.parcel);
  return { areaM2, acres: areaM2 / SQ_M_PER_ACRE };
}

/** A hall, cooling zone or substation: the placed rectangles that must sit inside the parcel. */
interface Placed {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly rect: RotatedRect;
}

function placedElements(layout: Layout): Placed[] {
  return [
    ...layout.halls.map((e) => ({ id: e.id, name: e.name, kind: 'hall', rect: rectOf(e) })),
    ...layout.coolingZones.map((e) => ({
      id: e.id,
      name: e.name,
      kind: 'cooling zone',
      rect: rectOf(e),
    })),
    ...layout.substations.map((e) => ({
      id: e.id,
      name: e.name,
      kind: 'substation',
      rect: rectOf(e),
    })),
  ];
}

/** The parcel polygon in flat arrays, for the many corner tests of a large campus. */
class ParcelShape {
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  readonly n: number;

  constructor(points: readonly XY[]) {
    this.n = points.length;
    this.xs = Float64Array.from(points, (p) => p[0]);
    this.ys = Float64Array.from(points, (p) => p[1]);
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
   * Is the rectangle inside the (simple) polygon? All four corners inside, and no parcel vertex
   * poking into the rectangle (a concave notch between two corners).
   */
  holds(rect: RotatedRect): boolean {
    if (!rectCorners(rect).every((c) => this.contains(c.x, c.y, INSIDE_TOLERANCE_M))) return false;
    const r = prepareRect(rect);
    for (let i = 0; i < this.n; i++) {
      const x = this.xs[i]!;
      const y = this.ys[i]!;
      if (
        x > r.minX &&
        x < r.maxX &&
        y > r.minY &&
        y < r.maxY &&
        preparedStrictlyContains(r, x, y, INSIDE_TOLERANCE_M)
      ) {
        return false;
      }
    }
    return true;
  }

  /** Distance from a rectangle inside the parcel to the parcel's boundary. */
  clearance(rect: RotatedRect): number {
    let best = Infinity;
    for (const c of rectCorners(rect)) best = Math.min(best, this.edgeDistance(c.x, c.y));
    const r = prepareRect(rect);
    for (let i = 0; i < this.n; i++)
      best = Math.min(best, preparedDistance(r, this.xs[i]!, this.ys[i]!));
    return best;
  }
}

/** `geometry`: every hall, zone and substation inside the parcel; every row inside its hall. */
export function checkGeometry(layout: Layout, rows: RowTable): Check {
  const parcel = new ParcelShape(layout.parcel.points);
  const placed = placedElements(layout);
  const outside = placed.filter((e) => !parcel.holds(e.rect));
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
    const box = prepareRect(rowRectInHall(layout.rackRows[i]!));
    const ok =
      box.minX >= -INSIDE_TOLERANCE_M &&
      box.minY >= -INSIDE_TOLERANCE_M &&
      box.maxX <= hall.width + INSIDE_TOLERANCE_M &&
      box.maxY <= hall.depth + INSIDE_TOLERANCE_M;
    if (!ok) strayRows.push(i);
  }
  if (outside.length === 0 && strayRows.length === 0 && orphanRows.length === 0) {
    if (placed.length === 0 && rows.count === 0)
      return pass('geometry', 'Nothing placed yet: nothing to check');
    return pass(
      'geometry',
      `Inside the parcel: ${count(layout.halls.length, 'hall')}, ${count(layout.coolingZones.length, 'zone')}, ${count(layout.substations.length, 'substation')}; ${count(rows.count, 'row')} within halls`,
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

/**
 * `setback`: with setbackM > 0, every hall, zone and substation at least that far from the parcel
 * edge (distance from its corners to the edge and from the parcel's vertices to it; an element
 * outside the parcel has clearance 0).
 */
export function checkSetback(layout: Layout): Check {
  const setback = layout.settings.setbackM;
  if (!(setback > 0)) return pass('setback', 'No setback set (setbackM = 0)');
  const parcel = new ParcelShape(layout.parcel.points);
  const placed = placedElements(layout);
  if (placed.length === 0)
    return pass('setback', `Nothing placed yet: no setback to check (${num(setback, 1)} m)`);
  let closest = Infinity;
  const bad: { e: Placed; d: number }[] = [];
  for (const e of placed) {
    const d = parcel.holds(e.rect) ? parcel.clearance(e.rect) : 0;
    closest = Math.min(closest, d);
    if (d < setback - 1e-9) bad.push({ e, d });
  }
  if (bad.length === 0) {
    return pass(
      'setback',
      `${all(placed.length, 'element')} ≥ ${num(setback, 1)} m from the parcel edge (closest ${num(closest, 1)} m)`,
    );
  }
  const { e, d } = bad[0]!;
  return fail(
    'setback',
    `${kindLabel(e.kind, e)}: ${num(d, 1)} m from the parcel edge < ${num(setback, 1)} m setback${more(bad.length, 'element')}`,
    bad.map((b) => b.e.id),
  );
}

/**
 * Overlapping pairs among rectangles, by sort-and-sweep on their bounding boxes (then the exact
 * separating-axis test), so a grid of n rectangles costs about n log n, not n².
 */
export function overlappingPairs(rects: readonly RotatedRect[]): [number, number][] {
  const boxes = rects.map((r) => prepareRect(r));
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[a]!.minX - boxes[b]!.minX || a - b);
  const pairs: [number, number][] = [];
  for (let oi = 0; oi < order.length; oi++) {
    const a = order[oi]!;
    const ba = boxes[a]!;
    for (let oj = oi + 1; oj < order.length; oj++) {
      const b = order[oj]!;
      const bb = boxes[b]!;
      if (bb.minX >= ba.maxX) break;
      if (bb.minY >= ba.maxY || ba.minY >= bb.maxY) continue;
      if (rectsOverlap(rects[a]!, rects[b]!)) pairs.push(a < b ? [a, b] : [b, a]);
    }
  }
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

/** `overlap`: halls don't overlap each other; rows don't overlap each other within a hall. */
export function checkOverlap(layout: Layout, halls: HallTable): Check {
  const hallPairs = overlappingPairs(layout.halls.map((h) => rectOf(h)));
  const rowPairs: [number, number][] = [];
  for (const rowIdx of halls.rowsOf) {
    if (rowIdx.length < 2) continue;
    for (const [a, b] of overlappingPairs(rowIdx.map((i) => rowRectInHall(layout.rackRows[i]!)))) {
      rowPairs.push([rowIdx[a]!, rowIdx[b]!]);
    }
  }
  rowPairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  if (hallPairs.length === 0 && rowPairs.length === 0) {
    if (layout.halls.length === 0) return pass('overlap', 'No halls placed: nothing can overlap');
    return pass(
      'overlap',
      `No overlaps among ${count(layout.halls.length, 'hall')} and ${count(layout.rackRows.length, 'row')}`,
    );
  }
  const parts: string[] = [];
  if (hallPairs.length > 0) {
    const [a, b] = hallPairs[0]!;
    parts.push(
      `${label(layout.halls[a]!)} overlaps ${label(layout.halls[b]!)}${more(hallPairs.length, 'pair')}`,
    );
  }
  if (rowPairs.length > 0) {
    const [a, b] = rowPairs[0]!;
    const ra = layout.rackRows[a]!;
    parts.push(
      `row ${ra.id} overlaps row ${layout.rackRows[b]!.id} in ${label(layout.halls.find((h) => h.id === ra.hallId) ?? { id: ra.hallId })}${more(rowPairs.length, 'row pair')}`,
    );
  }
  const hallIds = new Set(hallPairs.flat());
  const rowIds = new Set(rowPairs.flat());
  return fail('overlap', capital(parts.join('; ')), [
    ...[...hallIds].sort((a, b) => a - b).map((h) => layout.halls[h]!.id),
    ...[...rowIds].sort((a, b) => a - b).map((i) => layout.rackRows[i]!.id),
  ]);
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
