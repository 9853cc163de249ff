import type { AABB } from '../domain';
import type { Camera } from '../state/sessionStore';

/**
 * Camera maths, pure. A camera maps the campus frame (metres) to the screen (CSS pixels):
 * screen = world × scale + (x, y); `scale` is pixels per metre. Zoom 100 % is 1 px per metre.
 */
export type { Camera };

export interface ScreenPoint {
  readonly x: number;
  readonly y: number;
}
export interface WorldPoint {
  readonly x: number;
  readonly y: number;
}
export interface Viewport {
  readonly width: number;
  readonly height: number;
}

/** Zoom limits, pixels per metre: 0.002 shows a 200 km wide area on 400 px; 500 shows a rack 300 px wide. */
export const MIN_SCALE = 0.002;
export const MAX_SCALE = 500;

export const clampScale = (s: number): number => Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));

export function worldToScreen(c: Camera, p: WorldPoint): ScreenPoint {
  return { x: p.x * c.scale + c.x, y: p.y * c.scale + c.y };
}

export function screenToWorld(c: Camera, p: ScreenPoint): WorldPoint {
  return { x: (p.x - c.x) / c.scale, y: (p.y - c.y) / c.scale };
}

/** Zoom to `scale` keeping the world point under `anchor` (a screen point) where it is. */
export function zoomAt(c: Camera, anchor: ScreenPoint, scale: number): Camera {
  const s = clampScale(scale);
  const w = screenToWorld(c, anchor);
  return { x: anchor.x - w.x * s, y: anchor.y - w.y * s, scale: s };
}

/** Multiply the zoom by `factor` about `anchor`. */
export function zoomBy(c: Camera, anchor: ScreenPoint, factor: number): Camera {
  return zoomAt(c, anchor, c.scale * factor);
}

export function panBy(c: Camera, dx: number, dy: number): Camera {
  return { x: c.x + dx, y: c.y + dy, scale: c.scale };
}

/**
 * The zoom factor for one wheel event: smooth for trackpads (small deltas), about ×1.2 per mouse
 * notch (deltaY ≈ 100 px). Line and page deltas are converted to pixels first.
 */
export function wheelZoomFactor(deltaY: number, deltaMode = 0): number {
  const px = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 800 : deltaY;
  const clamped = Math.max(-250, Math.min(250, px));
  return Math.exp(-clamped * 0.0018);
}

/** Screen pixels covered along each edge of the viewport (overlaid toolbars and strips). */
export interface Insets {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

const NONE: Insets = { top: 0, right: 0, bottom: 0, left: 0 };

/**
 * Fit a world box into the viewport with `padding` screen pixels around it, centred in what the
 * `insets` (overlays over the canvas's edges) leave free.
 */
export function fitBounds(
  box: AABB,
  viewport: Viewport,
  padding = 32,
  insets: Insets = NONE,
): Camera {
  // Overlays that would leave less than half the canvas are ignored rather than squeezing the view.
  const left = insets.left + insets.right < viewport.width / 2 ? insets.left : 0;
  const right = insets.left + insets.right < viewport.width / 2 ? insets.right : 0;
  const top = insets.top + insets.bottom < viewport.height / 2 ? insets.top : 0;
  const bottom = insets.top + insets.bottom < viewport.height / 2 ? insets.bottom : 0;
  const w = Math.max(box.maxX - box.minX, 1e-6);
  const h = Math.max(box.maxY - box.minY, 1e-6);
  const availW = Math.max(viewport.width - left - right - 2 * padding, 1);
  const availH = Math.max(viewport.height - top - bottom - 2 * padding, 1);
  const scale = clampScale(Math.min(availW / w, availH / h));
  const cx = (box.minX + box.maxX) / 2;
  const cy = (box.minY + box.maxY) / 2;
  const sx = left + (viewport.width - left - right) / 2;
  const sy = top + (viewport.height - top - bottom) / 2;
  return { x: sx - cx * scale, y: sy - cy * scale, scale };
}

/** The world box the viewport shows, grown by `marginPx` screen pixels on every side. */
export function visibleWorld(c: Camera, viewport: Viewport, marginPx = 0): AABB {
  const a = screenToWorld(c, { x: -marginPx, y: -marginPx });
  const b = screenToWorld(c, { x: viewport.width + marginPx, y: viewport.height + marginPx });
  return { minX: a.x, minY: a.y, maxX: b.x, maxY: b.y };
}

/** Zoom as users read it: 100 % = 1 pixel per metre. */
export const zoomPercent = (c: Camera): number => c.scale * 100;

/**
 * A scale bar: the longest "nice" length (1, 2 or 5 × 10ⁿ in `unitM` units) that fits in
 * `maxPx` pixels. Returns the length in units and its width in pixels.
 */
export function niceScaleBar(
  scale: number,
  maxPx: number,
  unitM = 1,
): { length: number; px: number } {
  const maxUnits = maxPx / (scale * unitM);
  const pow = Math.pow(10, Math.floor(Math.log10(maxUnits)));
  let length = pow;
  for (const m of [5, 2, 1]) {
    if (m * pow <= maxUnits) {
      length = m * pow;
      break;
    }
  }
  return { length, px: length * unitM * scale };
}

/** What one wheel event does to the view. */
export type WheelIntent = 'zoom' | 'pan';

export interface WheelSample {
  readonly deltaX: number;
  readonly deltaY: number;
  /** 0 pixels, 1 lines, 2 pages (WheelEvent.deltaMode). */
  readonly deltaMode: number;
  /** Pinch on a trackpad arrives as a wheel event with ctrlKey set (Chrome, Safari, Firefox). */
  readonly ctrlKey: boolean;
  readonly metaKey?: boolean;
  /** Event time, ms (WheelEvent.timeStamp). */
  readonly time: number;
}

/** A pixel delta at least this large, with no sideways part, reads as one notch of a mouse wheel. */
export const MOUSE_NOTCH_MIN_PX = 50;
/** Events this close after a trackpad scroll belong to the same gesture (its momentum), ms. */
export const TRACKPAD_GESTURE_MS = 250;

/**
 * Tell a trackpad's two-finger scroll (pan) from a mouse wheel and pinch (zoom), the way Figma and
 * tldraw do, from what a wheel event carries:
 *  - Ctrl/Cmd held, or a pinch (which browsers send as wheel + ctrlKey): zoom.
 *  - Line or page deltas (deltaMode 1 or 2: Firefox's mouse wheel): zoom.
 *  - Any sideways delta (deltaX ≠ 0): a trackpad, pan.
 *  - Small pixel deltas (under MOUSE_NOTCH_MIN_PX): a trackpad, pan.
 *  - A large pixel delta straight up or down: a mouse notch (Chrome sends 100 or 120 px), zoom —
 *    unless it comes within TRACKPAD_GESTURE_MS of a trackpad event, when it is that gesture's
 *    fast flick or momentum and still pans.
 * Stateful only in remembering when the last trackpad event came; one per canvas.
 */
export class WheelClassifier {
  private lastTrackpadAt = -Infinity;

  classify(e: WheelSample): WheelIntent {
    if (e.ctrlKey || e.metaKey) return 'zoom';
    if (e.deltaMode !== 0) return 'zoom';
    const trackpadLike = e.deltaX !== 0 || Math.abs(e.deltaY) < MOUSE_NOTCH_MIN_PX;
    if (trackpadLike || e.time - this.lastTrackpadAt < TRACKPAD_GESTURE_MS) {
      this.lastTrackpadAt = e.time;
      return 'pan';
    }
    return 'zoom';
  }
}
