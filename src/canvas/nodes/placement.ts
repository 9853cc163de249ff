import type { RotatedRect } from '../../domain';

/**
 * Konva props that place a shape drawn in an element's own frame (origin at its top-left corner
 * before rotation) at the element's centre, rotated about it.
 */
export function rectPlacement(e: RotatedRect) {
  return {
    x: e.x,
    y: e.y,
    rotation: e.rotation,
    width: e.width,
    height: e.depth,
    offsetX: e.width / 2,
    offsetY: e.depth / 2,
  };
}
