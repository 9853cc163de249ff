import { cross, findSelfIntersection, fromXY, segmentsIntersect, sub, type XY } from '../geometry';

/**
 * Work (active-list scans and pair tests) the bounding-box sweep may do before the polygon is
 * handed to the Shamos–Hoey sweep. Ordinary parcels, even of 10,000 points, need far less.
 */
export const BOX_SWEEP_BUDGET = 200_000;

/**
 * geometry's findSelfIntersection without testing all n²/2 pairs: a parcel may have up to
 * MAX_POINTS (10,000) points, where the all-pairs test takes tens of seconds. Edge i runs from
 * point i to point i + 1. Returns a pair of edges [i, j], i < j, that meet, or null when the
 * polygon is simple.
 *
 * First, edges are swept in order of their left end and only pairs whose bounding boxes overlap
 * (a necessary condition for meeting) get the exact test; this gives the same pair as
 * findSelfIntersection (the lexicographically first). A polygon whose edges' boxes overlap in
 * bulk (a comb of long thin teeth) would make that quadratic; past BOX_SWEEP_BUDGET the answer
 * comes from findAnyCrossing instead, which takes n log n and names a meeting pair, not
 * necessarily the first. simplePolygon.test.ts checks both against findSelfIntersection.
 */
export function findPolygonSelfIntersection(
  points: readonly XY[],
  budget = BOX_SWEEP_BUDGET,
): [number, number] | null {
  const first = firstCrossingByBoxes(points, budget);
  return first === 'over-budget' ? findAnyCrossing(points) : first;
}

/** The bounding-box sweep: the first meeting pair, null, or 'over-budget'. */
function firstCrossingByBoxes(
  points: readonly XY[],
  budget: number,
): [number, number] | null | 'over-budget' {
  const n = points.length;
  const minX = new Float64Array(n);
  const maxX = new Float64Array(n);
  const minY = new Float64Array(n);
  const maxY = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = points[i]!;
    const b = points[(i + 1) % n]!;
    minX[i] = Math.min(a[0], b[0]);
    maxX[i] = Math.max(a[0], b[0]);
    minY[i] = Math.min(a[1], b[1]);
    maxY[i] = Math.max(a[1], b[1]);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => minX[a]! - minX[b]!);

  let work = 0;
  let best: [number, number] | null = null;
  let active: number[] = [];
  for (const e of order) {
    const left = minX[e]!;
    work += active.length;
    if (work > budget) return 'over-budget';
    active = active.filter((a) => maxX[a]! >= left);
    for (const a of active) {
      if (minY[a]! > maxY[e]! || minY[e]! > maxY[a]!) continue;
      const i = Math.min(a, e);
      const j = Math.max(a, e);
      if (best && (i > best[0] || (i === best[0] && j > best[1]))) continue;
      if (++work > budget) return 'over-budget';
      if (edgesMeet(points, i, j)) best = [i, j];
    }
    active.push(e);
  }
  return best;
}

/**
 * Some pair of edges [i, j], i < j, that meet (as findSelfIntersection's test says), or null when
 * the polygon is simple, in O(n log n) plus the list moves of a sorted array: Shamos and Hoey's
 * sweep, which tests only edges that become neighbours in the sweep order.
 *
 * Degenerate cases first: edges with an end at the same coordinates are tested against each
 * other directly (a repeated point, edges folding back). After that, two edges share an end
 * only where they are the two edges of one vertex, and do not overlap there, so the sweep
 * below (lexicographic, x then y, so vertical edges need no special case) sees every other
 * contact: a crossing, an end touching another edge, or collinear edges overlapping.
 */
export function findAnyCrossing(points: readonly XY[]): [number, number] | null {
  const n = points.length;
  if (n < 4) return findSelfIntersection(points);
  const sorted = (i: number, j: number): [number, number] => (i < j ? [i, j] : [j, i]);
  const meet = (i: number, j: number): [number, number] | null => {
    const [a, b] = sorted(i, j);
    return edgesMeet(points, a, b) ? [a, b] : null;
  };

  // Edges with an end at the same coordinates.
  const edgesAt = new Map<string, number[]>();
  for (let v = 0; v < n; v++) {
    const p = points[v]!;
    const key = `${p[0]} ${p[1]}`;
    const list = edgesAt.get(key);
    const edges = [(v + n - 1) % n, v];
    if (list) list.push(...edges);
    else edgesAt.set(key, edges);
  }
  for (const list of edgesAt.values()) {
    // At most one pair per edge is allowed (the two edges of a vertex), so this stops early.
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        if (list[a] === list[b]) continue;
        const hit = meet(list[a]!, list[b]!);
        if (hit) return hit;
      }
    }
  }

  // Each edge from its lexicographically smaller end (L) to the larger (R); zero-length edges
  // are left out (anything touching one touches an edge with an end there, seen above).
  const lx = new Float64Array(n);
  const ly = new Float64Array(n);
  const rx = new Float64Array(n);
  const ry = new Float64Array(n);
  const events: number[] = []; // 2e: insert edge e at L; 2e + 1: remove it at R
  for (let e = 0; e < n; e++) {
    const p = points[e]!;
    const q = points[(e + 1) % n]!;
    const pFirst = p[0] < q[0] || (p[0] === q[0] && p[1] < q[1]);
    const [l, r] = pFirst ? [p, q] : [q, p];
    lx[e] = l[0];
    ly[e] = l[1];
    rx[e] = r[0];
    ry[e] = r[1];
    if (l[0] !== r[0] || l[1] !== r[1]) events.push(2 * e, 2 * e + 1);
  }
  const ex = (ev: number) => (ev & 1 ? rx : lx)[ev >> 1]!;
  const ey = (ev: number) => (ev & 1 ? ry : ly)[ev >> 1]!;
  // By point; at one point removals before insertions.
  events.sort((a, b) => ex(a) - ex(b) || ey(a) - ey(b) || (b & 1) - (a & 1) || a - b);

  /** Side of point (x, y) from edge e's line: > 0 left of L → R ("above" in sweep order). */
  const side = (e: number, x: number, y: number) =>
    (rx[e]! - lx[e]!) * (y - ly[e]!) - (ry[e]! - ly[e]!) * (x - lx[e]!);
  let contact: [number, number] | null = null;
  /**
   * Is edge a above (> 0) or below (< 0) edge b where both are active? Decided at the later
   * start: where a starts relative to b's line, or, when a starts on b (at b's own start),
   * where a ends. A start inside b is a contact, noted for the caller.
   */
  const compare = (a: number, b: number): number => {
    if (a === b) return 0;
    const aLater = lx[a]! > lx[b]! || (lx[a] === lx[b] && ly[a]! >= ly[b]!);
    const [late, early] = aLater ? [a, b] : [b, a];
    let o = side(early, lx[late]!, ly[late]!);
    if (o === 0) {
      if (lx[late] !== lx[early] || ly[late] !== ly[early]) contact ??= meet(late, early);
      o = side(early, rx[late]!, ry[late]!);
    }
    if (o === 0) o = late - early; // collinear: they overlap, which `meet` has reported
    return aLater ? Math.sign(o) : -Math.sign(o);
  };

  const active: number[] = [];
  for (const ev of events) {
    const e = ev >> 1;
    if (ev & 1) {
      // Remove e; its two neighbours meet in the order.
      let lo = 0;
      let hi = active.length;
      while (lo < hi) {
        const m = (lo + hi) >>> 1;
        if (compare(active[m]!, e) < 0) lo = m + 1;
        else hi = m;
      }
      let at = active[lo] === e ? lo : active.indexOf(e);
      if (at < 0) at = active.indexOf(e);
      active.splice(at, 1);
      if (at > 0 && at < active.length) {
        const hit = meet(active[at - 1]!, active[at]!);
        if (hit) return hit;
      }
    } else {
      let lo = 0;
      let hi = active.length;
      while (lo < hi) {
        const m = (lo + hi) >>> 1;
        if (compare(active[m]!, e) < 0) lo = m + 1;
        else hi = m;
      }
      if (contact) return contact;
      active.splice(lo, 0, e);
      for (const other of [active[lo - 1], active[lo + 1]]) {
        if (other === undefined) continue;
        const hit = meet(e, other);
        if (hit) return hit;
      }
    }
    if (contact) return contact;
  }
  return null;
}

/** findSelfIntersection's test for one pair of edges i < j. */
export function edgesMeet(points: readonly XY[], i: number, j: number): boolean {
  const n = points.length;
  const P = (k: number) => fromXY(points[k % n]!);
  if (j === i + 1 || (i === 0 && j === n - 1)) {
    // Adjacent edges share a vertex; they are bad only if they fold back onto each other.
    const shared = j === i + 1 ? P(j) : P(i);
    const a = j === i + 1 ? P(i) : P(i + 1);
    const b = j === i + 1 ? P(j + 1) : P(j);
    const u = sub(a, shared);
    const v = sub(b, shared);
    return cross(u, v) === 0 && u.x * v.x + u.y * v.y > 0;
  }
  return segmentsIntersect(P(i), P(i + 1), P(j), P(j + 1));
}
