import {
  createBatteryYard,
  createCoolingPlant,
  createGeneratorYard,
  createPowerFeeder,
  createCoolingZone,
  createFiberTrench,
  createHall,
  createRackRow,
  createSubstation,
  defaultParcel,
  DEFAULT_SETTINGS,
} from '../kinds';
import { emptyPlant, FORMAT_ID, FORMAT_VERSION, type Layout } from '../model';

/**
 * A small valid layout for tests: a 1000 × 800 m parcel, one hall with two NVL72 rows, one DLC
 * cooling zone over the hall, one substation and one fiber trench, none of version 2's plant. A
 * fresh object on every call.
 */
export function minimalLayout(): Layout {
  return {
    format: FORMAT_ID,
    version: FORMAT_VERSION,
    ...emptyPlant(),
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

/**
 * minimalLayout with what format version 2 adds: two phases, economic settings and cost
 * overrides, a generator yard and a battery yard in the first phase (no phaseId), the substation
 * naming the first phase, and a dry-cooler plant and a feeder (substation → hall) in the second.
 */
export function plantLayout(): Layout {
  const base = minimalLayout();
  return {
    ...base,
    name: 'Minimal campus with plant',
    settings: {
      ...base.settings,
      phases: [
        { id: 'ph-1', name: 'Horizon 1', energize: '2026-04' },
        { id: 'ph-2', name: 'Horizon 2', energize: null },
      ],
      utilization: 0.7,
      energyPricePerMwh: 45,
      revenuePerMwYear: 10_000_000,
      costs: { 'land-acre': 250_000, 'hall-mw-dlc': 11_700_000 },
    },
    substations: [{ ...base.substations[0]!, phaseId: 'ph-1' }],
    generatorYards: [createGeneratorYard('gen-1', { x: 600, y: 600 }, { name: 'Gensets A' })],
    batteryYards: [createBatteryYard('bess-1', { x: 750, y: 600 }, { name: 'BESS A' })],
    coolingPlants: [
      createCoolingPlant(
        'cp-1',
        { x: 300, y: 450 },
        { name: 'Dry coolers A', type: 'dry-cooler', units: 12, phaseId: 'ph-2' },
      ),
    ],
    powerFeeders: [
      createPowerFeeder(
        'fd-1',
        [
          [800, 150],
          [380, 150],
          [380, 250],
        ],
        { name: 'Feeder 1A', capacityMva: 80, phaseId: 'ph-2' },
      ),
    ],
  };
}
