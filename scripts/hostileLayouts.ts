/**
 * Generators of the hostile but valid layouts reproduced in issue 9 ("Nothing freezes, nothing
 * lies"), one function per case, at the sizes by default. Used by the worst-case tests
 * (at small and issue sizes) and for measuring by hand, e.g.
 *   npx tsx -e "import('./scripts/hostileLayouts.ts').then(m => console.log(JSON.stringify(m.hallMesh())))"
 */
import { PLANT_TYPE_IDS } from '../src/domain/catalog';
import { defaultSettings, type FiberTrench, type Hall, type RackRow } from '../src/domain/kinds';
import { FORMAT_ID, FORMAT_VERSION, type Layout } from '../src/domain/model';

type Point = [number, number];

function layout(name: string, parts: Partial<Layout>, half = 1000): Layout {
  return {
    format: FORMAT_ID,
    version: FORMAT_VERSION,
    name,
    settings: defaultSettings(),
    parcel: {
      points: [
        [-half, -half],
        [half, -half],
        [half, half],
        [-half, half],
      ],
    },
    halls: [],
    rackRows: [],
    coolingZones: [],
    substations: [],
    fiberTrenches: [],
    generatorYards: [],
    batteryYards: [],
    coolingPlants: [],
    powerFeeders: [],
    ...parts,
  };
}

function hall(id: string, x: number, y: number, width = 50, depth = 30): Hall {
  return {
    id,
    name: '',
    x,
    y,
    width,
    depth,
    rotation: 0,
    floorRatingKpa: 12,
    rowPowerMw: 5,
  };
}

function row(id: string, hallId: string, x = 0, y = 0): RackRow {
  return {
    id,
    hallId,
    x,
    y,
    rotation: 0,
    rackCount: 1,
    profile: 'hpc-air',
    kwPerRack: null,
    massKg: null,
  };
}

function trench(id: string, points: Point[]): FiberTrench {
  return { id, name: '', fiberCount: 12, points };
}

/** The same hall n times (the issue: 10,000 copies, 839 KB): n(n − 1)/2 overlapping pairs. */
export function stackedHalls(n = 10_000): Layout {
  return layout(`${n} stacked halls`, {
    halls: Array.from({ length: n }, (_, i) => hall(`h${i}`, 0, 0)),
  });
}

/** One hall holding the same row n times (the issue: 20,000): n(n − 1)/2 overlapping pairs. */
export function stackedRows(n = 20_000): Layout {
  return layout(`${n} stacked rows`, {
    halls: [hall('h0', 0, 0, 60, 40)],
    rackRows: Array.from({ length: n }, (_, i) => row(`r${i}`, 'h0')),
  });
}

/**
 * Halls of n different sizes stacked at one centre (no two rectangles identical): every pair
 * overlaps, so the overlap sweep has n(n − 1)/2 candidates and must stop at its budget.
 */
export function mixedSizeHalls(n = 10_000): Layout {
  return layout(`${n} stacked halls of mixed sizes`, {
    halls: Array.from({ length: n }, (_, i) => hall(`h${i}`, 0, 0, 10 + i * 0.01)),
  });
}

/** Spacing of the hall mesh: 66 × 66 halls span 650 m, so any two are within 2 km of trench. */
export const MESH_SPACING_M = 10;

/**
 * side × side small halls (4 m square, one row each) on a grid of trenches through their centres
 * (the issue: side 66, 4,356 halls, 892 KB). Every hall is within the default 2 km reach of every
 * other (the longest path is 2 × (side − 1) × spacing), so all halls are one latency domain.
 */
export function hallMesh(side = 66, spacing = MESH_SPACING_M): Layout {
  const halls: Hall[] = [];
  const rackRows: RackRow[] = [];
  const fiberTrenches: FiberTrench[] = [];
  const at = (i: number) => (i - (side - 1) / 2) * spacing;
  for (let i = 0; i < side; i++) {
    fiberTrenches.push(
      trench(
        `tx${i}`,
        Array.from({ length: side }, (_, j): Point => [at(j), at(i)]),
      ),
      trench(
        `ty${i}`,
        Array.from({ length: side }, (_, j): Point => [at(i), at(j)]),
      ),
    );
  }
  for (let i = 0; i < side * side; i++) {
    const h = hall(`h${i}`, at(i % side), at(Math.floor(i / side)), 4, 4);
    halls.push(h);
    rackRows.push(row(`r${i}`, h.id, -1.5, 0));
  }
  return layout(`mesh of ${side * side} halls`, { halls, rackRows, fiberTrenches });
}

/**
 * n elements (the issue: 600,000, 47 MB), to be refused by LIMITS: two-point trenches on a 1 km
 * grid of metres (small numbers keep the file under the 50 MB read limit).
 */
export function manyElements(n = 600_000): Layout {
  return layout(`${n} elements`, {
    fiberTrenches: Array.from({ length: n }, (_, i) => {
      const x = i % 1000;
      const y = Math.floor(i / 1000);
      return trench(`t${i}`, [
        [x, y],
        [x, y + 1],
      ]);
    }),
  });
}

/**
 * The union length of zigZagPlusShortTrenches' short trenches, counted independently of the
 * report: each is 2 m along x between whole metres, so the union is the number of distinct
 * one-metre cells they cover (copies drawn on the same spot count once: rule 5).
 */
export function shortTrenchUnionM(layout: Layout): number {
  const cells = new Set<string>();
  for (const t of layout.fiberTrenches) {
    if (t.id === 'zig') continue;
    const [[x, y]] = t.points as [Point, ...Point[]];
    cells.add(`${x},${y}`);
    cells.add(`${x + 1},${y}`);
  }
  return cells.size;
}

/**
 * nShort trenches 2 m long (two points) scattered over a square of side `span`, plus one trench
 * zig-zagging across the whole square in zigSegments long segments (the issue: 30,000 short,
 * 2.1 MB). The zig-zag's length is the sum of its segments: zigSegments × hypot(span / zigSegments,
 * span).
 */
export function zigZagPlusShortTrenches(
  nShort = 30_000,
  zigSegments = 2_000,
  span = 10_000,
): Layout {
  const fiberTrenches: FiberTrench[] = [];
  let seed = 12345;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const half = span / 2;
  for (let i = 0; i < nShort; i++) {
    const x = Math.round((rand() - 0.5) * (span - 200));
    const y = Math.round((rand() - 0.5) * (span - 200));
    fiberTrenches.push(
      trench(`s${i}`, [
        [x, y],
        [x + 2, y],
      ]),
    );
  }
  fiberTrenches.push(
    trench(
      'zig',
      Array.from({ length: zigSegments + 1 }, (_, k): Point => [
        -half + (k * span) / zigSegments,
        k % 2 === 0 ? -half : half,
      ]),
    ),
  );
  return layout(`${nShort} short trenches and a zig-zag`, { fiberTrenches }, half + 1_000);
}

/**
 * Format version 2's collections at scale: n elements spread over generator yards, battery yards
 * and cooling plants (a third each, every one in one of `phases` phases), plus `feeders` feeders of
 * `feederPoints` points each. Counts toward LIMITS like any element: with n + feeders over
 * 200,000, or feeders × feederPoints over 200,000 polyline points, the file is refused.
 */
export function manyPlant(n = 60_000, feeders = 100, feederPoints = 1_000, phases = 3): Layout {
  const phaseList = Array.from({ length: phases }, (_, i) => ({
    id: `ph-${i + 1}`,
    name: `Phase ${i + 1}`,
    energize: `${2026 + i}-01`,
  }));
  const at = (i: number) => ({ x: (i % 300) * 3, y: Math.floor(i / 300) * 3 });
  const phaseId = (i: number) => phaseList[i % phases]!.id;
  const third = Math.ceil(n / 3);
  const rect = (id: string, i: number) => ({
    id,
    name: '',
    ...at(i),
    width: 2,
    depth: 2,
    rotation: 0,
    phaseId: phaseId(i),
  });
  return layout(
    `${n} plant elements and ${feeders} feeders`,
    {
      settings: { ...defaultSettings(), phases: phaseList },
      generatorYards: Array.from({ length: third }, (_, i) => ({
        ...rect(`g${i}`, i),
        units: 1 + (i % 20),
        unitMw: 3,
      })),
      batteryYards: Array.from({ length: third }, (_, i) => ({
        ...rect(`b${i}`, third + i),
        powerMw: 10,
        energyMwh: 40,
      })),
      coolingPlants: Array.from({ length: n - 2 * third }, (_, i) => ({
        ...rect(`c${i}`, 2 * third + i),
        type: PLANT_TYPE_IDS[i % PLANT_TYPE_IDS.length]!,
        units: 4,
        unitMw: 2,
      })),
      powerFeeders: Array.from({ length: feeders }, (_, f) => ({
        id: `f${f}`,
        name: '',
        capacityMva: 60,
        phaseId: phaseId(f),
        points: Array.from({ length: feederPoints }, (_, k): Point => [k, -10 - f]),
      })),
    },
    2_000,
  );
}

/** The inverse of an odd number modulo 2^32 (Newton's iteration). */
function inverseOdd(a: number): number {
  let x = a;
  for (let i = 0; i < 5; i++) x = Math.imul(x, 2 - Math.imul(a, x));
  return x >>> 0;
}

/**
 * n trench points that all fall in one bucket of the fixed coordinate hash the graph used before
 * commit 6e16d7e (the issue: 200,000 points, 4.5 MB), in trenches of 10,000 points 2 m apart on
 * rows 50 m apart. Each point's y is moved by less than a millimetre (its low 32 bits) so the old
 * hash `imul(h ^ yLow ^ (h >>> 15), C3) ^ yHigh`, with h from x, is the same for every point.
 */
export function collidingTrenchPoints(n = 200_000): Layout {
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  const c3Inverse = inverseOdd(0xc2b2ae35);
  const target = 0x5eed;
  const perTrench = 10_000;
  const fiberTrenches: FiberTrench[] = [];
  for (let t = 0; t * perTrench < n; t++) {
    const points: Point[] = [];
    const y0 = 1_000 + t * 50;
    for (let k = 0; k < perTrench && t * perTrench + k < n; k++) {
      const x = -10_000 + k * 2;
      bits[0] = x;
      const [x0, x1] = [words[0]!, words[1]!];
      let h = Math.imul(x0 ^ Math.imul(x1, 0x9e3779b1), 0x85ebca6b);
      h ^= h >>> 15;
      bits[0] = y0;
      const yHigh = words[1]!;
      // imul(h ^ yLow, C3) ^ yHigh === target  ⇔  yLow = h ^ imul(target ^ yHigh, C3⁻¹).
      words[0] = (h ^ Math.imul(target ^ yHigh, c3Inverse)) >>> 0;
      points.push([x, bits[0]]);
    }
    fiberTrenches.push(trench(`t${t}`, points));
  }
  return layout(`${n} colliding trench points`, { fiberTrenches }, 12_000);
}

/** The old (pre-6e16d7e) hash of a point, for the test that the points above do collide. */
export function oldCoordinateHash(x: number, y: number): number {
  const bits = new Float64Array(2);
  const words = new Uint32Array(bits.buffer);
  bits[0] = x;
  bits[1] = y;
  let h = Math.imul(words[0]! ^ Math.imul(words[1]!, 0x9e3779b1), 0x85ebca6b);
  h = Math.imul(h ^ words[2]! ^ (h >>> 15), 0xc2b2ae35) ^ words[3]!;
  return h | 0;
}

/** Every case at the size, by name. */
export const HOSTILE_CASES = {
  stackedHalls: () => stackedHalls(),
  stackedRows: () => stackedRows(),
  mixedSizeHalls: () => mixedSizeHalls(),
  hallMesh: () => hallMesh(),
  manyElements: () => manyElements(),
  zigZagPlusShortTrenches: () => zigZagPlusShortTrenches(),
  collidingTrenchPoints: () => collidingTrenchPoints(),
} as const;
