import { describe, expect, test } from 'vitest';
import { parseLayoutText } from '../src/domain/format';
import { computeReport } from '../src/domain/report';
import { domainWork, greedyDomains } from '../src/domain/report/fiberDistance';
import {
  buildFiberGraph,
  CROSSING_BUDGET,
  crossingWork,
  gridWork,
  type FiberGraph,
} from '../src/domain/report/fiberGraph';
import { OVERLAP_BUDGET, overlapWork, scanOverlaps } from '../src/domain/report/land';
import { hallAttachments } from '../src/domain/report/latency';
import { gridIndexWork } from '../src/domain/report/spatial';
import { checkOf, layoutOf } from '../src/domain/report/testing';
import type { Layout } from '../src/domain';
import { createHall, rectOf } from '../src/domain/kinds';
import {
  collidingTrenchPoints,
  hallMesh,
  shortTrenchUnionM,
  manyElements,
  manyPlant,
  MESH_SPACING_M,
  mixedSizeHalls,
  oldCoordinateHash,
  stackedHalls,
  stackedRows,
  zigZagPlusShortTrenches,
} from './hostileLayouts';

/** Every operation counter of the report's grids, graph, overlap sweep and domains, summed. */
function totalWork(): number {
  return (
    overlapWork.visits +
    domainWork.settled +
    domainWork.checks +
    gridWork.entries +
    gridWork.visits +
    gridWork.merges +
    gridIndexWork.cells +
    gridIndexWork.visits +
    crossingWork.tests
  );
}

/** Crossings of hall edges by trenches (rule 6), over all halls. */
function crossingsOf(layout: Layout, graph: FiberGraph): number {
  return hallAttachments(
    layout,
    layout.halls.map((_, i) => i),
    graph,
  ).reduce((n, a) => n + a.onPieces.length / 2, 0);
}

/** The work `run` does, by the counters. */
function workOf(run: () => void): number {
  const before = totalWork();
  run();
  return totalWork() - before;
}

/** Doubling the input at most multiplies the work by this (linear is 2; quadratic 4). */
const NEAR_LINEAR = 2.6;

describe('issue 9 hostile layouts: correct figures', () => {
  test('stacked halls: n(n − 1)/2 overlapping pairs, counted without a sweep', () => {
    const work = workOf(() => {
      const c = checkOf(computeReport(stackedHalls(2000)), 'overlap');
      expect(c.message).toBe('H0 overlaps h1 (+1,998,999 pairs)');
    });
    expect(work).toBe(0);
  });

  test('stacked rows: n(n − 1)/2 overlapping row pairs, counted without a sweep', () => {
    const work = workOf(() => {
      const c = checkOf(computeReport(stackedRows(2000)), 'overlap');
      expect(c.message).toBe('Row r0 overlaps row r1 in h0 (+1,998,999 row pairs)');
    });
    expect(work).toBe(0);
  });

  test('a mesh of halls within reach: one domain of every hall, longest path corner to corner', () => {
    const side = 12;
    const r = computeReport(hallMesh(side));
    expect(r.domains).toHaveLength(1);
    expect(r.domains[0]!.hallIds).toHaveLength(side * side);
    // Less 2 m at each end: the 4 m halls attach where the trenches cross their edges (rule 6).
    expect(r.domains[0]!.maxPathM).toBeCloseTo(2 * (side - 1) * MESH_SPACING_M - 4, 6);
  });

  test('the zig-zag among short trenches: route length is the union of the segments', () => {
    const [nShort, zig] = [500, 40];
    const layout = zigZagPlusShortTrenches(nShort, zig);
    const r = computeReport(layout);
    const zigLength = zig * Math.hypot(10_000 / zig, 10_000);
    expect(r.totals.fiberRouteM).toBeCloseTo(shortTrenchUnionM(layout) + zigLength, 3);
    expect(r.totals.fiberTrenchM).toBeCloseTo(nShort * 2 + zigLength, 3);
  });

  test('colliding points do collide in the old hash, and stay distinct nodes', () => {
    const layout = collidingTrenchPoints(30_000);
    const points = layout.fiberTrenches.flatMap((t) => t.points);
    expect(points).toHaveLength(30_000);
    const hashes = new Set(points.map(([x, y]) => oldCoordinateHash(x, y)));
    expect(hashes.size).toBe(1);
    const graph = buildFiberGraph(layout.fiberTrenches);
    expect(graph.nodeCount).toBe(30_000);
    const r = computeReport(layout);
    // Three trenches of 10,000 points 2 m apart (y moved by under a millimetre).
    expect(r.totals.fiberRouteM).toBeCloseTo(3 * 9_999 * 2, 0);
  });

  test('version 2 plant at scale: loads and reports; it counts toward the element and point limits', () => {
    const ok = parseLayoutText(JSON.stringify(manyPlant(3_000, 20, 500)));
    expect(ok.ok).toBe(true);
    if (ok.ok) {
      expect(ok.layout.generatorYards).toHaveLength(1_000);
      expect(ok.layout.coolingPlants).toHaveLength(1_000);
      expect(ok.layout.powerFeeders[19]!.phaseId).toBe('ph-2');
      expect(computeReport(ok.layout).checks.length).toBeGreaterThan(0);
    }
    // 199,950 plant elements + 100 feeders: 200,050 elements in all.
    const many = parseLayoutText(JSON.stringify(manyPlant(199_950, 100, 2)));
    expect(!many.ok && many.error.message).toContain('200,050 elements in all');
    // 21 feeders of 10,000 points: 210,000 polyline points.
    const points = parseLayoutText(JSON.stringify(manyPlant(3, 21, 10_000)));
    expect(!points.ok && points.error.message).toBe(
      'powerFeeders: has 210,000 polyline points in all (trenches and feeders); at most 200,000 are allowed',
    );
    // One feeder over the per-list limit.
    const long = parseLayoutText(JSON.stringify(manyPlant(3, 1, 10_001)));
    expect(!long.ok && long.error.message).toBe(
      'powerFeeders[0].points: has 10,001 points; at most 10,000 are allowed',
    );
  }, 60_000);

  test('600,000 elements: refused, naming the count and the limit', () => {
    const result = parseLayoutText(JSON.stringify(manyElements(210_000)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain(
      'fiberTrenches: has 210,000 elements; at most 200,000 are allowed',
    );
  });
});

describe('issue 9 hostile layouts: work grows about linearly', () => {
  test('stacked halls of mixed sizes: the sweep stops at its budget however many there are', () => {
    const sweep = (n: number) =>
      workOf(() => {
        const scan = scanOverlaps(mixedSizeHalls(n).halls.map(rectOf), 50_000);
        expect(scan.complete).toBe(false);
        expect(scan.count).toBe(50_000);
      });
    expect(sweep(2000)).toBe(50_000);
    expect(sweep(4000)).toBe(50_000);
    expect(OVERLAP_BUDGET).toBe(4_000_000);
  });

  test('a long zig-zag among many short trenches: no segment visited by every look-up', () => {
    const work = (nShort: number, zig: number) =>
      workOf(() => void buildFiberGraph(zigZagPlusShortTrenches(nShort, zig).fiberTrenches));
    const base = work(2000, 100);
    // More short trenches, or a longer zig-zag: about linear.
    expect(work(4000, 100)).toBeLessThanOrEqual(NEAR_LINEAR * base);
    expect(work(2000, 200)).toBeLessThanOrEqual(NEAR_LINEAR * base);
    // Both at once in the same square: each long segment walks the occupied cells along it, about
    // its length over the points' spacing, so n^1.5 (2.83 per doubling); every look-up visiting
    // every long segment (the old oversize list) was n² (4 per doubling, 400,000 here).
    expect(work(4000, 200)).toBeLessThanOrEqual(3 * base);
    expect(base).toBeLessThan(100_000);
  });

  test('trench points colliding in the old hash: merge work linear', () => {
    const work = (n: number) =>
      workOf(() => void buildFiberGraph(collidingTrenchPoints(n).fiberTrenches));
    const [w1, w2] = [work(20_000), work(40_000)];
    expect(w2).toBeLessThanOrEqual(NEAR_LINEAR * w1);
  });

  test('points piled on a tiny lattice: merge work linear', () => {
    const pile = (n: number) =>
      Array.from({ length: n / 100 }, (_, t) => ({
        id: `t${t}`,
        name: '',
        fiberCount: 12,
        points: Array.from({ length: 100 }, (_, k): [number, number] => [
          (k % 10) * 0.3,
          Math.floor(k / 10) * 0.3 + (t % 3) * 0.1,
        ]),
      }));
    const work = (n: number) => workOf(() => void buildFiberGraph(pile(n)));
    const [w1, w2] = [work(10_000), work(20_000)];
    expect(w2).toBeLessThanOrEqual(NEAR_LINEAR * w1);
  });

  test('a mesh of thousands of halls in one domain (no skeleton table): work linear', () => {
    const work = (side: number) => {
      const layout = hallMesh(side);
      const graph = buildFiberGraph(layout.fiberTrenches);
      const attach = hallAttachments(
        layout,
        layout.halls.map((_, i) => i),
        graph,
      );
      return workOf(() => {
        const domains = greedyDomains(graph, attach, 2000, false);
        expect(domains).toHaveLength(1);
        expect(domains[0]!.members).toHaveLength(side * side);
        // Corner to corner along the mesh, less the 2 m from each corner hall's centre to where
        // the trench crosses its edge (rule 6).
        expect(domains[0]!.maxPathM).toBeCloseTo(2 * (side - 1) * MESH_SPACING_M - 4, 6);
      });
    };
    // 1,600 and 3,136 halls: before, one Dijkstra over the mesh per hall (quadratic).
    const [w1, w2] = [work(40), work(56)];
    expect(w2).toBeLessThanOrEqual(NEAR_LINEAR * w1);
  });

  test('hall-edge crossings over a mesh of halls (rule 6): work linear', () => {
    const work = (side: number) => {
      const layout = hallMesh(side);
      return workOf(() => {
        const graph = buildFiberGraph(layout.fiberTrenches);
        // Every 4 m hall is crossed by two trenches, each entering and leaving (4 crossings),
        // except where a trench ends at a hall's centre on the mesh's rim (2 × 2 × side ends).
        expect(crossingsOf(layout, graph)).toBe(4 * side * side - 4 * side);
      });
    };
    const [w1, w2] = [work(40), work(56)];
    expect(w2).toBeLessThanOrEqual(NEAR_LINEAR * w1);
  });

  test('thousands of distinct halls stacked on a long trench: crossing tests stop at their budget', () => {
    const work = (n: number) => {
      const layout = mixedSizeHalls(n);
      // 600 segments, each through the whole stack.
      const trench = {
        id: 't',
        name: '',
        fiberCount: 12,
        points: Array.from({ length: 601 }, (_, k): [number, number] => [
          k % 2 === 0 ? -500 : 500,
          k * 0.001,
        ]),
      };
      const graph = buildFiberGraph([trench]);
      return workOf(() => void crossingsOf({ ...layout, fiberTrenches: [trench] }, graph));
    };
    const [w1, w2] = [work(4000), work(8000)];
    // Each segment crosses every hall twice: the crossings stop at MAX_CROSSINGS, after
    // MAX_CROSSINGS / (2n) segments, so doubling the stack does not double the work.
    expect(w2).toBeLessThanOrEqual(1.5 * w1);
    expect(w2).toBeLessThan(CROSSING_BUDGET);
  });

  test('two halls crossed by every segment of a long zig-zag: domain work linear in the crossings', () => {
    const work = (segments: number) => {
      const trench = {
        id: 't',
        name: '',
        fiberCount: 12,
        points: Array.from({ length: segments + 1 }, (_, k): [number, number] => [
          k % 2 === 0 ? -500 : 500,
          k * 0.001,
        ]),
      };
      // 20 × 200 m halls 1 cm apart: each has two crossings on every segment.
      const halls = [0, 0.01].map((x, i) =>
        createHall(`h${i}`, { x, y: 0 }, { width: 20, depth: 200 }),
      );
      const layout = layoutOf({ halls, fiberTrenches: [trench] });
      const graph = buildFiberGraph([trench]);
      const attach = hallAttachments(layout, [0, 1], graph);
      expect(attach[0]!.onPieces.length / 2).toBe(2 * segments);
      return workOf(() => {
        const domains = greedyDomains(graph, attach, 2000);
        expect(domains).toHaveLength(1);
      });
    };
    // Before, every crossing of one hall was compared with every crossing of the other.
    const [w1, w2] = [work(4000), work(8000)];
    expect(w2).toBeLessThanOrEqual(NEAR_LINEAR * w1);
  });

  test('attaching stacked halls over a mesh: each footprint looked up once', () => {
    const work = (n: number) => {
      const mesh = hallMesh(20);
      const layout = { ...mesh, halls: [...mesh.halls, ...stackedHalls(n).halls] };
      const graph = buildFiberGraph(layout.fiberTrenches);
      return workOf(
        () =>
          void hallAttachments(
            layout,
            layout.halls.map((_, i) => i),
            graph,
          ),
      );
    };
    const [w1, w2] = [work(2000), work(4000)];
    expect(w2).toBe(w1);
  });
});
