/** A point or vector in metres. Which frame it is in is said by the brand where it matters. */
export interface Vec2 {
  readonly x: number;
  readonly y: number;
}

/** A point in the campus frame: x right, y down, metres. */
export type CampusPoint = Vec2 & { readonly __frame?: 'campus' };
/** A point in a hall's own frame: origin at the hall's top-left corner before rotation. */
export type HallPoint = Vec2 & { readonly __frame?: 'hall' };

/** Points as they are stored in the file. */
export type XY = readonly [number, number];

export const vec = (x: number, y: number): Vec2 => ({ x, y });
export const fromXY = (p: XY): Vec2 => ({ x: p[0], y: p[1] });
export const add = (a: Vec2, b: Vec2): Vec2 => ({ x: a.x + b.x, y: a.y + b.y });
export const sub = (a: Vec2, b: Vec2): Vec2 => ({ x: a.x - b.x, y: a.y - b.y });
export const dot = (a: Vec2, b: Vec2): number => a.x * b.x + a.y * b.y;
export const cross = (a: Vec2, b: Vec2): number => a.x * b.y - a.y * b.x;
export const dist = (a: Vec2, b: Vec2): number => Math.hypot(a.x - b.x, a.y - b.y);

export const DEG = Math.PI / 180;

/**
 * Rotate by `deg` degrees clockwise as seen on screen (y down), which is the standard
 * rotation matrix in a y-down frame and what Konva's `rotation` does.
 */
export function rotate(p: Vec2, deg: number): Vec2 {
  if (deg === 0) return p;
  const c = turnCos(deg);
  const s = turnSin(deg);
  return { x: p.x * c - p.y * s, y: p.x * s + p.y * c };
}

// cos and sin of a clockwise turn of `deg`, as `rotate` uses them: exact quarter turns snapped,
// so 90° gives exact coordinates, not 6e-17 residue. One number each (no pair to allocate): the
// report's loops over every row call them.
export function turnCos(deg: number): number {
  return deg === 0 ? 1 : snapUnit(Math.cos(deg * DEG));
}
export function turnSin(deg: number): number {
  return deg === 0 ? 0 : snapUnit(Math.sin(deg * DEG));
}

function snapUnit(v: number): number {
  const rounded = Math.round(v);
  return Math.abs(v - rounded) < 1e-12 ? rounded : v;
}
