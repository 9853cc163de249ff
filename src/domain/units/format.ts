import { M_PER_FT } from './constants';
import { toDisplay, type Quantity, type UnitSymbol, type UnitSystem } from './convert';

/**
 * Every number the planner shows goes through here: one cache of en-US formatters, and three ways
 * to read a number — exactly N decimals (tables, totals), up to N decimals (messages, labels), and
 * readable (about three significant figures). Stored numbers are SI; these only decide how they read.
 */

const formatters = new Map<string, Intl.NumberFormat>();

/** The cached en-US formatter with thousands separators and `min`–`max` decimals. */
function decimalsFormat(min: number, max: number): Intl.NumberFormat {
  const key = `${min}:${max}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: min, maximumFractionDigits: max });
    formatters.set(key, f);
  }
  return f;
}

const twoSignificant = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 2 });

/** "1,609", "18.5": en-US grouping, at most `decimals` decimals, trailing zeros dropped. */
export function formatUpTo(value: number, decimals: number): string {
  const text = decimalsFormat(0, decimals).format(value);
  // "-0" after rounding a tiny negative value reads as a sign error.
  return text === '-0' ? '0' : text;
}

/** "1,234.5", "216.0": en-US grouping and exactly `decimals` decimals; "—" for a non-finite value. */
export function formatExact(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) return '—';
  return decimalsFormat(decimals, decimals).format(value === 0 ? 0 : value);
}

/**
 * Decimals for about three significant figures without ever hiding whole units:
 * ≥ 100 → 0 (387, 5,280), ≥ 10 → 1 (18.5), ≥ 1 → 2 (6.21).
 */
function autoDecimals(value: number): number {
  const a = Math.abs(value);
  if (a >= 100) return 0;
  if (a >= 10) return 1;
  return 2;
}

/**
 * A number as the UI reads it: about three significant figures (see autoDecimals), below 1 two
 * significant figures (0.72, 0.057); `decimals` to show up to that many instead; "—" for a
 * non-finite value.
 */
export function formatNumber(value: number, decimals?: number): string {
  if (!Number.isFinite(value)) return '—';
  if (decimals !== undefined) return formatUpTo(value, decimals);
  if (value !== 0 && Math.abs(value) < 1) return twoSignificant.format(value);
  return formatUpTo(value, autoDecimals(value));
}

/** A whole count ("9,216"). */
export const formatCount = (value: number): string => formatExact(Math.round(value), 0);

/** Megawatts with one decimal below 1,000 MW ("216.0 MW", "1,204 MW"). */
export function formatMw(mw: number): string {
  return `${formatExact(mw, Math.abs(mw) >= 1000 ? 0 : 1)} MW`;
}

/**
 * US dollars as people read them: "$1.25 B", "$412 M", "$244 k", "$60"; about three significant
 * figures (see formatNumber), "—" for a non-finite value. Money figures are estimates: the panels
 * say so beside them.
 */
export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return '—';
  const a = Math.abs(usd);
  const sign = usd < 0 ? '−' : '';
  if (a >= 1e9) return `${sign}$${formatNumber(a / 1e9)} B`;
  if (a >= 1e6) return `${sign}$${formatNumber(a / 1e6)} M`;
  if (a >= 1e4) return `${sign}$${formatNumber(a / 1e3)} k`;
  return `${sign}$${formatUpTo(a, a >= 100 ? 0 : 2)}`;
}

/** A length in m or ft with exactly `decimals` decimals, for the scale bar and cursor read-out. */
export function formatLength(m: number, system: UnitSystem, decimals = 0): string {
  return system === 'imperial'
    ? `${formatExact(m / M_PER_FT, decimals)} ft`
    : `${formatExact(m, decimals)} m`;
}

export interface FormattedQuantity {
  /** Number and unit: "18.5 kPa", "5,280 ft". */
  readonly text: string;
  /** The number alone, as shown: "18.5". */
  readonly number: string;
  readonly unit: UnitSymbol;
  /** The value in `unit`, unrounded (386.798… for 18.52 kPa in psf). */
  readonly value: number;
}

/**
 * An SI value for display in the chosen system: 18.52 kPa → "18.5 kPa" / "387 psf";
 * 1,609.344 m of distance → "1,609 m" / "5,280 ft"; 12,000 m → "12 km" / "7.46 mi".
 */
export function formatQuantity(
  siValue: number,
  quantity: Quantity,
  system: UnitSystem,
  options: { decimals?: number } = {},
): FormattedQuantity {
  const { value, unit } = toDisplay(siValue, quantity, system);
  const number = formatNumber(value, options.decimals);
  return { text: unit === '' ? number : `${number} ${unit}`, number, unit, value };
}
