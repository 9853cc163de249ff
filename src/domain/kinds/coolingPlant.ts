import * as z from 'zod/mini';
import { PLANT_TYPE_IDS, PLANT_TYPES, type PlantTypeId } from '../catalog';
import { coord, id, integer, name, oneOf, phaseRef, positive, rotation, size } from './fields';
import { fieldOptions, idField, phaseField, rectFields, type FieldDef } from './fieldDefs';
import { campusRectGeometry, round3, type KindDef } from './kind';

/**
 * A cooling plant (format version 2): a rectangle of `units` heat-rejection units of `unitMw`
 * each, of one plant type (which sets its water use).
 */
export const coolingPlantSchema = z.object(
  {
    id: id(),
    name: name(),
    x: coord(),
    y: coord(),
    width: size(),
    depth: size(),
    rotation: rotation(),
    type: oneOf(PLANT_TYPE_IDS, 'cooling plant types'),
    /** Heat-rejection units in the plant. */
    units: integer(1, 10_000),
    /** Heat one unit rejects, MW. */
    unitMw: positive(100, 'MW'),
    /** Construction phase; absent: the first phase. */
    phaseId: phaseRef(),
  },
  { error: 'must be a cooling plant object' },
);
export type CoolingPlant = z.output<typeof coolingPlantSchema>;

export const COOLING_PLANT_DEFAULTS = {
  width: 80,
  depth: 40,
  rotation: 0,
  type: 'dry-cooler',
  units: 20,
} as const satisfies Partial<CoolingPlant>;

/** Installed heat rejection of a plant: units × unitMw (every unit, before any redundancy). */
export const coolingPlantMw = (p: Pick<CoolingPlant, 'units' | 'unitMw'>): number =>
  p.units * p.unitMw;

export function createCoolingPlant(
  id: string,
  at: { x: number; y: number },
  over: Partial<CoolingPlant> = {},
): CoolingPlant {
  const type: PlantTypeId = over.type ?? COOLING_PLANT_DEFAULTS.type;
  return {
    id,
    name: `${PLANT_TYPES[type].label} ${id.replace(/^\D+/, '')}`,
    x: at.x,
    y: at.y,
    ...COOLING_PLANT_DEFAULTS,
    unitMw: PLANT_TYPES[type].unitMw.value,
    ...over,
  };
}

const shape = coolingPlantSchema.shape;

/** A cooling plant's inspector fields, in the order shown. */
export const COOLING_PLANT_FIELDS: readonly FieldDef<CoolingPlant>[] = [
  ...rectFields(shape, 'plant'),
  {
    id: 'plantType',
    key: 'type',
    label: 'Type',
    type: 'enum',
    schema: shape.type,
    options: fieldOptions(PLANT_TYPE_IDS, (t) => PLANT_TYPES[t].label),
    hint: 'How the plant rejects heat, which sets its water use',
    wide: true,
  },
  {
    id: 'plantUnits',
    key: 'units',
    label: 'Units',
    type: 'number',
    unit: 'count',
    schema: shape.units,
    hint: 'Heat-rejection units in the plant',
  },
  {
    id: 'plantUnitMw',
    key: 'unitMw',
    label: 'Unit capacity',
    type: 'number',
    unit: 'mw',
    schema: shape.unitMw,
    hint: 'Heat one unit rejects at design conditions',
  },
  phaseField,
  idField,
];

/** Cooling plants: campus rectangles. */
export const coolingPlantKind: KindDef<'coolingPlants'> = {
  collection: 'coolingPlants',
  label: 'Cooling plant',
  exportKind: 'coolingPlant',
  exportProperties: (p) => ({
    name: p.name,
    width: p.width,
    depth: p.depth,
    type: p.type,
    units: p.units,
    unitMw: p.unitMw,
    installedMw: round3(coolingPlantMw(p)),
  }),
  noun: { one: 'cooling plant', many: 'cooling plants' },
  idPrefix: 'cp',
  schema: coolingPlantSchema,
  hitRank: 1,
  resize: 'both',
  resizeSnaps: true,
  fields: COOLING_PLANT_FIELDS,
  ...campusRectGeometry('coolingPlants', false),
};
