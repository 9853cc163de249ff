import Konva from 'konva';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { App } from '../../src/app/App';
import { worldToScreen } from '../../src/editor/camera';
import { zoomToElements, zoomToFit } from '../../src/editor/cameraActions';
import { cullIndexOf, tileCacheOf } from '../../src/canvas/cullContext';
import { SceneCanvas } from 'konva/lib/Canvas';
import { BLEED_PX, SETTLE_MS } from '../../src/canvas/tiles';
import { emptyLayout } from '../../src/state/documentStore';
import { createHall } from '../../src/domain';
import { smallLayout } from './fixtures';
import { createEditor, type Editor } from '../../src/editor/editor';
import { ALL_TOOLS } from '../../src/editor/tools';

/**
 * The tile cache (src/canvas/tiles.ts): what the content layer shows is the campus, pan is a shift
 * of the same pixels, an edit redraws where the element was and where it went, and a settled zoom
 * redraws the tiles at the new zoom.
 */

let editor: Editor = createEditor({ tools: ALL_TOOLS });
let host: HTMLDivElement;

beforeEach(async () => {
  editor = createEditor({ tools: ALL_TOOLS });
  await page.viewport(1280, 800);
  host = document.createElement('div');
  host.style.cssText = 'position: fixed; inset: 0; width: 1280px; height: 800px;';
  document.body.appendChild(host);
  editor.load(emptyLayout());
  editor.session.setState({ camera: { x: 0, y: 0, scale: 1 }, pointer: null, units: 'metric' });
});

afterEach(() => {
  host.remove();
});

const frames = (n = 3) =>
  new Promise<void>((resolve) => {
    const step = (left: number) =>
      left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1));
    step(n);
  });

const stage = (): Konva.Stage => {
  const s = Konva.stages.at(-1);
  if (!s) throw new Error('no Konva stage');
  return s;
};

/** The content layer's pixel (RGBA) at a screen point (CSS px). */
function pixelAt(x: number, y: number): number[] {
  const layer = stage().findOne<Konva.Layer>('.content')!;
  const ratio = layer.getCanvas().getPixelRatio();
  const ctx = layer.getNativeCanvasElement().getContext('2d')!;
  return [...ctx.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data];
}

/** The content layer's pixel at a campus point, under the current camera. */
function pixelAtWorld(x: number, y: number): number[] {
  const s = worldToScreen(editor.session.getState().camera, { x, y });
  return pixelAt(s.x, s.y);
}

/** What the view shows at a campus point: the content layer with the UI layer over it. */
function viewPixelAtWorld(x: number, y: number): number[] {
  const s = worldToScreen(editor.session.getState().camera, { x, y });
  const out = document.createElement('canvas');
  out.width = 1;
  out.height = 1;
  const ctx = out.getContext('2d')!;
  for (const name of ['.content', '.ui']) {
    const layer = stage().findOne<Konva.Layer>(name)!;
    const el = layer.getNativeCanvasElement();
    if (el.style.display === 'none') continue;
    const ratio = layer.getCanvas().getPixelRatio();
    ctx.drawImage(el, Math.round(s.x * ratio), Math.round(s.y * ratio), 1, 1, 0, 0, 1, 1);
  }
  return [...ctx.getImageData(0, 0, 1, 1).data];
}

async function open() {
  await render(<App editor={editor} initialLayout={smallLayout()} />, { container: host });
  await frames();
  // A whole-pixel camera: the blit lands on the same pixels the elements would.
  const c = editor.session.getState().camera;
  editor.session.getState().setCamera({ x: Math.round(c.x), y: Math.round(c.y), scale: 2 });
  await settled();
}

/** Wait until a zoom has settled and its tiles are drawn. */
async function settled() {
  await frames();
  await new Promise((r) => setTimeout(r, SETTLE_MS + 100));
  await frames();
}

describe('tiled drawing of the campus', () => {
  it('shows the campus on the content layer, drawn from tiles at the current zoom', async () => {
    await open();
    const tiles = tileCacheOf(stage())!;
    expect(tiles.stats().tiles).toBeGreaterThan(0);
    expect(tiles.stats().scale).toBe(2);
    // The parcel (background) and a hall (content) are both painted, and differ.
    const parcel = pixelAtWorld(20, 240);
    const hall = pixelAtWorld(75, 55);
    expect(parcel[3]).toBe(255);
    expect(hall[3]).toBe(255);
    expect(hall).not.toEqual(parcel);
  });

  it('a pan shifts the same pixels and draws no tile it already has', async () => {
    await open();
    const tiles = tileCacheOf(stage())!;
    const probes = [
      [300, 200],
      [240, 170],
      [420, 330],
      [520, 310],
    ] as const;
    const before = probes.map(([x, y]) => pixelAt(x, y));
    const rendered = tiles.stats().rendered;
    const c = editor.session.getState().camera;
    editor.session.getState().setCamera({ ...c, x: c.x + 37, y: c.y - 21 });
    await frames();
    expect(probes.map(([x, y]) => pixelAt(x + 37, y - 21))).toEqual(before);
    // A small pan needs at most the tiles newly in view.
    expect(tiles.stats().rendered - rendered).toBeLessThanOrEqual(4);
  });

  it('moving a hall redraws where it was and where it went, and nothing else', async () => {
    await open();
    const oldCentre = pixelAtWorld(100, 80);
    const newCentreBefore = pixelAtWorld(100, 205);
    const elsewhere = pixelAtWorld(330, 230);
    const invalidated = tileCacheOf(stage())!.stats().invalidated;
    editor.document.getState().apply((d) => {
      d.halls.find((h) => h.id === 'hall-a')!.y = 205;
    }, 'move hall');
    await frames();
    expect(tileCacheOf(stage())!.stats().invalidated).toBeGreaterThan(invalidated);
    expect(pixelAtWorld(100, 80)).not.toEqual(oldCentre);
    expect(pixelAtWorld(100, 205)).not.toEqual(newCentreBefore);
    expect(pixelAtWorld(330, 230)).toEqual(elsewhere);
    // Undo puts the pixels back.
    editor.document.getState().undo();
    await frames();
    expect(pixelAtWorld(100, 80)).toEqual(oldCentre);
    expect(pixelAtWorld(100, 205)).toEqual(newCentreBefore);
  });

  it('no element draws further outside its box than BLEED_PX (what a region repaint clears)', async () => {
    await open();
    // Close enough that every label and zone tag is drawn, all of the campus in view.
    editor.session.getState().setCamera({ x: 20, y: 10, scale: 3 });
    await frames();
    const st = stage();
    const cull = cullIndexOf(st)!;
    const content = st.findOne<Konva.Layer>('.content')!;
    const ratio = content.getCanvas().getPixelRatio();
    const cam = editor.session.getState().camera;
    let worst = 0;
    let drawn = 0;
    for (const node of content.getChildren()) {
      const box = cull.boxOf(node);
      if (!box) continue;
      const canvas = new SceneCanvas({ width: st.width(), height: st.height(), pixelRatio: ratio });
      (node as Konva.Shape).drawScene(canvas);
      const el = canvas._canvas;
      const data = el.getContext('2d')!.getImageData(0, 0, el.width, el.height).data;
      const x0 = box.minX * cam.scale + cam.x;
      const x1 = box.maxX * cam.scale + cam.x;
      const y0 = box.minY * cam.scale + cam.y;
      const y1 = box.maxY * cam.scale + cam.y;
      for (let k = 3; k < data.length; k += 4) {
        if (data[k] === 0) continue;
        drawn++;
        const px = ((k >> 2) % el.width) / ratio;
        const py = Math.floor((k >> 2) / el.width) / ratio;
        worst = Math.max(worst, x0 - px - 1, px + 1 - x1, y0 - py - 1, py + 1 - y1);
      }
    }
    expect(drawn).toBeGreaterThan(0);
    expect(worst).toBeLessThanOrEqual(BLEED_PX);
  });

  it('an edit draws again the region it changed only, and the tiles then match a whole drawing pixel for pixel', async () => {
    await open();
    const tiles = tileCacheOf(stage())!;
    const { rendered, repainted } = tiles.stats();
    for (const y of [120, 160, 205]) {
      editor.document.getState().apply((d) => {
        d.halls.find((h) => h.id === 'hall-a')!.y = y;
      }, 'move hall');
      await frames();
    }
    editor.document.getState().undo();
    await frames();
    expect(tiles.stats().repainted).toBeGreaterThan(repainted);
    // No tile was drawn whole for it.
    expect(tiles.stats().rendered).toBe(rendered);
    const content = stage().findOne<Konva.Layer>('.content')!;
    const pixels = () => {
      const el = content.getNativeCanvasElement();
      return el.getContext('2d')!.getImageData(0, 0, el.width, el.height).data;
    };
    const patched = pixels();
    tiles.invalidateAll();
    content.batchDraw();
    await frames();
    expect(tiles.stats().rendered).toBeGreaterThan(rendered);
    const whole = pixels();
    let differ = 0;
    for (let k = 0; k < whole.length; k++) if (whole[k] !== patched[k]) differ++;
    expect(differ).toBe(0);
  });

  it('a drag lifts the hall out of the tiles onto the UI layer: the tiles are redrawn when it is lifted and when it lands, not on every frame', async () => {
    await open();
    const oldCentre = pixelAtWorld(100, 80);
    const newCentreBefore = pixelAtWorld(100, 205);
    const elsewhere = pixelAtWorld(330, 230);
    const viewNewCentreBefore = viewPixelAtWorld(100, 205);
    const viewElsewhere = viewPixelAtWorld(330, 230);
    const tiles = tileCacheOf(stage())!;
    const doc = editor.document.getState();
    const before = tiles.stats().invalidated;
    doc.beginGesture();
    const move = (y: number) =>
      editor.document.getState().updateGesture((d) => {
        d.halls.find((h) => h.id === 'hall-a')!.y = y;
      });
    move(120);
    await frames();
    const lifted = tiles.stats().invalidated;
    // Lifting drops the tiles under the hall's old drawing once.
    expect(lifted).toBeGreaterThan(before);
    for (const y of [140, 160, 180, 205]) {
      move(y);
      await frames(1);
    }
    await frames();
    // Every frame drew the hall where it is, on the UI layer over the tiles; no tile was redrawn
    // for it, and the tiles' canvas shows the campus without it.
    expect(tiles.stats().invalidated).toBe(lifted);
    expect(pixelAtWorld(100, 80)).not.toEqual(oldCentre);
    expect(pixelAtWorld(100, 205)).toEqual(newCentreBefore);
    expect(viewPixelAtWorld(100, 205)).not.toEqual(viewNewCentreBefore);
    expect(viewPixelAtWorld(330, 230)).toEqual(viewElsewhere);
    const during = viewPixelAtWorld(100, 205);
    editor.document.getState().commitGesture('Move hall');
    await frames();
    // It lands: the tiles under it are redrawn with it, and show it as the frames did.
    expect(tiles.stats().invalidated).toBeGreaterThan(lifted);
    expect(viewPixelAtWorld(100, 205)).toEqual(during);
    expect(pixelAtWorld(100, 205)).not.toEqual(newCentreBefore);
    expect(pixelAtWorld(330, 230)).toEqual(elsewhere);
    // Undo puts the pixels back.
    editor.document.getState().undo();
    await frames();
    expect(pixelAtWorld(100, 80)).toEqual(oldCentre);
  });

  it('lifted elements are drawn in their layer order, whatever order they were lifted in', async () => {
    await open();
    const doc = editor.document.getState();
    doc.beginGesture();
    // The hall is lifted first, its cooling zone (drawn under it) after.
    editor.document.getState().updateGesture((d) => {
      d.halls.find((h) => h.id === 'hall-a')!.y = 100;
    });
    await frames();
    editor.document.getState().updateGesture((d) => {
      d.coolingZones.find((z) => z.id === 'cz-dlc')!.y = 100;
    });
    await frames();
    const during = [viewPixelAtWorld(100, 100), viewPixelAtWorld(80, 95)];
    editor.document.getState().commitGesture('Move hall and zone');
    await frames();
    // Landed, the tiles draw the zone under the hall: the view looks as it did during the drag.
    expect([viewPixelAtWorld(100, 100), viewPixelAtWorld(80, 95)]).toEqual(during);
  });

  it('bringing a hall to the front redraws it over the hall that covered it', async () => {
    await open();
    /** The content layer's pixels over Hall A (campus 60..140 × 55..105 m). */
    const overHallA = () => {
      const layer = stage().findOne<Konva.Layer>('.content')!;
      const ratio = layer.getCanvas().getPixelRatio();
      const a = worldToScreen(editor.session.getState().camera, { x: 60, y: 55 });
      const b = worldToScreen(editor.session.getState().camera, { x: 140, y: 105 });
      const ctx = layer.getNativeCanvasElement().getContext('2d')!;
      const x = Math.round(a.x * ratio);
      const y = Math.round(a.y * ratio);
      return ctx.getImageData(x, y, Math.round(b.x * ratio) - x, Math.round(b.y * ratio) - y).data;
    };
    const differing = (p: Uint8ClampedArray, q: Uint8ClampedArray) => {
      let n = 0;
      for (let i = 0; i < p.length; i += 4)
        if (p[i] !== q[i] || p[i + 1] !== q[i + 1] || p[i + 2] !== q[i + 2]) n++;
      return n;
    };
    // An empty hall laid over all of Hall A hides its rows and name.
    editor.document.getState().apply((d) => {
      d.halls.push(createHall('hall-over', { x: 100, y: 80 }, { width: 70, depth: 46 }));
    }, 'add hall');
    await frames();
    const covered = overHallA();
    editor.document.getState().apply((d) => {
      const i = d.halls.findIndex((h) => h.id === 'hall-a');
      d.halls.push(d.halls.splice(i, 1)[0]!);
    }, 'bring to front');
    await frames();
    const front = overHallA();
    expect(differing(front, covered)).toBeGreaterThan(100);
    // What fresh tiles show.
    tileCacheOf(stage())!.invalidateAll();
    stage().findOne<Konva.Layer>('.content')!.batchDraw();
    await frames();
    expect(differing(overHallA(), front)).toBe(0);
  });

  it('a zoom draws the old tiles scaled, then redraws them at the new zoom once it settles', async () => {
    await open();
    const tiles = tileCacheOf(stage())!;
    const c = editor.session.getState().camera;
    editor.session.getState().setCamera({ x: c.x, y: c.y, scale: 2.5 });
    await frames();
    expect(tiles.stats().scale).toBe(2);
    await settled();
    expect(tiles.stats().scale).toBe(2.5);
    expect(pixelAtWorld(75, 55)[3]).toBe(255);
  });

  it('a jump of the view (zoom to fit, to elements) is drawn at its own zoom at once', async () => {
    await open();
    const tiles = tileCacheOf(stage())!;
    // From a zoom the jump's own divided by 1.5 (within what the tiles would stretch), settled.
    expect(zoomToElements(editor, ['hall-a'])).toBe(true);
    const target = editor.session.getState().camera;
    editor.session.getState().setCamera({ ...target, scale: target.scale / 1.5 });
    await settled();
    expect(tiles.stats().scale).toBe(target.scale / 1.5);
    expect(zoomToElements(editor, ['hall-a'])).toBe(true);
    const jumped = editor.session.getState().camera;
    expect(jumped.scale).toBe(target.scale);
    expect(editor.session.getState().jumpedTo).toBe(jumped);
    await frames();
    expect(tiles.stats().scale).toBe(jumped.scale);
    // A zoom step after it is a gesture's again: the tiles of the jump, stretched, until it settles.
    editor.session.getState().setCamera({ ...jumped, scale: jumped.scale * 1.2 });
    expect(editor.session.getState().jumpedTo).toBeNull();
    await frames();
    expect(tiles.stats().scale).toBe(jumped.scale);
    await settled();
    expect(zoomToFit(editor)).toBe(true);
    await frames();
    expect(tiles.stats().scale).toBe(editor.session.getState().camera.scale);
  });

  it('a campus kept fitted while the overlays lay out or the window resizes follows them, not as a jump', async () => {
    await render(<App editor={editor} initialLayout={smallLayout()} />, { container: host });
    await settled();
    const tiles = tileCacheOf(stage())!;
    const fitted = editor.session.getState().camera;
    expect(tiles.stats().scale).toBe(fitted.scale);
    // An overlay now covers 300 px of the left: the campus is fitted to what is left.
    editor.session.getState().setViewInsets('left', 300);
    const refitted = editor.session.getState().camera;
    expect(refitted.scale).not.toBe(fitted.scale);
    expect(editor.session.getState().jumpedTo).toBeNull();
    await frames();
    // The last zoom's tiles, stretched, until the new zoom settles.
    expect(tiles.stats().scale).toBe(fitted.scale);
    await settled();
    expect(tiles.stats().scale).toBe(refitted.scale);
    // So does a window resized while it is fitted.
    const { width, height } = editor.session.getState().viewport;
    editor.session.getState().setViewport(width - 200, height - 200);
    const resized = editor.session.getState().camera;
    expect(resized.scale).toBeLessThan(refitted.scale);
    expect(editor.session.getState().jumpedTo).toBeNull();
    // A camera the user moves ends it: the next resize keeps the zoom.
    editor.session.getState().setCamera({ ...resized, x: resized.x + 40 });
    editor.session.getState().setViewport(width, height);
    expect(editor.session.getState().camera.scale).toBe(resized.scale);
  });

  it('draws the tiles around the view while idle, one at a time within the idle period', async () => {
    // The browser's idle callbacks, run by hand: each gets the deadline the test gives.
    type Deadline = { timeRemaining(): number; didTimeout: boolean };
    const pending = new Map<number, (d: Deadline) => void>();
    let next = 1;
    const real = Object.getOwnPropertyDescriptors(window);
    Object.assign(window, {
      requestIdleCallback: (cb: (d: Deadline) => void) => {
        pending.set(next, cb);
        return next++;
      },
      cancelIdleCallback: (h: number) => void pending.delete(h),
    });
    const idle = (d: Deadline) => {
      const now = [...pending.values()];
      pending.clear();
      for (const cb of now) cb(d);
    };
    try {
      await open();
      const tiles = tileCacheOf(stage())!;
      const before = tiles.stats().prefetched;
      // No room for a tile in the idle period: none is drawn, and it asks again.
      idle({ timeRemaining: () => 0, didTimeout: false });
      expect(tiles.stats().prefetched).toBe(before);
      expect(pending.size).toBeGreaterThan(0);
      // The wait timed out (no idle period for 500 ms): one tile.
      idle({ timeRemaining: () => 0, didTimeout: true });
      expect(tiles.stats().prefetched).toBe(before + 1);
      // A long idle period: the rest of the ring, and nothing more to ask for.
      idle({ timeRemaining: () => 1000, didTimeout: false });
      expect(tiles.stats().prefetched).toBeGreaterThan(before + 1);
      const ring = tiles.stats().prefetched;
      idle({ timeRemaining: () => 1000, didTimeout: false });
      expect(tiles.stats().prefetched).toBe(ring);
    } finally {
      Object.defineProperty(window, 'requestIdleCallback', real.requestIdleCallback);
      Object.defineProperty(window, 'cancelIdleCallback', real.cancelIdleCallback);
    }
  });

  it('without requestIdleCallback (Safari), a timer draws the ring around the view, a tile at a time', async () => {
    const real = Object.getOwnPropertyDescriptors(window);
    Reflect.deleteProperty(window, 'requestIdleCallback');
    Reflect.deleteProperty(window, 'cancelIdleCallback');
    try {
      expect(typeof window.requestIdleCallback).toBe('undefined');
      await open();
      const tiles = tileCacheOf(stage())!;
      // The ring is drawn in the end: the count grows, then stops growing.
      await expect.poll(() => tiles.stats().prefetched, { timeout: 5000 }).toBeGreaterThan(1);
      let last = -1;
      await expect
        .poll(
          () => {
            const now = tiles.stats().prefetched;
            const still = now === last;
            last = now;
            return still;
          },
          { timeout: 10000, interval: 300 },
        )
        .toBe(true);
    } finally {
      Object.defineProperty(window, 'requestIdleCallback', real.requestIdleCallback);
      Object.defineProperty(window, 'cancelIdleCallback', real.cancelIdleCallback);
    }
  });
});
