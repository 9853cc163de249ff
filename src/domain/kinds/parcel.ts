import * as z from 'zod/mini';
import { points } from './fields';
import { polygonArea } from '../geometry';
import { M2_PER_ACRE } from '../units/constants';

/** The land parcel: a simple polygon in the campus frame (checked for self-crossing on import). */
export const parcelSchema = z.object(
  {
    /** 3 to MAX_POINTS points. */
    points: points(3),
  },
  { error: 'must be an object with points' },
);
export type Parcel = z.output<typeof parcelSchema>;

/** m² per international acre (1 acre = 4,046.8564224 m², exact). */
export const SQ_M_PER_ACRE = M2_PER_ACRE;

export function parcelAreaM2(parcel: Parcel): number {
  return polygonArea(parcel.points);
}

export function defaultParcel(width = 1000, depth = 800): Parcel {
  return {
    points: [
      [0, 0],
      [width, 0],
      [width, depth],
      [0, depth],
    ],
  };
}
