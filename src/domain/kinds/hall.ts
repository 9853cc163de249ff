import { z } from 'zod';
import { coord, id, name, positive, rotation, size, phaseRef } from './fields';
import { idField, phaseField, rectFields, type FieldDef } from './fieldDefs';
import { campusRectGeometry, round3, type KindDef } from './kind';
import { rowsTotals } from './rackRow';

/** A data hall: a rectangle (centre x, y) whose own frame holds rack rows. */
export const hallSchema = z.object(
  {
    id: id(),
    name: name(),
    x: coord(),
    y: coord(),
    width: size(),
    depth: size(),
    rotation: rotation(),
    /** Rated floor or slab load, kPa (kN/m²). */
    floorRatingKpa: positive(1000, 'kPa'),
    /** The most power one row of the hall is built to deliver, MW. */
    rowPowerMw: positive(100, 'MW'),
    /** Construction phase (format version 2); absent: the first phase. */
    phaseId: phaseRef(),
  },
  { error: 'must be a hall object' },
);
export type Hall = z.output<typeof hallSchema>;

export const HALL_DEFAULTS = {
  width: 120,
  depth: 60,
  rotation: 0,
  floorRatingKpa: 20,
  rowPowerMw: 1.5,
} as const;

export function createHall(
  id: string,
  at: { x: number; y: number },
  over: Partial<Hall> = {},
): Hall {
  return {
    id,
    name: `Hall ${id.replace(/^\D+/, '')}`,
    x: at.x,
    y: at.y,
    ...HALL_DEFAULTS,
    ...over,
  };
}

const hallShape = hallSchema.shape;

/** A hall's inspector fields, in the order shown. */
export const HALL_FIELDS: readonly FieldDef<Hall>[] = [
  ...rectFields(hallShape, 'hall'),
  {
    id: 'floorRatingKpa',
    key: 'floorRatingKpa',
    label: 'Floor rating',
    type: 'number',
    unit: 'pressure',
    schema: hallShape.floorRatingKpa,
    hint: 'Rated floor or slab load; each rack’s point load must stay within it',
  },
  {
    id: 'rowPowerMw',
    key: 'rowPowerMw',
    label: 'Row power',
    type: 'number',
    unit: 'mw',
    schema: hallShape.rowPowerMw,
    hint: 'The most power one row of this hall is built to deliver',
  },
  phaseField,
  idField,
];

/** Halls: rectangles in the campus frame whose own frame holds their rack rows. */
export const hallKind: KindDef<'halls'> = {
  collection: 'halls',
  label: 'Hall',
  exportKind: 'hall',
  exportProperties(h, ctx) {
    const t = rowsTotals(ctx.rowsOfHall(h.id));
    return {
      name: h.name,
      width: h.width,
      depth: h.depth,
      floorRatingKpa: h.floorRatingKpa,
      rowPowerMw: h.rowPowerMw,
      areaM2: round3(h.width * h.depth),
      rackCount: t.racks,
      itKw: round3(t.itKw),
    };
  },
  noun: { one: 'hall', many: 'halls' },
  idPrefix: 'hall',
  schema: hallSchema,
  hitRank: 3,
  resize: 'both',
  resizeSnaps: true,
  fields: HALL_FIELDS,
  ...campusRectGeometry('halls', false),
  childrenOf: (ctx, id) => ctx.rowsOfHall(id),
};
