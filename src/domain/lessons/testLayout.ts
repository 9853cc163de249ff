import { DEFAULT_SETTINGS } from '../kinds';
import {
  createCoolingZone,
  createFiberTrench,
  createHall,
  createRackRow,
  createSubstation,
  defaultParcel,
} from '../kinds';
import { emptyPlant, FORMAT_ID, FORMAT_VERSION, type Layout } from '../model';

/**
 * A small enterprise campus for the lessons' and explanations' tests: one 12 kPa hall with two
 * 20-rack rows of 10 kW air racks (0.4 MW IT), an air zone, 2 × 10 MVA N+1 and an 864-fiber trench.
 * It passes every Traditional check; Blackwell's floor, cooling, row power, fiber and cluster fail.
 */
export function smallTraditionalCampus(): Layout {
  return {
    format: FORMAT_ID,
    version: FORMAT_VERSION,
    ...emptyPlant(),
    name: 'Small traditional campus',
    settings: { ...DEFAULT_SETTINGS, targetTier: 'traditional', redundancy: 'N+1' },
    parcel: defaultParcel(1000, 800),
    halls: [
      createHall(
        'hall-1',
        { x: 300, y: 200 },
        { width: 120, depth: 60, floorRatingKpa: 12, rowPowerMw: 0.5 },
      ),
    ],
    rackRows: [
      createRackRow(
        'row-1',
        'hall-1',
        { x: 20, y: 10 },
        { rackCount: 20, profile: 'enterprise-air', kwPerRack: 10 },
      ),
      createRackRow(
        'row-2',
        'hall-1',
        { x: 20, y: 14 },
        { rackCount: 20, profile: 'enterprise-air', kwPerRack: 10 },
      ),
    ],
    coolingZones: [
      createCoolingZone(
        'cz-1',
        { x: 300, y: 200, width: 130, depth: 70 },
        { type: 'air', capacityMw: 5 },
      ),
    ],
    substations: [
      createSubstation('sub-1', { x: 800, y: 150 }, { capacityMva: 10 }),
      createSubstation('sub-2', { x: 800, y: 300 }, { capacityMva: 10 }),
    ],
    fiberTrenches: [
      createFiberTrench(
        'tr-1',
        [
          [0, 200],
          [300, 200],
        ],
        { fiberCount: 864 },
      ),
    ],
  };
}
