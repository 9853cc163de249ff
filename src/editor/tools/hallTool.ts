import { createHall, HALL_DEFAULTS, KINDS } from '../../domain';
import { createRectDragTool } from './rectDrag';

/** Smallest hall a drag makes, metres each way. */
export const MIN_HALL_M = 5;

/** Hall (H): drag a rectangle, or click for a default-size hall centred there. Back to select after. */
export function createHallTool() {
  return createRectDragTool({
    id: 'hall',
    idPrefix: KINDS.halls.idPrefix,
    label: 'Add hall',
    minSizeM: MIN_HALL_M,
    clickRect: (_ctx, at) => ({
      x: at.x,
      y: at.y,
      width: HALL_DEFAULTS.width,
      depth: HALL_DEFAULTS.depth,
      rotation: 0,
    }),
    insert: (d, id, r) => {
      d.halls.push(createHall(id, r, { width: r.width, depth: r.depth, rotation: r.rotation }));
    },
  });
}
