/**
 * The calculators panel (src/panels/calculators/): live totals, the tier checklist and the
 * per-hall table. Kept under its old name for the shell.
 */
export { CalculatorsPanel as TotalsPanel } from './calculators/CalculatorsPanel';
