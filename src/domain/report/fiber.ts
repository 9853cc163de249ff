import { trenchLengthM, type FiberTrench } from '../kinds';

import { M_PER_MILE } from '../units/constants';

export { M_PER_MILE };

/**
 * docs/rules.md rule 5: route length = the length of the union of the trench polylines (a stretch
 * two trenches share counts once); route miles = route m / 1609.344; strand (fiber) miles =
 * Σ (trench length × fiberCount) / 1609.344, every trench's own fibers. `trenchM` is the plain
 * Σ of trench lengths (what is dug if every trench is its own).
 */
export function fiberTotals(trenches: readonly FiberTrench[]): {
  routeM: number;
  trenchM: number;
  routeMiles: number;
  strandMiles: number;
} {
  let trenchM = 0;
  let strandM = 0;
  for (const t of trenches) {
    const len = trenchLengthM(t);
    trenchM += len;
    strandM += len * t.fiberCount;
  }
  const routeM = unionLengthM(trenches);
  return { routeM, trenchM, routeMiles: routeM / M_PER_MILE, strandMiles: strandM / M_PER_MILE };
}

/** Segments whose directions differ by at most this (radians) can lie on one line. */
const SAME_DIRECTION_RAD = 1e-5;
/** Segments on lines at most this far apart (metres) run along the same line. */
const SAME_LINE_M = 0.01;

/**
 * The length of the union of the polylines' segments: segments along one line (direction within
 * SAME_DIRECTION_RAD, offset within SAME_LINE_M) are projected on it and their intervals merged,
 * so a duplicated trench or a shared stretch counts once. Segments that merely cross share only a
 * point and both count in full. n log n: segments sorted by direction, then by offset, then by
 * position along the line.
 */
export function unionLengthM(trenches: readonly FiberTrench[]): number {
  // Per segment: direction angle in (−π/2 + ε, π/2 + ε], unit direction, offset of its line,
  // and its interval along the direction.
  const angle: number[] = [];
  const ux: number[] = [];
  const uy: number[] = [];
  const ax: number[] = [];
  const ay: number[] = [];
  const bx: number[] = [];
  const by: number[] = [];
  for (const t of trenches) {
    const pts = t.points;
    for (let k = 0; k + 1 < pts.length; k++) {
      const [x0, y0] = pts[k]!;
      const [x1, y1] = pts[k + 1]!;
      let dx = x1 - x0;
      let dy = y1 - y0;
      const len = Math.hypot(dx, dy);
      if (!(len > 0)) continue;
      dx /= len;
      dy /= len;
      let th = Math.atan2(dy, dx);
      // One orientation per line: a segment and its reverse get the same direction. Angles just
      // past −π/2 are turned to just past π/2, so near-vertical lines are not split at the seam.
      if (th <= -Math.PI / 2 + SAME_DIRECTION_RAD || th > Math.PI / 2 + SAME_DIRECTION_RAD) {
        th = th > 0 ? th - Math.PI : th + Math.PI;
        dx = -dx;
        dy = -dy;
      }
      angle.push(th);
      ux.push(dx);
      uy.push(dy);
      ax.push(x0);
      ay.push(y0);
      bx.push(x1);
      by.push(y1);
    }
  }
  const n = angle.length;
  const byAngle = Int32Array.from({ length: n }, (_, i) => i).sort(
    (i, j) => angle[i]! - angle[j]! || i - j,
  );
  // Offset of each segment's line along its run's normal, filled run by run.
  const off = new Float64Array(n);
  let total = 0;
  let g = 0;
  while (g < n) {
    // A run of (nearly) one direction, measured from its first segment's.
    const first = byAngle[g]!;
    let end = g + 1;
    while (end < n && angle[byAngle[end]!]! - angle[first]! <= SAME_DIRECTION_RAD) end++;
    const dx = ux[first]!;
    const dy = uy[first]!;
    // Offset of each segment's line along the normal (−dy, dx), and its interval along (dx, dy).
    const ids = Array.from(byAngle.subarray(g, end));
    for (const i of ids) off[i] = -dy * ax[i]! + dx * ay[i]!;
    ids.sort((i, j) => off[i]! - off[j]! || i - j);
    let l = 0;
    while (l < ids.length) {
      const base = off[ids[l]!]!;
      let r = l + 1;
      while (r < ids.length && off[ids[r]!]! - base <= SAME_LINE_M) r++;
      total += mergedLength(ids.slice(l, r), dx, dy, ax, ay, bx, by);
      l = r;
    }
    g = end;
  }
  return total;
}

/** The length of the union of the segments' intervals along (dx, dy). */
function mergedLength(
  ids: readonly number[],
  dx: number,
  dy: number,
  ax: readonly number[],
  ay: readonly number[],
  bx: readonly number[],
  by: readonly number[],
): number {
  if (ids.length === 1) {
    const i = ids[0]!;
    return Math.hypot(bx[i]! - ax[i]!, by[i]! - ay[i]!);
  }
  const lo = ids.map((i) => Math.min(ax[i]! * dx + ay[i]! * dy, bx[i]! * dx + by[i]! * dy));
  const hi = ids.map((i) => Math.max(ax[i]! * dx + ay[i]! * dy, bx[i]! * dx + by[i]! * dy));
  const order = lo.map((_, k) => k).sort((p, q) => lo[p]! - lo[q]!);
  let total = 0;
  let curLo = -Infinity;
  let curHi = -Infinity;
  for (const k of order) {
    if (lo[k]! > curHi) {
      if (curHi > curLo) total += curHi - curLo;
      curLo = lo[k]!;
      curHi = hi[k]!;
    } else curHi = Math.max(curHi, hi[k]!);
  }
  if (curHi > curLo) total += curHi - curLo;
  return total;
}
