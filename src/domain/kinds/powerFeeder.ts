import * as z from 'zod/mini';
import { polylineLength, type XY } from '../geometry';
import { id, name, phaseRef, polylinePoints, positive } from './fields';
import { idField, phaseField, type FieldDef } from './fieldDefs';
import { round3, type KindDef } from './kind';
import { campusPolylineGeometry } from './polylineKind';

/**
 * A power feeder (format version 2): a medium-voltage duct bank, a polyline like a trench,
 * carrying `capacityMva` along its whole length.
 */
export const powerFeederSchema = z.object(
  {
    id: id(),
    name: name(),
    points: polylinePoints(),
    /** What the feeder carries, MVA. */
    capacityMva: positive(100_000, 'MVA'),
    /** Construction phase; absent: the first phase. */
    phaseId: phaseRef(),
  },
  { error: 'must be a power feeder object' },
);
export type PowerFeeder = z.output<typeof powerFeederSchema>;

export const POWER_FEEDER_DEFAULTS = { capacityMva: 60 } as const;

export function feederLengthM(f: Pick<PowerFeeder, 'points'>): number {
  return polylineLength(f.points);
}

export function createPowerFeeder(
  id: string,
  points: XY[],
  over: Partial<PowerFeeder> = {},
): PowerFeeder {
  return {
    id,
    name: `Feeder ${id.replace(/^\D+/, '')}`,
    points: points.map((p) => [p[0], p[1]]),
    ...POWER_FEEDER_DEFAULTS,
    ...over,
  };
}

const shape = powerFeederSchema.shape;

/** A feeder's inspector fields, in the order shown (its vertices last, one row each). */
export const POWER_FEEDER_FIELDS: readonly FieldDef<PowerFeeder>[] = [
  { id: 'name', key: 'name', label: 'Name', type: 'text', schema: shape.name, wide: true },
  {
    id: 'feederCapacityMva',
    key: 'capacityMva',
    label: 'Capacity',
    type: 'number',
    unit: 'mva',
    schema: shape.capacityMva,
    hint: 'What the feeder carries along its whole length',
  },
  phaseField,
  idField,
  {
    id: 'points',
    key: 'points',
    label: 'Vertices',
    type: 'points',
    coordSchema: shape.points.def.element.def.items[0],
    wide: true,
  },
];

/** Power feeders: campus polylines, edited by their vertices. */
export const powerFeederKind: KindDef<'powerFeeders'> = {
  collection: 'powerFeeders',
  label: 'Power feeder',
  exportKind: 'powerFeeder',
  exportProperties: (f) => ({
    name: f.name,
    capacityMva: f.capacityMva,
    lengthM: round3(feederLengthM(f)),
  }),
  noun: { one: 'feeder', many: 'feeders' },
  idPrefix: 'fd',
  schema: powerFeederSchema,
  hitRank: 0,
  resize: null,
  resizeSnaps: false,
  fields: POWER_FEEDER_FIELDS,
  ...campusPolylineGeometry('powerFeeders'),
  // Vertices on a hall or a substation (or within GLUE_REACH_M of its edge) follow it.
  glue: { kind: 'vertices' },
};
