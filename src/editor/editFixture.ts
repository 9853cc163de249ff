import { produce } from 'immer';
import {
  createCoolingZone,
  createFiberTrench,
  createHall,
  createRackRow,
  createSubstation,
  type Layout,
} from '../domain';
import { emptyLayout } from '../state/documentStore';

/**
 * A zone around hall-1 (40 × 20 at 100, 100) whose 6 m row sits at its centre, a trench through
 * both, hall-2 turned 90° with the same row (so the row stands upright on screen), and a yard.
 */
export function fixture(): Layout {
  return produce(emptyLayout(), (d) => {
    d.coolingZones.push(createCoolingZone('cz-1', { x: 100, y: 100, width: 80, depth: 60 }));
    d.halls.push(
      createHall('hall-1', { x: 100, y: 100 }, { width: 40, depth: 20 }),
      createHall('hall-2', { x: 300, y: 100 }, { width: 40, depth: 20, rotation: 90 }),
    );
    d.rackRows.push(
      createRackRow('row-1', 'hall-1', { x: 20, y: 10 }, { rackCount: 10 }),
      createRackRow('row-2', 'hall-2', { x: 20, y: 10 }, { rackCount: 10 }),
    );
    d.substations.push(createSubstation('sub-1', { x: 200, y: 300 }, { width: 80, depth: 60 }));
    d.fiberTrenches.push(
      createFiberTrench('tr-1', [
        [60, 100],
        [140, 100],
      ]),
    );
  });
}
