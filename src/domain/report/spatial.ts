import { turnCos, turnSin, type RotatedRect } from '../geometry';

/**
 * A multi-level grid over axis-aligned boxes, for "which items are near here" without O(n²) scans.
 * Level 0's cell is `cellSize`, level L's 2^L times that; an item goes to the lowest level where
 * its box covers at most `maxCellsPerItem` cells. A query reads, at each level in use, the cells
 * its box covers — or, when it covers more cells than the level has occupied, the occupied cells
 * themselves: so no item is visited by every query, and a huge query box costs at most the
 * occupied cells of each level, not the area it covers.
 */
export class GridIndex {
  /** Per level: cell key → items, and the occupied cells' coordinates. */
  private readonly levels = new Map<
    number,
    { cells: Map<number, number[]>; ix: number[]; iy: number[]; lists: number[][] }
  >();
  private used: number[] = [];
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
    let level = 0;
    let size = this.cellSize;
    let x0 = cellOf(minX, size);
    let x1 = cellOf(maxX, size);
    let y0 = cellOf(minY, size);
    let y1 = cellOf(maxY, size);
    while ((x1 - x0 + 1) * (y1 - y0 + 1) > this.maxCellsPerItem && level < MAX_LEVEL) {
      level++;
      size *= 2;
      x0 = cellOf(minX, size);
      x1 = cellOf(maxX, size);
      y0 = cellOf(minY, size);
      y1 = cellOf(maxY, size);
    }
    let grid = this.levels.get(level);
    if (!grid) {
      grid = { cells: new Map(), ix: [], iy: [], lists: [] };
      this.levels.set(level, grid);
      this.used = [...this.levels.keys()].sort((a, b) => a - b);
    }
    for (let ix = x0; ix <= x1; ix++) {
      for (let iy = y0; iy <= y1; iy++) {
        const key = cellKey(ix, iy);
        const list = grid.cells.get(key);
        if (list) list.push(id);
        else {
          const fresh = [id];
          grid.cells.set(key, fresh);
          grid.ix.push(ix);
          grid.iy.push(iy);
          grid.lists.push(fresh);
        }
      }
    }
  }

  /**
   * Every item whose cells meet the box (a superset of the true hits), once each, into
   * out[0 … n), returning n (entries of `out` past n are left from earlier queries). A list, not a
   * callback: a callback made by each caller would be a new closure per call, and V8 drops the
   * optimized code of closures that die at every full garbage collection, to compile it again on
   * the next hot call. A count, not a list cut to length: emptying an array (length = 0) frees its
   * storage, so every query would allocate it again.
   */
  query(minX: number, minY: number, maxX: number, maxY: number, out: number[]): number {
    let count = 0;
    const mark = ++this.mark;
    const stamp = this.stamp;
    for (const level of this.used) {
      const grid = this.levels.get(level)!;
      const size = this.cellSize * 2 ** level;
      const x0 = cellOf(minX, size);
      const x1 = cellOf(maxX, size);
      const y0 = cellOf(minY, size);
      const y1 = cellOf(maxY, size);
      const scanOccupied = (x1 - x0 + 1) * (y1 - y0 + 1) > grid.ix.length;
      const nx = scanOccupied ? grid.ix.length : x1 - x0 + 1;
      const ny = scanOccupied ? 1 : y1 - y0 + 1;
      // One loop for both ways of reading a level.
      for (let a = 0; a < nx; a++) {
        for (let b = 0; b < ny; b++) {
          gridIndexWork.cells++;
          let list: number[] | undefined;
          if (scanOccupied) {
            const ix = grid.ix[a]!;
            const iy = grid.iy[a]!;
            if (ix < x0 || ix > x1 || iy < y0 || iy > y1) continue;
            list = grid.lists[a]!;
          } else {
            list = grid.cells.get(cellKey(x0 + a, y0 + b));
            if (!list) continue;
          }
          for (let k = 0; k < list.length; k++) {
            const id = list[k]!;
            gridIndexWork.visits++;
            if (stamp[id] === mark) continue;
            stamp[id] = mark;
            out[count++] = id;
          }
        }
      }
    }
    return count;
  }
}

/** Levels above this hold whatever is left (only an unbounded box gets there). */
const MAX_LEVEL = 64;

/** Work counters for the tests' linear-growth assertions: cells read and entries read by queries. */
export const gridIndexWork = { cells: 0, visits: 0 };

// Coordinates are within ±100 km (plus element sizes), so cell indices stay far below 2^21 for
// cells ≥ 0.5 m and the far key stays an exact integer below 2^30 + 2^44.
const OFFSET = 2 ** 21;
const SPAN = 2 ** 22;
/** Cells within ±NEAR of the origin on both axes get a near key: |ix · NEAR_SPAN + iy| < 2^30. */
const NEAR = 2 ** 14 - 1;
const NEAR_SPAN = 2 ** 15;
const FAR_BASE = 2 ** 30;
function cellOf(v: number, size: number): number {
  return Math.floor(v / size);
}
/**
 * A distinct number per cell. A near cell's key is a small integer (V8 keeps it unboxed: a Map
 * look-up with it allocates nothing, where a key past 2^30 is a heap number each time); a far
 * cell's key is at least 2^30, above every near key.
 */
export function cellKey(ix: number, iy: number): number {
  if (ix >= -NEAR && ix <= NEAR && iy >= -NEAR && iy <= NEAR) return ix * NEAR_SPAN + iy;
  return FAR_BASE + (ix + OFFSET) * SPAN + (iy + OFFSET);
}

/**
 * A grid cell size of about the median item extent (so a typical item covers a few cells): the
 * median, not the mean, so a few very long items cannot make every cell hold thousands of short ones.
 */
export function pickCellSize(extents: ArrayLike<number>, min: number): number {
  const kept: number[] = [];
  for (let i = 0; i < extents.length; i++) if (Number.isFinite(extents[i])) kept.push(extents[i]!);
  if (kept.length === 0) return min;
  const finite = Float64Array.from(kept).sort();
  return Math.max(min, finite[finite.length >> 1]!);
}

/** cos/sin of a clockwise rotation, with exact quarter turns snapped (geometry's `rotate`'s). */
export function cosSin(deg: number): [number, number] {
  return [turnCos(deg), turnSin(deg)];
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
  const c = turnCos(r.rotation);
  const s = turnSin(r.rotation);
  const hw = r.width / 2;
  const hd = r.depth / 2;
  const ex = spanX(hw, hd, c, s);
  const ey = spanY(hw, hd, c, s);
  return new Prepared(r.x, r.y, hw, hd, c, s, r.x - ex, r.y - ey, r.x + ex, r.y + ey);
}

/**
 * prepareRect's bounds (minX, minY, maxX, maxY, the same arithmetic) into out[at … at + 3],
 * without making an object: for the loops over every row of a report from scratch.
 */
export function rectBoundsInto(r: RotatedRect, out: Float64Array, at: number): void {
  const c = turnCos(r.rotation);
  const s = turnSin(r.rotation);
  const hw = r.width / 2;
  const hd = r.depth / 2;
  const ex = spanX(hw, hd, c, s);
  const ey = spanY(hw, hd, c, s);
  out[at] = r.x - ex;
  out[at + 1] = r.y - ey;
  out[at + 2] = r.x + ex;
  out[at + 3] = r.y + ey;
}

/** Half the extent along x, and along y, of a rectangle of half sizes hw, hd turned by (c, s). */
function spanX(hw: number, hd: number, c: number, s: number): number {
  return hw * Math.abs(c) + hd * Math.abs(s);
}
function spanY(hw: number, hd: number, c: number, s: number): number {
  return hw * Math.abs(s) + hd * Math.abs(c);
}

/**
 * A constructor, not an object literal: V8 moves the objects of an object literal that outlive a
 * minor garbage collection to slower old-space allocation, and a report from scratch prepares
 * thousands of these.
 */
class Prepared implements PreparedRect {
  declare readonly cx: number;
  declare readonly cy: number;
  declare readonly hw: number;
  declare readonly hd: number;
  declare readonly cos: number;
  declare readonly sin: number;
  declare readonly minX: number;
  declare readonly minY: number;
  declare readonly maxX: number;
  declare readonly maxY: number;

  constructor(
    cx: number,
    cy: number,
    hw: number,
    hd: number,
    cos: number,
    sin: number,
    minX: number,
    minY: number,
    maxX: number,
    maxY: number,
  ) {
    this.cx = cx;
    this.cy = cy;
    this.hw = hw;
    this.hd = hd;
    this.cos = cos;
    this.sin = sin;
    this.minX = minX;
    this.minY = minY;
    this.maxX = maxX;
    this.maxY = maxY;
  }
}

/** Is (x, y) inside the rectangle or within `tol` metres outside an edge (square corners)? */
export function preparedContains(r: PreparedRect, x: number, y: number, tol = 0): boolean {
  const dx = x - r.cx;
  const dy = y - r.cy;
  const lx = dx * r.cos + dy * r.sin;
  const ly = -dx * r.sin + dy * r.cos;
  return Math.abs(lx) <= r.hw + tol && Math.abs(ly) <= r.hd + tol;
}

/**
 * Is (x, y) within `d` of the rectangle's area (preparedDistance ≤ d)? A point farther than d
 * along either of the rectangle's axes is not, since Math.hypot(a, b) ≥ max(a, b): most points a
 * grid look-up offers are decided without Math.hypot.
 */
export function preparedWithin(r: PreparedRect, x: number, y: number, d: number): boolean {
  const dx = x - r.cx;
  const dy = y - r.cy;
  if (Math.abs(dx * r.cos + dy * r.sin) - r.hw > d) return false;
  if (Math.abs(-dx * r.sin + dy * r.cos) - r.hd > d) return false;
  return preparedDistance(r, x, y) <= d;
}

/** Distance from (x, y) to the rectangle's area (0 inside). */
export function preparedDistance(r: PreparedRect, x: number, y: number): number {
  const dx = x - r.cx;
  const dy = y - r.cy;
  const lx = Math.abs(dx * r.cos + dy * r.sin) - r.hw;
  const ly = Math.abs(-dx * r.sin + dy * r.cos) - r.hd;
  // Math.hypot(a, 0) is exactly a: only a point off a corner needs it (V8 calls it with its
  // arguments boxed, so each call allocates).
  if (!(lx > 0)) return ly > 0 ? ly : 0;
  if (!(ly > 0)) return lx;
  return Math.hypot(lx, ly);
}

/**
 * Does the segment from (x0, y0) along (dx, dy), t ∈ [0, 1], meet the box |x| ≤ hw, |y| ≤ hd (in
 * the box's own frame)? With `open`, the box is open: the segment must pass strictly inside it,
 * so a segment that only touches an edge, runs along one or grazes a corner does not count.
 */
function segmentMeetsBox(
  x0: number,
  y0: number,
  dx: number,
  dy: number,
  hw: number,
  hd: number,
  open: boolean,
): boolean {
  let lo = 0;
  let hi = 1;
  if (dx === 0) {
    if (open ? !(Math.abs(x0) < hw) : !(Math.abs(x0) <= hw)) return false;
  } else {
    const t1 = (-hw - x0) / dx;
    const t2 = (hw - x0) / dx;
    lo = Math.max(lo, Math.min(t1, t2));
    hi = Math.min(hi, Math.max(t1, t2));
  }
  if (dy === 0) {
    if (open ? !(Math.abs(y0) < hd) : !(Math.abs(y0) <= hd)) return false;
  } else {
    const t1 = (-hd - y0) / dy;
    const t2 = (hd - y0) / dy;
    lo = Math.max(lo, Math.min(t1, t2));
    hi = Math.min(hi, Math.max(t1, t2));
  }
  return open ? lo < hi : lo <= hi;
}

/**
 * Does the segment (ax, ay)–(bx, by) pass through the rectangle's interior, deeper than `margin`
 * metres from every edge? Touching an edge, running along it or grazing a corner does not count.
 */
export function segmentEntersRect(
  r: PreparedRect,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  margin: number,
): boolean {
  const hw = r.hw - margin;
  const hd = r.hd - margin;
  if (!(hw > 0 && hd > 0)) return false;
  const ux = ax - r.cx;
  const uy = ay - r.cy;
  const vx = bx - r.cx;
  const vy = by - r.cy;
  const x0 = ux * r.cos + uy * r.sin;
  const y0 = -ux * r.sin + uy * r.cos;
  const x1 = vx * r.cos + vy * r.sin;
  const y1 = -vx * r.sin + vy * r.cos;
  return segmentMeetsBox(x0, y0, x1 - x0, y1 - y0, hw, hd, true);
}

/**
 * Distance between the segment (ax, ay)–(bx, by) and the rectangle's area: 0 when they meet, else
 * the least distance between the segment and the rectangle's edges, which is reached at an end of
 * one of them (an end of the segment, or a corner of the rectangle).
 */
export function segmentRectDistance(
  r: PreparedRect,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const ux = ax - r.cx;
  const uy = ay - r.cy;
  const vx = bx - r.cx;
  const vy = by - r.cy;
  const x0 = ux * r.cos + uy * r.sin;
  const y0 = -ux * r.sin + uy * r.cos;
  const x1 = vx * r.cos + vy * r.sin;
  const y1 = -vx * r.sin + vy * r.cos;
  const dx = x1 - x0;
  const dy = y1 - y0;
  const { hw, hd } = r;
  if (segmentMeetsBox(x0, y0, dx, dy, hw, hd, false)) return 0;
  let best2 = Math.min(boxDistance2(x0, y0, hw, hd), boxDistance2(x1, y1, hw, hd));
  const len2 = dx * dx + dy * dy;
  for (let k = 0; k < 4; k++) {
    const cx = k === 0 || k === 3 ? -hw : hw;
    const cy = k < 2 ? -hd : hd;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((cx - x0) * dx + (cy - y0) * dy) / len2));
    const ex = cx - (x0 + dx * t);
    const ey = cy - (y0 + dy * t);
    best2 = Math.min(best2, ex * ex + ey * ey);
  }
  return Math.sqrt(best2);
}

/** Squared distance from (x, y) to the box |x| ≤ hw, |y| ≤ hd. */
function boxDistance2(x: number, y: number, hw: number, hd: number): number {
  const ex = Math.max(Math.abs(x) - hw, 0);
  const ey = Math.max(Math.abs(y) - hd, 0);
  return ex * ex + ey * ey;
}
