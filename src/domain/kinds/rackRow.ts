import * as z from 'zod/mini';
import { RACK_PROFILE_IDS, RACK_PROFILES } from '../catalog';
import {
  campusToHall,
  hallRectToCampus,
  normalizeDeg,
  rectAabb,
  rectContainsPoint,
  rotate,
  toRectLocal,
  type RotatedRect,
} from '../geometry';
import { coord, id, integer, oneOf, ranged, rotation } from './fields';
import { fieldOptions, idField, type FieldDef } from './fieldDefs';
import type { Hall } from './hall';
import {
  HANDLE_VECTORS,
  mm,
  rectInBox,
  round3,
  type KindContext,
  type KindDef,
  type Mutable,
} from './kind';

/**
 * A row of identical racks inside a hall. (x, y) is the row's centre in the hall's frame and its
 * rotation is relative to the hall. Length = rackCount × profile width, depth = profile depth.
 */
export const rackRowSchema = z.object(
  {
    id: id(),
    hallId: id(),
    x: coord(),
    y: coord(),
    rotation: rotation(),
    rackCount: integer(1, 1000),
    profile: oneOf(RACK_PROFILE_IDS, 'rack profiles'),
    /** Per-rack IT power, kW; null = the profile's default. */
    kwPerRack: z._default(z.nullable(ranged(0.1, 2000, 'kW')), null),
    /** Per-rack mass, kg; null = the profile's default. */
    massKg: z._default(z.nullable(ranged(1, 10000, 'kg')), null),
    /**
     * In-row CDUs standing in the row, each in one rack position (the profile's width) after the
     * racks; rackCount counts the racks only. Absent = 0.
     */
    cduCount: z.optional(integer(0, 1000)),
  },
  { error: 'must be a rack row object' },
);
export type RackRow = z.output<typeof rackRowSchema>;

export function rowKwPerRack(row: RackRow): number {
  return row.kwPerRack ?? RACK_PROFILES[row.profile].kwPerRack.value;
}
export function rowMassPerRackKg(row: RackRow): number {
  return row.massKg ?? RACK_PROFILES[row.profile].massKg.value;
}
/** A row's IT power, kW: racks × kW per rack. */
export function rowItKw(row: RackRow): number {
  return row.rackCount * rowKwPerRack(row);
}
/** A row's mass, kg: racks × mass per rack. */
export function rowMassKg(row: RackRow): number {
  return row.rackCount * rowMassPerRackKg(row);
}
/** A row's GPUs: racks × GPUs per rack of its profile. */
export function rowGpus(row: RackRow): number {
  return row.rackCount * RACK_PROFILES[row.profile].gpusPerRack.value;
}
/** What a set of rows (a hall's) adds up to: how many, their racks and IT power in kW. */
export interface RowsTotals {
  readonly rows: number;
  readonly racks: number;
  readonly itKw: number;
}
export function rowsTotals(rows: readonly RackRow[]): RowsTotals {
  let racks = 0;
  let itKw = 0;
  for (const r of rows) {
    racks += r.rackCount;
    itKw += rowItKw(r);
  }
  return { rows: rows.length, racks, itKw };
}
/** In-row CDUs of the row (0 when absent). */
export function rowCduCount(row: Pick<RackRow, 'cduCount'>): number {
  return row.cduCount ?? 0;
}
/** Row length: (racks + in-row CDUs) × profile width. */
export function rowLengthM(row: RackRow): number {
  return (row.rackCount + rowCduCount(row)) * RACK_PROFILES[row.profile].widthM.value;
}
export function rowDepthM(row: RackRow): number {
  return RACK_PROFILES[row.profile].depthM.value;
}
/** The row's footprint in its hall's frame. */
export function rowRectInHall(row: RackRow): RotatedRect {
  return {
    x: row.x,
    y: row.y,
    width: rowLengthM(row),
    depth: rowDepthM(row),
    rotation: row.rotation,
  };
}
/** rowRectInHall's figures written into `out`, for a loop that reuses one rectangle. */
export function writeRowRectInHall(
  row: RackRow,
  out: { x: number; y: number; width: number; depth: number; rotation: number },
): void {
  out.x = row.x;
  out.y = row.y;
  out.width = rowLengthM(row);
  out.depth = rowDepthM(row);
  out.rotation = row.rotation;
}
/** The row's footprint in the campus frame. */
export function rowRectInCampus(row: RackRow, hall: Hall): RotatedRect {
  return hallRectToCampus(hall, rowRectInHall(row));
}

export function createRackRow(
  id: string,
  hallId: string,
  at: { x: number; y: number },
  over: Partial<RackRow> = {},
): RackRow {
  return {
    id,
    hallId,
    x: at.x,
    y: at.y,
    rotation: 0,
    rackCount: 8,
    profile: 'gb300-nvl72',
    kwPerRack: null,
    massKg: null,
    ...over,
  };
}

/** Rows hold 1 to 1,000 racks (the format's bounds). */
export const MAX_RACKS = 1000;

/**
 * Keep a row's footprint inside its hall (its centre moves as little as needed). A row longer
 * than the hall stays centred on the hall across that axis.
 */
export function clampRowToHall(row: Mutable<RackRow>, hall: Pick<Hall, 'width' | 'depth'>): void {
  const box = rectAabb(rowRectInHall(row));
  const ex = (box.maxX - box.minX) / 2;
  const ey = (box.maxY - box.minY) / 2;
  const clamp = (v: number, a: number, b: number) =>
    Math.min(Math.max(v, Math.min(a, b)), Math.max(a, b));
  row.x = mm(clamp(row.x, ex, hall.width - ex));
  row.y = mm(clamp(row.y, ey, hall.depth - ey));
}

/** The hall a row lives in, looked up in the document (undefined when it is missing). */
export function hallOfRow(row: RackRow, ctx: Pick<KindContext, 'byId'>): Hall | undefined {
  return ctx.byId(row.hallId) as Hall | undefined;
}

function campusRect(row: RackRow, ctx: KindContext): RotatedRect | null {
  const hall = hallOfRow(row, ctx);
  return hall ? rowRectInCampus(row, hall) : null;
}

const rowShape = rackRowSchema.shape;
const profileOf = (row: RackRow) => RACK_PROFILES[row.profile] ?? RACK_PROFILES['gb300-nvl72'];

/** A row's inspector fields, in the order shown. Its position and rotation are the hall's frame. */
export const RACK_ROW_FIELDS: readonly FieldDef<RackRow>[] = [
  {
    id: 'hallId',
    key: 'hallId',
    label: 'Hall',
    type: 'readonly',
    wide: true,
    display: (value, doc) => {
      const hall = doc.halls.find((h) => h.id === value);
      return hall ? `${hall.name || hall.id} (${hall.id})` : String(value);
    },
  },
  {
    id: 'row.x',
    key: 'x',
    label: 'X in hall',
    type: 'number',
    unit: 'length',
    schema: rowShape.x,
    hint: "Row centre from the hall's left wall, in the hall's frame",
  },
  {
    id: 'row.y',
    key: 'y',
    label: 'Y in hall',
    type: 'number',
    unit: 'length',
    schema: rowShape.y,
    hint: "Row centre from the hall's top wall, in the hall's frame",
  },
  {
    id: 'rotation',
    key: 'rotation',
    label: 'Rotation',
    type: 'number',
    unit: 'angle',
    schema: rowShape.rotation,
    hint: 'Degrees clockwise, relative to the hall',
  },
  {
    id: 'rackCount',
    key: 'rackCount',
    label: 'Racks',
    type: 'number',
    unit: 'count',
    schema: rowShape.rackCount,
    hint: 'Racks in the row, not counting its in-row CDUs',
  },
  {
    id: 'cduCount',
    key: 'cduCount',
    label: 'In-row CDUs',
    type: 'number',
    unit: 'count',
    schema: rowShape.cduCount,
    absent: 0,
    hint: 'Coolant distribution units standing in the row, one rack position each, after the racks',
  },
  {
    id: 'profile',
    key: 'profile',
    label: 'Rack profile',
    type: 'enum',
    schema: rowShape.profile,
    options: fieldOptions(RACK_PROFILE_IDS, (id) => RACK_PROFILES[id].label),
    wide: true,
  },
  {
    id: 'kwPerRack',
    key: 'kwPerRack',
    label: 'kW per rack',
    type: 'number',
    unit: 'kw',
    schema: rowShape.kwPerRack,
    nullable: { placeholder: (e) => `${profileOf(e).kwPerRack.value} (profile)` },
    hint: "Empty: the profile's default",
  },
  {
    id: 'massKg',
    key: 'massKg',
    label: 'Mass per rack',
    type: 'number',
    unit: 'mass',
    schema: rowShape.massKg,
    nullable: { placeholder: (e, format) => `${format(profileOf(e).massKg.value)} (profile)` },
    hint: "Empty: the profile's default",
  },
  idField,
];

/**
 * Rack rows live in their hall's frame: (x, y) and rotation are relative to the hall, so their
 * geometry looks the hall up. A row's length is its rack count; its depth is its profile's.
 */
export const rackRowKind: KindDef<'rackRows'> = {
  collection: 'rackRows',
  label: 'Rack row',
  exportKind: 'rackRow',
  exportProperties: (row) => ({
    name: null,
    hallId: row.hallId,
    profile: row.profile,
    rackCount: row.rackCount,
    cduCount: rowCduCount(row),
    kwPerRack: rowKwPerRack(row),
    massKg: rowMassPerRackKg(row),
    itKw: round3(rowItKw(row)),
    lengthM: round3(rowLengthM(row)),
    depthM: round3(rowDepthM(row)),
  }),
  noun: { one: 'row', many: 'rows' },
  idPrefix: 'row',
  schema: rackRowSchema,
  hitRank: 2,
  resize: 'length',
  resizeSnaps: false,
  fields: RACK_ROW_FIELDS,
  parentOf: (r) => r.hallId,
  childrenOf: () => [],
  footprint(r, ctx) {
    const rect = campusRect(r, ctx);
    return rect ? { kind: 'rect', rect } : null;
  },
  referencePoint(r, ctx) {
    const rect = campusRect(r, ctx);
    return rect ? { x: rect.x, y: rect.y } : null;
  },
  bounds(r, ctx) {
    const rect = campusRect(r, ctx);
    return rect ? rectAabb(rect) : null;
  },
  topmostAt(ctx, p) {
    const halls = ctx.doc.halls;
    for (let i = halls.length - 1; i >= 0; i--) {
      const hall = halls[i]!;
      const rows = ctx.rowsOfHall(hall.id);
      if (rows.length === 0) continue;
      // One frame change per hall; each row is then tested in the hall frame.
      const local = campusToHall(hall, p);
      for (let j = rows.length - 1; j >= 0; j--) {
        const row = rows[j]!;
        if (rectContainsPoint(rowRectInHall(row), local)) return row.id;
      }
    }
    return undefined;
  },
  inBox(ctx, box, picked) {
    const ids: string[] = [];
    for (const h of ctx.doc.halls) {
      if (picked.has(h.id)) continue;
      for (const row of ctx.rowsOfHall(h.id)) {
        if (rectInBox(box, rowRectInCampus(row, h))) ids.push(row.id);
      }
    }
    return ids;
  },
  move(r, base, delta, ctx) {
    // The hall is not moving (a moved hall's rows come along in its frame).
    const hall = hallOfRow(base, ctx);
    if (!hall) return;
    const local = rotate(delta, -hall.rotation);
    r.x = base.x + local.x;
    r.y = base.y + local.y;
    clampRowToHall(r, hall);
  },
  shiftInParent(r, base, delta) {
    r.x = mm(base.x + delta.x);
    r.y = mm(base.y + delta.y);
  },
  rotateTo(r, campusDeg, ctx) {
    const hall = hallOfRow(r, ctx);
    r.rotation = normalizeDeg(campusDeg - (hall?.rotation ?? 0));
  },
  resizeTo(row, rb, dir, p, ctx) {
    const hall = hallOfRow(rb, ctx);
    if (!hall) return undefined;
    const rect: RotatedRect = rowRectInHall(rb);
    const local = toRectLocal(rect, campusToHall(hall, p));
    const v = HANDLE_VECTORS[dir];
    if (v.x === 0) return undefined; // rows are not resized in depth
    const rackW = RACK_PROFILES[rb.profile].widthM.value;
    const x0 = -rect.width / 2;
    const x1 = rect.width / 2;
    const wanted = v.x > 0 ? local.x - x0 : x1 - local.x;
    const cdus = rowCduCount(rb);
    const count = Math.min(MAX_RACKS, Math.max(1, Math.round(wanted / rackW) - cdus));
    const length = (count + cdus) * rackW;
    const cx = v.x > 0 ? x0 + length / 2 : x1 - length / 2;
    const centre = rotate({ x: cx, y: 0 }, rb.rotation);
    row.rackCount = count;
    row.x = mm(rb.x + centre.x);
    row.y = mm(rb.y + centre.y);
    return undefined;
  },
  copy(r, ctx) {
    // A row of a copied hall goes to the copy, at its place in the hall's frame.
    const copiedHall = ctx.copies.get(r.hallId);
    if (copiedHall) return { ...r, id: ctx.newId(), hallId: copiedHall };
    // Otherwise into the same hall, if the layout still has it, moved by the offset and kept inside.
    const hall = hallOfRow(r, ctx);
    if (!hall) return null;
    const local = rotate(ctx.offset, -hall.rotation);
    const copy: Mutable<RackRow> = { ...r, id: ctx.newId(), x: r.x + local.x, y: r.y + local.y };
    clampRowToHall(copy, hall);
    return copy;
  },
};
