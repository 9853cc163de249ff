import * as z from 'zod/mini';
import { TIERS, type TierId } from '../catalog';
import { coord, id, name, phaseRef, positive, ranged, rotation, size } from './fields';
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
    /**
     * Share of the hall's area that is white space (rows and their aisles); the rest is support
     * space (electrical rooms, CDU galleries, corridors), a band along the hall's far side
     * (y from whiteSpaceFraction × depth to depth). Absent or null: the target tier's default.
     */
    whiteSpaceFraction: z.optional(z.nullable(ranged(0.1, 1, ''))),
    /** Concentrated (point) load rating of the floor, kN per rack foot. Absent or null: the tier's. */
    pointLoadRatingKn: z.optional(z.nullable(positive(1000, 'kN'))),
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

/** The hall's white-space share: its own, or the tier's default. */
export function hallWhiteSpaceFraction(
  hall: Pick<Hall, 'whiteSpaceFraction'>,
  tier: TierId,
): number {
  return hall.whiteSpaceFraction ?? TIERS[tier].whiteSpaceFraction.value;
}

/** The hall's point-load rating, kN per rack foot: its own, or the tier's default. */
export function hallPointLoadRatingKn(hall: Pick<Hall, 'pointLoadRatingKn'>, tier: TierId): number {
  return hall.pointLoadRatingKn ?? TIERS[tier].pointLoadRatingKn.value;
}

/**
 * The hall's white space in its own frame: the full width, from y = 0 to f × depth. The support
 * band is the rest, along the far side (y from f × depth to depth).
 */
export function hallWhiteSpaceRect(
  hall: Pick<Hall, 'width' | 'depth' | 'whiteSpaceFraction'>,
  tier: TierId,
): { readonly width: number; readonly depth: number } {
  return { width: hall.width, depth: hall.depth * hallWhiteSpaceFraction(hall, tier) };
}

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
    hint: 'Rated distributed floor or slab load; each row’s load spread over its footprint and half its aisles must stay within it',
  },
  {
    id: 'pointLoadRatingKn',
    key: 'pointLoadRatingKn',
    label: 'Point load rating (kN)',
    type: 'number',
    unit: 'ratio',
    schema: hallShape.pointLoadRatingKn,
    nullable: { placeholder: () => 'tier default' },
    hint: 'Rated concentrated load per rack foot, kN; each rack’s weight / 4 must stay within it. Empty: the target tier’s default',
  },
  {
    id: 'whiteSpaceFraction',
    key: 'whiteSpaceFraction',
    label: 'White space share',
    type: 'number',
    unit: 'ratio',
    schema: hallShape.whiteSpaceFraction,
    nullable: { placeholder: () => 'tier default' },
    hint: 'Share of the hall that holds rows and aisles (0.1–1); the rest is support space along the far side. Empty: the target tier’s default',
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
      whiteSpaceFraction: hallWhiteSpaceFraction(h, ctx.doc.settings.targetTier),
      pointLoadRatingKn: hallPointLoadRatingKn(h, ctx.doc.settings.targetTier),
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
  carriesGlued: true,
};
