import { M_PER_FT } from '../domain/units';
import type { Units } from '../state/sessionStore';

/** Display formatting. Stored numbers are SI; these only decide how they read. */

const nf = new Map<string, Intl.NumberFormat>();
function numberFormat(min: number, max: number): Intl.NumberFormat {
  const key = `${min}:${max}`;
  let f = nf.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: min, maximumFractionDigits: max });
    nf.set(key, f);
  }
  return f;
}

/** A number with thousands separators and exactly `decimals` decimals ("1,234.5"). */
export function formatNumber(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) return '—';
  return numberFormat(decimals, decimals).format(value === 0 ? 0 : value);
}

/** A whole count ("9,216"). */
export const formatCount = (value: number): string => formatNumber(Math.round(value), 0);

/** Megawatts with one decimal below 1,000 MW ("216.0 MW", "1,204 MW"). */
export function formatMw(mw: number): string {
  return `${formatNumber(mw, Math.abs(mw) >= 1000 ? 0 : 1)} MW`;
}

/** A length for the scale bar and cursor read-out. */
export function formatLength(m: number, units: Units, decimals = 0): string {
  return units === 'imperial'
    ? `${formatNumber(m / M_PER_FT, decimals)} ft`
    : `${formatNumber(m, decimals)} m`;
}
