import type { RotatedRect } from '../geometry';

/** Halls, cooling zones and substations are rectangles placed in the campus frame. */
export interface PlacedRect extends RotatedRect {
  readonly id: string;
  readonly name: string;
}

/** Copy only the rectangle fields (for geometry functions that take a RotatedRect). */
export function rectOf(e: RotatedRect): RotatedRect {
  return { x: e.x, y: e.y, width: e.width, depth: e.depth, rotation: e.rotation };
}
