import * as z from 'zod/mini';
import { coord, id, name, positive, rotation, size, phaseRef } from './fields';
import { idField, phaseField, rectFields, type FieldDef } from './fieldDefs';
import { campusRectGeometry, type KindDef } from './kind';

/** A substation yard: a rectangle with an installed transformer capacity. */
export const substationSchema = z.object(
  {
    id: id(),
    name: name(),
    x: coord(),
    y: coord(),
    width: size(),
    depth: size(),
    rotation: rotation(),
    /** Installed transformer capacity, MVA. */
    capacityMva: positive(100_000, 'MVA'),
    /** Grid connection voltage, kV. */
    voltageKv: positive(1500, 'kV'),
    /** Construction phase (format version 2); absent: the first phase. */
    phaseId: phaseRef(),
  },
  { error: 'must be a substation object' },
);
export type Substation = z.output<typeof substationSchema>;

export const SUBSTATION_DEFAULTS = {
  width: 80,
  depth: 60,
  rotation: 0,
  capacityMva: 100,
  voltageKv: 230,
} as const;

export function createSubstation(
  id: string,
  at: { x: number; y: number },
  over: Partial<Substation> = {},
): Substation {
  return {
    id,
    name: `Substation ${id.replace(/^\D+/, '')}`,
    x: at.x,
    y: at.y,
    ...SUBSTATION_DEFAULTS,
    ...over,
  };
}

const subShape = substationSchema.shape;

/** A substation's inspector fields, in the order shown. */
export const SUBSTATION_FIELDS: readonly FieldDef<Substation>[] = [
  ...rectFields(subShape, 'substation'),
  {
    id: 'capacityMva',
    key: 'capacityMva',
    label: 'Capacity',
    type: 'number',
    unit: 'mva',
    schema: subShape.capacityMva,
    hint: 'Installed transformer capacity',
  },
  {
    id: 'voltageKv',
    key: 'voltageKv',
    label: 'Voltage',
    type: 'number',
    unit: 'kv',
    schema: subShape.voltageKv,
    hint: 'Grid connection voltage',
  },
  phaseField,
  idField,
];

/** Substation yards: campus rectangles. */
export const substationKind: KindDef<'substations'> = {
  collection: 'substations',
  label: 'Substation',
  exportKind: 'substation',
  exportProperties: (s) => ({
    name: s.name,
    width: s.width,
    depth: s.depth,
    capacityMva: s.capacityMva,
    voltageKv: s.voltageKv,
  }),
  noun: { one: 'substation', many: 'substations' },
  idPrefix: 'sub',
  schema: substationSchema,
  hitRank: 1,
  resize: 'both',
  resizeSnaps: true,
  fields: SUBSTATION_FIELDS,
  // Feeder vertices on it follow it (glue).
  carriesGlued: true,
  ...campusRectGeometry('substations', false),
};
