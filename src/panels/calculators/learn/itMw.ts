import { formatNumber } from '../../../domain/units';

/** The density lesson's IT load field: 1 to 5,000 MW. */
export const IT_MW_MIN = 1;
export const IT_MW_MAX = 5000;

/** The field's text as MW, or the message to show (the chart keeps its last valid load). */
export function parseItMw(text: string): number | string {
  const t = text.trim().replace(/,/g, '');
  const v = Number(t);
  if (t === '' || !Number.isFinite(v)) return 'Enter a number of megawatts.';
  if (v < IT_MW_MIN || v > IT_MW_MAX) return `Enter ${IT_MW_MIN}–${formatNumber(IT_MW_MAX)} MW.`;
  return v;
}
