import { formatNumber } from './format';
import {
  fromStored,
  inputUnit,
  toStored,
  unitsFor,
  type Quantity,
  type UnitSymbol,
  type UnitSystem,
} from './convert';

export type ParseResult =
  | {
      readonly ok: true;
      readonly value: number;
      /**
       * When the value was typed in another unit than the field's: the conversion, to show the
       * user ("10 ft = 3.05 m").
       */
      readonly note?: string;
    }
  | { readonly ok: false; readonly error: string };

/** Unit spellings people type, after normalisation (lower case, no spaces, "2"/"^2" → "²"). */
const ALIASES: Readonly<Record<string, UnitSymbol>> = {
  m: 'm',
  metre: 'm',
  metres: 'm',
  meter: 'm',
  meters: 'm',
  km: 'km',
  kilometre: 'km',
  kilometres: 'km',
  kilometer: 'km',
  kilometers: 'km',
  ft: 'ft',
  foot: 'ft',
  feet: 'ft',
  "'": 'ft',
  mi: 'mi',
  mile: 'mi',
  miles: 'mi',
  'm²': 'm²',
  sqm: 'm²',
  ha: 'ha',
  hectare: 'ha',
  hectares: 'ha',
  'ft²': 'ft²',
  sqft: 'ft²',
  sf: 'ft²',
  ac: 'ac',
  acre: 'ac',
  acres: 'ac',
  kpa: 'kPa',
  'kn/m²': 'kPa',
  psf: 'psf',
  'lb/ft²': 'psf',
  'lbf/ft²': 'psf',
  kg: 'kg',
  kgs: 'kg',
  kilogram: 'kg',
  kilograms: 'kg',
  t: 't',
  tonne: 't',
  tonnes: 't',
  lb: 'lb',
  lbs: 'lb',
  pound: 'lb',
  pounds: 'lb',
  'kw/m²': 'kW/m²',
  'w/ft²': 'W/ft²',
  'w/sf': 'W/ft²',
  'w/sqft': 'W/ft²',
  w: 'W',
  watt: 'W',
  watts: 'W',
  kw: 'kW',
  mw: 'MW',
  gw: 'GW',
  kva: 'kVA',
  mva: 'MVA',
  gva: 'GVA',
  kwh: 'kWh',
  mwh: 'MWh',
  gwh: 'GWh',
  v: 'V',
  kv: 'kV',
  '°': '°',
  deg: '°',
  degree: '°',
  degrees: '°',
};

function normaliseUnit(text: string): string {
  return text.toLowerCase().replace(/\s+/g, '').replace(/\^?2/g, '²').replace(/sq\./g, 'sq');
}

// A number as people type it: optional sign, digits with optional en-US thousands groups, optional
// decimals, optional exponent (".5", "5.", "1,609.34", "-12", "1e3").
const NUMBER = /^[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?/i;

function unitList(quantity: Quantity): string {
  const units = unitsFor(quantity);
  return `${units.slice(0, -1).join(', ')} or ${units[units.length - 1]}`;
}

/**
 * Read a typed value: a number, optionally followed by a unit, into the quantity's stored unit. A
 * bare number is in the system's input unit (m or ft, kPa or psf, kW, MW, ...); a typed unit of
 * either system wins ("40 ft" in metric mode is 12.192 m; "1.5 MW" of powerKw is 1,500 kW).
 * Thousands separators must be en-US groups. Counts and ratios take no unit.
 */
export function parseQuantity(text: string, quantity: Quantity, system: UnitSystem): ParseResult {
  // Unicode minus and non-breaking or thin spaces arrive from copy-paste.
  const s = text
    .replace(/\u2212/g, '-')
    .replace(/[\u00a0\u2009\u202f]/g, ' ')
    .trim();
  if (s === '') return { ok: false, error: 'Enter a number' };
  const match = NUMBER.exec(s);
  const rest = match ? s.slice(match[0].length).trim() : s;
  if (!match || /^[\d.,]/.test(rest))
    return { ok: false, error: `"${text.trim()}" is not a number` };
  const value = Number(match[0].replace(/,/g, ''));
  if (!Number.isFinite(value)) return { ok: false, error: `"${text.trim()}" is too large` };
  const fieldUnit = inputUnit(quantity, system);
  let unit = fieldUnit;
  if (rest !== '') {
    if (unit === '') return { ok: false, error: 'Enter a plain number' };
    const typed = ALIASES[normaliseUnit(rest)];
    if (!typed || !unitsFor(quantity).includes(typed)) {
      return { ok: false, error: `Unknown unit "${rest}": use ${unitList(quantity)}` };
    }
    unit = typed;
  }
  const si = toStored(value, unit, quantity);
  // -0 would survive into files as "-0"; store 0.
  const stored = si === 0 ? 0 : si;
  if (unit === fieldUnit) return { ok: true, value: stored };
  const inField = fromStored(stored, fieldUnit, quantity);
  return {
    ok: true,
    value: stored,
    note: `${formatNumber(value)} ${unit} = ${formatNumber(inField)} ${fieldUnit}`,
  };
}
