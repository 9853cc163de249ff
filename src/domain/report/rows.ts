import { RACK_PROFILES } from '../catalog';
import { cosSin } from './spatial';
import { rowGpus, rowItKw, rowKwPerRack, rowMassKg, rowMassPerRackKg } from '../kinds';
import type { Hall, RackRow } from '../kinds';
import type { Layout } from '../model';
import { fail, pass } from './checks';
import { all, exceeds, label, more, num } from './format';
import { rackPointLoadKn } from './floor';
import type { Check } from './types';

/** Standard gravity, m/s² (docs/sources.md "Physical constants"). */
export const G = 9.807;

/** One rack's point load over its footprint, kPa: mass × g / (w × d) / 1000. */
export function rackPointLoadKpa(massKg: number, widthM: number, depthM: number): number {
  const area = widthM * depthM;
  return area > 0 ? (massKg * G) / area / 1000 : 0;
}

/** Per-row figures (docs/rules.md rule 1), as parallel arrays indexed like `layout.rackRows`. */
export interface RowTable {
  readonly count: number;
  /** Index into layout.halls, or -1 when the row's hall does not exist. */
  readonly hallIndex: Int32Array;
  readonly racks: Float64Array;
  readonly kwPerRack: Float64Array;
  readonly itKw: Float64Array;
  readonly massPerRackKg: Float64Array;
  /** Whole-row mass, kg. */
  readonly massKg: Float64Array;
  readonly gpus: Float64Array;
  readonly rackKpa: Float64Array;
  /** One rack's load on each of its 4 feet, kN. */
  readonly pointLoadKn: Float64Array;
  /** The row's distributed load over its footprint and half its aisles, kPa (filled by computeHalls). */
  readonly distributedKpa: Float64Array;
  /** Row centre in the campus frame (0, 0 for a row without a hall). */
  readonly cx: Float64Array;
  readonly cy: Float64Array;
}

export function indexById(items: readonly { readonly id: string }[]): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < items.length; i++) {
    const id = items[i]!.id;
    if (!m.has(id)) m.set(id, i);
  }
  return m;
}

/** What computeRows keeps for the next call (see ReportMemo). */
export interface RowsMemo {
  /** Row figures that depend on the row alone, for this rackRows array. */
  rows?: { readonly rackRows: readonly RackRow[]; readonly table: RowTable };
}

export function computeRows(
  layout: Layout,
  hallById: ReadonlyMap<string, number>,
  memo?: RowsMemo,
): RowTable {
  const rows = layout.rackRows;
  const n = rows.length;
  // The figures of a row alone are the same while the rows array is (the document is immutable).
  const known = memo?.rows?.rackRows === rows ? memo.rows.table : undefined;
  const t: RowTable = {
    count: n,
    hallIndex: new Int32Array(n),
    racks: known?.racks ?? new Float64Array(n),
    kwPerRack: known?.kwPerRack ?? new Float64Array(n),
    itKw: known?.itKw ?? new Float64Array(n),
    massPerRackKg: known?.massPerRackKg ?? new Float64Array(n),
    massKg: known?.massKg ?? new Float64Array(n),
    gpus: known?.gpus ?? new Float64Array(n),
    rackKpa: known?.rackKpa ?? new Float64Array(n),
    pointLoadKn: known?.pointLoadKn ?? new Float64Array(n),
    distributedKpa: new Float64Array(n),
    cx: new Float64Array(n),
    cy: new Float64Array(n),
  };
  if (memo) memo.rows = { rackRows: rows, table: t };
  if (!known) {
    for (let i = 0; i < n; i++) {
      const row = rows[i]!;
      const profile = RACK_PROFILES[row.profile];
      const kw = rowKwPerRack(row);
      const mass = rowMassPerRackKg(row);
      t.racks[i] = row.rackCount;
      t.kwPerRack[i] = kw;
      t.itKw[i] = rowItKw(row);
      t.massPerRackKg[i] = mass;
      t.massKg[i] = rowMassKg(row);
      t.gpus[i] = rowGpus(row);
      t.rackKpa[i] = rackPointLoadKpa(mass, profile.widthM.value, profile.depthM.value);
      t.pointLoadKn[i] = rackPointLoadKn(mass);
    }
  }
  let trigHall: Hall | null = null;
  let cos = 1;
  let sin = 0;
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    const h = hallById.get(row.hallId) ?? -1;
    t.hallIndex[i] = h;
    if (h < 0) continue;
    // geometry's hallToCampus for the row's centre, with the hall's rotation taken once per hall
    // (rows of a hall come together) instead of once per row: the same arithmetic, the same figures.
    const hall = layout.halls[h]!;
    const px = row.x - hall.width / 2;
    const py = row.y - hall.depth / 2;
    if (hall.rotation === 0) {
      t.cx[i] = hall.x + px;
      t.cy[i] = hall.y + py;
      continue;
    }
    if (hall !== trigHall) {
      trigHall = hall;
      [cos, sin] = cosSin(hall.rotation);
    }
    t.cx[i] = hall.x + (px * cos - py * sin);
    t.cy[i] = hall.y + (px * sin + py * cos);
  }
  return t;
}

/** `row-power`: each row's MW ≤ its hall's rowPowerMw. */
export function checkRowPower(layout: Layout, rows: RowTable): Check {
  const bad: number[] = [];
  let checked = 0;
  let worstMw = 0;
  for (let i = 0; i < rows.count; i++) {
    const h = rows.hallIndex[i]!;
    if (h < 0) continue;
    checked++;
    const mw = rows.itKw[i]! / 1000;
    worstMw = Math.max(worstMw, mw);
    if (exceeds(mw, layout.halls[h]!.rowPowerMw)) bad.push(i);
  }
  if (checked === 0) return pass('row-power', 'No rack rows in halls: no row power to check');
  if (bad.length === 0) {
    return pass(
      'row-power',
      `${all(checked, 'row')}: largest ${num(worstMw, 2)} MW, each within its hall's row power`,
    );
  }
  const first = bad[0]!;
  const row = layout.rackRows[first]!;
  const hall = layout.halls[rows.hallIndex[first]!]!;
  return fail(
    'row-power',
    `${row.id} in ${label(hall)}: ${num(rows.itKw[first]! / 1000, 2)} MW > ${num(hall.rowPowerMw, 2)} MW row power${more(bad.length, 'row')}`,
    bad.map((i) => layout.rackRows[i]!.id),
  );
}
