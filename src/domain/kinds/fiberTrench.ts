import { z } from 'zod';
import { polylineLength, type XY } from '../geometry';
import { id, integer, MAX_POINTS, name, point } from './fields';

/** A fiber trench: a polyline route carrying `fiberCount` fibers (strands) along its whole length. */
export const fiberTrenchSchema = z.object(
  {
    id: id(),
    name: name(),
    points: z
      .array(point(), { error: 'must be a list of points' })
      .min(2, { error: 'must have at least 2 points' })
      .max(MAX_POINTS, { error: `must have at most ${MAX_POINTS} points` }),
    fiberCount: integer(1, 100_000),
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
