import type { Layout } from '../model';
import { fig, msg } from '../units';
import { fail, pass } from './checks';
import { all, exceeds, label, more, ratio } from './format';
import { G, type RowTable } from './rows';
import type { Check } from './types';

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
  /** Row indices of each hall, in file order. */
  readonly rowsOf: readonly (readonly number[])[];
}

export function computeHalls(layout: Layout, rows: RowTable): HallTable {
  const n = layout.halls.length;
  const t = {
    count: n,
    itKw: new Float64Array(n),
    racks: new Float64Array(n),
    gpus: new Float64Array(n),
    massKg: new Float64Array(n),
    maxRackKpa: new Float64Array(n),
    maxRowKw: new Float64Array(n),
    rowsOf: Array.from({ length: n }, (): number[] => []),
  };
  for (let i = 0; i < rows.count; i++) {
    const h = rows.hallIndex[i]!;
    if (h < 0) continue;
    t.itKw[h]! += rows.itKw[i]!;
    t.racks[h]! += rows.racks[i]!;
    t.gpus[h]! += rows.gpus[i]!;
    t.massKg[h]! += rows.massKg[i]!;
    if (rows.rackKpa[i]! > t.maxRackKpa[h]!) t.maxRackKpa[h] = rows.rackKpa[i]!;
    if (rows.itKw[i]! > t.maxRowKw[h]!) t.maxRowKw[h] = rows.itKw[i]!;
    t.rowsOf[h]!.push(i);
  }
  return t;
}

/** All rack mass of the hall over its area, kPa. */
export function hallAverageKpa(layout: Layout, halls: HallTable, h: number): number {
  const hall = layout.halls[h]!;
  return ratio(halls.massKg[h]! * G, hall.width * hall.depth) / 1000;
}

/** `floor-load`: every rack's point load ≤ its hall's floorRatingKpa; the halls are at fault. */
export function checkFloorLoad(layout: Layout, halls: HallTable): Check {
  const bad: number[] = [];
  let withRacks = 0;
  let worst = 0;
  for (let h = 0; h < halls.count; h++) {
    if (halls.racks[h] === 0) continue;
    withRacks++;
    worst = Math.max(worst, halls.maxRackKpa[h]!);
    if (exceeds(halls.maxRackKpa[h]!, layout.halls[h]!.floorRatingKpa)) bad.push(h);
  }
  if (withRacks === 0) return pass('floor-load', 'No racks placed: nothing loads a floor');
  if (bad.length === 0) {
    return pass(
      'floor-load',
      msg`${all(withRacks, 'hall')} with racks: worst rack ${fig(worst, 'kPa', 1)} ≤ rating`,
    );
  }
  const hall = layout.halls[bad[0]!]!;
  return fail(
    'floor-load',
    msg`${label(hall)}: ${fig(halls.maxRackKpa[bad[0]!]!, 'kPa', 1)} rack load > ${fig(hall.floorRatingKpa, 'kPa', 1)} floor rating${more(bad.length, 'hall')}`,
    bad.map((h) => layout.halls[h]!.id),
  );
}
