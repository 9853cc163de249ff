import { dist, dot, sub, type Vec2, type XY } from './vec';

/** Length of a polyline in metres. */
export function polylineLength(points: readonly XY[]): number {
  let len = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    len += Math.hypot(b[0] - a[0], b[1] - a[1]);
  }
  return len;
}

/** The point of segment ab nearest to p, and its parameter t in [0, 1]. */
export function closestOnSegment(p: Vec2, a: Vec2, b: Vec2): { point: Vec2; t: number } {
  const ab = sub(b, a);
  const len2 = dot(ab, ab);
  if (len2 === 0) return { point: a, t: 0 };
  const t = Math.max(0, Math.min(1, dot(sub(p, a), ab) / len2));
  return { point: { x: a.x + ab.x * t, y: a.y + ab.y * t }, t };
}

/** Distance from point p to segment ab. */
export function distanceToSegment(p: Vec2, a: Vec2, b: Vec2): number {
  return dist(p, closestOnSegment(p, a, b).point);
}
