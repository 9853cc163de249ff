import type { FiberGraph } from './fiberGraph';
import { exceeds } from './format';
import { MinHeap } from './heap';

/**
 * Fiber distances between halls, each hall given by the graph nodes it attaches at (docs/rules.md rule
 * 6: the shortest path between their attachment nodes, 0 if they share one). Distances beyond
 * `limit` (or between unconnected halls) read as Infinity: the latency domains never need them.
 */
export interface HallDistances {
  distance(p: number, q: number): number;
}

/** Largest skeleton the all-pairs table is built for; past it, one Dijkstra per hall instead. */
const MAX_SKELETON_TERMINALS = 2048;

export function hallDistances(
  graph: FiberGraph,
  attach: readonly (readonly number[])[],
  limit: number,
): HallDistances {
  return skeletonDistances(graph, attach, limit) ?? dijkstraDistances(graph, attach, limit);
}

/** Multi-source Dijkstra over a CSR graph, reusing its arrays between runs. */
class Dijkstra {
  private readonly dist: Float64Array;
  private readonly touched: number[] = [];
  private readonly heap: MinHeap;

  constructor(
    private readonly adjStart: Int32Array,
    private readonly adjTo: Int32Array,
    private readonly adjLen: Float64Array,
  ) {
    this.dist = new Float64Array(adjStart.length - 1).fill(Infinity);
    this.heap = new MinHeap(Math.max(16, adjTo.length + 1));
  }

  /**
   * Settles nodes in order of distance from the sources up to `limit`; `settle` returns true to
   * stop. Afterwards `distanceTo` reads the final distance of every settled node (and Infinity for
   * nodes past the limit) until the next run.
   */
  run(sources: readonly number[], limit: number, settle?: (v: number, d: number) => boolean): void {
    this.reset();
    const { dist, heap, touched, adjStart, adjTo, adjLen } = this;
    heap.clear();
    for (const s of sources) {
      if (dist[s] === Infinity) touched.push(s);
      dist[s] = 0;
      heap.push(0, s);
    }
    while (heap.size > 0) {
      const d = heap.peekKey();
      const v = heap.pop();
      if (d > dist[v]!) continue;
      if (d > limit || (settle && settle(v, d))) break;
      for (let e = adjStart[v]!; e < adjStart[v + 1]!; e++) {
        const w = adjTo[e]!;
        const nd = d + adjLen[e]!;
        if (nd < dist[w]!) {
          if (dist[w] === Infinity) touched.push(w);
          dist[w] = nd;
          heap.push(nd, w);
        }
      }
    }
  }

  /** The distance to a node settled in the last run (Infinity when unreached or past the limit). */
  distanceTo(v: number, limit: number): number {
    const d = this.dist[v]!;
    return d > limit ? Infinity : d;
  }

  private reset(): void {
    for (const v of this.touched) this.dist[v] = Infinity;
    this.touched.length = 0;
  }
}

/** Halls attached at each node, CSR. */
function hallsAtNodes(
  nodeCount: number,
  attach: readonly (readonly number[])[],
): { start: Int32Array; halls: Int32Array } {
  const start = new Int32Array(nodeCount + 1);
  for (const nodes of attach) for (const v of nodes) start[v + 1]!++;
  for (let v = 0; v < nodeCount; v++) start[v + 1]! += start[v]!;
  const halls = new Int32Array(start[nodeCount]!);
  const fill = start.slice(0, nodeCount);
  attach.forEach((nodes, p) => {
    for (const v of nodes) halls[fill[v]!++] = p;
  });
  return { start, halls };
}

/**
 * The plain method (and the reference the fast one is tested against): one Dijkstra per hall,
 * stopped past the limit or once every later hall has been reached, filling a pair table.
 */
export function dijkstraDistances(
  graph: FiberGraph,
  attach: readonly (readonly number[])[],
  limit: number,
): HallDistances {
  const k = attach.length;
  const dense = k <= 2048 ? new Float64Array(k * k).fill(Infinity) : null;
  const sparse = new Map<number, number>();
  const set = (p: number, q: number, d: number) => {
    if (dense) {
      dense[p * k + q] = d;
      dense[q * k + p] = d;
    } else {
      sparse.set(p * k + q, d);
      sparse.set(q * k + p, d);
    }
  };
  const at = hallsAtNodes(graph.nodeCount, attach);
  const dijkstra = new Dijkstra(graph.adjStart, graph.adjTo, graph.adjLen);
  const seen = new Int32Array(k); // seen[q] === p + 1: the distance p–q is known
  let attachedAfter = attach.reduce((n, a) => n + (a.length > 0 ? 1 : 0), 0);
  for (let p = 0; p < k; p++) {
    if (attach[p]!.length === 0) continue;
    let remaining = --attachedAfter;
    if (remaining === 0) break;
    dijkstra.run(attach[p]!, limit, (v, d) => {
      for (let i = at.start[v]!; i < at.start[v + 1]!; i++) {
        const q = at.halls[i]!;
        if (q <= p || seen[q] === p + 1) continue;
        seen[q] = p + 1;
        set(p, q, d);
        remaining--;
      }
      return remaining === 0;
    });
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
  attach: readonly (readonly number[])[],
  limit: number,
): HallDistances | null {
  const { nodeCount: n, adjStart, adjTo, adjLen, adjEdge } = graph;
  const terminal = new Uint8Array(n);
  for (const nodes of attach) for (const v of nodes) terminal[v] = 1;
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
  const anchorCount = attach.reduce((sum, nodes) => sum + nodes.length, 0);
  const anchorStart = new Int32Array(attach.length + 1);
  const aOrig = new Int32Array(anchorCount);
  const aNode = new Int32Array(anchorCount); // terminal index of a branch node, or -1 on a chain
  const aChain = new Int32Array(anchorCount);
  const aX = new Int32Array(anchorCount); // the chain's ends (terminal indices) and length
  const aY = new Int32Array(anchorCount);
  const aLen = new Float64Array(anchorCount);
  const aPos = new Float64Array(anchorCount);
  const aOff = new Float64Array(anchorCount);
  let a = 0;
  attach.forEach((nodes, p) => {
    for (const v of nodes) {
      const base = alive[v] ? v : host[v]!;
      aOrig[a] = v;
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
    dijkstra.run([src], limit, (v) => rel[v]! >= 0 && --remaining === 0);
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
      let best = Infinity;
      for (let a = anchorStart[p]!; a < anchorStart[p + 1]!; a++) {
        for (let b = anchorStart[q]!; b < anchorStart[q + 1]!; b++) {
          const d = anchorDistance(a, b);
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
export const domainWork = { settled: 0, checks: 0 };

/**
 * The greedy latency domains of rule 6 (docs/rules.md) over halls given in domain order (IT MW desc, file
 * order), each by the nodes it attaches at. The first unassigned hall seeds a domain; every later
 * unassigned hall within `reachM` of every member so far joins it, in order. Returns the domains as
 * lists of positions with the greatest member-to-member distance of each.
 *
 * No pair table past the skeleton's (MAX_SKELETON_TERMINALS): halls with the same attachment nodes are one group (distance 0 between them, the
 * same distance to everyone else, so they always join together); a group's distances come from one
 * Dijkstra from its nodes, cut off at the reach, run when it seeds or joins a domain — each group
 * at most once. The seed's run gives the candidates; each joining group's run drops the candidates
 * it cannot reach. Work: one bounded Dijkstra per group plus, per domain, its members times its
 * candidates.
 */
export function greedyDomains(
  graph: FiberGraph,
  attach: readonly (readonly number[])[],
  reachM: number,
  /** false: never the skeleton's table (the tests' way to reach the large-campus method). */
  useSkeleton = true,
): { members: number[]; maxPathM: number }[] {
  const limit = reachM * (1 + 1e-9);
  const k = attach.length;
  // Groups by identical attachment lists, numbered in order of their first hall.
  const groupOf = new Int32Array(k);
  const groupHalls: number[][] = [];
  const groupNodes: (readonly number[])[] = [];
  const byKey = new Map<string, number>();
  for (let p = 0; p < k; p++) {
    const nodes = attach[p]!;
    if (nodes.length === 0) {
      groupOf[p] = -1;
      continue;
    }
    const key = nodes.join(',');
    let g = byKey.get(key);
    if (g === undefined) {
      g = groupHalls.length;
      byKey.set(key, g);
      groupHalls.push([]);
      groupNodes.push(nodes);
    }
    groupOf[p] = g;
    groupHalls[g]!.push(p);
  }
  const gCount = groupHalls.length;
  // Each domain is first tried whole: one Dijkstra from its seed and a few more to bound the
  // diameter of its candidates (a campus within reach settles in two or three runs). When that
  // does not settle a domain, a small skeleton's all-pairs table (built then, once) answers any
  // pair at once from there on; past its size, one Dijkstra per joining group.
  let skeleton: HallDistances | null = null;
  let skeletonTried = !useSkeleton;
  let source = -1;
  const at = hallsAtNodes(graph.nodeCount, groupNodes);
  const dijkstra = new Dijkstra(graph.adjStart, graph.adjTo, graph.adjLen);
  // Distance from the group last run to each group it reached (stamped with the run number).
  const dist = new Float64Array(gCount);
  const stamp = new Int32Array(gCount);
  let run = 0;
  /** One bounded run from `sources` (a group's nodes, or one node), filling dist and stamp. */
  const runFrom = (sources: readonly number[]) => {
    run++;
    dijkstra.run(sources, limit, (v, d) => {
      domainWork.settled++;
      for (let i = at.start[v]!; i < at.start[v + 1]!; i++) {
        const h = at.halls[i]!;
        if (stamp[h] === run) continue;
        stamp[h] = run;
        dist[h] = d;
      }
      return false;
    });
  };
  const reachFrom = (g: number) => {
    source = g;
    if (skeleton) return;
    runFrom(groupNodes[g]!);
  };
  const distanceTo = (h: number) =>
    skeleton ? skeleton.distance(source, h) : stamp[h] === run ? dist[h]! : Infinity;

  /**
   * The greatest distance between any two of the seed g0 and its candidates when every such
   * distance is within the reach, else -1 (also when MAX_DIAMETER_RUNS runs do not settle it).
   * Exact, with eccentricity bounds (Takes & Kosters' BoundingDiameters): a run from a group w
   * gives its eccentricity e(w) = max d(w, x) over the set, a lower bound on the diameter, and,
   * when w attaches at one node, the upper bound e(w) + d(w, x) on x's eccentricity (the
   * triangle inequality through that node). A group whose upper bound is at most the lower bound
   * cannot hold a longer pair; the next run is from the group with the greatest upper bound. On a
   * mesh within reach this settles in two or three runs instead of one run per member.
   */
  const diameterOf = (seed: number, cands: readonly number[]): number => {
    const set = [seed, ...cands];
    const upper = new Float64Array(set.length).fill(Infinity);
    const done = new Uint8Array(set.length);
    let lower = 0;
    let distances = Float64Array.from(set, (g, i) => (i === 0 ? 0 : far[g]!));
    let from = 0;
    for (let runs = 1; ; runs++) {
      done[from] = 1;
      let ecc = 0;
      for (const d of distances) ecc = Math.max(ecc, d);
      if (exceeds(ecc, reachM)) return -1;
      lower = Math.max(lower, ecc);
      // Upper bounds through one node v: d(x, y) ≤ d(x, v) + d(v, y) for halls x and y (each
      // hall's distance to v is through its nearest node), so x's eccentricity is at most
      // d(x, v) + max d(·, v). For a group attached at one node the run just made is from v; for
      // a group attached at several (a trench crossing it: rule 6), one more run from its first.
      let via = distances;
      let viaEcc = ecc;
      const nodes = groupNodes[set[from]!]!;
      if (nodes.length !== 1) {
        runFrom([nodes[0]!]);
        via = Float64Array.from(set, (g) => distanceTo(g));
        viaEcc = 0;
        for (const d of via) viaEcc = Math.max(viaEcc, d);
      }
      for (let i = 0; i < set.length; i++) upper[i] = Math.min(upper[i]!, viaEcc + via[i]!);
      from = -1;
      for (let i = 0; i < set.length; i++) {
        domainWork.checks++;
        if (!done[i] && upper[i]! > lower && (from < 0 || upper[i]! > upper[from]!)) from = i;
      }
      if (from < 0) return lower;
      if (runs >= MAX_DIAMETER_RUNS) return -1;
      reachFrom(set[from]!);
      distances = Float64Array.from(set, (g) => distanceTo(g));
    }
  };

  const assignedGroup = new Uint8Array(gCount);
  const far = new Float64Array(gCount);
  const out: { members: number[]; maxPathM: number }[] = [];
  for (let p = 0; p < k; p++) {
    const g0 = groupOf[p]!;
    if (g0 < 0) {
      out.push({ members: [p], maxPathM: 0 });
      continue;
    }
    if (assignedGroup[g0]) continue;
    assignedGroup[g0] = 1;
    reachFrom(g0);
    // Candidates: later unassigned groups within reach of the seed, in order of their first hall.
    let cand: number[] = [];
    for (let g = g0 + 1; g < gCount; g++) {
      domainWork.checks++;
      if (assignedGroup[g]) continue;
      const d = distanceTo(g);
      if (exceeds(d, reachM)) continue;
      far[g] = d;
      cand.push(g);
    }
    const groups = [g0];
    let maxPathM = 0;
    if (!skeleton && cand.length > 0) {
      // Every candidate within reach of every other: the greedy takes them all, in order.
      const diameter = diameterOf(g0, cand);
      if (diameter >= 0) {
        for (const g of cand) {
          assignedGroup[g] = 1;
          groups.push(g);
        }
        maxPathM = diameter;
        cand = [];
      } else if (!skeletonTried) {
        skeletonTried = true;
        skeleton = skeletonDistances(graph, groupNodes, limit);
      }
    }
    while (cand.length > 0) {
      const g = cand[0]!;
      assignedGroup[g] = 1;
      groups.push(g);
      maxPathM = Math.max(maxPathM, far[g]!);
      reachFrom(g);
      const next: number[] = [];
      for (let i = 1; i < cand.length; i++) {
        domainWork.checks++;
        const c = cand[i]!;
        const d = distanceTo(c);
        if (exceeds(d, reachM)) continue;
        far[c] = Math.max(far[c]!, d);
        next.push(c);
      }
      cand = next;
    }
    const members = groups.flatMap((g) => groupHalls[g]!).sort((a, b) => a - b);
    out.push({ members, maxPathM });
  }
  return out;
}
