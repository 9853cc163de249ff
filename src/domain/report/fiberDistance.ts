import type { FiberGraph } from './fiberGraph';
import { exceeds } from './format';
import { MinHeap } from './heap';
import type { Reuse } from './reuse';
import { sortAscending } from './lists';

/**
 * Where a hall meets the fiber network (docs/rules.md rule 6), for distances: the nodes it reaches,
 * each with the fiber metres from the hall to it (0 for a trench vertex in or near the hall; for a
 * crossing of its edge, the way along the crossed piece to each of the piece's ends), and its
 * crossings as points on pieces, which two halls crossing one piece reach directly along it.
 */
export interface Attach {
  /** Sorted, without repeats (each with its least offset). */
  readonly nodes: readonly number[];
  readonly offsets: readonly number[];
  /** Crossings: piece, metres along it from its start; … */
  readonly onPieces: readonly number[];
}

/** An Attach that is one node, with no way to go before reaching it. */
function isNode(a: Attach): boolean {
  return a.nodes.length === 1 && a.offsets[0] === 0 && a.onPieces.length === 0;
}

function nodeAttach(v: number): Attach {
  return { nodes: [v], offsets: [0], onPieces: [] };
}

/** A key equal for equal attachments (exact: numbers print round-trip). */
export function attachKey(a: Attach): string {
  return `${a.nodes.join(',')}|${a.offsets.join(',')}|${a.onPieces.join(',')}`;
}

/**
 * The shortest way between two crossings of one piece, along it (Infinity when none share one).
 * Both lists are sorted by piece, then along it (hallAttachments makes them so), so one merge
 * finds it: linear in the crossings, however many two halls have.
 */
function alongPiece(a: Attach, b: Attach): number {
  let best = Infinity;
  const pa = a.onPieces;
  const pb = b.onPieces;
  let i = 0;
  let j = 0;
  while (i < pa.length && j < pb.length) {
    domainWork.checks++;
    const piece = pa[i]!;
    const other = pb[j]!;
    if (piece === other) best = Math.min(best, Math.abs(pa[i + 1]! - pb[j + 1]!));
    // Step the one behind (by piece, then along it): the nearest pairs meet in the merge.
    if (piece < other || (piece === other && pa[i + 1]! <= pb[j + 1]!)) i += 2;
    else j += 2;
  }
  return best;
}

/**
 * Fiber distances between halls, each hall given by where it attaches (docs/rules.md rule 6: the
 * shortest path between their attachment points, 0 if they share a node). Distances beyond
 * `limit` (or between unconnected halls) read as Infinity: the latency domains never need them.
 */
export interface HallDistances {
  distance(p: number, q: number): number;
}

/** Largest skeleton the all-pairs table is built for; past it, one Dijkstra per hall instead. */
const MAX_SKELETON_TERMINALS = 2048;

/** The distances of one finished run: the nodes it touched and their distances. */
export interface DijkstraRun {
  readonly nodes: Int32Array;
  readonly dist: Float64Array;
}

/** Multi-source Dijkstra over a CSR graph, reusing its arrays between runs. */
class Dijkstra {
  private readonly dist: Float64Array;
  /** The nodes the last run reached, touched[0 … touchedCount): each at most once. */
  private readonly touched: Int32Array;
  private touchedCount = 0;
  private readonly heap: MinHeap;

  constructor(
    private readonly adjStart: Int32Array,
    private readonly adjTo: Int32Array,
    private readonly adjLen: Float64Array,
  ) {
    this.dist = new Float64Array(adjStart.length - 1).fill(Infinity);
    this.touched = new Int32Array(adjStart.length - 1);
    this.heap = new MinHeap(Math.max(16, adjTo.length + 1));
  }

  /**
   * Settles nodes in order of distance from the sources (each `offsets[i]` away from the start;
   * all 0 when omitted) up to `limit`; `settle` returns true to stop. Afterwards `at` reads the
   * final distance of every node within the limit (a node past it reads more than the limit).
   */
  run(
    sources: readonly number[],
    offsets: readonly number[] | null,
    limit: number,
    settle?: (v: number) => boolean,
  ): void {
    this.reset();
    const { dist, heap, touched, adjStart, adjTo, adjLen } = this;
    heap.clear();
    for (let i = 0; i < sources.length; i++) {
      const s = sources[i]!;
      const d0 = offsets ? offsets[i]! : 0;
      if (!(d0 < dist[s]!)) continue;
      if (dist[s] === Infinity) touched[this.touchedCount++] = s;
      dist[s] = d0;
      heap.push(d0, s);
    }
    while (heap.size > 0) {
      const d = heap.peekKey();
      const v = heap.pop();
      if (d > dist[v]!) continue;
      if (d > limit || (settle && settle(v))) break;
      for (let e = adjStart[v]!; e < adjStart[v + 1]!; e++) {
        const w = adjTo[e]!;
        const nd = d + adjLen[e]!;
        if (nd < dist[w]!) {
          if (dist[w] === Infinity) touched[this.touchedCount++] = w;
          dist[w] = nd;
          heap.push(nd, w);
        }
      }
    }
  }

  /** The distance of node v in the last run (more than the run's limit when past it). */
  at(v: number): number {
    return this.dist[v]!;
  }

  /** The distance to a node settled in the last run (Infinity when unreached or past the limit). */
  distanceTo(v: number, limit: number): number {
    const d = this.dist[v]!;
    return d > limit ? Infinity : d;
  }

  /** The last run, to load again later instead of running it. */
  save(): DijkstraRun {
    const nodes = this.touched.slice(0, this.touchedCount);
    const dist = new Float64Array(nodes.length);
    for (let i = 0; i < nodes.length; i++) dist[i] = this.dist[nodes[i]!]!;
    return { nodes, dist };
  }

  load(run: DijkstraRun): void {
    this.reset();
    const { dist, touched } = this;
    for (let i = 0; i < run.nodes.length; i++) {
      const v = run.nodes[i]!;
      dist[v] = run.dist[i]!;
      touched[this.touchedCount++] = v;
    }
  }

  /**
   * The distance from the last run's sources (the attachment `from`) to the attachment `to`:
   * through one of its nodes, or along a piece both cross. Infinity past the limit.
   */
  attachDistance(from: Attach, to: Attach, limit: number): number {
    let best = alongPiece(from, to);
    for (let i = 0; i < to.nodes.length; i++) {
      const d = this.dist[to.nodes[i]!]! + to.offsets[i]!;
      if (d < best) best = d;
    }
    return best > limit ? Infinity : best;
  }

  private reset(): void {
    for (let i = 0; i < this.touchedCount; i++) this.dist[this.touched[i]!] = Infinity;
    this.touchedCount = 0;
  }
}

/**
 * The plain method (and the reference the fast one is tested against): one Dijkstra per hall,
 * bounded by the limit, filling a pair table.
 */
export function dijkstraDistances(
  graph: FiberGraph,
  attach: readonly Attach[],
  limit: number,
): HallDistances {
  const k = attach.length;
  const dense = k <= 2048 ? new Float64Array(k * k).fill(Infinity) : null;
  const sparse = new Map<number, number>();
  const set = (p: number, q: number, d: number) => {
    if (d === Infinity) return;
    if (dense) {
      dense[p * k + q] = d;
      dense[q * k + p] = d;
    } else {
      sparse.set(p * k + q, d);
      sparse.set(q * k + p, d);
    }
  };
  const dijkstra = new Dijkstra(graph.adjStart, graph.adjTo, graph.adjLen);
  for (let p = 0; p < k; p++) {
    const a = attach[p]!;
    if (a.nodes.length === 0) continue;
    dijkstra.run(a.nodes, a.offsets, limit);
    for (let q = p + 1; q < k; q++) set(p, q, dijkstra.attachDistance(a, attach[q]!, limit));
  }
  return {
    distance: (p, q) =>
      p === q ? 0 : dense ? dense[p * k + q]! : (sparse.get(p * k + q) ?? Infinity),
  };
}

/**
 * The fast method. Shortest paths between halls only ever run through the network's skeleton, so:
 * 1. dead ends with no hall are pruned;
 * 2. a hall's leaf node is moved onto its one neighbour with the edge length as an offset (one
 *    level only, which keeps it exact: every path from a leaf leaves through its neighbour);
 * 3. chains of degree-2 nodes become single skeleton edges, each chain node keeping its distance
 *    along the chain;
 * 4. all-pairs Dijkstra runs on the skeleton's branch nodes only, and a hall-to-hall distance is
 *    the best of leaving each one's chain by either end.
 * Returns null when the skeleton is too large for the all-pairs table.
 */
export function skeletonDistances(
  graph: FiberGraph,
  attach: readonly Attach[],
  limit: number,
): HallDistances | null {
  const { nodeCount: n, adjStart, adjTo, adjLen, adjEdge } = graph;
  const terminal = new Uint8Array(n);
  for (const a of attach) for (const v of a.nodes) terminal[v] = 1;
  const alive = new Uint8Array(n).fill(1);
  const deg = new Int32Array(n);
  for (let v = 0; v < n; v++) deg[v] = adjStart[v + 1]! - adjStart[v]!;

  // 1. Prune dead ends (degree ≤ 1, no hall), repeatedly.
  const stack: number[] = [];
  for (let v = 0; v < n; v++) if (deg[v]! <= 1 && !terminal[v]) stack.push(v);
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (!alive[v] || deg[v]! > 1) continue;
    alive[v] = 0;
    for (let e = adjStart[v]!; e < adjStart[v + 1]!; e++) {
      const w = adjTo[e]!;
      if (!alive[w]) continue;
      deg[w]!--;
      if (deg[w]! <= 1 && !terminal[w]) stack.push(w);
    }
  }

  // 2. Move each hall leaf onto its neighbour (one level).
  const host = new Int32Array(n).fill(-1);
  const offset = new Float64Array(n);
  const isHost = new Uint8Array(n);
  for (let v = 0; v < n; v++) {
    if (!alive[v] || !terminal[v] || deg[v] !== 1 || isHost[v]) continue;
    for (let e = adjStart[v]!; e < adjStart[v + 1]!; e++) {
      const w = adjTo[e]!;
      if (!alive[w]) continue;
      host[v] = w;
      offset[v] = adjLen[e]!;
      isHost[w] = 1;
      alive[v] = 0;
      deg[w]!--;
      break;
    }
  }

  // 3. Branch nodes (degree ≠ 2) and the chains between them.
  const skel = new Int32Array(n).fill(-1);
  const skelNodes: number[] = [];
  for (let v = 0; v < n; v++) {
    if (alive[v] && deg[v] !== 2) {
      skel[v] = skelNodes.length;
      skelNodes.push(v);
    }
  }
  const chainOf = new Int32Array(n).fill(-1);
  const chainPos = new Float64Array(n);
  const chainX: number[] = [];
  const chainY: number[] = [];
  const chainL: number[] = [];
  const edgeUsed = new Uint8Array(graph.edgeCount);
  const walk = (start: number, entry: number) => {
    let edge = adjEdge[entry]!;
    if (edgeUsed[edge]) return;
    edgeUsed[edge] = 1;
    const c = chainX.length;
    let len = adjLen[entry]!;
    let v = adjTo[entry]!;
    while (skel[v]! < 0) {
      chainOf[v] = c;
      chainPos[v] = len;
      let next = -1;
      for (let f = adjStart[v]!; f < adjStart[v + 1]!; f++) {
        if (alive[adjTo[f]!] && adjEdge[f] !== edge) {
          next = f;
          break;
        }
      }
      edge = adjEdge[next]!;
      edgeUsed[edge] = 1;
      len += adjLen[next]!;
      v = adjTo[next]!;
    }
    chainX.push(skel[start]!);
    chainY.push(skel[v]!);
    chainL.push(len);
  };
  const walkFrom = (v: number) => {
    for (let e = adjStart[v]!; e < adjStart[v + 1]!; e++) if (alive[adjTo[e]!]) walk(v, e);
  };
  for (const v of [...skelNodes]) walkFrom(v);
  for (let v = 0; v < n; v++) {
    // A loop with no branch node: make one of its nodes a branch.
    if (alive[v] && skel[v]! < 0 && chainOf[v]! < 0) {
      skel[v] = skelNodes.length;
      skelNodes.push(v);
      walkFrom(v);
    }
  }

  // 4. Anchors: where each hall attachment sits on the skeleton.
  const ks = skelNodes.length;
  const rel = new Int32Array(ks).fill(-1); // skeleton index → terminal table index
  let r = 0;
  const relOf = (s: number) => {
    if (rel[s]! < 0) rel[s] = r++;
    return rel[s]!;
  };
  const anchorCount = attach.reduce((sum, at) => sum + at.nodes.length, 0);
  const anchorStart = new Int32Array(attach.length + 1);
  const aOrig = new Int32Array(anchorCount);
  const aPort = new Float64Array(anchorCount); // the way from the hall to its node
  const aNode = new Int32Array(anchorCount); // terminal index of a branch node, or -1 on a chain
  const aChain = new Int32Array(anchorCount);
  const aX = new Int32Array(anchorCount); // the chain's ends (terminal indices) and length
  const aY = new Int32Array(anchorCount);
  const aLen = new Float64Array(anchorCount);
  const aPos = new Float64Array(anchorCount);
  const aOff = new Float64Array(anchorCount);
  let a = 0;
  attach.forEach((at, p) => {
    for (let i = 0; i < at.nodes.length; i++) {
      const v = at.nodes[i]!;
      const base = alive[v] ? v : host[v]!;
      aOrig[a] = v;
      aPort[a] = at.offsets[i]!;
      aOff[a] = alive[v] ? 0 : offset[v]!;
      if (skel[base]! >= 0) {
        aNode[a] = relOf(skel[base]!);
        aChain[a] = -1;
      } else {
        const c = chainOf[base]!;
        aNode[a] = -1;
        aChain[a] = c;
        aX[a] = relOf(chainX[c]!);
        aY[a] = relOf(chainY[c]!);
        aLen[a] = chainL[c]!;
        aPos[a] = chainPos[base]!;
      }
      a++;
    }
    anchorStart[p + 1] = a;
  });
  if (r > MAX_SKELETON_TERMINALS) return null;

  // Skeleton graph (CSR) and its all-pairs table between terminal branch nodes.
  const sStart = new Int32Array(ks + 1);
  for (let c = 0; c < chainX.length; c++) {
    if (chainX[c] === chainY[c]) continue;
    sStart[chainX[c]! + 1]!++;
    sStart[chainY[c]! + 1]!++;
  }
  for (let v = 0; v < ks; v++) sStart[v + 1]! += sStart[v]!;
  const sTo = new Int32Array(sStart[ks]!);
  const sLen = new Float64Array(sStart[ks]!);
  const sFill = sStart.slice(0, ks);
  for (let c = 0; c < chainX.length; c++) {
    const x = chainX[c]!;
    const y = chainY[c]!;
    if (x === y) continue;
    sTo[sFill[x]!] = y;
    sLen[sFill[x]!++] = chainL[c]!;
    sTo[sFill[y]!] = x;
    sLen[sFill[y]!++] = chainL[c]!;
  }
  const S = new Float64Array(r * r).fill(Infinity);
  const dijkstra = new Dijkstra(sStart, sTo, sLen);
  for (let src = 0; src < ks; src++) {
    const i = rel[src]!;
    if (i < 0) continue;
    // Stop once every terminal is settled; whatever is unsettled then lies beyond the limit.
    let remaining = r;
    dijkstra.run([src], null, limit, (v) => rel[v]! >= 0 && --remaining === 0);
    for (let t = 0; t < ks; t++)
      if (rel[t]! >= 0) S[i * r + rel[t]!] = dijkstra.distanceTo(t, limit);
  }

  const anchorDistance = (a: number, b: number): number => {
    if (aOrig[a] === aOrig[b]) return 0;
    const na = aNode[a]!;
    const nb = aNode[b]!;
    const off = aOff[a]! + aOff[b]!;
    if (na >= 0 && nb >= 0) return off + S[na * r + nb]!;
    if (na >= 0)
      return (
        off + Math.min(S[na * r + aX[b]!]! + aPos[b]!, S[na * r + aY[b]!]! + aLen[b]! - aPos[b]!)
      );
    if (nb >= 0)
      return (
        off + Math.min(S[nb * r + aX[a]!]! + aPos[a]!, S[nb * r + aY[a]!]! + aLen[a]! - aPos[a]!)
      );
    const xa = aX[a]!;
    const ya = aY[a]!;
    const sa = aPos[a]!;
    const sb = aPos[b]!;
    const la = aLen[a]!;
    if (aChain[a] === aChain[b]) {
      const lo = Math.min(sa, sb);
      const hi = Math.max(sa, sb);
      return off + Math.min(hi - lo, lo + S[xa * r + ya]! + la - hi);
    }
    const xb = aX[b]!;
    const yb = aY[b]!;
    const lb = aLen[b]!;
    return (
      off +
      Math.min(
        sa + S[xa * r + xb]! + sb,
        sa + S[xa * r + yb]! + lb - sb,
        la - sa + S[ya * r + xb]! + sb,
        la - sa + S[ya * r + yb]! + lb - sb,
      )
    );
  };

  return {
    distance(p, q) {
      if (p === q) return 0;
      let best = alongPiece(attach[p]!, attach[q]!);
      for (let a = anchorStart[p]!; a < anchorStart[p + 1]!; a++) {
        for (let b = anchorStart[q]!; b < anchorStart[q + 1]!; b++) {
          const d = aPort[a]! + aPort[b]! + anchorDistance(a, b);
          if (d < best) best = d;
        }
      }
      return best > limit ? Infinity : best;
    },
  };
}

/** Runs of the exact diameter bound per domain before falling back to the member-by-member rule. */
const MAX_DIAMETER_RUNS = 16;

/** Work counters for the tests' linear-growth assertions (settled nodes, candidate checks). */
export const domainWork = { settled: 0, checks: 0, hubBounds: 0 };

/** Node distances kept between runs (`runs` of greedyDomains) at most, in entries. */
const MAX_KEPT_RUN_ENTRIES = 4_000_000;

/**
 * The greedy latency domains of rule 6 (docs/rules.md) over halls given in domain order (IT MW
 * desc, file order), each by where it attaches. The first unassigned hall seeds a domain; every
 * later unassigned hall within `reachM` of every member so far joins it, in order. Returns the
 * domains as lists of positions with the greatest member-to-member distance of each.
 *
 * No pair table past the skeleton's (MAX_SKELETON_TERMINALS): halls with the same attachment are
 * one group (distance 0 between them, the same distance to everyone else, so they always join
 * together); a group's distances come from one Dijkstra from its attachment, cut off at the reach,
 * run when it seeds or joins a domain — each group at most once. The seed's run gives the
 * candidates; each joining group's run drops the candidates it cannot reach. Work: one bounded
 * Dijkstra per group plus, per domain, its members times its candidates.
 *
 * `runs` (one per graph and reach, kept by the caller between edits) keeps each run's distances
 * by its sources. The graph holds the trenches alone, so a run from a hall that did not move is
 * the same run after an edit, and loading it gives exactly the distances running it gives.
 */
export function greedyDomains(
  graph: FiberGraph,
  attach: readonly Attach[],
  reachM: number,
  /** false: never the skeleton's table (the tests' way to reach the large-campus method). */
  useSkeleton = true,
  runs?: Reuse<DijkstraRun>,
): { members: number[]; maxPathM: number }[] {
  return new DomainSearch(graph, attach, reachM, useSkeleton, runs).domains();
}

/**
 * When every point of an attachment (its nodes reached at no offset, its crossings) is one node h
 * or lies on a piece with an end at h: the greatest way along those pieces from h to them (every
 * point is within it of h). Else −1, and diameterOf runs from a node instead.
 */
function hubRadius(graph: FiberGraph, at: Attach): number {
  let hub = -1;
  for (let i = 0; i < at.nodes.length; i++) {
    if (at.offsets[i] !== 0) continue;
    if (hub >= 0) return -1;
    hub = at.nodes[i]!;
  }
  if (hub < 0) return -1;
  let radius = 0;
  for (let i = 0; i < at.onPieces.length; i += 2) {
    const piece = at.onPieces[i]!;
    const along = at.onPieces[i + 1]!;
    if (graph.pieceFrom[piece] === hub) radius = Math.max(radius, along);
    else if (graph.pieceTo[piece] === hub)
      radius = Math.max(radius, graph.pieceLen[piece]! - along);
    else return -1;
  }
  return radius;
}

/** Counts a settled node for domainWork (a Dijkstra `settle` hook that never stops the run). */
function countSettled(): boolean {
  domainWork.settled++;
  return false;
}

/**
 * greedyDomains' state and steps. A class, not closures inside greedyDomains: V8 keeps the
 * optimized code of a function only while a function object using it is alive, so closures made
 * afresh by every report would be compiled again after each full garbage collection (on the
 * report worker, during a drag); methods of a module's class are made once.
 */
class DomainSearch {
  private readonly limit: number;
  /** Per position: its group, or -1 when it attaches nowhere. */
  private readonly groupOf: Int32Array;
  private readonly groupHalls: number[][] = [];
  private readonly groupAttach: Attach[] = [];
  private readonly dijkstra: Dijkstra;
  // Each domain is first tried whole: one Dijkstra from its seed and a few more to bound the
  // diameter of its candidates (a campus within reach settles in two or three runs). When that
  // does not settle a domain, a small skeleton's all-pairs table (built then, once) answers any
  // pair at once from there on; past its size, one Dijkstra per joining group.
  private skeleton: HallDistances | null = null;
  private skeletonTried: boolean;
  private source = -1;
  /** The attachment the last run started from. */
  private runSource: Attach = nodeAttach(0);
  private kept = 0;
  /** Per group: the greatest distance to the members so far of the domain it may join. */
  private far = new Float64Array(0);

  constructor(
    private readonly graph: FiberGraph,
    private readonly attach: readonly Attach[],
    private readonly reachM: number,
    useSkeleton: boolean,
    private readonly runs: Reuse<DijkstraRun> | undefined,
  ) {
    this.limit = reachM * (1 + 1e-9);
    this.skeletonTried = !useSkeleton;
    this.dijkstra = new Dijkstra(graph.adjStart, graph.adjTo, graph.adjLen);
    // Groups by identical attachments, numbered in order of their first hall.
    const k = attach.length;
    this.groupOf = new Int32Array(k);
    const byKey = new Map<string, number>();
    for (let p = 0; p < k; p++) {
      const at = attach[p]!;
      if (at.nodes.length === 0) {
        this.groupOf[p] = -1;
        continue;
      }
      const key = attachKey(at);
      let g = byKey.get(key);
      if (g === undefined) {
        g = this.groupHalls.length;
        byKey.set(key, g);
        this.groupHalls.push([]);
        this.groupAttach.push(at);
      }
      this.groupOf[p] = g;
      this.groupHalls[g]!.push(p);
    }
  }

  /** One bounded run from an attachment (a group's, or one node). */
  private runFrom(from: Attach): void {
    this.runSource = from;
    const runs = this.runs;
    const key = runs ? attachKey(from) : '';
    const known = runs?.get(key);
    if (known) {
      this.dijkstra.load(known);
      return;
    }
    this.dijkstra.run(from.nodes, from.offsets, this.limit, countSettled);
    if (runs && this.kept < MAX_KEPT_RUN_ENTRIES) {
      const run = this.dijkstra.save();
      this.kept += run.nodes.length;
      runs.set(key, run);
    }
  }

  private reachFrom(g: number): void {
    this.source = g;
    if (this.skeleton) return;
    this.runFrom(this.groupAttach[g]!);
  }

  private distanceTo(g: number): number {
    return this.skeleton
      ? this.skeleton.distance(this.source, g)
      : this.dijkstra.attachDistance(this.runSource, this.groupAttach[g]!, this.limit);
  }

  /** Distances from the last run to each group of `set` into `into`; returns the greatest. */
  private distancesFromRun(set: Int32Array, into: Float64Array): number {
    let ecc = 0;
    for (let i = 0; i < set.length; i++) {
      const d = this.distanceTo(set[i]!);
      into[i] = d;
      if (d > ecc) ecc = d;
    }
    return ecc;
  }

  /**
   * The greatest distance between any two of the seed g0 and its candidates when every such
   * distance is within the reach, else -1 (also when MAX_DIAMETER_RUNS runs do not settle it).
   * Exact, with eccentricity bounds (Takes & Kosters' BoundingDiameters): a run from a group w
   * gives its eccentricity e(w) = max d(w, x) over the set, a lower bound on the diameter, and,
   * when w is one node, the upper bound e(w) + d(w, x) on x's eccentricity (the triangle
   * inequality through that node); when w's points all lie within r of one node (hubRadius), the
   * bound e(w) + d(w, x) + 2r. A group whose upper bound is at most the lower bound cannot
   * hold a longer pair; the next run is from the group with the greatest upper bound. On a mesh
   * within reach this settles in two or three runs instead of one run per member.
   */
  private diameterOf(seed: number, cands: readonly number[]): number {
    const n = cands.length + 1;
    const set = new Int32Array(n);
    set[0] = seed;
    set.set(cands, 1);
    const upper = new Float64Array(n).fill(Infinity);
    const done = new Uint8Array(n);
    let lower = 0;
    // Distances from the group last run from (plain loops: this runs per run, over the domain).
    const distances = new Float64Array(n);
    const via = new Float64Array(n);
    for (let i = 1; i < n; i++) distances[i] = this.far[set[i]!]!;
    let ecc = 0;
    for (let i = 0; i < n; i++) ecc = Math.max(ecc, distances[i]!);
    let from = 0;
    for (let runs = 1; ; runs++) {
      done[from] = 1;
      if (exceeds(ecc, this.reachM)) return -1;
      lower = Math.max(lower, ecc);
      // Upper bounds through one node v: d(x, y) ≤ d(x, v) + d(v, y) for halls x and y, so x's
      // eccentricity is at most d(x, v) + max d(·, v). For a group that is one node the run just
      // made is from v; for a group whose points all lie near one node (hubRadius: a vertex in
      // the hall and crossings of its own trenches, the usual spur), the same run with that
      // distance added twice; for any other (rule 6's several nodes or crossings), one more run
      // from its nearest node.
      let through = distances;
      let throughEcc = ecc;
      const at = this.groupAttach[set[from]!]!;
      const radius = isNode(at) ? -1 : hubRadius(this.graph, at);
      if (radius >= 0) {
        domainWork.hubBounds++;
        // Through its hub h (hubRadius): d(x, h) ≤ d(x, group) + r and e(h) ≤ r + e(group), so
        // x's eccentricity is at most d(x, group) + e(group) + 2r: no second run.
        throughEcc = ecc + 2 * radius;
      } else if (!isNode(at)) {
        // Through its nearest node: the bounds are tightest there.
        let near = 0;
        for (let n = 1; n < at.nodes.length; n++) if (at.offsets[n]! < at.offsets[near]!) near = n;
        this.runFrom(nodeAttach(at.nodes[near]!));
        throughEcc = this.distancesFromRun(set, via);
        through = via;
      }
      for (let i = 0; i < n; i++) upper[i] = Math.min(upper[i]!, throughEcc + through[i]!);
      from = -1;
      for (let i = 0; i < n; i++) {
        domainWork.checks++;
        if (!done[i] && upper[i]! > lower && (from < 0 || upper[i]! > upper[from]!)) from = i;
      }
      if (from < 0) return lower;
      if (runs >= MAX_DIAMETER_RUNS) return -1;
      this.reachFrom(set[from]!);
      ecc = this.distancesFromRun(set, distances);
    }
  }

  domains(): { members: number[]; maxPathM: number }[] {
    const { groupOf, groupHalls, reachM } = this;
    const k = this.attach.length;
    const gCount = groupHalls.length;
    const assignedGroup = new Uint8Array(gCount);
    const far = (this.far = new Float64Array(gCount));
    const out: { members: number[]; maxPathM: number }[] = [];
    for (let p = 0; p < k; p++) {
      const g0 = groupOf[p]!;
      if (g0 < 0) {
        out.push({ members: [p], maxPathM: 0 });
        continue;
      }
      if (assignedGroup[g0]) continue;
      assignedGroup[g0] = 1;
      this.reachFrom(g0);
      // Candidates: later unassigned groups within reach of the seed, in order of their first hall.
      let cand: number[] = [];
      for (let g = g0 + 1; g < gCount; g++) {
        domainWork.checks++;
        if (assignedGroup[g]) continue;
        const d = this.distanceTo(g);
        if (exceeds(d, reachM)) continue;
        far[g] = d;
        cand.push(g);
      }
      const groups = [g0];
      let maxPathM = 0;
      if (!this.skeleton && cand.length > 0) {
        // Every candidate within reach of every other: the greedy takes them all, in order.
        const diameter = this.diameterOf(g0, cand);
        if (diameter >= 0) {
          for (const g of cand) {
            assignedGroup[g] = 1;
            groups.push(g);
          }
          maxPathM = diameter;
          cand = [];
        } else if (!this.skeletonTried) {
          this.skeletonTried = true;
          this.skeleton = skeletonDistances(this.graph, this.groupAttach, this.limit);
        }
      }
      while (cand.length > 0) {
        const g = cand[0]!;
        assignedGroup[g] = 1;
        groups.push(g);
        maxPathM = Math.max(maxPathM, far[g]!);
        this.reachFrom(g);
        const next: number[] = [];
        for (let i = 1; i < cand.length; i++) {
          domainWork.checks++;
          const c = cand[i]!;
          const d = this.distanceTo(c);
          if (exceeds(d, reachM)) continue;
          far[c] = Math.max(far[c]!, d);
          next.push(c);
        }
        cand = next;
      }
      const members: number[] = [];
      for (const g of groups) for (const h of groupHalls[g]!) members.push(h);
      sortAscending(members);
      out.push({ members, maxPathM });
    }
    return out;
  }
}
