import { DEG, type RotatedRect } from '../geometry';

/**
 * A uniform grid over axis-aligned boxes, for "which items are near here" without O(n²) scans.
 * Items that would cover too many cells go to an `oversize` list that every query visits.
 */
export class GridIndex {
  private readonly cells = new Map<number, number[]>();
  private readonly oversize: number[] = [];
  private stamp: Int32Array;
  private mark = 0;

  constructor(
    private readonly cellSize: number,
    capacity: number,
    private readonly maxCellsPerItem = 256,
  ) {
    this.stamp = new Int32Array(Math.max(capacity, 1));
  }

  insert(id: number, minX: number, minY: number, maxX: number, maxY: number): void {
    if (id >= this.stamp.length) {
      const grown = new Int32Array(Math.max(id + 1, this.stamp.length * 2));
      grown.set(this.stamp);
      this.stamp = grown;
    }
    const x0 = cellOf(minX, this.cellSize);
    const x1 = cellOf(maxX, this.cellSize);
    const y0 = cellOf(minY, this.cellSize);
    const y1 = cellOf(maxY, this.cellSize);
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > this.maxCellsPerItem) {
      this.oversize.push(id);
      return;
    }
    for (let ix = x0; ix <= x1; ix++) {
      for (let iy = y0; iy <= y1; iy++) {
        const key = cellKey(ix, iy);
        const list = this.cells.get(key);
        if (list) list.push(id);
        else this.cells.set(key, [id]);
      }
    }
  }

  /** Calls `visit` once for every item whose cells meet the box (a superset of the true hits). */
  query(minX: number, minY: number, maxX: number, maxY: number, visit: (id: number) => void): void {
    const mark = ++this.mark;
    const stamp = this.stamp;
    for (const id of this.oversize) {
      stamp[id] = mark;
      visit(id);
    }
    const x0 = cellOf(minX, this.cellSize);
    const x1 = cellOf(maxX, this.cellSize);
    const y0 = cellOf(minY, this.cellSize);
    const y1 = cellOf(maxY, this.cellSize);
    for (let ix = x0; ix <= x1; ix++) {
      for (let iy = y0; iy <= y1; iy++) {
        const list = this.cells.get(cellKey(ix, iy));
        if (!list) continue;
        for (const id of list) {
          if (stamp[id] === mark) continue;
          stamp[id] = mark;
          visit(id);
        }
      }
    }
  }
}

// Coordinates are within ±100 km (plus element sizes), so cell indices stay far below 2^21 for
// cells ≥ 0.5 m and the key stays an exact integer below 2^44.
const OFFSET = 2 ** 21;
const SPAN = 2 ** 22;
function cellOf(v: number, size: number): number {
  return Math.floor(v / size);
}
export function cellKey(ix: number, iy: number): number {
  return (ix + OFFSET) * SPAN + (iy + OFFSET);
}

/** A grid cell size of about the mean item extent (so a typical item covers a few cells). */
export function pickCellSize(extents: ArrayLike<number>, min: number): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < extents.length; i++) {
    const e = extents[i]!;
    if (Number.isFinite(e)) {
      sum += e;
      n++;
    }
  }
  const mean = n > 0 ? sum / n : min;
  return Math.max(min, mean);
}

/** cos/sin of a clockwise rotation, with exact quarter turns snapped like geometry's `rotate`. */
export function cosSin(deg: number): [number, number] {
  if (deg === 0) return [1, 0];
  const r = deg * DEG;
  return [snapUnit(Math.cos(r)), snapUnit(Math.sin(r))];
}
function snapUnit(v: number): number {
  const rounded = Math.round(v);
  return Math.abs(v - rounded) < 1e-12 ? rounded : v;
}

/** A rotated rectangle with its trigonometry done once, for hot loops. */
export interface PreparedRect {
  readonly cx: number;
  readonly cy: number;
  readonly hw: number;
  readonly hd: number;
  readonly cos: number;
  readonly sin: number;
  /** Axis-aligned bounds. */
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

export function prepareRect(r: RotatedRect): PreparedRect {
  const [c, s] = cosSin(r.rotation);
  const hw = r.width / 2;
  const hd = r.depth / 2;
  const ex = hw * Math.abs(c) + hd * Math.abs(s);
  const ey = hw * Math.abs(s) + hd * Math.abs(c);
  return {
    cx: r.x,
    cy: r.y,
    hw,
    hd,
    cos: c,
    sin: s,
    minX: r.x - ex,
    minY: r.y - ey,
    maxX: r.x + ex,
    maxY: r.y + ey,
  };
}

/** Is (x, y) inside the rectangle or within `tol` metres outside an edge (square corners)? */
export function preparedContains(r: PreparedRect, x: number, y: number, tol = 0): boolean {
  const dx = x - r.cx;
  const dy = y - r.cy;
  const lx = dx * r.cos + dy * r.sin;
  const ly = -dx * r.sin + dy * r.cos;
  return Math.abs(lx) <= r.hw + tol && Math.abs(ly) <= r.hd + tol;
}

/** Distance from (x, y) to the rectangle's area (0 inside). */
export function preparedDistance(r: PreparedRect, x: number, y: number): number {
  const dx = x - r.cx;
  const dy = y - r.cy;
  const lx = Math.abs(dx * r.cos + dy * r.sin) - r.hw;
  const ly = Math.abs(-dx * r.sin + dy * r.cos) - r.hd;
  return Math.hypot(Math.max(lx, 0), Math.max(ly, 0));
}

/** Is (x, y) strictly inside the rectangle, more than `margin` metres from every edge? */
export function preparedStrictlyContains(
  r: PreparedRect,
  x: number,
  y: number,
  margin: number,
): boolean {
  const dx = x - r.cx;
  const dy = y - r.cy;
  const lx = dx * r.cos + dy * r.sin;
  const ly = -dx * r.sin + dy * r.cos;
  return Math.abs(lx) < r.hw - margin && Math.abs(ly) < r.hd - margin;
}
