/** Number and list formatting for check messages (the report's numbers themselves are never rounded). */

import { formatUpTo } from '../units/format';

/** `v` with thousands separators and at most `digits` decimals: 18.52 → "18.5" (digits 1). */
export function num(v: number, digits = 2): string {
  return formatUpTo(v, digits);
}

/** "1 row", "3 rows". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${num(n, 0)} ${n === 1 ? one : many}`;
}

/** " (+3 more rows)" after the first offender, or "" when there is only one. */
export function more(total: number, one: string, many = `${one}s`): string {
  return total > 1 ? ` (+${count(total - 1, one, many)})` : '';
}

/** An element as people read it: its name, else its id. */
export function label(e: { readonly id: string; readonly name?: string }): string {
  return e.name && e.name.trim() !== '' ? e.name : e.id;
}

/** Safe ratio: 0 when the denominator is 0 or the result is not finite. */
export function ratio(a: number, b: number): number {
  if (b === 0) return 0;
  const r = a / b;
  return Number.isFinite(r) ? r : 0;
}

/**
 * `a > b` beyond floating-point noise (1e-9 relative), so 8 × 150 kW = 1.2 MW does not fail a
 * 1.2 MW limit through rounding.
 */
export function exceeds(a: number, b: number): boolean {
  return a > b + 1e-9 * Math.max(1, Math.abs(b));
}

/** "All 12 halls", or "1 hall" when there is only one. */
export function all(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? `1 ${one}` : `All ${num(n, 0)} ${many}`;
}

/** "Substation Yard", but "Hall 1" rather than "Hall Hall 1" when the name already says the kind. */
export function kindLabel(
  kind: string,
  e: { readonly id: string; readonly name?: string },
): string {
  const text = label(e);
  const word = kind.charAt(0).toUpperCase() + kind.slice(1);
  return text.toLowerCase().startsWith(kind.toLowerCase()) ? text : `${word} ${text}`;
}
