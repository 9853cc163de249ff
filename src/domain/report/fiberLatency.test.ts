import { describe, expect, it } from 'vitest';
import { createFiberTrench, createHall, createRackRow, type FiberTrench } from '../kinds';
import type { Layout } from '../model';
import { computeReport } from './computeReport';
import { checkOf, layoutOf } from './testing';

/**
 * A 20 × 20 m hall whose south edge is centred on (x, y) — it spans x ± 10 and y to y + 20 —
 * with one row of `racks` GB300 racks (72 GPUs, 142 kW each). A trench vertex at (x, y) lies on
 * its edge, and a trench along y = const runs along the edge without crossing it, so these halls
 * attach at trench vertices only and the distances are between those vertices.
 */
function hallAt(id: string, x: number, y: number, racks = 8) {
  return {
    hall: createHall(id, { x, y: y + 10 }, { name: id, width: 20, depth: 20 }),
    row: createRackRow(`${id}-row`, id, { x: 10, y: 10 }, { rackCount: racks }),
  };
}

function campus(
  halls: ReturnType<typeof hallAt>[],
  trenches: FiberTrench[],
  settings = {},
): Layout {
  return layoutOf({
    parcel: {
      points: [
        [-5000, -5000],
        [5000, -5000],
        [5000, 5000],
        [-5000, 5000],
      ],
    },
    settings,
    halls: halls.map((h) => h.hall),
    rackRows: halls.map((h) => h.row),
    fiberTrenches: trenches,
  });
}

describe('fiber totals (rule 5)', () => {
  it('a trench 1,609.344 m long with 3,456 fibers is 1 route mile and 3,456 strand miles', () => {
    const report = computeReport(
      layoutOf({
        fiberTrenches: [
          createFiberTrench(
            'tr-1',
            [
              [0, 0],
              [1000, 0],
              [1000, 609.344],
            ],
            { fiberCount: 3456 },
          ),
        ],
      }),
    );
    expect(report.totals.fiberRouteM).toBeCloseTo(1609.344, 9);
    expect(report.totals.fiberRouteMiles).toBeCloseTo(1, 12);
    expect(report.totals.fiberStrandMiles).toBeCloseTo(3456, 9);
  });

  it('sums route and strand miles over trenches of different counts', () => {
    const report = computeReport(
      layoutOf({
        fiberTrenches: [
          createFiberTrench(
            'tr-1',
            [
              [0, 0],
              [1609.344, 0],
            ],
            { fiberCount: 864 },
          ),
          createFiberTrench(
            'tr-2',
            [
              [0, 10],
              [804.672, 10],
            ],
            { fiberCount: 1728 },
          ),
        ],
      }),
    );
    expect(report.totals.fiberRouteMiles).toBeCloseTo(1.5, 12);
    expect(report.totals.fiberStrandMiles).toBeCloseTo(864 + 864, 9);
  });
});

describe('route length is the union of the trenches (rule 5)', () => {
  const route = (...trenches: FiberTrench[]) =>
    computeReport(layoutOf({ fiberTrenches: trenches })).totals;

  it('a duplicated trench adds no route miles but doubles the strand miles', () => {
    const t = createFiberTrench('t', [
      [0, 0],
      [1609.344, 0],
    ]);
    const totals = route(t, { ...t, id: 't2' });
    expect(totals.fiberRouteMiles).toBeCloseTo(1, 12);
    expect(totals.fiberTrenchM).toBeCloseTo(2 * 1609.344, 9);
    expect(totals.fiberStrandMiles).toBeCloseTo(2 * t.fiberCount, 9);
  });

  it('a shared stretch counts once, whichever way each trench was drawn: 0–600 ∪ 400–1000 = 1000 m', () => {
    const totals = route(
      createFiberTrench('a', [
        [0, 0],
        [600, 0],
      ]),
      createFiberTrench('b', [
        [1000, 0],
        [400, 0],
      ]),
    );
    expect(totals.fiberRouteM).toBeCloseTo(1000, 9);
    expect(totals.fiberTrenchM).toBeCloseTo(1200, 9);
  });

  it('an L sharing its first leg with a straight trench: 300 (shared) + 400 + 200 = 900 m', () => {
    const totals = route(
      createFiberTrench('l', [
        [0, 0],
        [300, 0],
        [300, 400],
      ]),
      createFiberTrench('s', [
        [0, 0],
        [500, 0],
      ]),
    );
    expect(totals.fiberRouteM).toBeCloseTo(900, 9);
  });

  it('trenches that cross, or run parallel 1 m apart, both count in full', () => {
    const crossing = route(
      createFiberTrench('h', [
        [0, 0],
        [100, 0],
      ]),
      createFiberTrench('v', [
        [50, -50],
        [50, 50],
      ]),
    );
    expect(crossing.fiberRouteM).toBeCloseTo(200, 9);
    const parallel = route(
      createFiberTrench('a', [
        [0, 0],
        [100, 0],
      ]),
      createFiberTrench('b', [
        [0, 1],
        [100, 1],
      ]),
    );
    expect(parallel.fiberRouteM).toBeCloseTo(200, 9);
  });

  it('diagonal and near-vertical duplicates drawn in opposite directions count once', () => {
    const diagonal = route(
      createFiberTrench('a', [
        [0, 0],
        [300, 400],
      ]),
      createFiberTrench('b', [
        [300, 400],
        [0, 0],
      ]),
    );
    expect(diagonal.fiberRouteM).toBeCloseTo(500, 9);
    const vertical = route(
      createFiberTrench('a', [
        [0, 0],
        [1e-9, 500],
      ]),
      createFiberTrench('b', [
        [0, 500],
        [1e-9, 0],
      ]),
    );
    expect(vertical.fiberRouteM).toBeCloseTo(500, 6);
  });
});

describe('the fiber graph (rule 6)', () => {
  it('a trench ending on another trench’s segment joins it (T-junction), so two halls connect', () => {
    // Hall A at the start of the main trench; the branch starts 0.5 m off the main trench at
    // x = 400 and runs to hall B: 400 m along the main + 599.5 m down the branch.
    const layout = campus(
      [hallAt('A', 0, 0), hallAt('B', 400, 600)],
      [
        createFiberTrench('main', [
          [0, 0],
          [1000, 0],
        ]),
        createFiberTrench('branch', [
          [400, 0.5],
          [400, 600],
        ]),
      ],
    );
    const report = computeReport(layout);
    expect(report.domains).toHaveLength(1);
    expect(report.domains[0]!.hallIds).toEqual(['A', 'B']);
    expect(report.domains[0]!.maxPathM).toBeCloseTo(999.5, 9);
    expect(report.domains[0]!.maxLatencyUs).toBeCloseTo(0.9995 * 4.9, 9);
    expect(report.totals.longestPathUs).toBeCloseTo(4.89755, 9);
  });

  it('a branch ending 1.5 m from the main trench does not join it', () => {
    const layout = campus(
      [hallAt('A', 0, 0), hallAt('B', 400, 600)],
      [
        createFiberTrench('main', [
          [0, 0],
          [1000, 0],
        ]),
        createFiberTrench('branch', [
          [400, 1.5],
          [400, 600],
        ]),
      ],
    );
    const report = computeReport(layout);
    expect(report.domains.map((d) => d.hallIds)).toEqual([['A'], ['B']]);
    expect(checkOf(report, 'fiber-connectivity').status).toBe('pass'); // both are on a trench
  });

  it('trench vertices 0.5 m apart are one node; 1.5 m apart they are not', () => {
    const joined = campus(
      [hallAt('A', 0, 0), hallAt('B', 500.3, 800)],
      [
        createFiberTrench('t1', [
          [0, 0],
          [500, 0],
        ]),
        createFiberTrench('t2', [
          [500.3, 0.4],
          [500.3, 800],
        ]),
      ],
    );
    const report = computeReport(joined);
    expect(report.domains).toHaveLength(1);
    expect(report.domains[0]!.maxPathM).toBeCloseTo(500 + 799.6, 9);

    const apart = campus(
      [hallAt('A', 0, 0), hallAt('B', 501.2, 800)],
      [
        createFiberTrench('t1', [
          [0, 0],
          [500, 0],
        ]),
        createFiberTrench('t2', [
          [501.2, 0.9],
          [501.2, 800],
        ]),
      ],
    );
    expect(computeReport(apart).domains).toHaveLength(2);
  });

  it('a hall attaches at a trench vertex inside it or within 1 m of its edge', () => {
    // Hall A spans x ∈ [-10, 10]; B is reached by every trench at x = 300.
    const near = campus(
      [hallAt('A', 0, 0), hallAt('B', 300, 0)],
      [
        createFiberTrench('t', [
          [10.8, 0],
          [300, 0],
        ]),
      ],
    );
    expect(computeReport(near).domains).toHaveLength(1);
    expect(computeReport(near).domains[0]!.maxPathM).toBeCloseTo(289.2, 9);

    const far = campus(
      [hallAt('A', 0, 0), hallAt('B', 300, 0)],
      [
        createFiberTrench('t', [
          [11.5, 0],
          [300, 0],
        ]),
      ],
    );
    const check = checkOf(computeReport(far), 'fiber-connectivity');
    expect(check).toMatchObject({ status: 'fail', elementIds: ['A'] });
    expect(check.message).toBe('1 of 2 halls with racks not on any fiber trench, e.g. A');
  });

  it('a trench drawn straight through two halls attaches both where it crosses their edges: 290 − 10 = 280 m apart', () => {
    // A spans x ∈ [−10, 10], B x ∈ [290, 310] (both y ∈ [−10, 10]); the trench runs from x = −50
    // to 400 along y = 0 with no vertex in either: it crosses A's edge at −10 and 10, B's at 290
    // and 310. The nearest crossings are 10 and 290: 280 m.
    const layout = campus(
      [
        {
          hall: createHall('A', { x: 0, y: 0 }, { name: 'A', width: 20, depth: 20 }),
          row: hallAt('A', 0, 0).row,
        },
        {
          hall: createHall('B', { x: 300, y: 0 }, { name: 'B', width: 20, depth: 20 }),
          row: hallAt('B', 0, 0).row,
        },
      ],
      [
        createFiberTrench('t', [
          [-50, 0],
          [400, 0],
        ]),
      ],
    );
    const report = computeReport(layout);
    expect(checkOf(report, 'fiber-connectivity').status).toBe('pass');
    expect(report.domains).toHaveLength(1);
    expect(report.domains[0]!.hallIds).toEqual(['A', 'B']);
    expect(report.domains[0]!.maxPathM).toBeCloseTo(280, 9);
    expect(report.halls.map((h) => h.fiberAttachments)).toEqual([
      [
        [-10, 0],
        [10, 0],
      ],
      [
        [290, 0],
        [310, 0],
      ],
    ]);
  });

  it('a trench that only runs along a hall edge or grazes a corner does not cross it', () => {
    // Along A's south edge (y = −10) and through its corner (10, 10) diagonally from outside.
    const along = createFiberTrench('along', [
      [-50, -10],
      [50, -10],
    ]);
    const corner = createFiberTrench('corner', [
      [0, 20],
      [20, 0],
    ]);
    const layout = campus(
      [
        {
          hall: createHall('A', { x: 0, y: 0 }, { name: 'A', width: 20, depth: 20 }),
          row: hallAt('A', 0, 0).row,
        },
      ],
      [along, corner],
    );
    const report = computeReport(layout);
    expect(report.halls[0]!.fiberAttachments).toEqual([]);
    expect(checkOf(report, 'fiber-connectivity').status).toBe('fail');
  });

  it('halls sharing an attachment node are 0 m apart', () => {
    // Two halls touching along x = 0 share the vertex on their common edge.
    const layout = campus(
      [hallAt('A', -10, 0), hallAt('B', 10, 0)],
      [
        createFiberTrench('t', [
          [0, 0],
          [0, 100],
        ]),
      ],
    );
    const report = computeReport(layout);
    expect(report.domains).toHaveLength(1);
    expect(report.domains[0]!.maxPathM).toBe(0);
  });

  it('takes the shortest of several routes', () => {
    // A ring: A at (0,0), B at (1000,0); the direct top side is 1000 m, the way round 3000 m.
    const layout = campus(
      [hallAt('A', 0, 0), hallAt('B', 1000, 0)],
      [
        createFiberTrench('ring', [
          [0, 0],
          [0, 1000],
          [1000, 1000],
          [1000, 0],
        ]),
        createFiberTrench('top', [
          [0, 0],
          [1000, 0],
        ]),
      ],
    );
    expect(computeReport(layout).domains[0]!.maxPathM).toBeCloseTo(1000, 9);
  });
});

describe('latency domains (rule 6, greedy)', () => {
  // Halls on one trench at x = 0 (A), 1000 (D), 1800 (B), 3000 (C). Blackwell reach: 2,000 m.
  const trench = createFiberTrench('line', [
    [0, 0],
    [1000, 0],
    [1800, 0],
    [3000, 0],
  ]);
  const line = (racks: { A: number; B: number; C: number; D: number }) =>
    campus(
      [
        hallAt('A', 0, 0, racks.A),
        hallAt('B', 1800, 0, racks.B),
        hallAt('C', 3000, 0, racks.C),
        hallAt('D', 1000, 0, racks.D),
      ],
      [trench],
    );

  it('takes halls largest first: A (8 × 142 kW = 1.136 MW) gathers B and D; C (3 km from A) is alone', () => {
    const report = computeReport(line({ A: 8, B: 6, C: 4, D: 2 }));
    expect(report.domains.map((d) => d.hallIds)).toEqual([['A', 'B', 'D'], ['C']]);
    expect(report.domains[0]!.maxPathM).toBe(1800);
    expect(report.domains[0]!.gpus).toBe((8 + 6 + 2) * 72);
    expect(report.domains[0]!.itMw).toBeCloseTo(16 * 0.142, 12);
    expect(report.domains[1]!.maxPathM).toBe(0);
    expect(report.halls.map((h) => h.domainIndex)).toEqual([0, 0, 1, 0]);
    expect(report.totals.latencyDomains).toBe(2);
    expect(report.totals.largestDomainGpus).toBe(16 * 72);
  });

  it('the order changes the answer: with C largest, C takes B and D (exactly 2,000 m is within reach); A is alone', () => {
    const report = computeReport(line({ A: 2, B: 6, C: 8, D: 4 }));
    expect(report.domains.map((d) => d.hallIds)).toEqual([['C', 'B', 'D'], ['A']]);
    expect(report.domains[0]!.maxPathM).toBe(2000);
  });

  it('ties in IT MW go by file order', () => {
    const report = computeReport(line({ A: 4, B: 4, C: 4, D: 4 }));
    // A, B, C, D all 0.54 MW: A takes B (1,800 m), not C (3,000 m), then D (within reach of A and B).
    expect(report.domains.map((d) => d.hallIds)).toEqual([['A', 'B', 'D'], ['C']]);
  });

  it('a tie is a tie even when floating-point sums differ (0.1 + 0.2 kW vs 0.3 kW)', () => {
    const a = hallAt('A', 0, 0, 1);
    const b = hallAt('B', 3000, 0, 1);
    const layout = layoutOf({
      ...campus([a, b], [trench]),
      rackRows: [
        { ...a.row, profile: 'enterprise-air', kwPerRack: 0.3 },
        { ...b.row, profile: 'enterprise-air', kwPerRack: 0.1 },
        { ...b.row, id: 'B-row-2', x: 5, profile: 'enterprise-air', kwPerRack: 0.2 },
      ],
    });
    expect(computeReport(layout).domains.map((d) => d.hallIds)).toEqual([['A'], ['B']]);
  });

  it('a longer reach (Traditional, 10 km LR4) makes one domain', () => {
    const report = computeReport(line({ A: 8, B: 6, C: 4, D: 2 }), { tier: 'traditional' });
    expect(report.domains.map((d) => d.hallIds)).toEqual([['A', 'B', 'C', 'D']]);
    expect(report.domains[0]!.maxPathM).toBe(3000);
  });

  it('is the same on every run and whatever the key order of the objects', () => {
    const layout = line({ A: 2, B: 6, C: 8, D: 4 });
    const reversed = JSON.parse(JSON.stringify(layout), (_key, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value as Record<string, unknown>).reverse())
        : value,
    ) as Layout;
    expect(Object.keys(reversed.halls[0]!)[0]).not.toBe(Object.keys(layout.halls[0]!)[0]);
    const first = computeReport(layout);
    expect(computeReport(layout)).toEqual(first);
    expect(computeReport(reversed)).toEqual(first);
    expect(JSON.stringify(computeReport(reversed).domains)).toBe(JSON.stringify(first.domains));
  });

  it('the largest domain must hold a training cluster (latency-domain)', () => {
    // 16 racks × 72 = 1,152 GPUs: enough for Hopper (1,024), not for Blackwell (9,216).
    const layout = line({ A: 8, B: 6, C: 4, D: 2 });
    expect(checkOf(computeReport(layout, { tier: 'hopper' }), 'latency-domain').status).toBe(
      'pass',
    );
    const check = checkOf(computeReport(layout, { tier: 'blackwell' }), 'latency-domain');
    expect(check).toMatchObject({ status: 'fail', elementIds: ['A', 'B', 'D'] });
    expect(check.message).toBe(
      'Largest latency domain 1,152 GPUs in 3 halls < 9,216 GPU Blackwell cluster (2 km reach, 2 domains)',
    );
  });

  it('a hall with racks and no fiber is its own domain and fails fiber-connectivity', () => {
    const layout = campus(
      [hallAt('A', 0, 0), hallAt('B', 500, 0), hallAt('lonely', 0, 900, 2)],
      [
        createFiberTrench('t', [
          [0, 0],
          [500, 0],
        ]),
      ],
    );
    const report = computeReport(layout);
    expect(report.domains.map((d) => [d.hallIds, d.unattached])).toEqual([
      [['A', 'B'], false],
      [['lonely'], true],
    ]);
    expect(checkOf(report, 'fiber-connectivity')).toMatchObject({
      status: 'fail',
      elementIds: ['lonely'],
    });
  });

  it('halls without racks join no domain', () => {
    const layout = campus(
      [hallAt('A', 0, 0)],
      [
        createFiberTrench('t', [
          [0, 0],
          [500, 0],
        ]),
      ],
    );
    const withEmpty = layoutOf({
      ...layout,
      halls: [...layout.halls, createHall('empty', { x: 500, y: 0 }, { width: 20, depth: 20 })],
    });
    const report = computeReport(withEmpty);
    expect(report.domains.map((d) => d.hallIds)).toEqual([['A']]);
    expect(report.halls[1]!.domainIndex).toBeNull();
  });
});
