import * as z from 'zod/mini';
import { COOLING_TYPE_IDS, COOLING_TYPES } from '../catalog';
import { coord, id, name, oneOf, phaseRef, positive, rotation, size } from './fields';
import { fieldOptions, idField, phaseField, rectFields, type FieldDef } from './fieldDefs';
import { campusRectGeometry, rectWrapperGlue, type KindDef } from './kind';

/** A cooling zone: a rectangle of the campus whose plant serves the rows whose centres it holds. */
export const coolingZoneSchema = z.object(
  {
    id: id(),
    name: name(),
    x: coord(),
    y: coord(),
    width: size(),
    depth: size(),
    rotation: rotation(),
    type: oneOf(COOLING_TYPE_IDS, 'cooling types'),
    /** Heat the zone's plant can reject, MW. */
    capacityMw: positive(10_000, 'MW'),
    /** Construction phase (format version 2); absent: the first phase. */
    phaseId: phaseRef(),
  },
  { error: 'must be a cooling zone object' },
);
export type CoolingZone = z.output<typeof coolingZoneSchema>;

export function createCoolingZone(
  id: string,
  rect: { x: number; y: number; width: number; depth: number },
  over: Partial<CoolingZone> = {},
): CoolingZone {
  return {
    id,
    name: `Zone ${id.replace(/^\D+/, '')}`,
    rotation: 0,
    type: 'dlc',
    capacityMw: 20,
    ...rect,
    ...over,
  };
}

const zoneShape = coolingZoneSchema.shape;

/** A cooling zone's inspector fields, in the order shown. */
export const COOLING_ZONE_FIELDS: readonly FieldDef<CoolingZone>[] = [
  ...rectFields(zoneShape, 'zone'),
  {
    id: 'type',
    key: 'type',
    label: 'Cooling type',
    type: 'enum',
    schema: zoneShape.type,
    options: fieldOptions(COOLING_TYPE_IDS, (id) => COOLING_TYPES[id].label),
  },
  {
    id: 'capacityMw',
    key: 'capacityMw',
    label: 'Capacity',
    type: 'number',
    unit: 'mw',
    schema: zoneShape.capacityMw,
    hint: "Heat the zone's plant can reject",
  },
  phaseField,
  idField,
];

/** Cooling zones: campus rectangles under everything, picked on their border or empty area. */
export const coolingZoneKind: KindDef<'coolingZones'> = {
  collection: 'coolingZones',
  label: 'Cooling zone',
  exportKind: 'coolingZone',
  exportProperties: (z) => ({
    name: z.name,
    width: z.width,
    depth: z.depth,
    type: z.type,
    capacityMw: z.capacityMw,
  }),
  noun: { one: 'cooling zone', many: 'cooling zones' },
  idPrefix: 'cz',
  schema: coolingZoneSchema,
  hitRank: 4,
  resize: 'both',
  resizeSnaps: true,
  fields: COOLING_ZONE_FIELDS,
  ...campusRectGeometry('coolingZones', true),
  // A zone drawn around one hall moves, turns and grows with it.
  glue: rectWrapperGlue(),
};
