import { M_PER_MILE } from './constants';
import { toDisplay, UNITS, type Quantity, type UnitSymbol, type UnitSystem } from './convert';
import { formatNumber } from './format';

/**
 * Text with figures in it, kept as parts so that each reader sees the figures in their units: a
 * check message, an ⓘ explanation's formula and values, a lesson's worked numbers. The domain writes
 * them with the `msg` tag and the part makers below; `renderMessage(m, 'metric')` is the SI text (the
 * JSON report and the command line), and the panels render them in the user's units.
 *
 *   msg`${name}: ${fig(12, 'kPa', 1)} floor < ${fig(18.52, 'kPa', 1)} minimum`
 *     metric   → "Hall 1: 12 kPa floor < 18.5 kPa minimum"
 *     imperial → "Hall 1: 251 psf floor < 387 psf minimum"
 */

/**
 * The unit a figure is written in: the metric units the domain computes in (m, km, m², ha, kPa, kg,
 * t, kW/m², and µs/km, a rate per km) convert for imperial readers; any other ("MW", "µs",
 * "GPUs") reads the same in both.
 */
export type FigureUnit = UnitSymbol | 'µs/km' | (string & {});

/** A number with its unit: "12 kPa" / "251 psf". */
export interface Figure {
  readonly kind: 'figure';
  readonly value: number;
  readonly unit: FigureUnit;
  /** Decimals in the unit as written; undefined = about three significant figures. */
  readonly decimals?: number | undefined;
  /** Show the number only (a factor in a formula: "km × 4.9" / "mi × 7.89"). */
  readonly bare?: boolean;
  /**
   * Also show it in the other system, in brackets: "18.6 kPa (388 psf)" / "388 psf (18.6 kPa)",
   * for figures people quote in both (floor ratings).
   */
  readonly both?: boolean;
}

/** A unit's name alone, in a formula: "km" / "mi". */
export interface UnitWord {
  readonly kind: 'unit';
  readonly unit: FigureUnit;
}

export type MessagePart = string | Figure | UnitWord;
export type Message = readonly MessagePart[];

/** Text as the domain hands it to readers: plain (no figures to convert) or a message. */
export type Text = string | Message;

export const fig = (value: number, unit: FigureUnit, decimals?: number): Figure => ({
  kind: 'figure',
  value,
  unit,
  decimals,
});

/** A number in a formula that stands for so much per `unit` (converted, shown without a unit). */
export const factor = (value: number, unit: FigureUnit, decimals?: number): Figure => ({
  kind: 'figure',
  value,
  unit,
  decimals,
  bare: true,
});

export const unitWord = (unit: FigureUnit): UnitWord => ({ kind: 'unit', unit });

/** A figure shown in both systems, the reader's first: "18.6 kPa (388 psf)". */
export const figBoth = (value: number, unit: FigureUnit, decimals?: number): Figure => ({
  ...fig(value, unit, decimals),
  both: true,
});

/** Whether figures written in `unit` read differently in imperial (m, kPa, t … but not MW). */
export function convertsToImperial(unit: FigureUnit): boolean {
  return unit in QUANTITY_OF || unit === 'µs/km';
}

/** Tag: `msg\`…${fig(…)}…\`` → a Message; strings and numbers interpolated are text. */
export function msg(strings: TemplateStringsArray, ...values: readonly unknown[]): Message {
  // A loop and a module function, not closures: messages are made on every report, and V8
  // compiles closures made per call again after each full garbage collection.
  const parts: MessagePart[] = [];
  for (let i = 0; i < strings.length; i++) {
    pushPart(parts, strings[i]!);
    if (i < values.length) {
      const v = values[i];
      if (isPart(v)) pushPart(parts, v);
      else if (Array.isArray(v)) for (const p of v as Message) pushPart(parts, p);
      else pushPart(parts, String(v));
    }
  }
  return parts;
}

/** Appends a part, joining adjacent text and dropping empty text. */
function pushPart(parts: MessagePart[], p: MessagePart): void {
  const last = parts[parts.length - 1];
  if (typeof p === 'string' && typeof last === 'string') parts[parts.length - 1] = last + p;
  else if (p !== '') parts.push(p);
}

function isPart(v: unknown): v is Figure | UnitWord {
  return typeof v === 'object' && v !== null && 'kind' in v && !Array.isArray(v);
}

/** What each metric unit a figure is written in measures (decides its imperial unit). */
const QUANTITY_OF: Partial<Record<FigureUnit, Quantity>> = {
  m: 'distance',
  km: 'distance',
  'm²': 'area',
  ha: 'landArea',
  kPa: 'pressure',
  kg: 'mass',
  t: 'mass',
  'kW/m²': 'powerDensity',
};

/** The imperial counterpart of a rate per metric unit (µs per km → µs per mile). */
const PER_KM_IN_MILES = M_PER_MILE / 1000;

/** One figure in a unit system, with its other-system twin when it asks for both. */
function renderFigure(f: Figure, system: UnitSystem): string {
  const main = renderOne(f, system);
  if (!f.both || f.bare || !convertsToImperial(f.unit)) return main;
  return `${main} (${renderOne(f, system === 'metric' ? 'imperial' : 'metric')})`;
}

/** One figure in a unit system: its number and unit, converted and rounded. */
function renderOne(f: Figure, system: UnitSystem): string {
  if (system === 'metric' || !convertsToImperial(f.unit)) {
    const number = formatNumber(f.value, f.decimals);
    return f.bare || f.unit === '' ? number : `${number} ${f.unit}`;
  }
  if (f.unit === 'µs/km') {
    const number = formatNumber(
      f.value * PER_KM_IN_MILES,
      f.decimals === undefined ? 2 : f.decimals,
    );
    return f.bare ? number : `${number} µs/mi`;
  }
  if (f.unit === 'km') {
    // A figure written in km is a long distance: miles.
    const miles = (f.value * 1000) / M_PER_MILE;
    const number = formatNumber(miles, imperialDecimals('mi', miles, f.decimals));
    return f.bare ? number : `${number} mi`;
  }
  const quantity = QUANTITY_OF[f.unit]!;
  const si = f.value * UNITS[f.unit as UnitSymbol].siPerUnit;
  // The quantities figures are written in are stored in SI, so the SI value is the stored one.
  const shown = toDisplay(si, quantity, 'imperial');
  const number = formatNumber(shown.value, imperialDecimals(shown.unit, shown.value, f.decimals));
  return f.bare ? number : `${number} ${shown.unit}`;
}

/**
 * Decimals for an imperial figure: the unit's own rounding (displayDecimals) for small numbers,
 * fewer as the number grows, and never more than the metric figure was written with plus one.
 */
function imperialDecimals(unit: UnitSymbol, value: number, written: number | undefined): number {
  const a = Math.abs(value);
  const own = displayDecimals(unit);
  const bySize = a >= 100 ? 0 : a >= 10 ? Math.min(own, 1) : own;
  return written === undefined ? bySize : Math.min(bySize, written + 1);
}

function renderUnitWord(u: UnitWord, system: UnitSystem): string {
  if (system === 'metric') return u.unit;
  if (u.unit === 'µs/km') return 'µs/mi';
  const quantity = QUANTITY_OF[u.unit];
  if (!quantity) return u.unit;
  if (u.unit === 'km') return 'mi';
  return toDisplay(1, quantity, 'imperial').unit;
}

/** A message (or plain text) as text in the given unit system. */
export function renderMessage(m: Text, system: UnitSystem): string {
  if (typeof m === 'string') return m;
  // A loop, not a callback: every check's message is rendered on every report.
  let out = '';
  for (const p of m)
    out +=
      typeof p === 'string'
        ? p
        : p.kind === 'unit'
          ? renderUnitWord(p, system)
          : renderFigure(p, system);
  return out;
}

/** The SI text of a message (the JSON report, the command line, tests). */
export const siText = (m: Text): string => renderMessage(m, 'metric');

/**
 * How many decimals a value in `unit` is shown with where people read and type it (inspector
 * fields, imperial figures): one rule per unit, to the precision a person would write — 0.1 ft,
 * 0.01 mi, 1 ft², 0.01 ac, 1 psf, 1 lb, 0.1 W/ft²; metric to the millimetre, 0.01 kPa and so on.
 */
const DISPLAY_DECIMALS: Readonly<Record<UnitSymbol, number>> = {
  m: 3,
  km: 3,
  ft: 1,
  mi: 2,
  'm²': 1,
  ha: 2,
  'ft²': 0,
  ac: 2,
  kPa: 2,
  psf: 0,
  kg: 1,
  t: 2,
  lb: 0,
  'kW/m²': 2,
  'W/ft²': 1,
  W: 0,
  kW: 2,
  MW: 3,
  GW: 3,
  kWh: 0,
  MWh: 1,
  GWh: 3,
  kVA: 0,
  MVA: 2,
  GVA: 3,
  V: 0,
  kV: 2,
  '°': 2,
  '': 4,
};

export function displayDecimals(unit: UnitSymbol): number {
  return DISPLAY_DECIMALS[unit];
}

/** `value` (in `unit`) rounded to the unit's display precision: 498.6877 ft → 498.7. */
export function roundForUnit(value: number, unit: UnitSymbol): number {
  const d = DISPLAY_DECIMALS[unit];
  const r = Number(value.toFixed(d));
  return r === 0 ? 0 : r;
}
