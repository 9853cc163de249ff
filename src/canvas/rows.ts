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
): number {
  const buckets: RowGeom[][] = KW_BANDS.map(() => []);
  let drawn = 0;
  for (const g of geoms) {
    if (!aabbOverlap(g.box, view)) continue;
    buckets[g.band]!.push(g);
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
      for (let i = 1; i < positions; i++) segment(ctx, g, u0 + i * rackW, v0, v0 + g.depth);
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
