import { NETWORK } from '../catalog';
import type { Layout } from '../model';
import { ATTACH_M, type FiberGraph } from './fiberGraph';
import { fail, pass } from './checks';
import { all, count, label, num } from './format';
import type { HallTable } from './halls';
import { greedyDomains } from './fiberDistance';
import { GridIndex, pickCellSize, prepareRect, preparedDistance } from './spatial';
import type { Check } from './types';

/** One-way propagation in single-mode fiber, µs per km (docs/sources.md "Physical constants"). */
export const US_PER_KM = 4.9;

/**
 * One-way latency over `pathM` metres of fiber through the catalog's planner-default number of
 * switch hops: km × 4.9 µs + hops × µs per hop (3 × 0.3 µs by default).
 */
export function oneWayLatencyUs(pathM: number): number {
  return (pathM / 1000) * US_PER_KM + NETWORK.hopsPerPath.value * NETWORK.switchHopUs.value;
}

export interface DomainCalc {
  /** Hall indices in the order they joined. */
  readonly halls: readonly number[];
  readonly itKw: number;
  readonly gpus: number;
  readonly maxPathM: number;
  readonly unattached: boolean;
}

export interface LatencyResult {
  readonly domains: readonly DomainCalc[];
  /** Per hall: index into `domains`, or -1 for a hall without racks. */
  readonly domainOfHall: Int32Array;
  /** Halls with racks attached nowhere (rule 6: no vertex in or near them, no crossing), file order. */
  readonly unattached: readonly number[];
  readonly hallsWithRacks: number;
  /** Per hall in file order (with or without racks): where it attaches. */
  readonly attachments: readonly HallAttachment[];
}

/** Where a hall meets the fiber network: its graph nodes, and the points on the campus. */
export interface HallAttachment {
  /** Graph nodes, sorted, without repeats. */
  readonly nodes: readonly number[];
  /** The attachment points as x0, y0, x1, y1 …: vertices, then edge crossings. */
  readonly points: readonly number[];
}

const NO_ATTACHMENT: HallAttachment = { nodes: [], points: [] };

/**
 * Where each hall attaches (rule 6): every trench vertex inside its footprint or within ATTACH_M
 * of its edge, and every crossing of its edge by a trench segment (the graph's crossing nodes; the
 * graph must be built with the layout's halls for those).
 */
export function hallAttachments(
  layout: Layout,
  hallIdx: readonly number[],
  graph: FiberGraph,
): HallAttachment[] {
  if (graph.vertexCount === 0 || hallIdx.length === 0) return hallIdx.map(() => NO_ATTACHMENT);
  const rects = hallIdx.map((h) => prepareRect(layout.halls[h]!));
  const grid = new GridIndex(
    pickCellSize(
      rects.map((r) => Math.max(r.maxX - r.minX, r.maxY - r.minY)),
      4,
    ),
    graph.vertexCount,
  );
  for (let v = 0; v < graph.vertexCount; v++)
    grid.insert(v, graph.vx[v]!, graph.vy[v]!, graph.vx[v]!, graph.vy[v]!);
  const crossed = graph.crossStart.length > 1;
  // Identical footprints (a stack of copies) are looked up once and share one attachment.
  const byFootprint = new Map<string, HallAttachment>();
  return rects.map((r, i) => {
    const key = `${r.cx},${r.cy},${r.hw},${r.hd},${r.cos},${r.sin}`;
    const known = byFootprint.get(key);
    if (known) return known;
    const nodes: number[] = [];
    const points: number[] = [];
    grid.query(r.minX - ATTACH_M, r.minY - ATTACH_M, r.maxX + ATTACH_M, r.maxY + ATTACH_M, (v) => {
      const x = graph.vx[v]!;
      const y = graph.vy[v]!;
      if (preparedDistance(r, x, y) <= ATTACH_M) {
        nodes.push(graph.vertexNode[v]!);
        points.push(x, y);
      }
    });
    if (crossed) {
      const h = hallIdx[i]!;
      for (let c = graph.crossStart[h]!; c < graph.crossStart[h + 1]!; c++) {
        nodes.push(graph.crossNode[c]!);
        points.push(graph.crossX[c]!, graph.crossY[c]!);
      }
    }
    nodes.sort((a, b) => a - b);
    const unique = nodes.filter((n, k) => k === 0 || nodes[k - 1] !== n);
    const attachment = { nodes: unique, points };
    byFootprint.set(key, attachment);
    return attachment;
  });
}

/** The nodes each hall attaches at (hallAttachments' nodes). */
export function attachHalls(
  layout: Layout,
  hallIdx: readonly number[],
  graph: FiberGraph,
): (readonly number[])[] {
  return hallAttachments(layout, hallIdx, graph).map((a) => a.nodes);
}

/**
 * docs/rules.md rule 6. Halls with racks are ordered by IT MW, largest first (ties: file order); the
 * greedy pass takes the first unassigned hall and adds every later unassigned hall, in that order,
 * that is within reach of every member so far; repeat. Halls with no attachment stay alone.
 */
export function computeDomains(
  layout: Layout,
  halls: HallTable,
  graph: FiberGraph,
  reachM: number,
): LatencyResult {
  const order: number[] = [];
  for (let h = 0; h < halls.count; h++) if (halls.racks[h]! > 0) order.push(h);
  // IT compared in whole watts, so halls of equal load tie exactly (whatever the order their rows
  // were summed in) and fall back to file order.
  const watts = (h: number) => Math.round(halls.itKw[h]! * 1000);
  order.sort((a, b) => watts(b) - watts(a) || a - b);
  const k = order.length;
  const attachments = hallAttachments(
    layout,
    layout.halls.map((_, h) => h),
    graph,
  );
  const attach = order.map((h) => attachments[h]!.nodes);

  // Greedy, deterministic domains.
  const domainOfHall = new Int32Array(halls.count).fill(-1);
  const domains: DomainCalc[] = greedyDomains(graph, attach, reachM).map(
    ({ members, maxPathM }) => {
      const hallIdx = members.map((m) => order[m]!);
      return {
        halls: hallIdx,
        itKw: hallIdx.reduce((s, h) => s + halls.itKw[h]!, 0),
        gpus: hallIdx.reduce((s, h) => s + halls.gpus[h]!, 0),
        maxPathM,
        unattached: attach[members[0]!]!.length === 0,
      };
    },
  );
  domains.forEach((d, i) => {
    for (const h of d.halls) domainOfHall[h] = i;
  });
  const unattached = order.filter((_, p) => attach[p]!.length === 0).sort((a, b) => a - b);
  return { domains, domainOfHall, unattached, hallsWithRacks: k, attachments };
}

/** `fiber-connectivity`: every hall with racks is attached to a trench. */
export function checkFiberConnectivity(layout: Layout, latency: LatencyResult): Check {
  const n = latency.hallsWithRacks;
  if (n === 0) return pass('fiber-connectivity', 'No halls with racks: nothing to connect');
  const bad = latency.unattached;
  if (bad.length === 0)
    return pass('fiber-connectivity', `${all(n, 'hall')} with racks attached to the fiber network`);
  return fail(
    'fiber-connectivity',
    `${num(bad.length, 0)} of ${count(n, 'hall')} with racks not on any fiber trench, e.g. ${label(layout.halls[bad[0]!]!)}`,
    bad.map((h) => layout.halls[h]!.id),
  );
}
