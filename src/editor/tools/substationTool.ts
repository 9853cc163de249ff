import { createSubstation, KINDS, SUBSTATION_DEFAULTS } from '../../domain';
import { createPlaceRectTool } from './placeRectTool';
import type { Tool } from './types';

/**
 * Substation (S): a click places a default-size yard centred at the snapped point; its ghost
 * follows the pointer. The tool stays active (a campus often needs a second yard for N+1).
 */
export function createSubstationTool(): Tool {
  return createPlaceRectTool({
    id: 'substation',
    idPrefix: KINDS.substations.idPrefix,
    size: SUBSTATION_DEFAULTS,
    label: 'Add substation',
    add: (d, id, at) => {
      d.substations.push(createSubstation(id, at));
    },
  });
}
