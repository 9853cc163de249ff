import { describe, expect, it } from 'vitest';
import {
  clampScale,
  fitBounds,
  MAX_SCALE,
  MIN_SCALE,
  niceScaleBar,
  panBy,
  screenToWorld,
  visibleWorld,
  WheelClassifier,
  wheelZoomFactor,
  worldToScreen,
  zoomAt,
  zoomBy,
  zoomPercent,
} from './camera';

const close = (a: number, b: number) => expect(a).toBeCloseTo(b, 9);

describe('camera', () => {
  it('world → screen → world is the identity', () => {
    const c = { x: 120, y: -40, scale: 2.5 };
    const w = { x: 333.3, y: -12 };
    const back = screenToWorld(c, worldToScreen(c, w));
    close(back.x, w.x);
    close(back.y, w.y);
  });

  it('zooming about a point keeps the world point under the cursor', () => {
    const c = { x: 35, y: 80, scale: 0.7 };
    const cursor = { x: 412, y: 297 };
    const before = screenToWorld(c, cursor);
    for (const factor of [1.2, 0.5, 8, 1 / 3]) {
      const z = zoomBy(c, cursor, factor);
      close(z.scale, c.scale * factor);
      const after = screenToWorld(z, cursor);
      close(after.x, before.x);
      close(after.y, before.y);
    }
  });

  it('zoom is clamped, and the anchor still holds at the limit', () => {
    const c = { x: 0, y: 0, scale: 100 };
    const z = zoomAt(c, { x: 50, y: 50 }, 1e9);
    expect(z.scale).toBe(MAX_SCALE);
    close(screenToWorld(z, { x: 50, y: 50 }).x, 0.5);
    expect(clampScale(0)).toBe(MIN_SCALE);
  });

  it('fit-to-bounds centres the box and fits its longer side within the padding', () => {
    const box = { minX: 100, minY: 50, maxX: 1100, maxY: 550 }; // 1000 × 500 m
    const vp = { width: 800, height: 600 };
    const c = fitBounds(box, vp, 50);
    close(c.scale, 0.7); // (800 − 100) / 1000 beats (600 − 100) / 500
    const centre = worldToScreen(c, { x: 600, y: 300 });
    close(centre.x, 400);
    close(centre.y, 300);
    const tl = worldToScreen(c, { x: box.minX, y: box.minY });
    close(tl.x, 50);
    expect(tl.y).toBeGreaterThanOrEqual(50);
  });

  it('fit-to-bounds of a tall box fits the height', () => {
    const c = fitBounds({ minX: 0, minY: 0, maxX: 10, maxY: 100 }, { width: 800, height: 600 }, 0);
    close(c.scale, 6);
  });

  it('the visible world box matches the viewport, with a margin', () => {
    const c = { x: -200, y: -100, scale: 2 };
    const v = visibleWorld(c, { width: 400, height: 300 });
    expect(v).toEqual({ minX: 100, minY: 50, maxX: 300, maxY: 200 });
    const m = visibleWorld(c, { width: 400, height: 300 }, 20);
    expect(m.minX).toBe(90);
    expect(m.maxY).toBe(210);
  });

  it('pans in screen pixels', () => {
    expect(panBy({ x: 1, y: 2, scale: 3 }, 10, -5)).toEqual({ x: 11, y: -3, scale: 3 });
  });

  it('wheel: up zooms in, down zooms out, line deltas count like pixels', () => {
    expect(wheelZoomFactor(-100)).toBeGreaterThan(1);
    expect(wheelZoomFactor(100)).toBeLessThan(1);
    close(wheelZoomFactor(100) * wheelZoomFactor(-100), 1);
    close(wheelZoomFactor(3, 1), wheelZoomFactor(48, 0));
    // A huge delta is clamped to one big step.
    close(wheelZoomFactor(10_000), wheelZoomFactor(250));
  });

  it('zoom % is pixels per metre × 100', () => {
    expect(zoomPercent({ x: 0, y: 0, scale: 1.13 })).toBeCloseTo(113);
  });

  it('the scale bar picks a 1/2/5 length that fits', () => {
    expect(niceScaleBar(1, 120)).toEqual({ length: 100, px: 100 });
    expect(niceScaleBar(0.5, 120)).toEqual({ length: 200, px: 100 });
    expect(niceScaleBar(3, 120).length).toBe(20);
    const ft = niceScaleBar(1, 120, 0.3048);
    expect(ft.length).toBe(200);
    close(ft.px, 60.96);
  });
});

describe('fit with overlays over the canvas edges', () => {
  it('centres the box in what the insets leave free', () => {
    const box = { minX: 0, minY: 0, maxX: 100, maxY: 100 };
    const c = fitBounds(box, { width: 800, height: 600 }, 20, {
      top: 0,
      right: 0,
      bottom: 60,
      left: 70,
    });
    // Free area: x 70–800, y 0–540; less padding: 690 × 500 → scale 5.
    expect(c.scale).toBe(5);
    const left = c.x;
    const top = c.y;
    expect(left).toBeGreaterThanOrEqual(70 + 20);
    expect(top + 100 * c.scale).toBeLessThanOrEqual(540 - 20);
  });

  it('ignores insets that would leave less than half the canvas', () => {
    const box = { minX: 0, minY: 0, maxX: 100, maxY: 100 };
    const plain = fitBounds(box, { width: 400, height: 400 }, 0);
    const huge = fitBounds(box, { width: 400, height: 400 }, 0, {
      top: 0,
      right: 0,
      bottom: 0,
      left: 300,
    });
    expect(huge).toEqual(plain);
  });
});

describe('WheelClassifier: trackpad scroll pans, wheel and pinch zoom', () => {
  const at = (over: Partial<Parameters<WheelClassifier['classify']>[0]>) => ({
    deltaX: 0,
    deltaY: 0,
    deltaMode: 0,
    ctrlKey: false,
    time: 0,
    ...over,
  });

  it('pinch (ctrlKey) and Ctrl+wheel zoom', () => {
    const w = new WheelClassifier();
    expect(w.classify(at({ deltaY: 3, ctrlKey: true }))).toBe('zoom');
    expect(w.classify(at({ deltaY: 100, metaKey: true, time: 10 }))).toBe('zoom');
  });

  it('a mouse notch (100 px straight, or lines) zooms', () => {
    const w = new WheelClassifier();
    expect(w.classify(at({ deltaY: 100 }))).toBe('zoom');
    expect(w.classify(at({ deltaY: -3, deltaMode: 1, time: 1000 }))).toBe('zoom');
  });

  it('small pixel deltas or any sideways delta pan', () => {
    const w = new WheelClassifier();
    expect(w.classify(at({ deltaY: 4 }))).toBe('pan');
    expect(w.classify(at({ deltaX: 120, deltaY: 0, time: 5000 }))).toBe('pan');
  });

  it('a fast flick right after a trackpad scroll is the same gesture: it pans', () => {
    const w = new WheelClassifier();
    expect(w.classify(at({ deltaY: 8, time: 0 }))).toBe('pan');
    expect(w.classify(at({ deltaY: 140, time: 16 }))).toBe('pan');
    // Long after, a notch is a mouse again.
    expect(w.classify(at({ deltaY: 100, time: 2000 }))).toBe('zoom');
  });
});
