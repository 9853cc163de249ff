import {
  createCoolingZone,
  createFiberTrench,
  createHall,
  createRackRow,
  createSubstation,
  defaultParcel,
  DEFAULT_SETTINGS,
} from '../kinds';
import { FORMAT_ID, FORMAT_VERSION, type Layout } from '../model';

/**
 * A small valid layout for tests: a 1000 × 800 m parcel, one hall with two NVL72 rows, one DLC
 * cooling zone over the hall, one substation and one fiber trench. A fresh object on every call.
 */
export function minimalLayout(): Layout {
  return {
    format: FORMAT_ID,
    version: FORMAT_VERSION,
    name: 'Minimal campus',
    settings: { ...DEFAULT_SETTINGS },
    parcel: defaultParcel(1000, 800),
    halls: [createHall('hall-1', { x: 300, y: 250 }, { name: 'Hall 1', width: 160, depth: 70 })],
    rackRows: [
      createRackRow('row-1', 'hall-1', { x: 80, y: 20 }),
      createRackRow('row-2', 'hall-1', { x: 80, y: 40 }, { kwPerRack: 135 }),
    ],
    coolingZones: [
      createCoolingZone(
        'cz-1',
        { x: 300, y: 250, width: 170, depth: 80 },
        { name: 'Loop A', type: 'dlc' },
      ),
    ],
    substations: [
      createSubstation('sub-1', { x: 800, y: 150 }, { name: '345 kV yard', voltageKv: 345 }),
    ],
    fiberTrenches: [
      createFiberTrench('tr-1', [
        [380, 250],
        [700, 250],
        [800, 150],
      ]),
    ],
  };
}
