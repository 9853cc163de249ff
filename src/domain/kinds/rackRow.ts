import { z } from 'zod';
import { RACK_PROFILE_IDS, RACK_PROFILES, type RackProfile } from '../catalog';
import { hallRectToCampus, type RotatedRect } from '../geometry';
import { coord, id, integer, oneOf, ranged, rotation } from './fields';
import type { Hall } from './hall';

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
    kwPerRack: ranged(0.1, 2000, 'kW').nullable().default(null),
    /** Per-rack mass, kg; null = the profile's default. */
    massKg: ranged(1, 10000, 'kg').nullable().default(null),
  },
  { error: 'must be a rack row object' },
);
export type RackRow = z.output<typeof rackRowSchema>;

export function rowProfile(row: RackRow): RackProfile {
  return RACK_PROFILES[row.profile];
}
export function rowKwPerRack(row: RackRow): number {
  return row.kwPerRack ?? RACK_PROFILES[row.profile].kwPerRack.value;
}
export function rowMassPerRackKg(row: RackRow): number {
  return row.massKg ?? RACK_PROFILES[row.profile].massKg.value;
}
export function rowLengthM(row: RackRow): number {
  return row.rackCount * RACK_PROFILES[row.profile].widthM.value;
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
