import {
  KG_PER_LB,
  KPA_PER_PSF,
  KW_PER_M2_PER_W_PER_FT2,
  M2_PER_ACRE,
  M2_PER_FT2,
  M2_PER_HA,
  M_PER_FT,
  M_PER_MILE,
} from './constants';

export type UnitSystem = 'metric' | 'imperial';
export const UNIT_SYSTEMS: readonly UnitSystem[] = ['metric', 'imperial'];

/**
 * What a number measures, which decides its display unit and the unit a layout file stores it in:
 * length and distance m; area and landArea m²; pressure kPa; mass kg; powerDensity kW/m²;
 * powerKw kW (per rack); powerMw MW (rows, zones, halls); apparentPower MVA; voltage kV;
 * energy MWh (battery yards);
 * angle degrees; count and ratio no unit.
 * `distance` is a length that may run to kilometres (fiber routes, setbacks across a campus);
 * `landArea` is an area that may run to hectares or acres (parcels). Lengths, areas, pressures,
 * masses and power densities follow the metric/imperial choice; the others read the same in both.
 */
export const QUANTITIES = [
  'length',
  'distance',
  'area',
  'landArea',
  'pressure',
  'mass',
  'powerDensity',
  'powerKw',
  'powerMw',
  'apparentPower',
  'voltage',
  'energy',
  'angle',
  'count',
  'ratio',
] as const;
export type Quantity = (typeof QUANTITIES)[number];

export type UnitSymbol =
  | 'm'
  | 'km'
  | 'ft'
  | 'mi'
  | 'm²'
  | 'ha'
  | 'ft²'
  | 'ac'
  | 'kPa'
  | 'psf'
  | 'kg'
  | 't'
  | 'lb'
  | 'kW/m²'
  | 'W/ft²'
  | 'W'
  | 'kW'
  | 'MW'
  | 'kWh'
  | 'MWh'
  | 'GWh'
  | 'GW'
  | 'kVA'
  | 'MVA'
  | 'GVA'
  | 'V'
  | 'kV'
  | '°'
  /** A plain number (counts, ratios). */
  | '';

export interface UnitDef {
  readonly symbol: UnitSymbol;
  /**
   * The value of one of this unit in its dimension's base unit (m, m², kPa, kg, kW/m², kW, kVA, kV,
   * °): value_base = value_unit × siPerUnit. A quantity may store another unit of its dimension
   * (powerMw stores MW): see toStored.
   */
  readonly siPerUnit: number;
  /** The unit system it belongs to; 'both' for units the two systems share (kW, °, ...). */
  readonly system: UnitSystem | 'both';
  readonly name: string;
}

export const UNITS: Readonly<Record<UnitSymbol, UnitDef>> = {
  m: { symbol: 'm', siPerUnit: 1, system: 'metric', name: 'metres' },
  km: { symbol: 'km', siPerUnit: 1000, system: 'metric', name: 'kilometres' },
  ft: { symbol: 'ft', siPerUnit: M_PER_FT, system: 'imperial', name: 'feet' },
  mi: { symbol: 'mi', siPerUnit: M_PER_MILE, system: 'imperial', name: 'miles' },
  'm²': { symbol: 'm²', siPerUnit: 1, system: 'metric', name: 'square metres' },
  ha: { symbol: 'ha', siPerUnit: M2_PER_HA, system: 'metric', name: 'hectares' },
  'ft²': { symbol: 'ft²', siPerUnit: M2_PER_FT2, system: 'imperial', name: 'square feet' },
  ac: { symbol: 'ac', siPerUnit: M2_PER_ACRE, system: 'imperial', name: 'acres' },
  kPa: { symbol: 'kPa', siPerUnit: 1, system: 'metric', name: 'kilopascals' },
  psf: {
    symbol: 'psf',
    siPerUnit: KPA_PER_PSF,
    system: 'imperial',
    name: 'pounds per square foot',
  },
  kg: { symbol: 'kg', siPerUnit: 1, system: 'metric', name: 'kilograms' },
  t: { symbol: 't', siPerUnit: 1000, system: 'metric', name: 'tonnes' },
  lb: { symbol: 'lb', siPerUnit: KG_PER_LB, system: 'imperial', name: 'pounds' },
  'kW/m²': { symbol: 'kW/m²', siPerUnit: 1, system: 'metric', name: 'kilowatts per square metre' },
  'W/ft²': {
    symbol: 'W/ft²',
    siPerUnit: KW_PER_M2_PER_W_PER_FT2,
    system: 'imperial',
    name: 'watts per square foot',
  },
  W: { symbol: 'W', siPerUnit: 0.001, system: 'both', name: 'watts' },
  kW: { symbol: 'kW', siPerUnit: 1, system: 'both', name: 'kilowatts' },
  MW: { symbol: 'MW', siPerUnit: 1000, system: 'both', name: 'megawatts' },
  GW: { symbol: 'GW', siPerUnit: 1_000_000, system: 'both', name: 'gigawatts' },
  kVA: { symbol: 'kVA', siPerUnit: 1, system: 'both', name: 'kilovolt-amperes' },
  MVA: { symbol: 'MVA', siPerUnit: 1000, system: 'both', name: 'megavolt-amperes' },
  GVA: { symbol: 'GVA', siPerUnit: 1_000_000, system: 'both', name: 'gigavolt-amperes' },
  kWh: { symbol: 'kWh', siPerUnit: 1, system: 'both', name: 'kilowatt-hours' },
  MWh: { symbol: 'MWh', siPerUnit: 1000, system: 'both', name: 'megawatt-hours' },
  GWh: { symbol: 'GWh', siPerUnit: 1_000_000, system: 'both', name: 'gigawatt-hours' },
  V: { symbol: 'V', siPerUnit: 0.001, system: 'both', name: 'volts' },
  kV: { symbol: 'kV', siPerUnit: 1, system: 'both', name: 'kilovolts' },
  '°': { symbol: '°', siPerUnit: 1, system: 'both', name: 'degrees' },
  '': { symbol: '', siPerUnit: 1, system: 'both', name: 'no unit' },
};

/**
 * Per quantity and system: the base unit (inspector input, small values), and optionally a large
 * unit used for display at or above `largeFromSi` (in SI). Thresholds are the same SI value in both
 * systems, so switching systems never switches between "small" and "large" display.
 */
interface DisplayRule {
  readonly base: UnitSymbol;
  readonly large?: { readonly unit: UnitSymbol; readonly fromSi: number };
}

/** Distances of 10 km and more read as km / mi (1 mile still reads 5,280 ft). */
export const DISTANCE_LARGE_FROM_M = 10_000;
/** Land areas of 1 ha and more read as ha (metric); imperial land is always in acres. */
export const LAND_LARGE_FROM_M2 = M2_PER_HA;
/** Masses of 10 t and more read as tonnes (metric); imperial masses are always in lb. */
export const MASS_LARGE_FROM_KG = 10_000;

const RULES: Readonly<Record<Quantity, Readonly<Record<UnitSystem, DisplayRule>>>> = {
  length: { metric: { base: 'm' }, imperial: { base: 'ft' } },
  distance: {
    metric: { base: 'm', large: { unit: 'km', fromSi: DISTANCE_LARGE_FROM_M } },
    imperial: { base: 'ft', large: { unit: 'mi', fromSi: DISTANCE_LARGE_FROM_M } },
  },
  area: { metric: { base: 'm²' }, imperial: { base: 'ft²' } },
  landArea: {
    metric: { base: 'm²', large: { unit: 'ha', fromSi: LAND_LARGE_FROM_M2 } },
    imperial: { base: 'ac' },
  },
  pressure: { metric: { base: 'kPa' }, imperial: { base: 'psf' } },
  mass: {
    metric: { base: 'kg', large: { unit: 't', fromSi: MASS_LARGE_FROM_KG } },
    imperial: { base: 'lb' },
  },
  powerDensity: { metric: { base: 'kW/m²' }, imperial: { base: 'W/ft²' } },
  powerKw: both('kW'),
  powerMw: both('MW'),
  apparentPower: both('MVA'),
  voltage: both('kV'),
  energy: both('MWh'),
  angle: both('°'),
  count: both(''),
  ratio: both(''),
};

function both(base: UnitSymbol): Readonly<Record<UnitSystem, DisplayRule>> {
  return { metric: { base }, imperial: { base } };
}

/** The unit a layout file stores each quantity in. */
const STORED: Readonly<Record<Quantity, UnitSymbol>> = {
  length: 'm',
  distance: 'm',
  area: 'm²',
  landArea: 'm²',
  pressure: 'kPa',
  mass: 'kg',
  powerDensity: 'kW/m²',
  powerKw: 'kW',
  powerMw: 'MW',
  apparentPower: 'MVA',
  voltage: 'kV',
  energy: 'MWh',
  angle: '°',
  count: '',
  ratio: '',
};

/** The units a quantity may be typed in (either system), keyed by dimension. */
const DIMENSION_UNITS: Readonly<Record<Quantity, readonly UnitSymbol[]>> = {
  length: ['m', 'km', 'ft', 'mi'],
  distance: ['m', 'km', 'ft', 'mi'],
  area: ['m²', 'ha', 'ft²', 'ac'],
  landArea: ['m²', 'ha', 'ft²', 'ac'],
  pressure: ['kPa', 'psf'],
  mass: ['kg', 't', 'lb'],
  powerDensity: ['kW/m²', 'W/ft²'],
  powerKw: ['W', 'kW', 'MW', 'GW'],
  powerMw: ['W', 'kW', 'MW', 'GW'],
  apparentPower: ['kVA', 'MVA', 'GVA'],
  voltage: ['V', 'kV'],
  energy: ['kWh', 'MWh', 'GWh'],
  angle: ['°'],
  count: [''],
  ratio: [''],
};

export function unitsFor(quantity: Quantity): readonly UnitSymbol[] {
  return DIMENSION_UNITS[quantity];
}

/** The unit the inspector shows and a bare number is read in: m / ft, kPa / psf, ... */
export function inputUnit(quantity: Quantity, system: UnitSystem): UnitSymbol {
  return RULES[quantity][system].base;
}

/** The unit `siValue` is displayed in (chooses km/mi, ha, t for large values). */
export function displayUnit(siValue: number, quantity: Quantity, system: UnitSystem): UnitSymbol {
  const rule = RULES[quantity][system];
  return rule.large && Math.abs(siValue) >= rule.large.fromSi ? rule.large.unit : rule.base;
}

/** SI → the given unit. */
export function fromSi(siValue: number, unit: UnitSymbol): number {
  return UNITS[unit].siPerUnit === 1 ? siValue : siValue / UNITS[unit].siPerUnit;
}

/** The given unit → SI. */
export function toSi(value: number, unit: UnitSymbol): number {
  return UNITS[unit].siPerUnit === 1 ? value : value * UNITS[unit].siPerUnit;
}

/** A value in the quantity's stored unit → the given unit of its dimension. */
export function fromStored(stored: number, unit: UnitSymbol, quantity: Quantity): number {
  const perStored = UNITS[STORED[quantity]].siPerUnit;
  return fromSi(perStored === 1 ? stored : stored * perStored, unit);
}

/** A value in a unit of the quantity's dimension → its stored unit ("250 kW" → 0.25 for powerMw). */
export function toStored(value: number, unit: UnitSymbol, quantity: Quantity): number {
  const perStored = UNITS[STORED[quantity]].siPerUnit;
  const base = toSi(value, unit);
  return perStored === 1 ? base : base / perStored;
}

/** A stored (SI) value → the display value and unit for the system. */
export function toDisplay(
  siValue: number,
  quantity: Quantity,
  system: UnitSystem,
): { value: number; unit: UnitSymbol } {
  const unit = displayUnit(siValue, quantity, system);
  return { value: fromStored(siValue, unit, quantity), unit };
}

// Named pairwise conversions, for code that knows its units.
export const kpaToPsf = (kpa: number): number => kpa / KPA_PER_PSF;
export const psfToKpa = (psf: number): number => psf * KPA_PER_PSF;
export const mToFt = (m: number): number => m / M_PER_FT;
export const ftToM = (ft: number): number => ft * M_PER_FT;
export const mToMiles = (m: number): number => m / M_PER_MILE;
export const milesToM = (mi: number): number => mi * M_PER_MILE;
export const kmToMiles = (km: number): number => (km * 1000) / M_PER_MILE;
export const milesToKm = (mi: number): number => (mi * M_PER_MILE) / 1000;
export const m2ToFt2 = (m2: number): number => m2 / M2_PER_FT2;
export const ft2ToM2 = (ft2: number): number => ft2 * M2_PER_FT2;
export const m2ToAcres = (m2: number): number => m2 / M2_PER_ACRE;
export const acresToM2 = (ac: number): number => ac * M2_PER_ACRE;
export const kgToLb = (kg: number): number => kg / KG_PER_LB;
export const lbToKg = (lb: number): number => lb * KG_PER_LB;
export const kwPerM2ToWPerFt2 = (kwm2: number): number => kwm2 / KW_PER_M2_PER_W_PER_FT2;
export const wPerFt2ToKwPerM2 = (wft2: number): number => wft2 * KW_PER_M2_PER_W_PER_FT2;
