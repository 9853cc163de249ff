import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFiberTrench, createHall, type FiberTrench } from '../kinds';
import { dijkstraDistances, domainWork, greedyDomains, skeletonDistances } from './fiberDistance';
import { buildFiberGraph, type FiberGraph } from './fiberGraph';
import { hallAttachments, type HallAttachment } from './latency';
import { exceeds } from './format';
import { layoutOf } from './testing';

/** Points on a 50 m grid, some nudged by up to 0.8 m so vertices merge and endpoints join segments. */
const point = fc
  .tuple(
    fc.integer({ min: 0, max: 3 }),
    fc.integer({ min: 0, max: 3 }),
    fc.constantFrom(0, 0, 0, 0.4, -0.7, 0.8),
  )
  .map(([i, j, nudge]): [number, number] => [i * 50 + nudge, j * 50 + (i % 2 ? nudge : 0)]);
const trench = fc.array(point, { minLength: 2, maxLength: 5 });
/** Halls (30 × 30 m) centred on grid points or beside them, so most attach and some don't. */
const hall = fc
  .tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom(0, 10, 25))
  .map(([i, j, offset]) => [i * 50 + offset, j * 50] as const);

function distancesBothWays(
  trenches: FiberTrench[],
  hallCentres: readonly (readonly [number, number])[],
  limit: number,
  side = 30,
) {
  const layout = layoutOf({
    halls: hallCentres.map(([x, y], i) =>
      createHall(`h${i}`, { x, y }, { width: side, depth: side }),
    ),
    fiberTrenches: trenches,
  });
  const graph = buildFiberGraph(layout.fiberTrenches);
  const attach = hallAttachments(
    layout,
    layout.halls.map((_, i) => i),
    graph,
  );
  return {
    fast: skeletonDistances(graph, attach, limit)!,
    plain: dijkstraDistances(graph, attach, limit),
    k: attach.length,
  };
}

describe('hall-to-hall fiber distances', () => {
  it('the skeleton method equals one Dijkstra per hall on random networks', () => {
    fc.assert(
      fc.property(
        fc.array(trench, { minLength: 1, maxLength: 12 }),
        fc.array(hall, { minLength: 2, maxLength: 10 }),
        fc.constantFrom(Infinity, 120, 300),
        (paths, centres, limit) => {
          const trenches = paths.map((pts, i) => createFiberTrench(`t${i}`, pts));
          const { fast, plain, k } = distancesBothWays(trenches, centres, limit);
          for (let p = 0; p < k; p++) {
            for (let q = 0; q < k; q++) {
              const a = fast.distance(p, q);
              const b = plain.distance(p, q);
              if (a === Infinity || b === Infinity) expect(a).toBe(b);
              else expect(a).toBeCloseTo(b, 6);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('handles a pure loop, a leaf hall on a leaf hall, and parallel trenches', () => {
    const trenches = [
      createFiberTrench('loop', [
        [0, 0],
        [100, 0],
        [100, 100],
        [50, 100],
        [0, 100],
        [0, 0],
      ]),
      createFiberTrench('pair', [
        [300, 0],
        [340, 0],
      ]),
      createFiberTrench('parallel-1', [
        [500, 0],
        [600, 0],
      ]),
      createFiberTrench('parallel-2', [
        [500, 0],
        [550, 40],
        [600, 0],
      ]),
    ];
    const centres: [number, number][] = [
      [0, 0],
      [100, 100],
      [50, 100],
      [300, 0],
      [340, 0],
      [500, 0],
      [600, 0],
      [550, 40],
    ];
    // (1 m halls: each holds only the vertex at its centre, and the trenches leaving it cross
    // its edge within 1 m of that vertex, which adds nothing: rule 6.)
    const { fast, plain, k } = distancesBothWays(trenches, centres, Infinity, 1);
    for (let p = 0; p < k; p++)
      for (let q = 0; q < k; q++) expect(fast.distance(p, q)).toBeCloseTo(plain.distance(p, q), 9);
    expect(fast.distance(0, 1)).toBeCloseTo(200, 9);
    expect(fast.distance(0, 2)).toBeCloseTo(150, 9);
    expect(fast.distance(3, 4)).toBeCloseTo(40, 9);
    expect(fast.distance(5, 6)).toBeCloseTo(100, 9);
    expect(fast.distance(5, 7)).toBeCloseTo(Math.hypot(50, 40), 9);
    expect(fast.distance(0, 3)).toBe(Infinity);
  });
});

/** Rule 6 of docs/rules.md read literally, over a full pair table: the reference for greedyDomains. */
function literalGreedy(
  distance: (p: number, q: number) => number,
  attached: (p: number) => boolean,
  k: number,
  reachM: number,
) {
  const assigned = new Uint8Array(k);
  const out: { members: number[]; maxPathM: number }[] = [];
  for (let p = 0; p < k; p++) {
    if (assigned[p]) continue;
    assigned[p] = 1;
    const members = [p];
    let maxPathM = 0;
    // A hall on no trench stays alone.
    for (let q = p + 1; q < k && attached(p); q++) {
      if (assigned[q] || !attached(q)) continue;
      const ds = members.map((m) => distance(m, q));
      if (ds.some((d) => exceeds(d, reachM))) continue;
      assigned[q] = 1;
      members.push(q);
      maxPathM = Math.max(maxPathM, ...ds);
    }
    out.push({ members, maxPathM });
  }
  return out;
}

/**
 * Rule 6 read literally: a graph with a node of its own at every crossing, splitting its piece,
 * and the halls attached at those nodes and at their vertices' nodes; plain Dijkstra (O(n²)) from
 * each hall. The reference for the attachments' ways to nodes and along pieces.
 */
function literalDistances(graph: FiberGraph, attach: readonly HallAttachment[]) {
  let n = graph.nodeCount;
  const hallNodes: number[][] = attach.map((a) => a.nodes.filter((_, i) => a.offsets[i] === 0));
  // Crossings on each piece, each a node.
  const onPiece = new Map<number, { along: number; node: number }[]>();
  attach.forEach((a, h) => {
    for (let i = 0; i < a.onPieces.length; i += 2) {
      const piece = a.onPieces[i]!;
      const node = n++;
      hallNodes[h]!.push(node);
      const list = onPiece.get(piece) ?? [];
      list.push({ along: a.onPieces[i + 1]!, node });
      onPiece.set(piece, list);
    }
  });
  const adj: [number, number][][] = Array.from({ length: n }, () => []);
  const edge = (a: number, b: number, l: number) => {
    adj[a]!.push([b, l]);
    adj[b]!.push([a, l]);
  };
  for (let piece = 0; piece < graph.pieceLen.length; piece++) {
    const stops = (onPiece.get(piece) ?? []).sort((p, q) => p.along - q.along);
    let prev = graph.pieceFrom[piece]!;
    let prevAlong = 0;
    for (const c of stops) {
      edge(prev, c.node, c.along - prevAlong);
      prev = c.node;
      prevAlong = c.along;
    }
    edge(prev, graph.pieceTo[piece]!, graph.pieceLen[piece]! - prevAlong);
  }
  return (p: number, q: number): number => {
    if (p === q) return 0;
    const dist = new Array<number>(n).fill(Infinity);
    const done = new Array<boolean>(n).fill(false);
    for (const v of hallNodes[p]!) dist[v] = 0;
    for (;;) {
      let v = -1;
      for (let w = 0; w < n; w++) if (!done[w] && (v < 0 || dist[w]! < dist[v]!)) v = w;
      if (v < 0 || dist[v] === Infinity) break;
      done[v] = true;
      for (const [w, l] of adj[v]!) dist[w] = Math.min(dist[w]!, dist[v]! + l);
    }
    return Math.min(...hallNodes[q]!.map((v) => dist[v]!));
  };
}

describe('hall-edge crossings (rule 6)', () => {
  it('distances equal a graph with a node at every crossing, on random networks', () => {
    fc.assert(
      fc.property(
        fc.array(trench, { minLength: 1, maxLength: 10 }),
        fc.array(hall, { minLength: 2, maxLength: 8 }),
        fc.constantFrom(20, 30, 44),
        (paths, centres, side) => {
          const layout = layoutOf({
            halls: centres.map(([x, y], i) =>
              createHall(`h${i}`, { x, y }, { width: side, depth: side }),
            ),
            fiberTrenches: paths.map((pts, i) => createFiberTrench(`t${i}`, pts)),
          });
          const graph = buildFiberGraph(layout.fiberTrenches);
          const attach = hallAttachments(
            layout,
            layout.halls.map((_, i) => i),
            graph,
          );
          const literal = literalDistances(graph, attach);
          const plain = dijkstraDistances(graph, attach, Infinity);
          const fast = skeletonDistances(graph, attach, Infinity)!;
          for (let p = 0; p < attach.length; p++) {
            for (let q = 0; q < attach.length; q++) {
              const want = literal(p, q);
              for (const got of [plain.distance(p, q), fast.distance(p, q)]) {
                if (want === Infinity || got === Infinity) expect(got).toBe(want);
                else expect(got).toBeCloseTo(want, 6);
              }
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('two halls crossed by one trench: the way between their crossings, along the piece or around', () => {
    // A straight trench 0–400 along y = 0, its ends far outside both halls, so the halls attach
    // only where it crosses their edges: A (x −20…20) at 20, B (x 280…320) at 280. A second trench
    // joins the first at x = 100 (a T-junction), so the crossings lie on different pieces.
    const straight = [
      createFiberTrench('main', [
        [-100, 0],
        [400, 0],
      ]),
    ];
    const teed = [
      ...straight,
      createFiberTrench('tee', [
        [100, 0],
        [100, 200],
      ]),
    ];
    for (const trenches of [straight, teed]) {
      const { fast, plain } = distancesBothWays(
        trenches,
        [
          [0, 0],
          [300, 0],
        ],
        Infinity,
        40,
      );
      expect(plain.distance(0, 1)).toBeCloseTo(260, 9);
      expect(fast.distance(0, 1)).toBeCloseTo(260, 9);
    }
  });
});

describe('greedy latency domains', () => {
  it("bounds a hall attached near one node through that node, its points' distance added", () => {
    // One trench through three 30 m halls: each attaches by its vertex or crossings near the
    // middle node. The longest path (the outer halls, 30 m apart along it) needs the bound's 2r:
    // without it, the seed's run alone looks settled and the domain's path reads 0.
    const layout = layoutOf({
      halls: [100, 70, 130].map((x, i) =>
        createHall(`h${i}`, { x, y: 0 }, { width: 30, depth: 30 }),
      ),
      fiberTrenches: [
        createFiberTrench('t', [
          [0, 0],
          [100, 0],
          [200, 0],
        ]),
      ],
    });
    const graph = buildFiberGraph(layout.fiberTrenches);
    const attach = hallAttachments(
      layout,
      layout.halls.map((_, i) => i),
      graph,
    );
    const plain = dijkstraDistances(graph, attach, 120 * (1 + 1e-9));
    const expected = literalGreedy(
      (p, q) => plain.distance(p, q),
      (p) => attach[p]!.nodes.length > 0,
      attach.length,
      120,
    );
    expect(expected.map((d) => d.maxPathM)).toEqual([30]);
    const got = greedyDomains(graph, attach, 120, false);
    expect(got.map((d) => d.members)).toEqual([[0, 1, 2]]);
    expect(got[0]!.maxPathM).toBeCloseTo(30, 9);
  });

  it('with and without the skeleton (and its diameter shortcut) equal the rule read literally', () => {
    const hubBounds = domainWork.hubBounds;
    fc.assert(
      fc.property(
        fc.array(trench, { minLength: 1, maxLength: 12 }),
        fc.array(hall, { minLength: 2, maxLength: 14 }),
        fc.constantFrom(120, 200, 300, 1000),
        (paths, centres, reachM) => {
          const layout = layoutOf({
            halls: centres.map(([x, y], i) =>
              createHall(`h${i}`, { x, y }, { width: 30, depth: 30 }),
            ),
            fiberTrenches: paths.map((pts, i) => createFiberTrench(`t${i}`, pts)),
          });
          const graph = buildFiberGraph(layout.fiberTrenches);
          const attach = hallAttachments(
            layout,
            layout.halls.map((_, i) => i),
            graph,
          );
          const plain = dijkstraDistances(graph, attach, reachM * (1 + 1e-9));
          const expected = literalGreedy(
            (p, q) => plain.distance(p, q),
            (p) => attach[p]!.nodes.length > 0,
            attach.length,
            reachM,
          );
          for (const useSkeleton of [true, false]) {
            const got = greedyDomains(graph, attach, reachM, useSkeleton);
            expect(got.map((d) => d.members)).toEqual(expected.map((d) => d.members));
            got.forEach((d, i) => expect(d.maxPathM).toBeCloseTo(expected[i]!.maxPathM, 6));
          }
        },
      ),
      { numRuns: 300 },
    );
    // The diameter's bound through a hall's hub (one run per step) was among what was checked.
    expect(domainWork.hubBounds).toBeGreaterThan(hubBounds);
  });
});
