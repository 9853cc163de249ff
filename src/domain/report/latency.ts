import { NETWORK } from '../catalog';
import type { Layout } from '../model';
import {
  ATTACH_M,
  CROSSING_BUDGET,
  footprintCrossings,
  MAX_CROSSINGS,
  type FiberGraph,
} from './fiberGraph';
import { fail, pass } from './checks';
import { all, count, label, num } from './format';
import type { HallTable } from './halls';
import { greedyDomains, type Attach, type DijkstraRun } from './fiberDistance';
import { Reuse } from './reuse';
import { prepareRect, preparedWithin, type PreparedRect } from './spatial';
import type { Check } from './types';
import { orderBy, sortAscending } from './lists';

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

/**
 * Where a hall meets the fiber network (rule 6): the nodes it reaches with the way to each, its
 * crossings as points on pieces (Attach), and the points on the campus.
 */
export interface HallAttachment extends Attach {
  /** The attachment points as x0, y0, x1, y1 …: vertices, then edge crossings. */
  readonly points: readonly number[];
}

const NO_ATTACHMENT: HallAttachment = { nodes: [], offsets: [], onPieces: [], points: [] };

/** A footprint's attachment with the crossing budget it spent (for reuse: see hallAttachments). */
export interface KeptAttachment {
  readonly attachment: HallAttachment;
  readonly tests: number;
  readonly crossings: number;
}

/**
 * What computeDomains keeps between edits on one graph and reach (ReportMemo): each footprint's
 * attachment and each Dijkstra run. A moved hall changes its own attachment only; the graph and
 * the runs from the other halls stay.
 */
export interface DomainKeep {
  readonly graph: FiberGraph;
  readonly reachM: number;
  readonly attachments: Reuse<KeptAttachment>;
  readonly runs: Reuse<DijkstraRun>;
}

export function createDomainKeep(graph: FiberGraph, reachM: number): DomainKeep {
  return { graph, reachM, attachments: new Reuse(), runs: new Reuse() };
}

/**
 * Where each hall attaches (rule 6): every trench vertex inside its footprint or within ATTACH_M
 * of its edge, and every crossing of its edge by a trench segment. Halls with the same footprint
 * (a stack of copies) are looked up once and share one attachment. The crossing budget
 * (CROSSING_BUDGET, MAX_CROSSINGS) is spent footprint by footprint in file order; past it, halls
 * attach by their vertices only. With `kept` (the same graph), a footprint found before is taken
 * from it when the budget left covers what it spent, which is exactly when finding it again gives
 * the same.
 */
export function hallAttachments(
  layout: Layout,
  hallIdx: readonly number[],
  graph: FiberGraph,
  kept?: Reuse<KeptAttachment>,
): HallAttachment[] {
  const out: HallAttachment[] = [];
  if (graph.vertexCount === 0 || hallIdx.length === 0) {
    for (let k = 0; k < hallIdx.length; k++) out.push(NO_ATTACHMENT);
    return out;
  }
  const budget = { tests: CROSSING_BUDGET, crossings: MAX_CROSSINGS };
  const byFootprint = new Map<string, HallAttachment>();
  // A loop, not a callback: this runs on every report (see lists.ts).
  for (const h of hallIdx) {
    const hall = layout.halls[h]!;
    const key = `${hall.x},${hall.y},${hall.width},${hall.depth},${hall.rotation}`;
    const known = byFootprint.get(key);
    if (known) {
      out.push(known);
      continue;
    }
    const reuse = kept?.get(key);
    let attachment: HallAttachment;
    if (reuse && reuse.tests <= budget.tests && reuse.crossings <= budget.crossings) {
      budget.tests -= reuse.tests;
      budget.crossings -= reuse.crossings;
      attachment = reuse.attachment;
    } else {
      const before = { ...budget };
      const found = attachmentOf(graph, prepareRect(hall), budget);
      attachment = found.attachment;
      if (found.complete) {
        kept?.set(key, {
          attachment,
          tests: before.tests - budget.tests,
          crossings: before.crossings - budget.crossings,
        });
      }
    }
    byFootprint.set(key, attachment);
    out.push(attachment);
  }
  return out;
}

/** One footprint's attachment: its vertices, then its crossings (footprintCrossings). */
function attachmentOf(
  graph: FiberGraph,
  r: PreparedRect,
  budget: { tests: number; crossings: number },
): { attachment: HallAttachment; complete: boolean } {
  const way = new Map<number, number>();
  const points: number[] = [];
  const near: number[] = [];
  const nNear = graph.vertexGrid.query(
    r.minX - ATTACH_M,
    r.minY - ATTACH_M,
    r.maxX + ATTACH_M,
    r.maxY + ATTACH_M,
    near,
  );
  for (let q = 0; q < nNear; q++) {
    const v = near[q]!;
    const x = graph.vx[v]!;
    const y = graph.vy[v]!;
    if (preparedWithin(r, x, y, ATTACH_M)) {
      reach(way, graph.vertexNode[v]!, 0);
      points.push(x, y);
    }
  }
  const { crossings, complete } = footprintCrossings(graph, r, budget);
  const onPieces: number[] = [];
  for (const c of crossings) {
    reach(way, graph.pieceFrom[c.piece]!, c.along);
    reach(way, graph.pieceTo[c.piece]!, graph.pieceLen[c.piece]! - c.along);
    onPieces.push(c.piece, c.along);
    points.push(c.x, c.y);
  }
  const nodes: number[] = [];
  for (const n of way.keys()) nodes.push(n);
  sortAscending(nodes);
  const offsets: number[] = [];
  for (const n of nodes) offsets.push(way.get(n)!);
  return { attachment: { nodes, offsets, onPieces, points }, complete };
}

/** Records the way `d` to `node` when it is the shortest so far. */
function reach(way: Map<number, number>, node: number, d: number): void {
  const known = way.get(node);
  if (known === undefined || d < known) way.set(node, d);
}

/**
 * docs/rules.md rule 6. Halls with racks are ordered by IT MW, largest first (ties: file order); the
 * greedy pass takes the first unassigned hall and adds every later unassigned hall, in that order,
 * that is within reach of every member so far; repeat. Halls with no attachment stay alone.
 * `keep` (for this graph and reach) carries attachments and runs over from the last call.
 */
export function computeDomains(
  layout: Layout,
  halls: HallTable,
  graph: FiberGraph,
  reachM: number,
  keep?: DomainKeep,
): LatencyResult {
  const withRacks: number[] = [];
  for (let h = 0; h < halls.count; h++) if (halls.racks[h]! > 0) withRacks.push(h);
  // IT compared in whole watts, so halls of equal load tie exactly (whatever the order their rows
  // were summed in) and fall back to file order (orderBy keeps ties in index order).
  const key = new Float64Array(withRacks.length);
  for (let p = 0; p < withRacks.length; p++)
    key[p] = -Math.round(halls.itKw[withRacks[p]!]! * 1000);
  const order: number[] = [];
  for (const p of orderBy(key)) order.push(withRacks[p]!);
  const k = order.length;
  const useKeep = keep?.graph === graph && keep.reachM === reachM ? keep : undefined;
  useKeep?.attachments.turn();
  useKeep?.runs.turn();
  const every: number[] = [];
  for (let h = 0; h < layout.halls.length; h++) every.push(h);
  const attachments = hallAttachments(layout, every, graph, useKeep?.attachments);
  const attach: HallAttachment[] = [];
  for (const h of order) attach.push(attachments[h]!);

  // Greedy, deterministic domains (plain loops: this runs on every report).
  const domainOfHall = new Int32Array(halls.count).fill(-1);
  const domains: DomainCalc[] = [];
  for (const { members, maxPathM } of greedyDomains(graph, attach, reachM, true, useKeep?.runs)) {
    const hallIdx: number[] = [];
    let itKw = 0;
    let gpus = 0;
    for (const m of members) {
      const h = order[m]!;
      hallIdx.push(h);
      itKw += halls.itKw[h]!;
      gpus += halls.gpus[h]!;
      domainOfHall[h] = domains.length;
    }
    domains.push({
      halls: hallIdx,
      itKw,
      gpus,
      maxPathM,
      unattached: attach[members[0]!]!.nodes.length === 0,
    });
  }
  const unattached: number[] = [];
  for (let p = 0; p < k; p++) if (attach[p]!.nodes.length === 0) unattached.push(order[p]!);
  sortAscending(unattached);
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
