import { COOLING_TYPES, type Redundancy } from '../catalog';
import type { Layout } from '../model';
import type { CoolingResult } from './cooling';
import { fail, pass } from './checks';
import { count, exceeds, num } from './format';

const mw = (v: number) => num(v, Math.abs(v) < 10 ? 2 : 1);
import type { RowTable } from './rows';
import type { Check } from './types';
import { sum } from './lists';

/** Unserved rows count as air-cooled for PUE (docs/rules.md rule 4). */
export const UNSERVED_PUE = COOLING_TYPES.air.pue.value;

/**
 * PUE = settings.pue, else the IT-weighted mean of the serving zones' PUE (unserved rows: air).
 * With no IT load there is nothing to weigh: every cooling zone then counts equally, and with no
 * zones either the air default applies (as an unserved row would). Never NaN.
 */
export function computePue(layout: Layout, rows: RowTable, cooling: CoolingResult): number {
  if (layout.settings.pue != null) return layout.settings.pue;
  let it = 0;
  let weighted = 0;
  for (let i = 0; i < rows.count; i++) {
    const z = cooling.zoneOfRow[i]!;
    const pue = z >= 0 ? COOLING_TYPES[layout.coolingZones[z]!.type].pue.value : UNSERVED_PUE;
    it += rows.itKw[i]!;
    weighted += rows.itKw[i]! * pue;
  }
  if (it > 0) return weighted / it;
  const zones = layout.coolingZones;
  if (zones.length === 0) return UNSERVED_PUE;
  let total = 0;
  for (const z of zones) total += COOLING_TYPES[z.type].pue.value;
  return total / zones.length;
}

/** Installed MVA (Σ substations) and usable MW = pf × (N: Σ; N+1: Σ − largest; 2N: Σ / 2). */
export function usablePower(
  capacitiesMva: readonly number[],
  redundancy: Redundancy,
  powerFactor: number,
): { installedMva: number; usableMw: number } {
  const installedMva = sum(capacitiesMva);
  return { installedMva, usableMw: powerFactor * firmCapacity(capacitiesMva, redundancy) };
}

/**
 * Capacity left when the redundancy holds the largest unit (N+1) or half (2N) in reserve:
 * substations (rule 4) and a hall's feeders (rule 9) alike.
 */
export function firmCapacity(capacities: readonly number[], redundancy: Redundancy): number {
  let total = 0;
  let largest = 0;
  for (const c of capacities) {
    total += c;
    largest = Math.max(largest, c);
  }
  const firm = redundancy === 'N' ? total : redundancy === 'N+1' ? total - largest : total / 2;
  return Math.max(0, firm);
}

/** `power-capacity`: facility MW ≤ usable MW. */
export function checkPowerCapacity(
  layout: Layout,
  facilityMw: number,
  installedMva: number,
  usableMw: number,
): Check {
  const s = layout.settings;
  const basis = `${s.redundancy}, ${count(layout.substations.length, 'substation')}, ${num(installedMva, 1)} MVA installed, pf ${num(s.powerFactor, 2)}`;
  if (facilityMw === 0)
    return pass(
      'power-capacity',
      `No IT load: nothing to power (usable ${mw(usableMw)} MW; ${basis})`,
    );
  if (!exceeds(facilityMw, usableMw)) {
    return pass(
      'power-capacity',
      `Facility ${mw(facilityMw)} MW ≤ ${mw(usableMw)} MW usable (${basis})`,
    );
  }
  return fail(
    'power-capacity',
    `Facility ${mw(facilityMw)} MW > ${mw(usableMw)} MW usable (${basis}): short ${mw(facilityMw - usableMw)} MW`,
    layout.substations.map((x) => x.id),
  );
}
