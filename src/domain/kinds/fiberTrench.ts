import * as z from 'zod/mini';
import { polylineLength, type XY } from '../geometry';
import { id, integer, name, phaseRef, polylinePoints } from './fields';
import { idField, phaseField, type FieldDef } from './fieldDefs';
import { round3, type KindDef } from './kind';
import { campusPolylineGeometry } from './polylineKind';

/** A fiber trench: a polyline route carrying `fiberCount` fibers (strands) along its whole length. */
export const fiberTrenchSchema = z.object(
  {
    id: id(),
    name: name(),
    points: polylinePoints(),
    fiberCount: integer(1, 100_000),
    /** Construction phase (format version 2); absent: the first phase. */
    phaseId: phaseRef(),
  },
  { error: 'must be a fiber trench object' },
);
export type FiberTrench = z.output<typeof fiberTrenchSchema>;

export function trenchLengthM(t: FiberTrench): number {
  return polylineLength(t.points);
}

export function createFiberTrench(
  id: string,
  points: XY[],
  over: Partial<FiberTrench> = {},
): FiberTrench {
  return {
    id,
    name: `Trench ${id.replace(/^\D+/, '')}`,
    points: points.map((p) => [p[0], p[1]]),
    fiberCount: 1728,
    ...over,
  };
}

const trenchShape = fiberTrenchSchema.shape;

/** A trench's inspector fields, in the order shown (its vertices last, one row each). */
export const FIBER_TRENCH_FIELDS: readonly FieldDef<FiberTrench>[] = [
  { id: 'name', key: 'name', label: 'Name', type: 'text', schema: trenchShape.name, wide: true },
  {
    id: 'fiberCount',
    key: 'fiberCount',
    label: 'Fibers',
    type: 'number',
    unit: 'count',
    schema: trenchShape.fiberCount,
    hint: 'Strands carried along the whole trench',
  },
  phaseField,
  idField,
  {
    id: 'points',
    key: 'points',
    label: 'Vertices',
    type: 'points',
    coordSchema: trenchShape.points.def.element.def.items[0],
    wide: true,
  },
];

/** Fiber trenches: campus polylines, on top of everything, edited by their vertices. */
export const fiberTrenchKind: KindDef<'fiberTrenches'> = {
  collection: 'fiberTrenches',
  label: 'Fiber trench',
  exportKind: 'fiberTrench',
  exportProperties: (t) => ({
    name: t.name,
    fiberCount: t.fiberCount,
    lengthM: round3(polylineLength(t.points)),
  }),
  noun: { one: 'trench', many: 'trenches' },
  idPrefix: 'tr',
  schema: fiberTrenchSchema,
  hitRank: 0,
  resize: null,
  resizeSnaps: false,
  fields: FIBER_TRENCH_FIELDS,
  ...campusPolylineGeometry('fiberTrenches'),
  // Vertices on a hall (or within GLUE_REACH_M of its edge) follow the hall.
  glue: { kind: 'vertices' },
};
