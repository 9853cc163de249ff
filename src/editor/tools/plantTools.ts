import {
  BATTERY_YARD_DEFAULTS,
  COOLING_PLANT_DEFAULTS,
  createBatteryYard,
  createCoolingPlant,
  createGeneratorYard,
  GENERATOR_YARD_DEFAULTS,
  KINDS,
} from '../../domain';
import { createPlaceRectTool } from './placeRectTool';
import type { Tool } from './types';

/**
 * The plant outside the halls (format version 2), placed like substations: a click puts a
 * default-size element centred at the snapped point; back to select after one unless the tool
 * lock is on (Q).
 */

/** Generator yard (G): 12 × 3 MW diesel gensets by default (the catalog's unit). */
export function createGeneratorYardTool(): Tool {
  return createPlaceRectTool({
    id: 'generatorYard',
    idPrefix: KINDS.generatorYards.idPrefix,
    size: GENERATOR_YARD_DEFAULTS,
    label: 'Add generator yard',
    add: (d, id, at) => {
      d.generatorYards.push(createGeneratorYard(id, at));
    },
  });
}

/** Battery yard (B): 50 MW, 4 hours by default. */
export function createBatteryYardTool(): Tool {
  return createPlaceRectTool({
    id: 'batteryYard',
    idPrefix: KINDS.batteryYards.idPrefix,
    size: BATTERY_YARD_DEFAULTS,
    label: 'Add battery yard',
    add: (d, id, at) => {
      d.batteryYards.push(createBatteryYard(id, at));
    },
  });
}

/** Cooling plant (K): of the type chosen in the options strip, with that type's unit size. */
export function createCoolingPlantTool(): Tool {
  return createPlaceRectTool({
    id: 'coolingPlant',
    idPrefix: KINDS.coolingPlants.idPrefix,
    size: COOLING_PLANT_DEFAULTS,
    label: 'Add cooling plant',
    add: (d, id, at, ctx) => {
      d.coolingPlants.push(createCoolingPlant(id, at, { type: ctx.toolOptions().plantType }));
    },
  });
}
