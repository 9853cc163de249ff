import { createSubstation, KINDS, SUBSTATION_DEFAULTS } from '../../domain';
import { createPlaceRectTool } from './placeRectTool';
import type { Tool } from './types';

/**
 * Substation (S): a click places a default-size yard centred at the snapped point; its ghost
 * follows the pointer. Back to select after one, unless the tool lock is on (Q).
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
