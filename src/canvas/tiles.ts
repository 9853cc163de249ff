import type Konva from 'konva';
import { SceneCanvas } from 'konva/lib/Canvas';
import { Konva as K } from './konva';
import { aabbOverlap, type AABB } from '../domain';
import { beginDrawPass, withDrawView } from './cullContext';

/**
 * Pan as a blit: the static campus (background and content layers) is drawn into bitmap tiles at
 * one zoom, and a camera move draws the tiles, not the elements.
 *
 * Tiles are TILE_PX × TILE_PX screen pixels on a grid fixed in "campus pixels" (metres × the tiles'
 * scale), so a pan only shifts them; the tiles a view needs are drawn once and kept (least
 * recently used first out, at most a memory budget's worth, whatever the zoom). While the zoom
 * changes, the tiles of the last zoom are drawn scaled; once the zoom has settled (SETTLE_MS
 * without a change), or when they are scaled past MAX_STRETCH either way, the tiles are redrawn at
 * the new zoom, as they are at once after a jump (zoom to fit, to elements). When the page is
 * idle, a ring of tiles around the view is drawn ahead, so that a pan seldom waits for a tile. An
 * edit invalidates the tiles over the edited element's old and new boxes only.
 */

/** A tile's side in CSS pixels. */
export const TILE_PX = 512;
/** Memory budget for tile bitmaps, bytes (RGBA). */
const BUDGET_BYTES = 96 * 1024 * 1024;
/** Wait this long after the last zoom step before redrawing tiles at the new zoom. */
export const SETTLE_MS = 160;
/** Tiles are drawn scaled up to this factor either way while a zoom is under way. */
const MAX_STRETCH = 4;
/** Tiles this far (in tiles) around the view are drawn ahead, when the page is idle. */
const PREFETCH_RING = 1;
/**
 * Elements draw up to this far (screen px) outside their box: a cooling zone's tag, which hangs
 * under its bottom edge (10.5 px text from 3 px below it, up to 14 px past its corner, turned
 * with the zone), half the widest stroke (a feeder's casing, 7.5 px) and anti-aliasing.
 */
export const BLEED_PX = 24;
/** A tile whose changed region covers more than this share of it is drawn again whole. */
const REPAINT_SHARE = 0.5;

/** A rectangle in a tile's own CSS pixels. */
interface Region {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface Tile {
  readonly canvas: SceneCanvas;
  /** Last use, for eviction. */
  used: number;
  /** What an edit changed and is not yet drawn again (tile pixels), or null. */
  dirty: Region | null;
}

/** What drawing a tile needs of the canvas: the layers it holds and how to cull for a box. */
export interface TileSource {
  readonly stage: Konva.Stage;
  /** Layers drawn into the tiles, bottom first. */
  readonly layers: readonly Konva.Layer[];
  /**
   * An element node's campus box (the cull index's), or undefined for other nodes: tiles draw the
   * elements whose box meets them, whatever the view's culling says, and other nodes if visible.
   */
  boxOf(node: Konva.Node): AABB | undefined;
  /**
   * How opaque a node is drawn, 0–1 (an element of a later phase than the phase slider's is
   * ghosted); absent: 1. Whoever changes it invalidates the tiles.
   */
  alphaOf?(node: Konva.Node): number;
  /**
   * Nodes lifted out of the tiles (what a drag is moving): the tiles leave them out, and
   * drawLifted draws them over the tiles, so a drag redraws one element per frame, not the tiles
   * under it. Whoever lifts or drops a node invalidates the tiles under it.
   */
  lifted?(): ReadonlySet<Konva.Node>;
}

export interface TileStats {
  readonly tiles: number;
  readonly scale: number;
  /** Tiles drawn because a view needed them, since the cache was made. */
  readonly rendered: number;
  /** Tiles drawn ahead, when the page was idle. */
  readonly prefetched: number;
  /** Tiles an edit touched (drawn again in part, or whole). */
  readonly invalidated: number;
  /** Regions of tiles drawn again after an edit (the rest of the tile kept). */
  readonly repainted: number;
}

const key = (i: number, j: number) => `${i},${j}`;

/** requestIdleCallback where the browser has it (Safari has not), else a timeout. */
const requestIdle = (
  f: (deadline: { timeRemaining(): number; readonly didTimeout: boolean }) => void,
): number =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(f, { timeout: 500 })
    : // A timer knows no idle period: it counts as a wait that timed out (one tile, then the next).
      (setTimeout(() => f({ timeRemaining: () => 0, didTimeout: true }), 50) as unknown as number);
const cancelIdle = (h: number): void =>
  typeof cancelIdleCallback === 'function' ? cancelIdleCallback(h) : clearTimeout(h);

export class TileCache {
  private tiles = new Map<string, Tile>();
  /** Spare canvases from dropped tiles, reused before allocating. */
  private spare: SceneCanvas[] = [];
  private scale = 0;
  private clock = 0;
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  private rendered = 0;
  private prefetched = 0;
  private invalidated = 0;
  private repainted = 0;
  /** The next draw is of a camera the view jumped to: at its own zoom, not stretched. */
  private jumped = false;
  /** Told when the cache wants the view redrawn (a zoom settled). */
  onStale: () => void = () => {};

  constructor(private readonly source: TileSource) {}

  /** Tiles fit in the memory budget at this pixel ratio. */
  private maxTiles(pixelRatio: number): number {
    return Math.max(16, Math.floor(BUDGET_BYTES / (4 * (TILE_PX * pixelRatio) ** 2)));
  }

  /**
   * The view jumped (zoom to fit, to elements): no zoom gesture goes on, so the next draw is at
   * the new zoom at once rather than the last zoom's tiles stretched until SETTLE_MS.
   */
  jump(): void {
    this.jumped = true;
  }

  /** Drop every tile (a change that touches everything: the parcel, a resize, a reload). */
  invalidateAll(): void {
    for (const t of this.tiles.values()) this.spare.push(t.canvas);
    this.invalidated += this.tiles.size;
    this.tiles.clear();
  }

  /**
   * Mark what changed over `box` (campus metres), with room for what an element draws outside
   * it: the tiles under it draw that region again when next shown (repaint), not the whole tile.
   */
  invalidate(box: AABB): void {
    if (this.tiles.size === 0 || this.scale <= 0) return;
    const s = this.scale;
    const x0 = box.minX * s - BLEED_PX;
    const x1 = box.maxX * s + BLEED_PX;
    const y0 = box.minY * s - BLEED_PX;
    const y1 = box.maxY * s + BLEED_PX;
    const i0 = Math.floor(x0 / TILE_PX);
    const i1 = Math.floor(x1 / TILE_PX);
    const j0 = Math.floor(y0 / TILE_PX);
    const j1 = Math.floor(y1 / TILE_PX);
    if (!(Number.isFinite(i0) && Number.isFinite(i1) && Number.isFinite(j0) && Number.isFinite(j1)))
      return this.invalidateAll();
    const mark = (k: string, t: Tile, i: number, j: number) => {
      const r = {
        x0: Math.max(0, x0 - i * TILE_PX),
        y0: Math.max(0, y0 - j * TILE_PX),
        x1: Math.min(TILE_PX, x1 - i * TILE_PX),
        y1: Math.min(TILE_PX, y1 - j * TILE_PX),
      };
      const d = t.dirty;
      const dirty = d
        ? {
            x0: Math.min(d.x0, r.x0),
            y0: Math.min(d.y0, r.y0),
            x1: Math.max(d.x1, r.x1),
            y1: Math.max(d.y1, r.y1),
          }
        : r;
      if ((dirty.x1 - dirty.x0) * (dirty.y1 - dirty.y0) > REPAINT_SHARE * TILE_PX * TILE_PX)
        this.drop(k, t);
      else {
        t.dirty = dirty;
        this.invalidated++;
      }
    };
    if ((i1 - i0 + 1) * (j1 - j0 + 1) > this.tiles.size) {
      for (const [k, t] of this.tiles) {
        const [i, j] = k.split(',').map(Number) as [number, number];
        if (i >= i0 && i <= i1 && j >= j0 && j <= j1) mark(k, t, i, j);
      }
      return;
    }
    for (let i = i0; i <= i1; i++)
      for (let j = j0; j <= j1; j++) {
        const k = key(i, j);
        const t = this.tiles.get(k);
        if (t) mark(k, t, i, j);
      }
  }

  private drop(k: string, t: Tile): void {
    this.tiles.delete(k);
    this.spare.push(t.canvas);
    this.invalidated++;
  }

  stats(): TileStats {
    return {
      tiles: this.tiles.size,
      scale: this.scale,
      rendered: this.rendered,
      prefetched: this.prefetched,
      invalidated: this.invalidated,
      repainted: this.repainted,
    };
  }

  /**
   * Draw the view into `target` (the display layer's canvas, cleared), drawing the tiles it needs
   * that are missing. The stage holds the camera (position and scale).
   */
  draw(target: SceneCanvas): void {
    const stage = this.source.stage;
    const cam = { x: stage.x(), y: stage.y(), scale: stage.scaleX() };
    const width = stage.width();
    const height = stage.height();
    const pr = target.getPixelRatio();
    const jumped = this.jumped;
    this.jumped = false;
    if (!(cam.scale > 0) || width <= 0 || height <= 0) return;
    const cap = this.maxTiles(pr);

    let r = cam.scale / this.scale;
    const range = () => ({
      i0: Math.floor(-cam.x / r / TILE_PX),
      i1: Math.floor((width - cam.x) / r / TILE_PX),
      j0: Math.floor(-cam.y / r / TILE_PX),
      j1: Math.floor((height - cam.y) / r / TILE_PX),
    });
    let v = range();
    const count = () => (v.i1 - v.i0 + 1) * (v.j1 - v.j0 + 1);
    if (
      !(this.scale > 0) ||
      (jumped && Math.abs(r - 1) > 1e-9) ||
      r > MAX_STRETCH ||
      r < 1 / MAX_STRETCH ||
      count() > cap
    ) {
      this.rebase(cam.scale);
      r = 1;
      v = range();
    }
    if (Math.abs(r - 1) > 1e-9) this.scheduleSettle();

    // Draw what is missing or changed, all at once (one change of the stage's transform).
    const missing: [number, number][] = [];
    const changed: [number, number][] = [];
    for (let i = v.i0; i <= v.i1; i++)
      for (let j = v.j0; j <= v.j1; j++) {
        const t = this.tiles.get(key(i, j));
        if (!t) missing.push([i, j]);
        else if (t.dirty) changed.push([i, j]);
      }
    if (missing.length > 0 || changed.length > 0) this.render(missing, pr, true, changed);

    const ctx = target.getContext()._context;
    ctx.save();
    ctx.imageSmoothingEnabled = Math.abs(r - 1) > 1e-9;
    const size = TILE_PX * r;
    // Unscaled tiles land on whole device pixels: a blit, not a resample.
    const snap = (x: number) => (r === 1 ? Math.round(x * pr) / pr : x);
    const now = ++this.clock;
    for (let i = v.i0; i <= v.i1; i++)
      for (let j = v.j0; j <= v.j1; j++) {
        const t = this.tiles.get(key(i, j));
        if (!t) continue;
        t.used = now;
        ctx.drawImage(t.canvas._canvas, snap(cam.x + i * size), snap(cam.y + j * size), size, size);
      }
    ctx.restore();
    this.evict(cap);
    if (Math.abs(r - 1) <= 1e-9) this.schedulePrefetch(v, pr, cap);
  }

  /**
   * Draw the lifted nodes (what a gesture is moving) into `target` at the camera, culled by the
   * view as Konva would. The canvas draws them on the layer above the tiles' (the UI layer), so a
   * frame of a drag redraws that layer only and leaves the tiles' canvas as it is.
   */
  drawLifted(target: SceneCanvas): void {
    const lifted = this.source.lifted?.();
    if (!lifted || lifted.size === 0) return;
    const stage = this.source.stage;
    // In the order the tiles draw them (layer, then place in it), not the order they were lifted
    // in: a cooling zone carried with its hall stays under the hall.
    const { layers } = this.source;
    const order = (n: Konva.Node) => {
      const layer = n.getLayer();
      return (layer ? layers.indexOf(layer) : layers.length) * 1e9 + n.getZIndex();
    };
    const nodes = [...lifted].sort((a, b) => order(a) - order(b));
    withDrawView(stage, { width: stage.width(), height: stage.height() }, () => {
      for (const node of nodes)
        if (node.isVisible() && this.source.boxOf(node))
          drawShape(node, target, this.source.alphaOf?.(node) ?? 1);
    });
  }

  private prefetchHandle: number | null = null;
  /** About how long drawing one tile takes, ms (a running average of the prefetched ones). */
  private tileMs = 6;

  /** When idle, draw the missing tiles of a ring around the view range `v`, a few at a time. */
  private schedulePrefetch(
    v: { i0: number; i1: number; j0: number; j1: number },
    pixelRatio: number,
    cap: number,
  ): void {
    if (this.prefetchHandle !== null) cancelIdle(this.prefetchHandle);
    const scale = this.scale;
    const n = PREFETCH_RING;
    if ((v.i1 - v.i0 + 1 + 2 * n) * (v.j1 - v.j0 + 1 + 2 * n) > cap) return;
    this.prefetchHandle = requestIdle((deadline) => {
      this.prefetchHandle = null;
      if (this.scale !== scale || this.source.stage.scaleX() !== scale) return;
      const missing: [number, number][] = [];
      for (let i = v.i0 - n; i <= v.i1 + n; i++)
        for (let j = v.j0 - n; j <= v.j1 + n; j++)
          if (!this.tiles.has(key(i, j))) missing.push([i, j]);
      // (A ring tile an edit touched is drawn again in part when it comes into view.)
      // One tile at a time while the idle period has room for one (a tile's last drawing time):
      // a batch drawn past the period's end took the next frame when a pan had begun. When the
      // wait timed out (no idle period for 500 ms), one tile.
      let drawn = 0;
      for (const ij of missing) {
        const room = deadline.timeRemaining() >= this.tileMs + 1;
        if (!(room || (drawn === 0 && deadline.didTimeout))) break;
        const t0 = performance.now();
        this.render([ij], pixelRatio, false);
        this.tileMs = 0.7 * this.tileMs + 0.3 * (performance.now() - t0);
        drawn++;
      }
      if (missing.length > drawn) this.schedulePrefetch(v, pixelRatio, cap);
    });
  }

  private rebase(scale: number): void {
    this.invalidateAll();
    this.scale = scale;
  }

  private scheduleSettle(): void {
    if (this.settleTimer !== null) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = null;
      const s = this.source.stage.scaleX();
      if (s !== this.scale) {
        this.rebase(s);
        this.onStale();
      }
    }, SETTLE_MS);
  }

  private evict(cap: number): void {
    if (this.tiles.size <= cap) return;
    const byAge = [...this.tiles].sort((a, b) => a[1].used - b[1].used);
    for (const [k, t] of byAge.slice(0, this.tiles.size - cap)) this.drop(k, t);
  }

  /** Stop timers (the canvas unmounts). */
  dispose(): void {
    if (this.settleTimer !== null) clearTimeout(this.settleTimer);
    if (this.prefetchHandle !== null) cancelIdle(this.prefetchHandle);
    this.invalidateAll();
    this.spare = [];
  }

  /**
   * Draw tiles (i, j) of the current tile scale whole (`list`), and the changed region of others
   * (`changed`, each tile's `dirty`): the stage is moved so that the tile's corner is at the
   * origin, the shapes whose box meets the tile or region draw into it (drawShape), and the stage
   * is put back. A region is cleared and clipped on whole device pixels first, so what is drawn
   * there is what a whole drawing of the tile has there. Nothing here asks Konva for a redraw.
   */
  private render(
    list: readonly [number, number][],
    pixelRatio: number,
    newPass = true,
    changed: readonly [number, number][] = [],
  ): void {
    const { stage, layers } = this.source;
    const s = this.scale;
    const saved = { x: stage.x(), y: stage.y(), scale: stage.scaleX() };
    const autoDraw = K.autoDrawEnabled;
    K.autoDrawEnabled = false;
    if (newPass) beginDrawPass(stage);
    const lifted = this.source.lifted?.();
    /** Draw the shapes that meet `r` (tile pixels) of tile (i, j) into `canvas`. */
    const drawInto = (canvas: SceneCanvas, i: number, j: number, r: Region) => {
      stage.position({ x: -i * TILE_PX, y: -j * TILE_PX });
      const box = {
        minX: (i * TILE_PX + r.x0 - BLEED_PX) / s,
        minY: (j * TILE_PX + r.y0 - BLEED_PX) / s,
        maxX: (i * TILE_PX + r.x1 + BLEED_PX) / s,
        maxY: (j * TILE_PX + r.y1 + BLEED_PX) / s,
      };
      for (const layer of layers)
        for (const child of layer.getChildren()) {
          if (lifted?.has(child)) continue;
          const b = this.source.boxOf(child);
          if (b ? aabbOverlap(b, box) : child.isVisible())
            drawShape(child, canvas, this.source.alphaOf?.(child) ?? 1);
        }
    };
    try {
      stage.scale({ x: s, y: s });
      withDrawView(stage, { width: TILE_PX, height: TILE_PX }, () => {
        for (const [i, j] of list) {
          const canvas = this.canvasFor(pixelRatio);
          drawInto(canvas, i, j, { x0: 0, y0: 0, x1: TILE_PX, y1: TILE_PX });
          this.tiles.set(key(i, j), { canvas, used: this.clock, dirty: null });
          if (newPass) this.rendered++;
          else this.prefetched++;
        }
        for (const [i, j] of changed) {
          const t = this.tiles.get(key(i, j));
          const d = t?.dirty;
          if (!t || !d) continue;
          t.dirty = null;
          // Out to whole device pixels: cleared and clipped exactly, with no blended edge.
          const pr = t.canvas.getPixelRatio();
          const r = {
            x0: Math.floor(d.x0 * pr) / pr,
            y0: Math.floor(d.y0 * pr) / pr,
            x1: Math.ceil(d.x1 * pr) / pr,
            y1: Math.ceil(d.y1 * pr) / pr,
          };
          const ctx = t.canvas.getContext()._context;
          ctx.save();
          ctx.clearRect(r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0);
          ctx.beginPath();
          ctx.rect(r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0);
          ctx.clip();
          try {
            drawInto(t.canvas, i, j, r);
          } finally {
            ctx.restore();
          }
          this.repainted++;
        }
      });
    } finally {
      stage.position({ x: saved.x, y: saved.y });
      stage.scale({ x: saved.scale, y: saved.scale });
      K.autoDrawEnabled = autoDraw;
    }
  }

  private canvasFor(pixelRatio: number): SceneCanvas {
    let canvas = this.spare.pop();
    if (!canvas || canvas.getPixelRatio() !== pixelRatio) {
      canvas = new SceneCanvas({ width: TILE_PX, height: TILE_PX, pixelRatio });
    } else canvas.getContext().clear();
    return canvas;
  }
}

/**
 * Draw one shape of the campus layers into a tile: its scene function under its transform, as
 * Konva's own draw does for these shapes (no cache, shadow or opacity; a ghosted element is drawn
 * at the source's alpha), without Konva's visibility test: the view's culling hides what is off
 * screen, and a tile may be off screen.
 */
function drawShape(node: Konva.Node, canvas: SceneCanvas, alpha: number): void {
  if (alpha <= 0) return;
  if (alpha < 1) {
    const ctx = canvas.getContext();
    ctx.save();
    ctx.setAttr('globalAlpha', alpha);
    try {
      drawShape(node, canvas, 1);
    } finally {
      ctx.restore();
    }
    return;
  }
  const shape = node as Konva.Shape;
  type SceneFunc = (this: Konva.Shape, ctx: Konva.Context, shape: Konva.Shape) => void;
  const sceneFunc =
    typeof shape.getSceneFunc === 'function' ? (shape.getSceneFunc() as SceneFunc | null) : null;
  if (!sceneFunc) {
    node.drawScene(canvas);
    return;
  }
  const ctx = canvas.getContext();
  ctx.save();
  const [a, b, c, d, e, f] = shape.getAbsoluteTransform().getMatrix() as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  ctx.transform(a, b, c, d, e, f);
  sceneFunc.call(shape, ctx, shape);
  ctx.restore();
}
