import {
  aabbOverlap,
  DEG,
  rowDepthM,
  rowKwPerRack,
  rowCduCount,
  rowLengthM,
  type AABB,
  type RackRow,
} from '../domain';
import { rowAabbInHall } from '../editor/bounds';
import { RACK_DETAIL_PX } from './draw';
import { CANVAS_COLOURS, kwBandIndex, KW_BANDS } from './palette';

/**
 * Rack rows, drawn by their hall. Konva slows down with the number of nodes it holds even when
 * they are hidden (each camera move walks every node's cached transform), so a hall draws all of
 * its rows in its own shape: rows of one colour are one path and one fill, racks are divided only
 * when they are at least RACK_DETAIL_PX wide on screen, and rows off screen are skipped.
 */
export interface RowGeom {
  readonly id: string;
  /** Centre in the hall frame, metres. */
  readonly x: number;
  readonly y: number;
  readonly cos: number;
  readonly sin: number;
  readonly length: number;
  readonly depth: number;
  readonly racks: number;
  readonly band: number;
  /** In-row CDUs, drawn in the last positions of the row. */
  readonly cdus: number;
  /** Box in the hall frame. */
  readonly box: AABB;
}

export function rowGeoms(rows: readonly RackRow[]): RowGeom[] {
  return rows.map((r) => {
    const rad = r.rotation * DEG;
    const snap = (v: number) => (Math.abs(v - Math.round(v)) < 1e-12 ? Math.round(v) : v);
    return {
      id: r.id,
      x: r.x,
      y: r.y,
      cos: snap(Math.cos(rad)),
      sin: snap(Math.sin(rad)),
      length: rowLengthM(r),
      depth: rowDepthM(r),
      racks: r.rackCount,
      cdus: rowCduCount(r),
      band: kwBandIndex(rowKwPerRack(r)),
      box: rowAabbInHall(r),
    };
  });
}

/** Rows shallower than this on screen (px) are drawn as one block per hall (rowsBlock). */
export const ROW_DETAIL_PX = 2;

/** What a hall shows of its rows when they are too thin to draw one by one. */
export interface RowsBlock {
  /** The rows' box in the hall frame. */
  readonly box: AABB;
  /** The kW band of most racks. */
  readonly band: number;
  /** The deepest row's depth, metres: the block stands in for rows until this is legible. */
  readonly rowDepth: number;
}

export function rowsBlock(geoms: readonly RowGeom[]): RowsBlock | null {
  if (geoms.length === 0) return null;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let rowDepth = 0;
  const racks = KW_BANDS.map(() => 0);
  for (const g of geoms) {
    minX = Math.min(minX, g.box.minX);
    minY = Math.min(minY, g.box.minY);
    maxX = Math.max(maxX, g.box.maxX);
    maxY = Math.max(maxY, g.box.maxY);
    rowDepth = Math.max(rowDepth, g.depth);
    racks[g.band]! += g.racks;
  }
  let band = 0;
  for (let b = 1; b < racks.length; b++) if (racks[b]! > racks[band]!) band = b;
  return { box: { minX, minY, maxX, maxY }, band, rowDepth };
}

/** The row-local u range (along the row) that `view` (hall frame) covers, by its corners. */
function uRange(g: RowGeom, view: AABB): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of [view.minX, view.maxX])
    for (const y of [view.minY, view.maxY]) {
      const u = (x - g.x) * g.cos + (y - g.y) * g.sin;
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
    }
  return [lo, hi];
}

/** Add the row-local rectangle (u0, v0)–(u0 + w, v0 + h) to the current path. */
function rectPath(
  ctx: CanvasRenderingContext2D,
  g: RowGeom,
  u0: number,
  v0: number,
  w: number,
  h: number,
): void {
  if (g.cos === 1 && g.sin === 0) {
    ctx.rect(g.x + u0, g.y + v0, w, h);
    return;
  }
  const at = (u: number, v: number): [number, number] => [
    g.x + u * g.cos - v * g.sin,
    g.y + u * g.sin + v * g.cos,
  ];
  ctx.moveTo(...at(u0, v0));
  ctx.lineTo(...at(u0 + w, v0));
  ctx.lineTo(...at(u0 + w, v0 + h));
  ctx.lineTo(...at(u0, v0 + h));
  ctx.closePath();
}

function segment(
  ctx: CanvasRenderingContext2D,
  g: RowGeom,
  u: number,
  v0: number,
  v1: number,
): void {
  ctx.moveTo(g.x + u * g.cos - v0 * g.sin, g.y + u * g.sin + v0 * g.cos);
  ctx.lineTo(g.x + u * g.cos - v1 * g.sin, g.y + u * g.sin + v1 * g.cos);
}

/**
 * Draw the rows that overlap `view` (a box in the hall frame). The context is in the hall frame.
 * Returns how many rows were drawn.
 */
export function drawRows(
  ctx: CanvasRenderingContext2D,
  geoms: readonly RowGeom[],
  view: AABB,
  pxPerM: number,
  seen?: Set<string>,
): number {
  const buckets: RowGeom[][] = KW_BANDS.map(() => []);
  let drawn = 0;
  for (const g of geoms) {
    if (!aabbOverlap(g.box, view)) continue;
    buckets[g.band]!.push(g);
    seen?.add(g.id);
    drawn++;
  }
  for (let b = 0; b < buckets.length; b++) {
    const list = buckets[b]!;
    if (list.length === 0) continue;
    const band = KW_BANDS[b]!;
    ctx.beginPath();
    for (const g of list) rectPath(ctx, g, -g.length / 2, -g.depth / 2, g.length, g.depth);
    ctx.fillStyle = band.fill;
    ctx.fill();

    let strokes = 0;
    let minRackPx = Infinity;
    ctx.beginPath();
    for (const g of list) {
      const positions = g.racks + g.cdus;
      const rackW = g.length / positions;
      const rackPx = rackW * pxPerM;
      if (rackPx < RACK_DETAIL_PX) continue;
      minRackPx = Math.min(minRackPx, rackPx);
      const u0 = -g.length / 2;
      const v0 = -g.depth / 2;
      rectPath(ctx, g, u0, v0, g.length, g.depth);
      // Racks culled within the row: only the divisions in view.
      const [lo, hi] = uRange(g, view);
      const first = Math.max(1, Math.ceil((lo - u0) / rackW));
      const last = Math.min(positions - 1, Math.floor((hi - u0) / rackW));
      for (let i = first; i <= last; i++) segment(ctx, g, u0 + i * rackW, v0, v0 + g.depth);
      strokes++;
    }
    if (strokes > 0) {
      // Thin divisions while racks are small; 1 px once they are large.
      ctx.lineWidth = Math.min(1, minRackPx / 8) / pxPerM;
      ctx.strokeStyle = band.stroke;
      ctx.stroke();
    }
  }
  // In-row CDUs: their positions at the row's far end, in the coolant colour.
  ctx.beginPath();
  let cdus = 0;
  for (const g of geoms) {
    if (g.cdus <= 0 || !aabbOverlap(g.box, view)) continue;
    const w = (g.length / (g.racks + g.cdus)) * g.cdus;
    rectPath(ctx, g, g.length / 2 - w, -g.depth / 2, w, g.depth);
    cdus++;
  }
  if (cdus > 0) {
    ctx.fillStyle = CANVAS_COLOURS.cduFill;
    ctx.fill();
  }
  return drawn;
}
