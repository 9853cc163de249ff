import { COOLING_TYPES, type Redundancy } from '../catalog';
import { hallCostId, itRackCostId, type CostItemId } from '../catalog/cost';
import { coolingPlantMw, feederLengthM, generatorYardMw, trenchLengthM } from '../kinds';
import type { Layout } from '../model';
import { firmUnitsMw } from './campus';
import { fail, pass, warn } from './checks';
import { CostQuantities, economics, priceCapex } from './cost';
import { exceeds, num } from './format';
import { firmCapacity, UNSERVED_PUE } from './power';
import type { RowTable } from './rows';
import type { Check, PhaseReport } from './types';

/**
 * Rule 13 (docs/rules.md): construction phases. Every element belongs to a phase (its phaseId;
 * absent or unknown: the first; a rack row takes its hall's). Phase k's figures are cumulative:
 * every element of phase k or earlier. They are summed here from the per-element figures the
 * report already holds — never by computing the report again per phase.
 */

/** Phase id → its index in settings.phases. */
export function phaseIndexById(layout: Layout): Map<string, number> {
  const m = new Map<string, number>();
  layout.settings.phases.forEach((p, i) => {
    if (!m.has(p.id)) m.set(p.id, i);
  });
  return m;
}

/** The phase index of an element: its phaseId's, or 0 when absent or unknown. */
export function phaseIndexOf(
  index: ReadonlyMap<string, number>,
  e: { readonly phaseId?: string | undefined },
): number {
  return e.phaseId === undefined ? 0 : (index.get(e.phaseId) ?? 0);
}

/**
 * The layout as of phase k (0-based): the elements of phase k or earlier, the rows of the halls
 * kept, and settings.phases cut after phase k. k is clamped into the phases. The CLI's --phase and
 * the app's phase slider both use it.
 */
export function layoutAsOfPhase(layout: Layout, k: number): Layout {
  const phases = layout.settings.phases;
  const last = Math.min(Math.max(Math.floor(k), 0), phases.length - 1);
  if (last === phases.length - 1) return layout;
  const index = phaseIndexById(layout);
  const keep = <T extends { readonly phaseId?: string | undefined }>(list: readonly T[]): T[] =>
    list.filter((e) => phaseIndexOf(index, e) <= last);
  const halls = keep(layout.halls);
  const hallIds = new Set(halls.map((h) => h.id));
  return {
    ...layout,
    settings: { ...layout.settings, phases: phases.slice(0, last + 1) },
    halls,
    rackRows: layout.rackRows.filter((r) => hallIds.has(r.hallId)),
    coolingZones: keep(layout.coolingZones),
    substations: keep(layout.substations),
    fiberTrenches: keep(layout.fiberTrenches),
    generatorYards: keep(layout.generatorYards),
    batteryYards: keep(layout.batteryYards),
    coolingPlants: keep(layout.coolingPlants),
    powerFeeders: keep(layout.powerFeeders),
  };
}

/** What the program needs from the rest of the report. */
export interface ProgramInputs {
  readonly rows: RowTable;
  /** Per row: the serving cooling zone's index, or -1. */
  readonly zoneOfRow: Int32Array;
  /** Is the tier's redundancy at least N+1 (each plant keeps its largest unit spare)? */
  readonly spareOne: boolean;
  readonly redundancy: Redundancy;
  readonly parcelAcres: number;
  readonly itMw: number;
  readonly energyCostUsdPerYear: number | null;
}

export interface Program {
  readonly capexUsd: number;
  readonly itEquipmentUsd: number;
  readonly capexPerItMwUsd: number | null;
  readonly revenueUsdPerYear: number | null;
  readonly paybackYears: number | null;
  readonly capexByCategory: Readonly<Record<string, number>>;
  readonly phases: readonly PhaseReport[];
  readonly phasePower: Check;
  readonly phaseCooling: Check;
}

/**
 * Adds `amount` (when positive) to phase k of item `id`'s sums (n phases). A module function, not
 * a closure in computeProgram: it runs twice per row on every report (see lists.ts).
 */
function sumInto(
  sums: Map<CostItemId, Float64Array>,
  n: number,
  id: CostItemId,
  k: number,
  amount: number,
): void {
  if (!(amount > 0)) return;
  let a = sums.get(id);
  if (!a) sums.set(id, (a = new Float64Array(n)));
  a[k]! += amount;
}

/** Rules 13 and 14: phases[], capex, economics and the checks phase-power and phase-cooling. */
export function computeProgram(layout: Layout, inp: ProgramInputs): Program {
  const s = layout.settings;
  const n = s.phases.length;
  const index = phaseIndexById(layout);
  const hallPhase = new Int32Array(layout.halls.length);
  for (let h = 0; h < layout.halls.length; h++)
    hallPhase[h] = phaseIndexOf(index, layout.halls[h]!);
  const q = new CostQuantities(n);

  // Per-phase (not yet cumulative) sums.
  const itKw = new Float64Array(n);
  const facilityKw = new Float64Array(n);
  const heatKw = new Float64Array(n);
  const racks = new Float64Array(n);
  const gpus = new Float64Array(n);
  const { rows, zoneOfRow } = inp;
  const zones = layout.coolingZones;
  // The rows' cost quantities, per item and phase, summed here in row order and handed to `q`
  // once each (the same sums as one q.add per row, without an item id built per row).
  const hallMw = new Map<CostItemId, Float64Array>();
  const rackCount = new Map<CostItemId, Float64Array>();
  const hallItemOf = new Map<string, CostItemId>();
  const rackItemOf = new Map<string, CostItemId>();
  for (let i = 0; i < rows.count; i++) {
    const h = rows.hallIndex[i]!;
    const k = h >= 0 ? hallPhase[h]! : 0;
    const z = zoneOfRow[i]!;
    const kw = rows.itKw[i]!;
    const type = z >= 0 ? zones[z]!.type : 'air';
    const pue = s.pue ?? (z >= 0 ? COOLING_TYPES[type].pue.value : UNSERVED_PUE);
    itKw[k]! += kw;
    facilityKw[k]! += kw * pue;
    if (z >= 0) heatKw[k]! += kw;
    racks[k]! += rows.racks[i]!;
    gpus[k]! += rows.gpus[i]!;
    let hallItem = hallItemOf.get(type);
    if (!hallItem) hallItemOf.set(type, (hallItem = hallCostId(type)));
    sumInto(hallMw, n, hallItem, k, kw / 1000);
    const profile = layout.rackRows[i]!.profile;
    let rackItem = rackItemOf.get(profile);
    if (!rackItem) rackItemOf.set(profile, (rackItem = itRackCostId(profile)));
    sumInto(rackCount, n, rackItem, k, rows.racks[i]!);
  }
  for (const sums of [hallMw, rackCount])
    for (const [id, a] of sums) for (let k = 0; k < n; k++) q.add(id, k, a[k]!);

  q.add('land-acre', 0, inp.parcelAcres);
  const subCaps: number[][] = Array.from({ length: n }, () => []);
  for (const sub of layout.substations) {
    const k = phaseIndexOf(index, sub);
    subCaps[k]!.push(sub.capacityMva);
    q.add('substation-mva', k, sub.capacityMva);
  }
  for (const f of layout.powerFeeders) q.add('feeder-m', phaseIndexOf(index, f), feederLengthM(f));
  for (const t of layout.fiberTrenches) {
    const k = phaseIndexOf(index, t);
    const len = trenchLengthM(t);
    q.add('trench-m', k, len);
    q.add('fiber-km', k, (len / 1000) * t.fiberCount);
  }
  for (const g of layout.generatorYards)
    q.add('generator-mw', phaseIndexOf(index, g), generatorYardMw(g));
  for (const b of layout.batteryYards) q.add('bess-mwh', phaseIndexOf(index, b), b.energyMwh);
  const plantFirm = new Float64Array(n);
  for (const p of layout.coolingPlants) {
    const k = phaseIndexOf(index, p);
    plantFirm[k]! += firmUnitsMw([p], inp.spareOne);
    q.add('plant-mw', k, coolingPlantMw(p));
  }

  const capex = priceCapex(q, s.costs);
  const phases: PhaseReport[] = [];
  let cumIt = 0;
  let cumFacility = 0;
  let cumHeat = 0;
  let cumRacks = 0;
  let cumGpus = 0;
  let cumPlant = 0;
  let cumCapex = 0;
  let cumItUsd = 0;
  const cumCaps: number[] = [];
  s.phases.forEach((p, k) => {
    cumIt += itKw[k]!;
    cumFacility += facilityKw[k]!;
    cumHeat += heatKw[k]!;
    cumRacks += racks[k]!;
    cumGpus += gpus[k]!;
    cumPlant += plantFirm[k]!;
    cumCapex += capex.phaseCapexUsd[k]!;
    cumItUsd += capex.phaseItUsd[k]!;
    cumCaps.push(...subCaps[k]!);
    phases.push({
      id: p.id,
      name: p.name,
      energize: p.energize,
      itMw: cumIt / 1000,
      facilityMw: cumFacility / 1000,
      usableMw: s.powerFactor * firmCapacity(cumCaps, inp.redundancy),
      racks: cumRacks,
      gpus: cumGpus,
      capexUsd: capex.phaseCapexUsd[k]!,
      cumulativeCapexUsd: cumCapex,
      itEquipmentUsd: capex.phaseItUsd[k]!,
      cumulativeItEquipmentUsd: cumItUsd,
      plantMw: cumPlant,
      heatToRejectMw: cumHeat / 1000,
    });
  });

  const econ = economics(capex.capexUsd, inp.itMw, s.revenuePerMwYear, inp.energyCostUsdPerYear);
  return {
    capexUsd: capex.capexUsd,
    itEquipmentUsd: capex.itEquipmentUsd,
    ...econ,
    capexByCategory: capex.byCategory,
    phases,
    phasePower: checkPhasePower(layout, phases, index),
    phaseCooling: checkPhaseCooling(layout, phases, index),
  };
}

const mw = (v: number) => num(v, Math.abs(v) < 10 ? 2 : 1);

/** "Phase 3 “Horizon 3” (energized 2027-10)". */
export function phaseLabel(
  p: PhaseReport | Layout['settings']['phases'][number],
  k: number,
): string {
  const named = p.name.trim() !== '' ? ` “${p.name}”` : '';
  const when = p.energize ? ` (energized ${p.energize})` : '';
  return `Phase ${k + 1}${named}${when}`;
}

/** Ids of the elements of phase k in the given collections. */
function idsOfPhase(
  lists: readonly (readonly { readonly id: string; readonly phaseId?: string | undefined }[])[],
  index: ReadonlyMap<string, number>,
  k: number,
): string[] {
  return lists.flatMap((l) => l.filter((e) => phaseIndexOf(index, e) === k).map((e) => e.id));
}

/**
 * `phase-power` (rule 13): in every phase, cumulative facility MW ≤ cumulative usable MW. Fails
 * naming the first short phase; the elements at fault are that phase's halls.
 */
export function checkPhasePower(
  layout: Layout,
  phases: readonly PhaseReport[],
  index: ReadonlyMap<string, number>,
): Check {
  if (phases.every((p) => p.facilityMw <= 0))
    return pass('phase-power', 'No IT load in any phase: nothing to power');
  const k = phases.findIndex((p) => exceeds(p.facilityMw, p.usableMw));
  if (k < 0)
    return pass(
      'phase-power',
      phases.length === 1
        ? `One phase: facility ${mw(phases[0]!.facilityMw)} MW ≤ ${mw(phases[0]!.usableMw)} MW usable`
        : `Every phase powered: each phase's facility MW is within the substations energized by then (${phases.length} phases)`,
    );
  const p = phases[k]!;
  const later = phases.slice(k + 1).find((x) => x.usableMw > p.usableMw);
  const why = later
    ? `: its halls come online before the substation capacity that arrives in ${phaseLabel(later, phases.indexOf(later))}`
    : '';
  return fail(
    'phase-power',
    `${phaseLabel(p, k)}: facility ${mw(p.facilityMw)} MW > ${mw(p.usableMw)} MW usable, short ${mw(p.facilityMw - p.usableMw)} MW${why}`,
    idsOfPhase([layout.halls, layout.substations], index, k),
  );
}

/**
 * `phase-cooling` (rule 13): in every phase, cumulative plant MW ≥ cumulative heat to reject.
 * Fails naming the first short phase (its halls and plants at fault); no plants at all: warn.
 */
export function checkPhaseCooling(
  layout: Layout,
  phases: readonly PhaseReport[],
  index: ReadonlyMap<string, number>,
): Check {
  if (phases.every((p) => p.heatToRejectMw <= 0))
    return pass('phase-cooling', 'No cooled IT load in any phase: no heat to reject');
  if (layout.coolingPlants.length === 0)
    return warn('phase-cooling', 'Heat rejection not drawn: no cooling plants in any phase', []);
  const k = phases.findIndex((p) => exceeds(p.heatToRejectMw, p.plantMw));
  if (k < 0)
    return pass(
      'phase-cooling',
      `Every phase cooled: each phase's heat to reject is within the plant built by then (${phases.length} ${phases.length === 1 ? 'phase' : 'phases'})`,
    );
  const p = phases[k]!;
  return fail(
    'phase-cooling',
    `${phaseLabel(p, k)}: heat to reject ${mw(p.heatToRejectMw)} MW > plant ${mw(p.plantMw)} MW, short ${mw(p.heatToRejectMw - p.plantMw)} MW`,
    idsOfPhase([layout.halls, layout.coolingPlants], index, k),
  );
}
