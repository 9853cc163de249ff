import * as z from 'zod/mini';
import {
  cdusForRow,
  defaultRowRacks,
  HALL_LAYOUT,
  RACK_PROFILE_IDS,
  RACK_PROFILES,
  type RackProfileId,
  type TierId,
} from '../catalog';
import { rectAabb, rectsOverlap, type RotatedRect } from '../geometry';
import { GridIndex } from '../report/spatial';
import {
  DEFAULT_SETTINGS,
  hallWhiteSpaceFraction,
  integer,
  MAX_ELEMENTS,
  oneOf,
  ranged,
  type Hall,
  type RackRow,
} from '../kinds';

/**
 * "Fill hall with rows": a pure planner (data in, plans out; tldraw's kernels habit). Rows run
 * along the hall's width (its own x axis) and are stacked across the depth of its white space
 * (y from 0 to whiteSpaceFraction × depth; the support band beyond it gets no rows), paired front
 * to front across cold aisles and back to back across hot aisles, alternately. Along the width a
 * line of rows is split into equal rows with cross aisles between them, as many racks as fit; the
 * block of rows is centred in the white space. Rows of liquid-cooled (DLC, immersion) racks get
 * in-row CDUs after their racks, one rack position each, one per 1.5 MW of row IT
 * (catalog HALL_LAYOUT); the row records them in `cduCount`.
 */

/** Defaults from the catalog (HALL_LAYOUT, with sources and grades in docs/sources.md). */
export const COLD_AISLE_M = HALL_LAYOUT.coldAisleAirM.value;
export const COLD_AISLE_LIQUID_M = HALL_LAYOUT.coldAisleLiquidM.value;
export const HOT_AISLE_M = HALL_LAYOUT.hotAisleM.value;
/** Rows of at most 20 air-cooled cabinets; liquid rack-scale rows hold 8 (the NVIDIA SU row). */
export const MAX_RACKS_PER_ROW = HALL_LAYOUT.rowRacksAir.value;
/** Egress clearances: along the walls, at the row ends and between rows of one line. */
export const WALL_CLEARANCE_M = HALL_LAYOUT.wallClearanceM.value;
export const END_CLEARANCE_M = HALL_LAYOUT.endClearanceM.value;
export const CROSS_AISLE_M = HALL_LAYOUT.crossAisleM.value;

/** What the user types into the fill form, with the messages they see. */
export const fillHallFormSchema = z.object({
  profile: oneOf(RACK_PROFILE_IDS, 'rack profiles'),
  kwPerRack: ranged(0.1, 2000, 'kW'),
  coldAisleM: ranged(0.6, 10, 'm'),
  hotAisleM: ranged(0.6, 10, 'm'),
  rackCountPerRow: z.nullable(integer(1, 1000)),
});

export interface FillHallOptions {
  readonly profile: RackProfileId;
  /** Per-rack IT power, kW; null or omitted = the profile's default. */
  readonly kwPerRack?: number | null;
  readonly coldAisleM: number;
  readonly hotAisleM: number;
  /**
   * Most racks in one row (further limited by the hall's row power); default 8 for liquid-cooled
   * rack-scale profiles, 20 for air-cooled ones.
   */
  readonly rackCountPerRow?: number | null;
  /** The target tier, whose white-space share applies when the hall has none (default Blackwell). */
  readonly tier?: TierId;
  /** Between the row ends and the end walls, m. */
  readonly endClearanceM?: number;
  /** Between the outer rows and the side walls, m. */
  readonly wallClearanceM?: number;
  /** Between two rows of one line, m. */
  readonly crossAisleM?: number;
  /** Rows to keep clear of (existing rows, in the hall frame): planned rows overlapping one are dropped. */
  readonly avoid?: readonly RotatedRect[];
  /**
   * Most rows to plan. The caller passes MAX_ELEMENTS less the rows already in the layout (a file
   * holds at most MAX_ELEMENTS rows); default MAX_ELEMENTS. A hall that would take more gets no
   * rows and a problem saying so (planning stops there: a 20 km hall would be millions of rows).
   */
  readonly limit?: number;
}

/** A row to create: a RackRow without its id and hall, in the hall's frame. */
export type RowPlan = Omit<RackRow, 'id' | 'hallId'>;

export type RowLimit = 'row-power' | 'rack-cap' | 'hall-width';

export interface FillHallSummary {
  readonly rows: number;
  readonly racks: number;
  readonly itMw: number;
  readonly gpus: number;
  /** Racks in each row. */
  readonly racksPerRow: number;
  /** In-row CDUs in each row (0 for air-cooled profiles), and in all rows. */
  readonly cdusPerRow: number;
  readonly cdus: number;
  /** The white space the rows fill, m (full width × this depth from the hall's near side). */
  readonly whiteSpaceDepthM: number;
  /** Lines of rows across the depth, and rows in each line along the width. */
  readonly lines: number;
  readonly rowsPerLine: number;
  /** What bounds the row length. */
  readonly limitedBy: RowLimit;
  /** Planned rows left out because they would overlap rows already in the hall. */
  readonly skipped: number;
  /** Why nothing fits, when nothing does. */
  readonly problem: string | null;
}

export interface FillHallPlan {
  readonly rows: readonly RowPlan[];
  readonly summary: FillHallSummary;
}

const EPS = 1e-9;
const floor = (v: number) => Math.floor(v + EPS);

/** Depth of n rows of depth d with aisles alternating cold, hot, cold … between them. */
export function rowsDepthM(n: number, d: number, cold: number, hot: number): number {
  if (n <= 0) return 0;
  const gaps = n - 1;
  return n * d + Math.ceil(gaps / 2) * cold + Math.floor(gaps / 2) * hot;
}

type Hallish = Pick<Hall, 'width' | 'depth' | 'rowPowerMw'> &
  Partial<Pick<Hall, 'whiteSpaceFraction'>>;

export function planHallRows(hall: Hallish, options: FillHallOptions): FillHallPlan {
  const profile = RACK_PROFILES[options.profile];
  const kw = options.kwPerRack ?? profile.kwPerRack.value;
  const w = profile.widthM.value;
  const d = profile.depthM.value;
  const cold = options.coldAisleM;
  const hot = options.hotAisleM;
  const end = options.endClearanceM ?? END_CLEARANCE_M;
  const wall = options.wallClearanceM ?? WALL_CLEARANCE_M;
  const cross = options.crossAisleM ?? CROSS_AISLE_M;

  // Racks per row: the smallest of the rack cap, the hall's row power and what fits the width
  // (with the row's in-row CDUs beside its racks).
  const cap = options.rackCountPerRow ?? defaultRowRacks(profile);
  const byPower = floor((hall.rowPowerMw * 1000) / kw);
  const usableWidth = hall.width - 2 * end;
  const positions = (racks: number) => racks + cdusForRow(profile, racks, kw);
  /** Most racks whose row (with its CDUs) fits in `room` metres, at most `most`. */
  const racksIn = (room: number, most: number) => {
    const slots = floor(room / w);
    let r = Math.min(most, slots);
    while (r > 0 && positions(r) > slots) r--;
    return Math.max(0, r);
  };
  const byWidth = racksIn(usableWidth, Number.MAX_SAFE_INTEGER);
  const maxPerRow = Math.min(cap, byPower, byWidth);
  const limitedBy: RowLimit =
    maxPerRow === byPower && byPower < cap
      ? 'row-power'
      : maxPerRow === byWidth && byWidth < cap
        ? 'hall-width'
        : 'rack-cap';

  // Lines across the depth of the white space.
  const tier = options.tier ?? DEFAULT_SETTINGS.targetTier;
  const whiteDepth =
    hall.depth * hallWhiteSpaceFraction({ whiteSpaceFraction: hall.whiteSpaceFraction }, tier);
  const usableDepth = whiteDepth - 2 * wall;
  let lines = 0;
  while (rowsDepthM(lines + 1, d, cold, hot) <= usableDepth + EPS) lines++;

  const empty = (problem: string | null): FillHallPlan => ({
    rows: [],
    summary: {
      rows: 0,
      racks: 0,
      itMw: 0,
      gpus: 0,
      racksPerRow: 0,
      cdusPerRow: 0,
      cdus: 0,
      whiteSpaceDepthM: whiteDepth,
      lines: 0,
      rowsPerLine: 0,
      limitedBy,
      skipped: 0,
      problem,
    },
  });
  if (byPower < 1) {
    return empty(`one ${kw} kW rack exceeds the hall's row power of ${hall.rowPowerMw} MW`);
  }
  if (byWidth < 1) return empty('the hall is too narrow for one rack and its end clearances');
  if (lines < 1) {
    return empty("the hall's white space is too shallow for one row and its wall clearances");
  }

  // Rows per line: the count k of equal rows (with cross aisles between them) that holds the
  // most racks; on a tie, the fewer, longer rows.
  let best = { k: 1, perRow: maxPerRow, total: maxPerRow };
  for (let k = 2; ; k++) {
    const perRow = racksIn((usableWidth - (k - 1) * cross) / k, maxPerRow);
    if (perRow < 1) break;
    if (k * perRow > best.total) best = { k, perRow, total: k * perRow };
  }
  const { k, perRow } = best;
  const cdusPerRow = cdusForRow(profile, perRow, kw);
  const length = (perRow + cdusPerRow) * w;

  const lineLength = k * length + (k - 1) * cross;
  const x0 = (hall.width - lineLength) / 2;
  const y0 = (whiteDepth - rowsDepthM(lines, d, cold, hot)) / 2;
  const kwPerRack = options.kwPerRack ?? null;
  const limit = Math.max(0, Math.floor(options.limit ?? MAX_ELEMENTS));
  const tooMany = () =>
    empty(`would place more than ${limit.toLocaleString('en-US')} rows: make the hall smaller`);
  // With nothing to avoid, every planned row is placed: refuse before making one.
  const avoid = options.avoid ?? [];
  if (avoid.length === 0 && lines * k > limit) return tooMany();
  const blocked = blockerIndex(avoid, Math.max(length, d));
  const rows: RowPlan[] = [];
  let skipped = 0;
  let y = y0;
  for (let i = 0; i < lines; i++) {
    // Even lines face +y and odd lines −y (rotation 180°): lines 0 and 1 face each other across
    // a cold aisle, lines 1 and 2 turn their backs to each other across a hot aisle, and so on.
    const rotation = i % 2 === 0 ? 0 : 180;
    const cy = y + d / 2;
    for (let j = 0; j < k; j++) {
      const cx = x0 + j * (length + cross) + length / 2;
      const rect = { x: cx, y: cy, width: length, depth: d, rotation };
      if (blocked(rect)) {
        skipped++;
        continue;
      }
      if (rows.length === limit) return tooMany();
      rows.push({
        x: cx,
        y: cy,
        rotation,
        rackCount: perRow,
        profile: options.profile,
        kwPerRack,
        massKg: null,
        ...(cdusPerRow > 0 ? { cduCount: cdusPerRow } : {}),
      });
    }
    y += d + (i % 2 === 0 ? cold : hot);
  }
  const racks = rows.length * perRow;
  return {
    rows,
    summary: {
      rows: rows.length,
      racks,
      itMw: (racks * kw) / 1000,
      gpus: racks * profile.gpusPerRack.value,
      racksPerRow: perRow,
      cdusPerRow,
      cdus: rows.length * cdusPerRow,
      whiteSpaceDepthM: whiteDepth,
      lines,
      rowsPerLine: k,
      limitedBy,
      skipped,
      problem: rows.length === 0 ? 'every row would overlap a row already in the hall' : null,
    },
  };
}

/**
 * "Does this planned row overlap one of the rows to avoid?", through a grid over their bounding
 * boxes, so a hall with thousands of rows is not tested all against all.
 */
function blockerIndex(
  avoid: readonly RotatedRect[],
  cellSize: number,
): (rect: RotatedRect) => boolean {
  if (avoid.length === 0) return () => false;
  const grid = new GridIndex(Math.max(cellSize, 0.5), avoid.length);
  avoid.forEach((r, i) => {
    const b = rectAabb(r);
    grid.insert(i, b.minX, b.minY, b.maxX, b.maxY);
  });
  const near: number[] = [];
  return (rect) => {
    const b = rectAabb(rect);
    const n = grid.query(b.minX, b.minY, b.maxX, b.maxY, near);
    for (let k = 0; k < n; k++) if (rectsOverlap(avoid[near[k]!]!, rect)) return true;
    return false;
  };
}
