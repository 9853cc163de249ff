import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFiberTrench, type FiberTrench } from '../kinds';
import {
  buildFiberGraph,
  findJunctions,
  JOIN_M,
  MERGE_M,
  mergeVertices,
  type Join,
} from './fiberGraph';

/** The flat vertex arrays buildFiberGraph makes, trench by trench. */
function flatten(trenches: readonly FiberTrench[]) {
  const first = new Int32Array(trenches.length + 1);
  trenches.forEach((t, i) => (first[i + 1] = first[i]! + t.points.length));
  const pts = trenches.flatMap((t) => t.points);
  const vx = Float64Array.from(pts, (p) => p[0]);
  const vy = Float64Array.from(pts, (p) => p[1]);
  const trenchOf = Int32Array.from(
    trenches.flatMap((t, i) => t.points.map(() => i)),
    (v) => v,
  );
  const segStart: number[] = [];
  for (let t = 0; t < trenches.length; t++)
    for (let v = first[t]!; v < first[t + 1]! - 1; v++) segStart.push(v);
  return { first, vx, vy, trenchOf, segStart };
}

/** Every pair compared: vertices closer than MERGE_M are one node, numbered in file order. */
function bruteMerge(vx: Float64Array, vy: Float64Array): Int32Array {
  const n = vx.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++)
      if (Math.hypot(vx[i]! - vx[j]!, vy[i]! - vy[j]!) < MERGE_M) parent[find(i)] = find(j);
  const nodeOf = new Map<number, number>();
  return Int32Array.from({ length: n }, (_, i) => {
    const r = find(i);
    if (!nodeOf.has(r)) nodeOf.set(r, nodeOf.size);
    return nodeOf.get(r)!;
  });
}

/** Every endpoint against every segment, in file order; the first endpoint of a node wins. */
function bruteJunctions(
  trenches: readonly FiberTrench[],
  f: ReturnType<typeof flatten>,
  vertexNode: Int32Array,
): Map<number, Join[]> {
  const { first, vx, vy, trenchOf, segStart } = f;
  const splits = new Map<number, Join[]>();
  for (let t = 0; t < trenches.length; t++) {
    if (first[t + 1]! - first[t]! < 2) continue;
    for (const e of [first[t]!, first[t + 1]! - 1]) {
      const ne = vertexNode[e]!;
      segStart.forEach((a, s) => {
        const b = a + 1;
        if (trenchOf[a] === t || vertexNode[a] === ne || vertexNode[b] === ne) return;
        const abx = vx[b]! - vx[a]!;
        const aby = vy[b]! - vy[a]!;
        const len2 = abx * abx + aby * aby;
        const u =
          len2 === 0
            ? 0
            : Math.max(0, Math.min(1, ((vx[e]! - vx[a]!) * abx + (vy[e]! - vy[a]!) * aby) / len2));
        if (Math.hypot(vx[e]! - (vx[a]! + abx * u), vy[e]! - (vy[a]! + aby * u)) > JOIN_M) return;
        const list = splits.get(s) ?? [];
        if (!list.some((j) => j.node === ne)) list.push({ t: u, node: ne });
        splits.set(s, list);
      });
    }
  }
  return splits;
}

const sorted = (m: Map<number, Join[]>) =>
  [...m.entries()]
    .sort((p, q) => p[0] - q[0])
    .map(([s, js]) => [s, [...js].sort((p, q) => p.t - q.t || p.node - q.node)] as const);

/**
 * Points on lattices whose steps sit on and around the 1 m thresholds (exactly 1, a hair under,
 * half of it, 1/√2 on both axes), with many repeats: merges are transitive chains and ties.
 */
const point = fc
  .tuple(
    fc.integer({ min: 0, max: 5 }),
    fc.integer({ min: 0, max: 5 }),
    fc.constantFrom(1, 0.999_999_999, 0.5, Math.SQRT1_2, 0.7, 1.3, 2.5),
  )
  .map(([i, j, step]): [number, number] => [100 + i * step, -50 + j * step]);
const trenches = fc
  .array(fc.array(point, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 14 })
  .map((paths) => paths.map((pts, i) => createFiberTrench(`t${i}`, pts)));

describe('fiber graph: merging vertices and joining trench ends', () => {
  it('merges exactly the vertices the all-pairs test merges, numbered alike', () => {
    fc.assert(
      fc.property(trenches, (ts) => {
        const { vx, vy } = flatten(ts);
        expect(mergeVertices(vx, vy)).toEqual(bruteMerge(vx, vy));
      }),
      { numRuns: 400 },
    );
  });

  it('finds exactly the T-junctions the all-pairs test finds', () => {
    fc.assert(
      fc.property(trenches, (ts) => {
        const f = flatten(ts);
        const nodes = mergeVertices(f.vx, f.vy);
        const fast = findJunctions(ts, f.first, f.vx, f.vy, f.trenchOf, nodes, f.segStart);
        expect(sorted(fast)).toEqual(sorted(bruteJunctions(ts, f, nodes)));
      }),
      { numRuns: 400 },
    );
  });

  it('finds exactly the T-junctions the all-pairs test finds with long trenches (the quadtree path)', () => {
    // Long trenches from a lattice point out to 1–3 km in any direction, or passing through the
    // lattice from afar: far longer than 16 cells of the median, so they walk the quadtree.
    const far = fc
      .tuple(
        point,
        fc.integer({ min: 0, max: 15 }),
        fc.constantFrom(1000, 2000, 3000),
        fc.boolean(),
      )
      .map(([[x, y], dir, len, through]) => {
        const a = (dir * Math.PI) / 8;
        const end: [number, number] = [x + len * Math.cos(a), y + len * Math.sin(a)];
        const start: [number, number] = through
          ? [x - len * Math.cos(a), y - len * Math.sin(a)]
          : [x, y];
        return [start, end];
      });
    fc.assert(
      fc.property(trenches, fc.array(far, { minLength: 1, maxLength: 4 }), (short, long) => {
        const ts = [...short, ...long.map((pts, i) => createFiberTrench(`long${i}`, pts))];
        const f = flatten(ts);
        const nodes = mergeVertices(f.vx, f.vy);
        const fast = findJunctions(ts, f.first, f.vx, f.vy, f.trenchOf, nodes, f.segStart);
        expect(sorted(fast)).toEqual(sorted(bruteJunctions(ts, f, nodes)));
      }),
      { numRuns: 300 },
    );
  });

  it('20,000 two-point trenches piled in a 2 m square are one node (linear, not quadratic)', () => {
    // A fixed pseudo-random pile: 40,000 distinct points. Compared pairwise this is 800 million
    // distance tests for the merge and as many segment look-ups for the junctions.
    let seed = 12345;
    const rand = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const pile = Array.from({ length: 20_000 }, (_, i) =>
      createFiberTrench(`t${i}`, [
        [500 + 2 * rand(), 500 + 2 * rand()],
        [500 + 2 * rand(), 500 + 2 * rand()],
      ]),
    );
    const graph = buildFiberGraph(pile);
    expect(graph.vertexCount).toBe(40_000);
    expect(graph.nodeCount).toBe(1);
    expect(graph.edgeCount).toBe(0);
    // And copies of a few points (the reviewer's file: 10,000 trenches over 8 distinct points).
    const copies = Array.from({ length: 20_000 }, (_, i) =>
      createFiberTrench(`c${i}`, [
        [10 + (i % 7) * 0.1, 10],
        [10.3, 10.4],
      ]),
    );
    expect(buildFiberGraph(copies).nodeCount).toBe(1);
  }, 30_000); // a large input; under load it can take seconds (no timing is asserted)
});
