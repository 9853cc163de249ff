import type { FiberTrench } from '../kinds';
import { cellKey, GridIndex, pickCellSize } from './spatial';

/** Trench vertices closer than this are one node (DESIGN.md rule 6). */
export const MERGE_M = 1;
/** A trench endpoint within this of another trench's segment joins it there (a T-junction). */
export const JOIN_M = 1;
/** A hall attaches at every trench vertex inside its footprint or within this of its edge. */
export const ATTACH_M = 1;

/**
 * The fiber network as a graph. Vertices are the trenches' points in file order (trench by trench);
 * nodes are merged vertices; edges follow the trench segments, split where other trenches join.
 * Adjacency is in CSR form: the neighbours of node v are adjTo[adjStart[v] .. adjStart[v + 1]).
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
}

export function buildFiberGraph(trenches: readonly FiberTrench[]): FiberGraph {
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

  const splits = findJunctions(trenches, first, vx, vy, trenchOf, vertexNode, segStart);

  // Edges along every segment, through the nodes that join it, in order along it.
  const from: number[] = [];
  const to: number[] = [];
  const len: number[] = [];
  const addEdge = (a: number, b: number, l: number) => {
    if (a === b) return;
    from.push(a);
    to.push(b);
    len.push(l);
  };
  for (let s = 0; s < segStart.length; s++) {
    const a = segStart[s]!;
    const b = a + 1;
    const segLen = Math.hypot(vx[b]! - vx[a]!, vy[b]! - vy[a]!);
    const joins = splits.get(s);
    let prev = vertexNode[a]!;
    let prevT = 0;
    if (joins) {
      joins.sort((p, q) => p.t - q.t || p.node - q.node);
      for (const j of joins) {
        addEdge(prev, j.node, (j.t - prevT) * segLen);
        prev = j.node;
        prevT = j.t;
      }
    }
    addEdge(prev, vertexNode[b]!, (1 - prevT) * segLen);
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
  };
}

/**
 * Vertices closer than MERGE_M are one node (transitively), found through a 1 m grid hash.
 * Node ids follow the first vertex of each group in file order.
 */
function mergeVertices(vx: Float64Array, vy: Float64Array): Int32Array {
  const n = vx.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r]!;
    while (parent[i] !== r) {
      const next = parent[i]!;
      parent[i] = r;
      i = next;
    }
    return r;
  };
  const head = new Map<number, number>();
  const next = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const ix = Math.floor(vx[i]! / MERGE_M);
    const iy = Math.floor(vy[i]! / MERGE_M);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (let j = head.get(cellKey(ix + dx, iy + dy)) ?? -1; j >= 0; j = next[j]!) {
          if (Math.hypot(vx[i]! - vx[j]!, vy[i]! - vy[j]!) >= MERGE_M) continue;
          const ri = find(i);
          const rj = find(j);
          if (ri < rj) parent[rj] = ri;
          else if (rj < ri) parent[ri] = rj;
        }
      }
    }
    const key = cellKey(ix, iy);
    next[i] = head.get(key) ?? -1;
    head.set(key, i);
  }
  const nodeOfRoot = new Int32Array(n).fill(-1);
  const vertexNode = new Int32Array(n);
  let nodes = 0;
  for (let i = 0; i < n; i++) {
    const r = find(i);
    if (nodeOfRoot[r]! < 0) nodeOfRoot[r] = nodes++;
    vertexNode[i] = nodeOfRoot[r]!;
  }
  return vertexNode;
}

interface Join {
  readonly t: number;
  readonly node: number;
}

/**
 * T-junctions: each trench endpoint within JOIN_M of another trench's segment joins that segment at
 * the nearest point (unless it is already one of the segment's end nodes). Returns, per segment
 * index, the nodes that split it and where (t in [0, 1] along it).
 */
function findJunctions(
  trenches: readonly FiberTrench[],
  first: Int32Array,
  vx: Float64Array,
  vy: Float64Array,
  trenchOf: Int32Array,
  vertexNode: Int32Array,
  segStart: readonly number[],
): Map<number, Join[]> {
  const splits = new Map<number, Join[]>();
  if (segStart.length === 0) return splits;
  const extents = segStart.map((a) =>
    Math.max(Math.abs(vx[a + 1]! - vx[a]!), Math.abs(vy[a + 1]! - vy[a]!)),
  );
  const grid = new GridIndex(pickCellSize(extents, 4 * JOIN_M), segStart.length);
  segStart.forEach((a, s) => {
    const b = a + 1;
    grid.insert(
      s,
      Math.min(vx[a]!, vx[b]!) - JOIN_M,
      Math.min(vy[a]!, vy[b]!) - JOIN_M,
      Math.max(vx[a]!, vx[b]!) + JOIN_M,
      Math.max(vy[a]!, vy[b]!) + JOIN_M,
    );
  });
  for (let t = 0; t < trenches.length; t++) {
    if (first[t + 1]! - first[t]! < 2) continue;
    for (const e of [first[t]!, first[t + 1]! - 1]) {
      const ex = vx[e]!;
      const ey = vy[e]!;
      const ne = vertexNode[e]!;
      grid.query(ex, ey, ex, ey, (s) => {
        const a = segStart[s]!;
        const b = a + 1;
        if (trenchOf[a] === t || vertexNode[a] === ne || vertexNode[b] === ne) return;
        const abx = vx[b]! - vx[a]!;
        const aby = vy[b]! - vy[a]!;
        const len2 = abx * abx + aby * aby;
        const u =
          len2 === 0
            ? 0
            : Math.max(0, Math.min(1, ((ex - vx[a]!) * abx + (ey - vy[a]!) * aby) / len2));
        const d = Math.hypot(ex - (vx[a]! + abx * u), ey - (vy[a]! + aby * u));
        if (d > JOIN_M) return;
        const list = splits.get(s);
        if (!list) splits.set(s, [{ t: u, node: ne }]);
        else if (!list.some((j) => j.node === ne)) list.push({ t: u, node: ne });
      });
    }
  }
  return splits;
}
