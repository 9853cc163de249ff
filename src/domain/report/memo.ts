import type { CoolingZone, FiberTrench, Hall, RackRow } from '../kinds';
import type { Layout } from '../model';
import type { CoolingMemo } from './cooling';
import { fiberTotals } from './fiber';
import { buildFiberGraph, type FiberGraph } from './fiberGraph';
import type { FloorMemo } from './floor';
import type { HallTable } from './halls';
import type { GeometryMemo, OverlapMemo, PlacementMemo } from './land';
import { computeDomains, createDomainKeep, type DomainKeep, type LatencyResult } from './latency';
import type { RowsMemo } from './rows';
import type { HallReport, RowReport, ZoneReport } from './types';

/**
 * What computeReport kept of the last layout it computed with this memo, so that the next one
 * recomputes only what an edit touched. Documents are immutable: an unchanged hall, row or trench
 * keeps its identity, and an unchanged collection keeps its array. Every slot is keyed by the
 * identities (or, for positions, the values) its figures depend on, so what it gives back is
 * exactly what a fresh computation gives. The caller owns it (one per editor): nothing is kept
 * in module state, and it holds the figures of one layout only.
 *
 * A moved hall changes its own rows' centres (so their cooling zones) and its own fiber attachment;
 * the other rows keep their figures, zones and records, every hall's floor loads and row overlaps
 * (in its own frame) stay, the fiber graph (trenches only) stays, and so do the other halls'
 * attachments and the Dijkstra runs from them.
 */
export interface ReportMemo
  extends RowsMemo, FloorMemo, CoolingMemo, OverlapMemo, GeometryMemo, PlacementMemo {
  fiberTotals?: {
    readonly trenches: readonly FiberTrench[];
    readonly totals: ReturnType<typeof fiberTotals>;
  };
  /** The fiber graph, for these trenches (halls are not part of it). */
  graph?: { readonly trenches: readonly FiberTrench[]; readonly graph: FiberGraph };
  /** Hall attachments and Dijkstra runs of the last latency domains, for their graph and reach. */
  domainKeep?: DomainKeep;
  /** Latency domains, for this graph, these hall footprints, hall figures and reach. */
  latency?: {
    readonly graph: FiberGraph;
    readonly footprints: Float64Array;
    readonly hallFigures: Float64Array;
    readonly reachM: number;
    readonly result: LatencyResult;
  };
  /** The row records of the last report, with the rows they describe. */
  rowReports?: { readonly rackRows: readonly RackRow[]; readonly reports: readonly RowReport[] };
  /** The last report's hall records (hallReportsOf keeps those that come out the same). */
  hallReports?: readonly HallReport[];
  /** The zone records of the last report, with the rows, zones and zone rows they describe. */
  zoneReports?: ZoneReportMemo;
}

/** The zone records of a report, with the rows, zones and zone rows they describe. */
export interface ZoneReportMemo {
  readonly rackRows: readonly RackRow[];
  readonly zones: readonly CoolingZone[];
  readonly rowsOfZone: readonly (readonly number[])[];
  readonly reports: readonly ZoneReport[];
}

/** A memo for computeReport(layout, { memo }): one per editor (or per sequence of edits). */
export function createReportMemo(): ReportMemo {
  return {};
}

/** fiberTotals, the same while the trenches array is. */
export function memoFiberTotals(
  trenches: readonly FiberTrench[],
  memo: ReportMemo | undefined,
): ReturnType<typeof fiberTotals> {
  if (memo?.fiberTotals?.trenches === trenches) return memo.fiberTotals.totals;
  const totals = fiberTotals(trenches);
  if (memo) memo.fiberTotals = { trenches, totals };
  return totals;
}

/** buildFiberGraph(trenches), the same while the trenches array is. */
export function memoFiberGraph(
  trenches: readonly FiberTrench[],
  memo: ReportMemo | undefined,
): FiberGraph {
  if (memo?.graph?.trenches === trenches) return memo.graph.graph;
  const graph = buildFiberGraph(trenches);
  if (memo) memo.graph = { trenches, graph };
  return graph;
}

/**
 * computeDomains, the same for the same graph, hall footprints, hall loads and reach; otherwise
 * computed with what the last call kept (attachments of unmoved halls, runs from them).
 */
export function memoDomains(
  layout: Layout,
  halls: HallTable,
  graph: FiberGraph,
  reachM: number,
  memo: ReportMemo | undefined,
): LatencyResult {
  if (!memo) return computeDomains(layout, halls, graph, reachM);
  const footprints = footprintsOf(layout.halls);
  // computeDomains reads the halls' footprints (attachments) and their IT kW, racks and GPUs.
  const hallFigures = new Float64Array(halls.count * 3);
  for (let h = 0; h < halls.count; h++) {
    hallFigures[h * 3] = halls.itKw[h]!;
    hallFigures[h * 3 + 1] = halls.racks[h]!;
    hallFigures[h * 3 + 2] = halls.gpus[h]!;
  }
  const known = memo.latency;
  if (
    known?.graph === graph &&
    known.reachM === reachM &&
    sameValues(known.footprints, footprints) &&
    sameValues(known.hallFigures, hallFigures)
  ) {
    return known.result;
  }
  const keep =
    memo.domainKeep?.graph === graph && memo.domainKeep.reachM === reachM
      ? memo.domainKeep
      : createDomainKeep(graph, reachM);
  memo.domainKeep = keep;
  const result = computeDomains(layout, halls, graph, reachM, keep);
  memo.latency = { graph, footprints, hallFigures, reachM, result };
  return result;
}

/** The footprints of halls as x, y, width, depth, rotation per hall. */
export function footprintsOf(halls: readonly Hall[]): Float64Array {
  const out = new Float64Array(halls.length * 5);
  for (let h = 0; h < halls.length; h++) {
    const r = halls[h]!;
    out[h * 5] = r.x;
    out[h * 5 + 1] = r.y;
    out[h * 5 + 2] = r.width;
    out[h * 5 + 3] = r.depth;
    out[h * 5 + 4] = r.rotation;
  }
  return out;
}

/** Same length and every value the same (NaN equal to NaN, +0 unequal to −0: Object.is). */
export function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
