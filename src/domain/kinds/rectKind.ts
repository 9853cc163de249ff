import type { RotatedRect } from '../geometry';

/** Copy only the rectangle fields (for geometry functions that take a RotatedRect). */
export function rectOf(e: RotatedRect): RotatedRect {
  return { x: e.x, y: e.y, width: e.width, depth: e.depth, rotation: e.rotation };
}
