import { sourced, type Sourced } from './sourced';

/**
 * The plant outside the halls (format version 2): heat-rejection plant types with their water use,
 * and the unit defaults of generator and battery yards. Each value carries its basis and grade.
 */

export const PLANT_TYPE_IDS = ['dry-cooler', 'adiabatic', 'chiller-tower', 'air-chiller'] as const;
export type PlantTypeId = (typeof PLANT_TYPE_IDS)[number];

export interface PlantType {
  readonly id: PlantTypeId;
  readonly label: string;
  /** Site water use, litres per kWh of IT energy (WUE, The Green Grid's metric). */
  readonly wueLPerKwh: Sourced<number>;
  /** Heat one unit rejects at design conditions, MW (the default for a new plant). */
  readonly unitMw: Sourced<number>;
}

/** Heat-rejection plant types: how much water each uses and how big one unit is. */
export const PLANT_TYPES: Readonly<Record<PlantTypeId, PlantType>> = {
  'dry-cooler': {
    id: 'dry-cooler',
    label: 'Dry coolers',
    wueLPerKwh: sourced(
      0,
      'B',
      'closed-loop dry coolers evaporate no water; NVIDIA’s 45 °C warm-water AI factory designs (Rubin, DSX) reject heat with dry coolers at near-zero water use',
      { range: [0, 0.05] },
    ),
    unitMw: sourced(
      2,
      'C',
      'planner default: large V-bank dry coolers reject roughly 1–3 MW each with warm (≥ 35 °C) liquid, by vendor product ranges',
      { range: [1, 3], estimate: true },
    ),
  },
  adiabatic: {
    id: 'adiabatic',
    label: 'Adiabatic (assisted dry) coolers',
    wueLPerKwh: sourced(
      0.2,
      'C',
      'dry coolers with evaporative pads or sprays used only on hot days; hyperscale fleets built this way report site WUE of roughly 0.2–0.5 L/kWh in their sustainability reports',
      { range: [0.05, 0.5] },
    ),
    unitMw: sourced(
      2,
      'C',
      'planner default: the same coil banks as dry coolers, ~1–3 MW each (vendor product ranges)',
      { range: [1, 3], estimate: true },
    ),
  },
  'chiller-tower': {
    id: 'chiller-tower',
    label: 'Chillers with cooling towers',
    wueLPerKwh: sourced(
      1.8,
      'C',
      'evaporative cooling towers: ~1.8 L/kWh of IT energy (LBNL 2016 US data center energy report; The Green Grid WUE white paper); trade press quotes ~2.6 M US gallons per MW-year (≈ 1.1 L/kWh at full load) — the sources disagree',
      { range: [1.1, 2.5] },
    ),
    unitMw: sourced(
      5,
      'C',
      'planner default: one tower cell with its chiller, ~1,000–2,000 refrigeration tons (3.5–7 MW; 1 ton = 3.517 kW)',
      { range: [3.5, 7], estimate: true },
    ),
  },
  'air-chiller': {
    id: 'air-chiller',
    label: 'Air-cooled chillers',
    wueLPerKwh: sourced(
      0,
      'B',
      'air-cooled chillers reject heat through refrigerant-to-air condensers and evaporate no water (they pay in energy, a higher PUE, instead)',
      { range: [0, 0.05] },
    ),
    unitMw: sourced(
      1.5,
      'C',
      'planner default: large air-cooled screw or centrifugal chillers run up to ~500 tons (1.75 MW); 1.5 MW (~430 tons) is a common size',
      { range: [0.7, 1.75], estimate: true },
    ),
  },
};

/** Defaults of a generator yard's units. */
export interface GeneratorFigures {
  /** Standby rating of one diesel genset, MW. */
  readonly unitMw: Sourced<number>;
  /** Units in a new yard (planner default). */
  readonly units: Sourced<number>;
}

export const GENERATOR: GeneratorFigures = {
  unitMw: sourced(
    3,
    'B',
    'large diesel standby gensets for data centres are rated ~2.5–3.5 MW each (Caterpillar 3516, Cummins QSK95, MTU 20V4000 datasheets)',
    { range: [2, 3.5] },
  ),
  units: sourced(
    12,
    'X',
    'planner default: a yard of twelve units, as in the format example; size it to the facility MW',
  ),
};

/** Defaults of a battery (BESS) yard. */
export interface BessFigures {
  /** Power of a new yard, MW (planner default). */
  readonly powerMw: Sourced<number>;
  /** Hours of storage at full power: energy MWh = power MW × hours. */
  readonly durationH: Sourced<number>;
}

export const BESS: BessFigures = {
  powerMw: sourced(
    50,
    'X',
    'planner default: a 50 MW yard, as in the format example; size it to the load it must carry or buffer',
  ),
  durationH: sourced(
    4,
    'B',
    'utility-scale lithium-ion BESS are mostly built for 2–4 hours at full power (US EIA battery storage reports); UPS batteries inside halls hold minutes',
    { range: [2, 4] },
  ),
};
