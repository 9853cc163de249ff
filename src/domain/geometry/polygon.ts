import { cross, sub, type Vec2, type XY } from './vec';
import { distanceToSegment } from './polyline';

/** Signed area by the shoelace formula; positive when the points run clockwise on screen (y down). */
export function signedArea(points: readonly XY[]): number {
  let s = 0;
  const n = points.length;
  for (let i = 0; i < n; i++) {
    const a = points[i]!;
    const b = points[(i + 1) % n]!;
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s / 2;
}

/** Polygon area in m² (shoelace). */
export function polygonArea(points: readonly XY[]): number {
  return Math.abs(signedArea(points));
}

/** Even-odd point-in-polygon test. Points on the boundary count as inside. */
export function polygonContainsPoint(
  points: readonly XY[],
  p: Vec2,
  boundaryTolerance = 1e-9,
): boolean {
  if (distanceToPolygonEdge(points, p) <= boundaryTolerance) return true;
  let inside = false;
  const n = points.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const [xi, yi] = points[i]!;
    const [xj, yj] = points[j]!;
    if (yi > p.y !== yj > p.y && p.x < ((xj - xi) * (p.y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Shortest distance from `p` to the polygon's boundary. */
export function distanceToPolygonEdge(points: readonly XY[], p: Vec2): number {
  let best = Infinity;
  const n = points.length;
  for (let i = 0; i < n; i++) {
    const a = points[i]!;
    const b = points[(i + 1) % n]!;
    best = Math.min(best, distanceToSegment(p, { x: a[0], y: a[1] }, { x: b[0], y: b[1] }));
  }
  return best;
}

/** Do segments ab and cd cross or touch? */
export function segmentsIntersect(a: Vec2, b: Vec2, c: Vec2, d: Vec2): boolean {
  const d1 = cross(sub(b, a), sub(c, a));
  const d2 = cross(sub(b, a), sub(d, a));
  const d3 = cross(sub(d, c), sub(a, c));
  const d4 = cross(sub(d, c), sub(b, c));
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
    return true;
  const on = (p: Vec2, q: Vec2, r: Vec2, v: number) =>
    v === 0 &&
    Math.min(p.x, q.x) <= r.x &&
    r.x <= Math.max(p.x, q.x) &&
    Math.min(p.y, q.y) <= r.y &&
    r.y <= Math.max(p.y, q.y);
  return on(a, b, c, d1) || on(a, b, d, d2) || on(c, d, a, d3) || on(c, d, b, d4);
}

/**
 * A polygon is simple when no two non-adjacent edges meet and it has positive area.
 * Returns the index pair of the first two crossing edges, or null when simple.
 */
export function findSelfIntersection(points: readonly XY[]): [number, number] | null {
  const n = points.length;
  const P = (i: number): Vec2 => {
    const p = points[i % n]!;
    return { x: p[0], y: p[1] };
  };
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const adjacent = j === i + 1 || (i === 0 && j === n - 1);
      if (adjacent) {
        // Adjacent edges share a vertex; they are bad only if they fold back onto each other.
        const shared = j === i + 1 ? P(j) : P(i);
        const a = j === i + 1 ? P(i) : P(i + 1);
        const b = j === i + 1 ? P(j + 1) : P(j);
        const u = sub(a, shared);
        const v = sub(b, shared);
        if (cross(u, v) === 0 && u.x * v.x + u.y * v.y > 0) return [i, j];
        continue;
      }
      if (segmentsIntersect(P(i), P(i + 1), P(j), P(j + 1))) return [i, j];
    }
  }
  return null;
}
