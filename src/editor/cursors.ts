import { HANDLE_VECTORS, rotate, type HandleDir } from '../domain';

/**
 * CSS cursors over the canvas. The canvas sets them on its element directly (style.cursor), never
 * through React state, so a pointer move never re-renders anything.
 */

/** The four two-headed resize cursors, by the handle's direction on screen (mod 180°). */
const RESIZE_CURSORS = ['ew-resize', 'nwse-resize', 'ns-resize', 'nesw-resize'] as const;

/**
 * The resize cursor of handle `dir` of an element turned `rotationDeg` clockwise: the handle's
 * direction on screen, to the nearest 45°.
 */
export function resizeCursor(dir: HandleDir, rotationDeg: number): string {
  const v = rotate(HANDLE_VECTORS[dir], rotationDeg);
  const deg = (Math.atan2(v.y, v.x) * 180) / Math.PI;
  const step = Math.round((((deg % 180) + 180) % 180) / 45) % 4;
  return RESIZE_CURSORS[step]!;
}

/** A circular arrow (as Figma and tldraw show over a rotation handle); crosshair where unsupported. */
export const ROTATE_CURSOR = `url("data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">' +
    '<g fill="none" stroke-linecap="round" stroke-linejoin="round">' +
    '<path d="M18 12a6 6 0 1 1-2-4.5M18 4v4h-4" stroke="#fff" stroke-width="4"/>' +
    '<path d="M18 12a6 6 0 1 1-2-4.5M18 4v4h-4" stroke="#111" stroke-width="1.8"/>' +
    '</g></svg>',
)}") 12 12, crosshair`;
