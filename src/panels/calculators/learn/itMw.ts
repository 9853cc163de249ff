import { formatNumber, parseQuantity } from '../../../domain/units';

/** The density lesson's IT load field: 1 to 5,000 MW. */
export const IT_MW_MIN = 1;
export const IT_MW_MAX = 5000;

/** The field's text as MW ("1,200", "1.2 GW"), or the message to show (the chart keeps its last valid load). */
export function parseItMw(text: string): number | string {
  const parsed = parseQuantity(text, 'powerMw', 'metric');
  if (!parsed.ok) return 'Enter a number of megawatts.';
  const v = parsed.value;
  if (v < IT_MW_MIN || v > IT_MW_MAX) return `Enter ${IT_MW_MIN}–${formatNumber(IT_MW_MAX)} MW.`;
  return v;
}
