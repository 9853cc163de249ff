import type { FiberTrench } from '../kinds';
import { cellKey, GridIndex, pickCellSize, type PreparedRect } from './spatial';

/** Trench vertices closer than this are one node (docs/rules.md rule 6). */
export const MERGE_M = 1;
/** A trench endpoint within this of another trench's segment joins it there (a T-junction). */
export const JOIN_M = 1;
/** A hall attaches at every trench vertex inside its footprint or within this of its edge. */
export const ATTACH_M = 1;

/**
 * The fiber network as a graph of the trenches alone. Vertices are the trenches' points in file
 * order (trench by trench); nodes are merged vertices; edges follow the trench segments, split
 * where other trenches join. Adjacency is in CSR form: the neighbours of node v are
 * adjTo[adjStart[v] .. adjStart[v + 1]).
 *
 * Halls are not part of it: a hall attaches at nodes (its vertices) and at points along pieces
 * (where a segment crosses its edge: `footprintCrossings`). So the graph, and every distance
 * between nodes, stays the same when a hall moves.
 */
export interface FiberGraph {
  readonly vertexCount: number;
  readonly vx: Float64Array;
  readonly vy: Float64Array;
  readonly vertexNode: Int32Array;
  readonly nodeCount: number;
  readonly adjStart: Int32Array;
  readonly adjTo: Int32Array;
  readonly adjLen: Float64Array;
  /** The undirected edge id of each adjacency entry (both directions share it). */
  readonly adjEdge: Int32Array;
  readonly edgeCount: number;
  /** Segment s runs from vertex segStart[s] to segStart[s] + 1 of the same trench. */
  readonly segStart: Int32Array;
  /** Per segment: its length, and its pieces pieceStart[s] .. pieceStart[s + 1]. */
  readonly segLen: Float64Array;
  readonly pieceStart: Int32Array;
  /**
   * Per piece (the stretch of a segment between two of its nodes, in order along it): where it
   * starts and ends along the segment (t in [0, 1]) and its end nodes. A piece whose ends are
   * one node (or of length 0) still exists here, though it adds no edge.
   */
  readonly pieceT0: Float64Array;
  readonly pieceT1: Float64Array;
  readonly pieceFrom: Int32Array;
  readonly pieceTo: Int32Array;
  /** Per piece: its length in metres (its edge's length). */
  readonly pieceLen: Float64Array;
  /** The vertices (ids) and the segments' pieces (ids: segment index) in grids, for look-ups. */
  readonly vertexGrid: GridIndex;
  readonly segmentGrid: GridIndex;
}

/**
 * The part of the fiber graph found before its edges: the trenches' vertices, merged into nodes,
 * their segments and the T-junctions that split them.
 */
export interface TrenchNetwork {
  readonly vCount: number;
  readonly vx: Float64Array;
  readonly vy: Float64Array;
  readonly vertexNode: Int32Array;
  readonly nodeCount: number;
  /** Segment s runs from vertex segStart[s] to segStart[s] + 1 of the same trench. */
  readonly segStart: readonly number[];
  /** Per segment: the junction nodes that split it. */
  readonly junctions: ReadonlyMap<number, readonly Join[]>;
}

export function trenchNetwork(trenches: readonly FiberTrench[]): TrenchNetwork {
  // Vertices, trench by trench.
  const first = new Int32Array(trenches.length + 1);
  for (let t = 0; t < trenches.length; t++) first[t + 1] = first[t]! + trenches[t]!.points.length;
  const vCount = first[trenches.length]!;
  const vx = new Float64Array(vCount);
  const vy = new Float64Array(vCount);
  const trenchOf = new Int32Array(vCount);
  for (let t = 0; t < trenches.length; t++) {
    const pts = trenches[t]!.points;
    for (let k = 0; k < pts.length; k++) {
      const v = first[t]! + k;
      vx[v] = pts[k]![0];
      vy[v] = pts[k]![1];
      trenchOf[v] = t;
    }
  }

  const vertexNode = mergeVertices(vx, vy);
  let nodeCount = 0;
  for (let v = 0; v < vCount; v++) nodeCount = Math.max(nodeCount, vertexNode[v]! + 1);

  // Segments: segment s runs from vertex segStart[s] to segStart[s] + 1 of the same trench.
  const segStart: number[] = [];
  for (let t = 0; t < trenches.length; t++)
    for (let v = first[t]!; v < first[t + 1]! - 1; v++) segStart.push(v);

  const junctions = findJunctions(trenches, first, vx, vy, trenchOf, vertexNode, segStart);
  return { vCount, vx, vy, vertexNode, nodeCount, segStart, junctions };
}

/** The vertex grid's cell side at most, in metres. */
const VERTEX_CELL_MAX_M = 64;

/** A long segment goes into the segment grid in at most this many pieces (each a box). */
const MAX_GRID_PIECES = 64;

/** The fiber graph of rule 6 (docs/rules.md), from the trenches alone. */
export function buildFiberGraph(
  trenches: readonly FiberTrench[],
  base: TrenchNetwork = trenchNetwork(trenches),
): FiberGraph {
  const { vCount, vx, vy, vertexNode, nodeCount } = base;
  const segCount = base.segStart.length;
  const segStart = Int32Array.from(base.segStart);

  // Pieces along every segment, through the nodes that join it, in order along it; an edge for
  // each piece between two different nodes.
  const segLen = new Float64Array(segCount);
  const pieceStart = new Int32Array(segCount + 1);
  const t0: number[] = [];
  const t1: number[] = [];
  const pFrom: number[] = [];
  const pTo: number[] = [];
  const pLen: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const len: number[] = [];
  const addPiece = (a: number, b: number, ta: number, tb: number, l: number) => {
    t0.push(ta);
    t1.push(tb);
    pFrom.push(a);
    pTo.push(b);
    pLen.push(l);
    if (a === b) return;
    from.push(a);
    to.push(b);
    len.push(l);
  };
  for (let s = 0; s < segCount; s++) {
    const a = segStart[s]!;
    const b = a + 1;
    const length = Math.hypot(vx[b]! - vx[a]!, vy[b]! - vy[a]!);
    segLen[s] = length;
    const joins = base.junctions.get(s)?.slice();
    let prev = vertexNode[a]!;
    let prevT = 0;
    if (joins) {
      joins.sort((p, q) => p.t - q.t || p.node - q.node);
      for (const j of joins) {
        addPiece(prev, j.node, prevT, j.t, (j.t - prevT) * length);
        prev = j.node;
        prevT = j.t;
      }
    }
    addPiece(prev, vertexNode[b]!, prevT, 1, (1 - prevT) * length);
    pieceStart[s + 1] = t0.length;
  }

  // CSR adjacency, both directions.
  const adjStart = new Int32Array(nodeCount + 1);
  for (let e = 0; e < from.length; e++) {
    adjStart[from[e]! + 1]!++;
    adjStart[to[e]! + 1]!++;
  }
  for (let v = 0; v < nodeCount; v++) adjStart[v + 1]! += adjStart[v]!;
  const fill = adjStart.slice(0, nodeCount);
  const adjTo = new Int32Array(from.length * 2);
  const adjLen = new Float64Array(from.length * 2);
  const adjEdge = new Int32Array(from.length * 2);
  for (let e = 0; e < from.length; e++) {
    const a = from[e]!;
    const b = to[e]!;
    adjTo[fill[a]!] = b;
    adjEdge[fill[a]!] = e;
    adjLen[fill[a]!++] = len[e]!;
    adjTo[fill[b]!] = a;
    adjEdge[fill[b]!] = e;
    adjLen[fill[b]!++] = len[e]!;
  }

  // Look-up grids: segments in pieces about a typical segment long; vertices (points, looked up
  // by hall footprints) in cells of at most VERTEX_CELL_MAX_M, so a footprint meets few of them.
  const cell = pickCellSize(segLen, 8);
  const vertexGrid = new GridIndex(Math.min(cell, VERTEX_CELL_MAX_M), vCount);
  for (let v = 0; v < vCount; v++) vertexGrid.insert(v, vx[v]!, vy[v]!, vx[v]!, vy[v]!);
  const segmentGrid = new GridIndex(cell, segCount);
  for (let s = 0; s < segCount; s++) {
    const a = segStart[s]!;
    const ax = vx[a]!;
    const ay = vy[a]!;
    const dx = vx[a + 1]! - ax;
    const dy = vy[a + 1]! - ay;
    const pieces = Math.min(MAX_GRID_PIECES, Math.max(1, Math.ceil(segLen[s]! / cell)));
    for (let k = 0; k < pieces; k++) {
      const x0 = ax + (dx * k) / pieces;
      const y0 = ay + (dy * k) / pieces;
      const x1 = ax + (dx * (k + 1)) / pieces;
      const y1 = ay + (dy * (k + 1)) / pieces;
      segmentGrid.insert(s, Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
    }
  }

  return {
    vertexCount: vCount,
    vx,
    vy,
    vertexNode,
    nodeCount,
    adjStart,
    adjTo,
    adjLen,
    adjEdge,
    edgeCount: from.length,
    segStart,
    segLen,
    pieceStart,
    pieceT0: Float64Array.from(t0),
    pieceT1: Float64Array.from(t1),
    pieceFrom: Int32Array.from(pFrom),
    pieceTo: Int32Array.from(pTo),
    pieceLen: Float64Array.from(pLen),
    vertexGrid,
    segmentGrid,
  };
}

/** Where a trench segment crosses a hall's edge: the piece, and metres along it from its start. */
export interface Crossing {
  readonly piece: number;
  readonly along: number;
  readonly x: number;
  readonly y: number;
}

/**
 * Every point where a trench segment crosses the edge of the footprint (rule 6), except within
 * ATTACH_M of the segment's ends: the end vertex there is within ATTACH_M of the edge and attaches
 * by itself. A segment that only touches a corner or runs along an edge crosses nothing. In order
 * of segment, then along it. `budget.tests` (segments tested) and `budget.crossings` are spent as
 * it goes; when either runs out it stops, and returns what it found with `complete` false.
 */
export function footprintCrossings(
  graph: FiberGraph,
  r: PreparedRect,
  budget: { tests: number; crossings: number },
): { crossings: Crossing[]; tests: number; complete: boolean } {
  const { segStart, vx, vy, segLen } = graph;
  const found: { s: number; u: number }[] = [];
  let tests = 0;
  if (budget.tests <= 0 || budget.crossings <= 0) return { crossings: [], tests, complete: false };
  let complete = true;
  // The grid gives each segment once per query, however many of its pieces meet the box.
  const segments: number[] = [];
  const nSegments = graph.segmentGrid.query(r.minX, r.minY, r.maxX, r.maxY, segments);
  const at = new Float64Array(2);
  for (let q = 0; q < nSegments && complete; q++) {
    const s = segments[q]!;
    if (budget.tests <= 0) {
      complete = false;
      break;
    }
    budget.tests--;
    tests++;
    crossingWork.tests++;
    const len = segLen[s]!;
    if (!(len > 2 * ATTACH_M)) continue;
    const a = segStart[s]!;
    const ax = vx[a]!;
    const ay = vy[a]!;
    const m = edgeCrossings(r, ax, ay, vx[a + 1]! - ax, vy[a + 1]! - ay, at);
    for (let j = 0; j < m; j++) {
      const u = at[j]!;
      // Crossings near an end: that end vertex attaches already.
      if (u * len < ATTACH_M || (1 - u) * len < ATTACH_M) continue;
      if (budget.crossings <= 0) {
        complete = false;
        break;
      }
      budget.crossings--;
      found.push({ s, u });
    }
  }
  found.sort(bySegmentThenAlong);
  const crossings: Crossing[] = [];
  for (const { s, u } of found) {
    // The piece of the segment that holds u: the last one starting at or before it (a binary
    // search, since a segment may be split by many junctions).
    let k = graph.pieceStart[s]!;
    let hi = graph.pieceStart[s + 1]! - 1;
    while (k < hi) {
      const mid = (k + hi + 1) >> 1;
      if (graph.pieceT0[mid]! <= u) k = mid;
      else hi = mid - 1;
    }
    const a = segStart[s]!;
    crossings.push({
      piece: k,
      along: (u - graph.pieceT0[k]!) * segLen[s]!,
      x: vx[a]! + (vx[a + 1]! - vx[a]!) * u,
      y: vy[a]! + (vy[a + 1]! - vy[a]!) * u,
    });
  }
  return { crossings, tests, complete };
}

function bySegmentThenAlong(p: { s: number; u: number }, q: { s: number; u: number }): number {
  return p.s - q.s || p.u - q.u;
}

/**
 * Segment–footprint pairs tested for crossings, and crossings made, per report, at most
 * (docs/limits.md): a hostile file of thousands of distinct halls stacked on thousands of
 * segments would otherwise make millions of crossings. Past either, the halls not yet crossed
 * (in file order) attach by their vertices only.
 */
export const CROSSING_BUDGET = 2_000_000;
export const MAX_CROSSINGS = 200_000;

/**
 * Where the segment (ax, ay) + t (dx, dy), t ∈ [0, 1], crosses the rectangle's edge: it enters at
 * t0 when it starts outside, and leaves at t1 when it ends outside (Liang–Barsky in the
 * rectangle's frame). A segment that only grazes the rectangle (t0 = t1) crosses nothing. Writes
 * the crossings' t into `out` in order and returns how many there are (0, 1 or 2).
 */
function edgeCrossings(
  r: PreparedRect,
  ax: number,
  ay: number,
  dx: number,
  dy: number,
  out: Float64Array,
): number {
  const ux = ax - r.cx;
  const uy = ay - r.cy;
  const x0 = ux * r.cos + uy * r.sin;
  const y0 = -ux * r.sin + uy * r.cos;
  const ldx = dx * r.cos + dy * r.sin;
  const ldy = -dx * r.sin + dy * r.cos;
  let lo = 0;
  let hi = 1;
  if (ldx === 0) {
    if (!(Math.abs(x0) < r.hw)) return 0;
  } else {
    const t1 = (-r.hw - x0) / ldx;
    const t2 = (r.hw - x0) / ldx;
    lo = Math.max(lo, Math.min(t1, t2));
    hi = Math.min(hi, Math.max(t1, t2));
  }
  if (ldy === 0) {
    if (!(Math.abs(y0) < r.hd)) return 0;
  } else {
    const t1 = (-r.hd - y0) / ldy;
    const t2 = (r.hd - y0) / ldy;
    lo = Math.max(lo, Math.min(t1, t2));
    hi = Math.min(hi, Math.max(t1, t2));
  }
  if (!(lo < hi)) return 0;
  let m = 0;
  if (lo > 0) out[m++] = lo;
  if (hi < 1) out[m++] = hi;
  return m;
}

/** Work counter for the tests' linear-growth assertions: segment–footprint pairs tested. */
export const crossingWork = { tests: 0 };

/**
 * Cell side of the merge grid: any two points in one cell are closer than MERGE_M (the cell's
 * diagonal is MERGE_M, less a hair so rounding can never stretch it to MERGE_M), so a cell's
 * points are one node without comparing them. A point within MERGE_M of another lies in one of
 * the 5 × 5 cells around it.
 */
const MERGE_CELL = (MERGE_M / Math.SQRT2) * (1 - 1e-9);
const MERGE_REACH = Math.ceil(MERGE_M / MERGE_CELL);
/**
 * Cells per side of mergeVertices' blocks: with 2 × MERGE_REACH of them, a point's neighbourhood
 * (2 × MERGE_REACH + 1 cells a side) meets at most 2 blocks a side.
 */
const MERGE_BLOCK = 2 * MERGE_REACH;

/**
 * Vertices closer than MERGE_M are one node (transitively). Node ids follow the first vertex of
 * each group in file order. Union-find over a grid: identical points are merged first (so a
 * pile of copies costs one look-up each); a point joins its cell's group on insertion; and it
 * is compared with the points of a nearby cell only while that cell is in another group and its
 * bounding box is within reach, stopping at the first point closer than MERGE_M. A pile of
 * thousands of points within a few metres therefore costs about linear time, not quadratic.
 * Exported for the brute-force comparison in fiberGraph.test.ts.
 */
export function mergeVertices(vx: Float64Array, vy: Float64Array): Int32Array {
  const n = vx.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;

  const same = firstCopies(vx, vy);
  // Cells: their points (distinct ones) and bounding boxes, in flat growable arrays.
  const cellOfKey = new Map<number, number>();
  const cellHead: number[] = []; // first point of the cell's list
  const cellMinX: number[] = [];
  const cellMinY: number[] = [];
  const cellMaxX: number[] = [];
  const cellMaxY: number[] = [];
  const nextInCell = new Int32Array(n).fill(-1);
  // Blocks of MERGE_BLOCK × MERGE_BLOCK cells holding a point: a point whose neighbourhood (at most
  // 2 × 2 blocks) holds none has no cell to look up (most trench vertices stand alone).
  const blocks = new Set<number>();
  for (let i = 0; i < n; i++) {
    if (same[i] !== i) {
      union(parent, i, same[i]!);
      continue;
    }
    const x = vx[i]!;
    const y = vy[i]!;
    const ix = Math.floor(x / MERGE_CELL);
    const iy = Math.floor(y / MERGE_CELL);
    const bx0 = Math.floor((ix - MERGE_REACH) / MERGE_BLOCK);
    const bx1 = Math.floor((ix + MERGE_REACH) / MERGE_BLOCK);
    const by0 = Math.floor((iy - MERGE_REACH) / MERGE_BLOCK);
    const by1 = Math.floor((iy + MERGE_REACH) / MERGE_BLOCK);
    const near =
      blocks.has(cellKey(bx0, by0)) ||
      blocks.has(cellKey(bx1, by0)) ||
      blocks.has(cellKey(bx0, by1)) ||
      blocks.has(cellKey(bx1, by1));
    blocks.add(cellKey(Math.floor(ix / MERGE_BLOCK), Math.floor(iy / MERGE_BLOCK)));
    for (let dx = -MERGE_REACH; near && dx <= MERGE_REACH; dx++) {
      for (let dy = -MERGE_REACH; dy <= MERGE_REACH; dy++) {
        const c = cellOfKey.get(cellKey(ix + dx, iy + dy));
        if (c === undefined) continue;
        const head = cellHead[c]!;
        if (dx === 0 && dy === 0) {
          union(parent, i, head);
          continue;
        }
        if (find(parent, head) === find(parent, i)) continue;
        // Nearest the cell's bounding box can be: no point of it is closer.
        const ex = Math.max(cellMinX[c]! - x, x - cellMaxX[c]!, 0);
        const ey = Math.max(cellMinY[c]! - y, y - cellMaxY[c]!, 0);
        if (Math.hypot(ex, ey) >= MERGE_M) continue;
        for (let j = head; j >= 0; j = nextInCell[j]!) {
          gridWork.merges++;
          if (Math.hypot(x - vx[j]!, y - vy[j]!) < MERGE_M) {
            union(parent, i, j);
            break;
          }
        }
      }
    }
    const key = cellKey(ix, iy);
    const c = cellOfKey.get(key);
    if (c === undefined) {
      cellOfKey.set(key, cellHead.length);
      cellHead.push(i);
      cellMinX.push(x);
      cellMinY.push(y);
      cellMaxX.push(x);
      cellMaxY.push(y);
    } else {
      nextInCell[i] = cellHead[c]!;
      cellHead[c] = i;
      cellMinX[c] = Math.min(cellMinX[c]!, x);
      cellMinY[c] = Math.min(cellMinY[c]!, y);
      cellMaxX[c] = Math.max(cellMaxX[c]!, x);
      cellMaxY[c] = Math.max(cellMaxY[c]!, y);
    }
  }
  const nodeOfRoot = new Int32Array(n).fill(-1);
  const vertexNode = new Int32Array(n);
  let nodes = 0;
  for (let i = 0; i < n; i++) {
    const r = find(parent, i);
    if (nodeOfRoot[r]! < 0) nodeOfRoot[r] = nodes++;
    vertexNode[i] = nodeOfRoot[r]!;
  }
  return vertexNode;
}

// The union-find of mergeVertices, as module functions (closures made per call lose their
// optimized code: see lists.ts).
function find(parent: Int32Array, i: number): number {
  let r = i;
  while (parent[r] !== r) r = parent[r]!;
  while (parent[i] !== r) {
    const next = parent[i]!;
    parent[i] = r;
    i = next;
  }
  return r;
}

function union(parent: Int32Array, a: number, b: number): void {
  const ra = find(parent, a);
  const rb = find(parent, b);
  if (ra < rb) parent[rb] = ra;
  else if (rb < ra) parent[ra] = rb;
}

/** The bits of one coordinate, for coordinateHash. */
const BITS = new Float64Array(1);
const WORDS = new Int32Array(BITS.buffer);

/** A hash of a point's exact coordinates (0 and −0 alike, as === compares them). */
function coordinateHash(x: number, y: number): number {
  BITS[0] = x + 0;
  let h = Math.imul(WORDS[0]! ^ 0x9e3779b9, 0x85ebca6b) ^ WORDS[1]!;
  BITS[0] = y + 0;
  h = Math.imul(h ^ WORDS[0]!, 0xc2b2ae35) ^ WORDS[1]!;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return h ^ (h >>> 13);
}

/**
 * For each point, the first point with exactly the same coordinates (===, itself when it is the
 * first), through an open-addressed table of point indices hashed by the coordinates' bits: equal
 * coordinates always meet, and a collision costs one comparison of two numbers, never a string.
 */
function firstCopies(xs: Float64Array, ys: Float64Array): Int32Array {
  const n = xs.length;
  const same = new Int32Array(n);
  let size = 16;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  // Index + 1 of the first point with each hash, 0 for an empty slot.
  const table = new Int32Array(size);
  for (let i = 0; i < n; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    let slot = coordinateHash(x, y) & mask;
    let first = i;
    for (;;) {
      const j = table[slot]! - 1;
      if (j < 0) {
        table[slot] = i + 1;
        break;
      }
      if (xs[j] === x && ys[j] === y) {
        first = j;
        break;
      }
      slot = (slot + 1) & mask;
    }
    same[i] = first;
  }
  return same;
}

export interface Join {
  readonly t: number;
  readonly node: number;
}

/**
 * T-junctions: each trench endpoint within JOIN_M of another trench's segment joins that segment at
 * the nearest point (unless it is already one of the segment's end nodes). When several endpoints
 * of one node could join a segment, the first in file order (trench by trench, first point then
 * last) does. Returns, per segment index, the nodes that split it and where (t in [0, 1] along it).
 *
 * Endpoints at the same coordinates are looked up once (with the first two trenches they end, for
 * the "another trench" rule), and a grid cell keeps its segments grouped by their end nodes so the
 * segments of an endpoint's own node are skipped as a group: thousands of trenches piled within a
 * metre or two cost about linear time. Exported for the brute-force comparison in the tests.
 */
export function findJunctions(
  trenches: readonly FiberTrench[],
  first: Int32Array,
  vx: Float64Array,
  vy: Float64Array,
  trenchOf: Int32Array,
  vertexNode: Int32Array,
  segStart: readonly number[],
): Map<number, Join[]> {
  const splits = new Map<number, Join[]>();
  const segCount = segStart.length;
  if (segCount === 0) return splits;

  // Endpoints in file order, grouped by coordinates: for each group its first occurrence
  // (position and trench) and the first occurrence in another trench.
  const ends: number[] = [];
  for (let t = 0; t < trenches.length; t++) {
    if (first[t + 1]! - first[t]! < 2) continue;
    ends.push(first[t]!, first[t + 1]! - 1);
  }
  const ex = gather(vx, ends);
  const ey = gather(vy, ends);
  const same = firstCopies(ex, ey);
  const otherPos = new Int32Array(ends.length).fill(-1);
  for (let p = 0; p < ends.length; p++) {
    const g = same[p]!;
    if (g !== p && otherPos[g]! < 0 && trenchOf[ends[p]!] !== trenchOf[ends[g]!]) otherPos[g] = p;
  }

  const grid = new NodeGroupedGrid(segStart, vx, vy, vertexNode);
  // Joins found: segment, node, t along it, and the endpoint position that made it.
  const jSeg: number[] = [];
  const jNode: number[] = [];
  const jT: number[] = [];
  const jPos: number[] = [];
  /** Does endpoint p (a first copy) join segment s? */
  const consider = (p: number, s: number) => {
    const e = ends[p]!;
    const x = vx[e]!;
    const y = vy[e]!;
    const a = segStart[s]!;
    const b = a + 1;
    // The first endpoint here of a trench other than the segment's own.
    const pos = trenchOf[a] !== trenchOf[e] ? p : otherPos[p]!;
    if (pos < 0) return;
    const abx = vx[b]! - vx[a]!;
    const aby = vy[b]! - vy[a]!;
    const len2 = abx * abx + aby * aby;
    const u =
      len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - vx[a]!) * abx + (y - vy[a]!) * aby) / len2));
    const d = Math.hypot(x - (vx[a]! + abx * u), y - (vy[a]! + aby * u));
    if (d > JOIN_M) return;
    jSeg.push(s);
    jNode.push(vertexNode[e]!);
    jT.push(u);
    jPos.push(pos);
  };
  // Short segments: each endpoint looks them up in the grid.
  for (let p = 0; p < ends.length; p++) {
    if (same[p] !== p) continue;
    const e = ends[p]!;
    grid.visit(vx[e]!, vy[e]!, vertexNode[e]!, (s) => consider(p, s));
  }
  // Long segments: each walks down a quadtree of the endpoints, into the occupied cells near it.
  if (grid.long.length > 0) {
    const firstList: number[] = [];
    for (let p = 0; p < ends.length; p++) if (same[p] === p) firstList.push(p);
    const firstPos = Int32Array.from(firstList);
    const firstEnds: number[] = [];
    for (const p of firstList) firstEnds.push(ends[p]!);
    const tree = new PointQuadtree(gather(vx, firstEnds), gather(vy, firstEnds), grid.cellSize);
    for (const s of grid.long) {
      const a = segStart[s]!;
      const na = vertexNode[a]!;
      const nb = vertexNode[a + 1]!;
      tree.nearSegment(vx[a]!, vy[a]!, vx[a + 1]!, vy[a + 1]!, JOIN_M * (1 + 1e-6), (k) => {
        const p = firstPos[k]!;
        const ne = vertexNode[ends[p]!]!;
        if (ne !== na && ne !== nb) consider(p, s);
      });
    }
  }

  // Per segment and node, the join of the earliest endpoint.
  const order = indices(jSeg.length).sort(
    (k, l) => jSeg[k]! - jSeg[l]! || jNode[k]! - jNode[l]! || jPos[k]! - jPos[l]!,
  );
  for (let i = 0; i < order.length; i++) {
    const k = order[i]!;
    const s = jSeg[k]!;
    if (i > 0) {
      const prev = order[i - 1]!;
      if (jSeg[prev] === s && jNode[prev] === jNode[k]) continue;
    }
    const join = { t: jT[k]!, node: jNode[k]! };
    const list = splits.get(s);
    if (list) list.push(join);
    else splits.set(s, [join]);
  }
  return splits;
}

/**
 * Short segments in a uniform grid, for point look-ups; the cell is about the median segment
 * extent. A segment spanning at most MAX_PIECES cells is cut into pieces no longer than a cell,
 * each piece entered in the cells its box grown by JOIN_M covers (at most 3 × 3), so a diagonal
 * costs O(MAX_PIECES) entries, not its bounding box. Longer segments are left in `long` for the
 * caller (they walk a quadtree of the endpoints instead): no segment is visited by every look-up.
 * Each cell lists its segments sorted by their pair of end nodes, with the end of each run of one
 * pair, so a look-up skips the run of segments that touch the endpoint's own node in one step.
 */
class NodeGroupedGrid {
  readonly cellSize: number;
  /** Segments spanning more than MAX_PIECES cells, in order. */
  readonly long: number[] = [];
  private readonly cellRange = new Map<number, number>();
  private readonly cellEnd: Int32Array;
  private readonly seg: Int32Array;
  private readonly runEnd: Int32Array;

  constructor(
    private readonly segStart: readonly number[],
    vx: Float64Array,
    vy: Float64Array,
    private readonly vertexNode: Int32Array,
  ) {
    const m = segStart.length;
    const extents = segStart.map((a) =>
      Math.max(Math.abs(vx[a + 1]! - vx[a]!), Math.abs(vy[a + 1]! - vy[a]!)),
    );
    const cell = pickCellSize(extents, 4 * JOIN_M);
    this.cellSize = cell;
    // A hair more than JOIN_M, so rounding in the pieces' ends never loses a point at JOIN_M.
    const grow = JOIN_M * (1 + 1e-6);
    // (cell, segment) entries.
    const keys: number[] = [];
    const segs: number[] = [];
    for (let s = 0; s < m; s++) {
      const a = segStart[s]!;
      const b = a + 1;
      const ext = extents[s]!;
      if (!(ext <= MAX_PIECES * cell)) {
        this.long.push(s);
        continue;
      }
      const pieces = Math.max(1, Math.ceil(ext / cell));
      const dx = vx[b]! - vx[a]!;
      const dy = vy[b]! - vy[a]!;
      let px = vx[a]!;
      let py = vy[a]!;
      for (let k = 1; k <= pieces; k++) {
        const qx = k === pieces ? vx[b]! : vx[a]! + (dx * k) / pieces;
        const qy = k === pieces ? vy[b]! : vy[a]! + (dy * k) / pieces;
        const x0 = Math.floor((Math.min(px, qx) - grow) / cell);
        const x1 = Math.floor((Math.max(px, qx) + grow) / cell);
        const y0 = Math.floor((Math.min(py, qy) - grow) / cell);
        const y1 = Math.floor((Math.max(py, qy) + grow) / cell);
        for (let ix = x0; ix <= x1; ix++) {
          for (let iy = y0; iy <= y1; iy++) {
            keys.push(cellKey(ix, iy));
            segs.push(s);
          }
        }
        px = qx;
        py = qy;
      }
    }
    // Each segment's end nodes, lower first.
    const lo = new Int32Array(m);
    const hi = new Int32Array(m);
    for (let s = 0; s < m; s++) {
      lo[s] = Math.min(this.nodeA(s), this.nodeB(s));
      hi[s] = Math.max(this.nodeA(s), this.nodeB(s));
    }
    const order = indices(keys.length).sort(
      (k, l) =>
        keys[k]! - keys[l]! ||
        lo[segs[k]!]! - lo[segs[l]!]! ||
        hi[segs[k]!]! - hi[segs[l]!]! ||
        segs[k]! - segs[l]!,
    );
    // Neighbouring pieces enter a segment in the same cell twice: keep one entry.
    const kept = order.filter(
      (k, i) => i === 0 || keys[order[i - 1]!] !== keys[k] || segs[order[i - 1]!] !== segs[k],
    );
    const total = kept.length;
    this.seg = new Int32Array(total);
    for (let i = 0; i < total; i++) this.seg[i] = segs[kept[i]!]!;
    this.cellEnd = new Int32Array(total);
    this.runEnd = new Int32Array(total);
    for (let i = total - 1; i >= 0; i--) {
      const key = keys[kept[i]!]!;
      const sameCell = i + 1 < total && keys[kept[i + 1]!] === key;
      this.cellEnd[i] = sameCell ? this.cellEnd[i + 1]! : i + 1;
      const s = this.seg[i]!;
      const sameRun = sameCell && lo[this.seg[i + 1]!] === lo[s] && hi[this.seg[i + 1]!] === hi[s];
      this.runEnd[i] = sameRun ? this.runEnd[i + 1]! : i + 1;
      this.cellRange.set(key, i);
    }
    gridWork.entries += total;
  }

  private nodeA(s: number): number {
    return this.vertexNode[this.segStart[s]!]!;
  }
  private nodeB(s: number): number {
    return this.vertexNode[this.segStart[s]! + 1]!;
  }

  /**
   * Calls `visit` once for every short segment whose pieces' grown boxes may hold (x, y), except
   * those with an end in `node` (skipped; a superset of the true hits otherwise).
   */
  visit(x: number, y: number, node: number, visit: (s: number) => void): void {
    const cell = this.cellSize;
    const start = this.cellRange.get(cellKey(Math.floor(x / cell), Math.floor(y / cell)));
    if (start === undefined) return;
    const end = this.cellEnd[start]!;
    for (let i = start; i < end;) {
      gridWork.visits++;
      const s = this.seg[i]!;
      if (this.nodeA(s) === node || this.nodeB(s) === node) {
        // Every segment of this run has the same end nodes: skip the run.
        i = this.runEnd[i]!;
        continue;
      }
      visit(s);
      i++;
    }
  }
}

/**
 * Points in a quadtree of grid levels: level 0's cell is `cellSize`, level L's 2^L times that,
 * up to a level of a few cells; only occupied cells are nodes, each with its up to 4 children.
 * `nearSegment` descends from the top into the nodes whose box, grown by the distance, meets the
 * segment: a long segment through empty land costs little, and its work is the occupied cells
 * along it (about its length over the points' spacing), not its length over the cell size.
 */
class PointQuadtree {
  private readonly level: number[] = [];
  private readonly ix: number[] = [];
  private readonly iy: number[] = [];
  /** Four child nodes per node (-1: none); the points of a level-0 node. */
  private readonly child: number[] = [];
  private readonly points: number[][] = [];
  private readonly roots: number[];

  constructor(
    xs: Float64Array,
    ys: Float64Array,
    private readonly cellSize: number,
  ) {
    let ids = new Map<number, number>();
    for (let i = 0; i < xs.length; i++) {
      const ix = Math.floor(xs[i]! / cellSize);
      const iy = Math.floor(ys[i]! / cellSize);
      const key = cellKey(ix, iy);
      let node = ids.get(key);
      if (node === undefined) {
        node = this.addNode(0, ix, iy);
        ids.set(key, node);
      }
      this.points[node]!.push(i);
    }
    let below = [...ids.values()];
    for (let level = 1; below.length > 4 && level < 64; level++) {
      ids = new Map();
      for (const c of below) {
        const ix = Math.floor(this.ix[c]! / 2);
        const iy = Math.floor(this.iy[c]! / 2);
        const key = cellKey(ix, iy);
        let node = ids.get(key);
        if (node === undefined) {
          node = this.addNode(level, ix, iy);
          ids.set(key, node);
        }
        this.child[4 * node + (this.ix[c]! - 2 * ix) * 2 + (this.iy[c]! - 2 * iy)] = c;
      }
      below = [...ids.values()];
    }
    this.roots = below;
  }

  private addNode(level: number, ix: number, iy: number): number {
    const node = this.level.length;
    this.level.push(level);
    this.ix.push(ix);
    this.iy.push(iy);
    this.child.push(-1, -1, -1, -1);
    this.points.push([]);
    return node;
  }

  /** Calls `visit` for every point within `r` of the segment (and some a little farther). */
  nearSegment(
    ax: number,
    ay: number,
    bx: number,
    by: number,
    r: number,
    visit: (i: number) => void,
  ): void {
    const stack = [...this.roots];
    while (stack.length > 0) {
      const node = stack.pop()!;
      gridWork.visits++;
      const size = this.cellSize * 2 ** this.level[node]!;
      const x0 = this.ix[node]! * size;
      const y0 = this.iy[node]! * size;
      if (!segmentMeetsBox(ax, ay, bx, by, x0 - r, y0 - r, x0 + size + r, y0 + size + r)) continue;
      if (this.level[node] === 0) {
        for (const i of this.points[node]!) visit(i);
        continue;
      }
      for (let k = 4 * node; k < 4 * node + 4; k++)
        if (this.child[k]! >= 0) stack.push(this.child[k]!);
    }
  }
}

/** Does the segment meet the closed box (Liang–Barsky clipping)? */
function segmentMeetsBox(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  minX: number,
  minY: number,
  maxX: number,
  maxY: number,
): boolean {
  let lo = 0;
  let hi = 1;
  const dx = bx - ax;
  const dy = by - ay;
  // The part of t ∈ [0, 1] inside the box's x range, then its y range.
  if (dx === 0) {
    if (ax < minX || ax > maxX) return false;
  } else {
    const t1 = (minX - ax) / dx;
    const t2 = (maxX - ax) / dx;
    lo = Math.max(lo, Math.min(t1, t2));
    hi = Math.min(hi, Math.max(t1, t2));
  }
  if (dy === 0) {
    if (ay < minY || ay > maxY) return false;
  } else {
    const t1 = (minY - ay) / dy;
    const t2 = (maxY - ay) / dy;
    lo = Math.max(lo, Math.min(t1, t2));
    hi = Math.min(hi, Math.max(t1, t2));
  }
  return lo <= hi;
}

// Plain loops for typed arrays: TypedArray.from with a mapping function walks its source through
// the iterator protocol, an object per element.

/** 0, 1, … n − 1. */
function indices(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** values[at[0]], values[at[1]], … */
function gather(values: Float64Array, at: readonly number[]): Float64Array {
  const out = new Float64Array(at.length);
  for (let i = 0; i < at.length; i++) out[i] = values[at[i]!]!;
  return out;
}

/** A short segment spans at most this many cells (so costs at most 9 × this entries). */
const MAX_PIECES = 16;

/**
 * Work counters for the tests' linear-growth assertions: junction-grid entries made and read,
 * point comparisons in the merge.
 */
export const gridWork = { entries: 0, visits: 0, merges: 0 };
