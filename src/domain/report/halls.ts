import type { Layout } from '../model';
import { rowDistributedKpa, type FloorMemo } from './floor';
import { ratio } from './format';
import { G, type RowTable } from './rows';
import { emptyLists } from './lists';

/** Per-hall sums of their rows (docs/rules.md rule 2), indexed like `layout.halls`. */
export interface HallTable {
  readonly count: number;
  readonly itKw: Float64Array;
  readonly racks: Float64Array;
  readonly gpus: Float64Array;
  readonly massKg: Float64Array;
  /** Worst rack point load, kPa (0 for an empty hall). */
  readonly maxRackKpa: Float64Array;
  readonly maxRowKw: Float64Array;
  /** Worst row distributed load (footprint plus half its aisles), kPa. */
  readonly maxDistributedKpa: Float64Array;
  /** Worst rack load per foot, kN. */
  readonly maxPointLoadKn: Float64Array;
  /** Row indices of each hall, in file order. */
  readonly rowsOf: readonly (readonly number[])[];
}

export function computeHalls(layout: Layout, rows: RowTable, memo?: FloorMemo): HallTable {
  const n = layout.halls.length;
  const t = {
    count: n,
    itKw: new Float64Array(n),
    racks: new Float64Array(n),
    gpus: new Float64Array(n),
    massKg: new Float64Array(n),
    maxRackKpa: new Float64Array(n),
    maxRowKw: new Float64Array(n),
    maxDistributedKpa: new Float64Array(n),
    maxPointLoadKn: new Float64Array(n),
    rowsOf: emptyLists(n),
  };
  sumRows(rows, t);
  hallMaxDistributed(rows, t, rowDistributedKpa(layout, rows, t, memo));
  return t;
}

/**
 * Each hall's sums and largest figures over its rows. Each of computeHalls' loops is a function
 * of its own: V8 compiles a long loop while it runs (on-stack replacement), before the code after
 * it has run, and with that code in the same function the compiled loop was thrown away at it on
 * every report.
 */
function sumRows(rows: RowTable, t: HallTable): void {
  for (let i = 0; i < rows.count; i++) {
    const h = rows.hallIndex[i]!;
    if (h < 0) continue;
    t.itKw[h]! += rows.itKw[i]!;
    t.racks[h]! += rows.racks[i]!;
    t.gpus[h]! += rows.gpus[i]!;
    t.massKg[h]! += rows.massKg[i]!;
    if (rows.rackKpa[i]! > t.maxRackKpa[h]!) t.maxRackKpa[h] = rows.rackKpa[i]!;
    if (rows.itKw[i]! > t.maxRowKw[h]!) t.maxRowKw[h] = rows.itKw[i]!;
    if (rows.pointLoadKn[i]! > t.maxPointLoadKn[h]!) t.maxPointLoadKn[h] = rows.pointLoadKn[i]!;
    (t.rowsOf[h] as number[]).push(i);
  }
}

/** Stores the rows' distributed loads and each hall's largest. */
function hallMaxDistributed(rows: RowTable, t: HallTable, kpa: Float64Array): void {
  rows.distributedKpa.set(kpa);
  for (let i = 0; i < rows.count; i++) {
    const h = rows.hallIndex[i]!;
    if (h >= 0 && kpa[i]! > t.maxDistributedKpa[h]!) t.maxDistributedKpa[h] = kpa[i]!;
  }
}

/** All rack mass of the hall over its area, kPa. */
export function hallAverageKpa(layout: Layout, halls: HallTable, h: number): number {
  const hall = layout.halls[h]!;
  return ratio(halls.massKg[h]! * G, hall.width * hall.depth) / 1000;
}
