import { createCoolingZone, HALL_DEFAULTS, KINDS } from '../../domain';
import { hallAt } from './creation';
import { createRectDragTool } from './rectDrag';

export const MIN_ZONE_M = 5;
/** A click on a hall wraps it in a zone this much larger on every side, metres. */
export const ZONE_MARGIN_M = 5;

/**
 * Cooling zone (C): drag a rectangle; type and capacity come from the tool options. A click on a
 * hall wraps that hall (same rotation, a 5 m margin), since a zone serves the rows whose centres it
 * holds; a click elsewhere makes a zone of a default hall's size plus the margin.
 */
export function createCoolingZoneTool() {
  return createRectDragTool({
    id: 'coolingZone',
    idPrefix: KINDS.coolingZones.idPrefix,
    label: 'Add cooling zone',
    minSizeM: MIN_ZONE_M,
    clickRect: (ctx, at) => {
      const hall = hallAt(ctx.doc(), at);
      if (hall) {
        return {
          x: hall.x,
          y: hall.y,
          width: hall.width + 2 * ZONE_MARGIN_M,
          depth: hall.depth + 2 * ZONE_MARGIN_M,
          rotation: hall.rotation,
        };
      }
      return {
        x: at.x,
        y: at.y,
        width: HALL_DEFAULTS.width + 2 * ZONE_MARGIN_M,
        depth: HALL_DEFAULTS.depth + 2 * ZONE_MARGIN_M,
        rotation: 0,
      };
    },
    insert: (d, id, r, o) => {
      d.coolingZones.push(
        createCoolingZone(id, r, {
          rotation: r.rotation,
          type: o.coolingType,
          capacityMw: o.zoneCapacityMw,
        }),
      );
    },
  });
}
