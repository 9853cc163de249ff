import { trenchLengthM, type FiberTrench } from '../kinds';

import { M_PER_MILE } from '../units/constants';

export { M_PER_MILE };

/**
 * docs/rules.md rule 5: route length = Σ polyline lengths; route miles = m / 1609.344; strand (fiber)
 * miles = Σ (trench length × fiberCount) / 1609.344.
 */
export function fiberTotals(trenches: readonly FiberTrench[]): {
  routeM: number;
  routeMiles: number;
  strandMiles: number;
} {
  let routeM = 0;
  let strandM = 0;
  for (const t of trenches) {
    const len = trenchLengthM(t);
    routeM += len;
    strandM += len * t.fiberCount;
  }
  return { routeM, routeMiles: routeM / M_PER_MILE, strandMiles: strandM / M_PER_MILE };
}
