import { toDisplay, type Quantity, type UnitSymbol, type UnitSystem } from './convert';

const fixed = new Map<number, Intl.NumberFormat>();
const significant = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 2 });

/** "1,609", "18.5": en-US grouping, at most `decimals` decimals, trailing zeros dropped. */
export function formatFixed(value: number, decimals: number): string {
  let f = fixed.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { maximumFractionDigits: decimals });
    fixed.set(decimals, f);
  }
  const text = f.format(value);
  // "-0" after rounding a tiny negative value reads as a sign error.
  return text === '-0' ? '0' : text;
}

/**
 * Decimals for about three significant figures without ever hiding whole units:
 * ≥ 100 → 0 (387, 5,280), ≥ 10 → 1 (18.5), ≥ 1 → 2 (6.21).
 */
export function autoDecimals(value: number): number {
  const a = Math.abs(value);
  if (a >= 100) return 0;
  if (a >= 10) return 1;
  return 2;
}

/**
 * A number as the UI shows it: about three significant figures (see autoDecimals), below 1 two
 * significant figures (0.72, 0.057), `decimals` to force a precision; "—" for a non-finite value.
 */
export function formatNumber(value: number, decimals?: number): string {
  if (!Number.isFinite(value)) return '—';
  if (decimals !== undefined) return formatFixed(value, decimals);
  if (value !== 0 && Math.abs(value) < 1) return significant.format(value);
  return formatFixed(value, autoDecimals(value));
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
  return { text: `${number} ${unit}`, number, unit, value };
}
