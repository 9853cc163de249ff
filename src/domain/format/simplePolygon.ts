import { cross, fromXY, segmentsIntersect, sub, type XY } from '../geometry';

/**
 * The same answer as geometry's findSelfIntersection (the lexicographically first pair of edges
 * [i, j] that meet, or null when the polygon is simple), without testing all n²/2 pairs: a
 * parcel may have up to MAX_POINTS (10,000) points, where the all-pairs test takes tens of seconds.
 * Edges are swept in order of their left end and only pairs whose bounding boxes overlap (a
 * necessary condition for meeting) get the exact test. Edge i runs from point i to point i + 1.
 * simplePolygon.test.ts checks the two agree on random polygons.
 */
export function findPolygonSelfIntersection(points: readonly XY[]): [number, number] | null {
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

  let best: [number, number] | null = null;
  let active: number[] = [];
  for (const e of order) {
    const left = minX[e]!;
    active = active.filter((a) => maxX[a]! >= left);
    for (const a of active) {
      if (minY[a]! > maxY[e]! || minY[e]! > maxY[a]!) continue;
      const i = Math.min(a, e);
      const j = Math.max(a, e);
      if (best && (i > best[0] || (i === best[0] && j > best[1]))) continue;
      if (edgesMeet(points, i, j)) best = [i, j];
    }
    active.push(e);
  }
  return best;
}

/** findSelfIntersection's test for one pair of edges i < j. */
function edgesMeet(points: readonly XY[], i: number, j: number): boolean {
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
