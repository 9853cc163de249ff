import {
  createCoolingZone,
  createFiberTrench,
  createHall,
  createRackRow,
  createSubstation,
  DEFAULT_SETTINGS,
  FORMAT_ID,
  FORMAT_VERSION,
  emptyPlant,
  type Layout,
  type RackRow,
} from '../../src/domain';

/**
 * A small campus with one of everything: an upright hall of NVL72 rows, a hall turned 30° with
 * air-cooled rows, a rotated row, every cooling type, a substation and two trenches.
 */
export function smallLayout(): Layout {
  const rows: RackRow[] = [];
  for (let i = 0; i < 6; i++) {
    rows.push(
      createRackRow(
        `row-a${i}`,
        'hall-a',
        { x: 30, y: 10 + i * 4 },
        { rackCount: 20, profile: 'gb300-nvl72' },
      ),
    );
  }
  for (let i = 0; i < 4; i++) {
    rows.push(
      createRackRow(
        `row-b${i}`,
        'hall-b',
        { x: 25, y: 8 + i * 3.5 },
        { rackCount: 16, profile: 'enterprise-air', kwPerRack: 10 },
      ),
    );
  }
  rows.push(
    createRackRow(
      'row-b-turned',
      'hall-b',
      { x: 48, y: 15 },
      { rackCount: 10, profile: 'hgx-h100', rotation: 90 },
    ),
  );
  return {
    format: FORMAT_ID,
    version: FORMAT_VERSION,
    ...emptyPlant(),
    name: 'Test campus',
    settings: { ...DEFAULT_SETTINGS, targetTier: 'blackwell' },
    parcel: {
      points: [
        [0, 0],
        [400, 0],
        [400, 260],
        [0, 260],
      ],
    },
    halls: [
      createHall('hall-a', { x: 100, y: 80 }, { name: 'Hall A', width: 60, depth: 36 }),
      createHall(
        'hall-b',
        { x: 240, y: 150 },
        { name: 'Hall B', width: 56, depth: 30, rotation: 30 },
      ),
    ],
    rackRows: rows,
    coolingZones: [
      createCoolingZone(
        'cz-dlc',
        { x: 100, y: 80, width: 70, depth: 46 },
        { name: 'Loop A', type: 'dlc', capacityMw: 30 },
      ),
      createCoolingZone(
        'cz-air',
        { x: 240, y: 150, width: 72, depth: 44 },
        { name: 'CRAH B', type: 'air', rotation: 30, capacityMw: 2 },
      ),
      createCoolingZone(
        'cz-rdhx',
        { x: 90, y: 200, width: 50, depth: 30 },
        { name: 'Doors', type: 'rdhx', capacityMw: 2 },
      ),
      createCoolingZone(
        'cz-imm',
        { x: 170, y: 215, width: 40, depth: 26 },
        { name: 'Tanks', type: 'immersion', capacityMw: 2 },
      ),
    ],
    substations: [
      createSubstation(
        'sub-1',
        { x: 340, y: 60 },
        { name: 'Yard 1', capacityMva: 60, voltageKv: 230 },
      ),
    ],
    fiberTrenches: [
      createFiberTrench(
        'tr-1',
        [
          [100, 58],
          [240, 58],
          [240, 130],
        ],
        { name: 'North', fiberCount: 3456 },
      ),
      createFiberTrench(
        'tr-2',
        [
          [100, 102],
          [100, 200],
        ],
        { name: 'West', fiberCount: 144 },
      ),
    ],
  };
}
