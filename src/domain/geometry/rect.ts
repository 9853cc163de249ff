import {
  add,
  dot,
  rotate,
  sub,
  turnCos,
  turnSin,
  type CampusPoint,
  type HallPoint,
  type Vec2,
} from './vec';

/** A rectangle of the campus: centre, size along its own axes, clockwise rotation in degrees. */
export interface RotatedRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly depth: number;
  readonly rotation: number;
}

export interface AABB {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

/** Corners clockwise from the top-left (before rotation), in the rectangle's parent frame. */
export function rectCorners(r: RotatedRect): [Vec2, Vec2, Vec2, Vec2] {
  const hw = r.width / 2;
  const hd = r.depth / 2;
  // Each corner is the centre plus the offset rotated (vec's rotate and add, the same arithmetic),
  // with the trigonometry done once and no closure: the report calls this for every element.
  if (r.rotation === 0) {
    return [
      { x: r.x + -hw, y: r.y + -hd },
      { x: r.x + hw, y: r.y + -hd },
      { x: r.x + hw, y: r.y + hd },
      { x: r.x + -hw, y: r.y + hd },
    ];
  }
  const c = turnCos(r.rotation);
  const s = turnSin(r.rotation);
  return [
    { x: r.x + (-hw * c - -hd * s), y: r.y + (-hw * s + -hd * c) },
    { x: r.x + (hw * c - -hd * s), y: r.y + (hw * s + -hd * c) },
    { x: r.x + (hw * c - hd * s), y: r.y + (hw * s + hd * c) },
    { x: r.x + (-hw * c - hd * s), y: r.y + (-hw * s + hd * c) },
  ];
}

export function rectAabb(r: RotatedRect): AABB {
  const rad = (r.rotation * Math.PI) / 180;
  const c = Math.abs(Math.cos(rad));
  const s = Math.abs(Math.sin(rad));
  const ex = (r.width / 2) * c + (r.depth / 2) * s;
  const ey = (r.width / 2) * s + (r.depth / 2) * c;
  return { minX: r.x - ex, minY: r.y - ey, maxX: r.x + ex, maxY: r.y + ey };
}

export function aabbOverlap(a: AABB, b: AABB): boolean {
  return a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY;
}

/** A point expressed relative to the rectangle's centre, in its own (unrotated) axes. */
export function toRectLocal(r: RotatedRect, p: Vec2): Vec2 {
  return rotate(sub(p, r), -r.rotation);
}

/** Is `p` inside the rectangle, or within `tolerance` metres outside its edge? */
export function rectContainsPoint(r: RotatedRect, p: Vec2, tolerance = 0): boolean {
  const l = toRectLocal(r, p);
  return Math.abs(l.x) <= r.width / 2 + tolerance && Math.abs(l.y) <= r.depth / 2 + tolerance;
}

const EPS = 1e-9;

/**
 * Do two rotated rectangles overlap with positive area? Separating-axis test; rectangles that
 * only touch along an edge do not overlap.
 */
export function rectsOverlap(a: RotatedRect, b: RotatedRect): boolean {
  if (!aabbOverlap(rectAabb(a), rectAabb(b))) return false;
  const ca = rectCorners(a);
  const cb = rectCorners(b);
  const axes = [sub(ca[1], ca[0]), sub(ca[3], ca[0]), sub(cb[1], cb[0]), sub(cb[3], cb[0])];
  for (const axis of axes) {
    const len = Math.hypot(axis.x, axis.y);
    const n = { x: axis.x / len, y: axis.y / len };
    let aMin = Infinity;
    let aMax = -Infinity;
    let bMin = Infinity;
    let bMax = -Infinity;
    for (const p of ca) {
      const d = dot(p, n);
      aMin = Math.min(aMin, d);
      aMax = Math.max(aMax, d);
    }
    for (const p of cb) {
      const d = dot(p, n);
      bMin = Math.min(bMin, d);
      bMax = Math.max(bMax, d);
    }
    if (aMax <= bMin + EPS || bMax <= aMin + EPS) return false;
  }
  return true;
}

/** Is rectangle `inner` wholly inside rectangle `outer` (within `tolerance` metres)? */
export function rectInsideRect(outer: RotatedRect, inner: RotatedRect, tolerance = 1e-6): boolean {
  return rectCorners(inner).every((p) => rectContainsPoint(outer, p, tolerance));
}

/** The frame of a hall (or any rectangle): where its top-left corner origin sits. */
export interface Frame {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly depth: number;
  readonly rotation: number;
}

/** Hall frame → campus frame. The hall frame's origin is the hall's top-left corner before rotation. */
export function hallToCampus(hall: Frame, p: HallPoint): CampusPoint {
  return add(
    { x: hall.x, y: hall.y },
    rotate({ x: p.x - hall.width / 2, y: p.y - hall.depth / 2 }, hall.rotation),
  );
}

/** Campus frame → hall frame. */
export function campusToHall(hall: Frame, p: CampusPoint): HallPoint {
  const l = rotate(sub(p, hall), -hall.rotation);
  return { x: l.x + hall.width / 2, y: l.y + hall.depth / 2 };
}

/** A rectangle given in a hall's frame (centre, size, rotation relative to the hall) in campus frame. */
export function hallRectToCampus(hall: Frame, r: RotatedRect): RotatedRect {
  const c = hallToCampus(hall, r);
  return {
    x: c.x,
    y: c.y,
    width: r.width,
    depth: r.depth,
    rotation: normalizeDeg(hall.rotation + r.rotation),
  };
}

/** An angle in degrees brought into [0, 360). */
export function normalizeDeg(deg: number): number {
  const d = deg % 360;
  return d < 0 ? d + 360 : d === 0 ? 0 : d;
}

/** The box around some points (an empty list gives an inverted, empty box). */
export function pointsAabb(points: readonly Vec2[]): AABB {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  return { minX, minY, maxX, maxY };
}
