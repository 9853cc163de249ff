import type { RotatedRect } from '../geometry';
import type { Redundancy } from '../catalog';
import { ATTACH_M } from './fiberGraph';
import { count, exceeds, label, num } from './format';
import {
  GridIndex,
  pickCellSize,
  prepareRect,
  preparedWithin,
  segmentEntersRect,
  type PreparedRect,
} from './spatial';
import { fail, pass, warn } from './checks';
import { firmCapacity } from './power';
import type { Check } from './types';
import { emptyLists, sortAscending, sum } from './lists';

/**
 * Rules 9–12 (docs/rules.md): the power chain from substations to halls, backup, heat rejection,
 * water and energy. Pure functions of plain figures, so each can be checked by hand.
 */

/** US gallons per cubic metre. */
export const GALLONS_PER_M3 = 264.172;
/** Hours per year (365 days). */
export const HOURS_PER_YEAR = 8760;

const mw = (v: number) => num(v, Math.abs(v) < 10 ? 2 : 1);

/** Is the redundancy at least N+1 (so each yard or plant keeps its largest unit in reserve)? */
export function sparesOneUnit(redundancy: Redundancy): boolean {
  return redundancy !== 'N';
}

/** A yard or plant of identical units. */
export interface UnitBlock {
  readonly units: number;
  readonly unitMw: number;
}

/**
 * Firm MW of yards or plants (rules 10 and 11): Σ units × unitMw, leaving out each block's
 * largest unit (its unitMw) when the tier's redundancy is at least N+1.
 */
export function firmUnitsMw(blocks: readonly UnitBlock[], spareOne: boolean): number {
  let s = 0;
  for (const b of blocks)
    s += Math.max(0, (spareOne && b.units > 0 ? b.units - 1 : b.units) * b.unitMw);
  return s;
}

/** A polyline with its points (a power feeder). */
export interface Polyline {
  readonly points: readonly (readonly [number, number])[];
}

/**
 * Which of `rects` a polyline attaches to, by the hall attachment rule of rule 6: a vertex inside
 * the rectangle or within ATTACH_M of its edge, or a segment that crosses its edge (enters it).
 * Returns the rectangles' indices, sorted.
 */
export function attachedRects(line: Polyline, rects: readonly RotatedRect[]): number[] {
  return attachedRectsAll([line], rects)[0]!;
}

/** attachedRects for many polylines at once, through one grid of the rectangles. */
export function attachedRectsAll(
  lines: readonly Polyline[],
  rects: readonly RotatedRect[],
): number[][] {
  const out: number[][] = [];
  if (rects.length === 0) {
    for (let k = 0; k < lines.length; k++) out.push([]);
    return out;
  }
  // Plain loops, no callbacks: this runs on every report (see lists.ts).
  const prepared: PreparedRect[] = [];
  const extents = new Float64Array(rects.length);
  for (let i = 0; i < rects.length; i++) {
    const r = prepareRect(rects[i]!);
    prepared.push(r);
    extents[i] = Math.max(r.maxX - r.minX, r.maxY - r.minY);
  }
  const grid = new GridIndex(pickCellSize(extents, 4), prepared.length);
  for (let i = 0; i < prepared.length; i++) {
    const r = prepared[i]!;
    grid.insert(i, r.minX - ATTACH_M, r.minY - ATTACH_M, r.maxX + ATTACH_M, r.maxY + ATTACH_M);
  }
  const near: number[] = [];
  for (const line of lines) {
    const hit = new Set<number>();
    const pts = line.points;
    for (const [x, y] of pts) {
      const n = grid.query(x, y, x, y, near);
      for (let q = 0; q < n; q++) {
        const i = near[q]!;
        if (preparedWithin(prepared[i]!, x, y, ATTACH_M)) hit.add(i);
      }
    }
    for (let k = 0; k + 1 < pts.length; k++) {
      const [ax, ay] = pts[k]!;
      const [bx, by] = pts[k + 1]!;
      const n = grid.query(
        Math.min(ax, bx),
        Math.min(ay, by),
        Math.max(ax, bx),
        Math.max(ay, by),
        near,
      );
      for (let q = 0; q < n; q++) {
        const i = near[q]!;
        if (!hit.has(i) && segmentEntersRect(prepared[i]!, ax, ay, bx, by, 0)) hit.add(i);
      }
    }
    const ids: number[] = [];
    for (const i of hit) ids.push(i);
    out.push(sortAscending(ids));
  }
  return out;
}

/** A feeder as rule 9 sees it: its capacity and what it attaches to. */
export interface FeederAttachment {
  readonly capacityMva: number;
  /** Indices of the halls it attaches to. */
  readonly halls: readonly number[];
  /** Does it attach to at least one substation? */
  readonly toSubstation: boolean;
}

/**
 * Rule 9: per hall, the feed in MVA after redundancy, from the feeders that attach to it and to a
 * substation; null when no such feeder reaches the hall.
 */
export function hallFeedMva(
  hallCount: number,
  feeders: readonly FeederAttachment[],
  redundancy: Redundancy,
): (number | null)[] {
  const caps = emptyLists(hallCount);
  for (const f of feeders) {
    if (!f.toSubstation) continue;
    for (const h of f.halls) caps[h]!.push(f.capacityMva);
  }
  const out: (number | null)[] = [];
  for (const c of caps) out.push(c.length === 0 ? null : firmCapacity(c, redundancy));
  return out;
}

/** A hall as `hall-feed` needs it. */
export interface HallLoad {
  readonly id: string;
  readonly name?: string;
  readonly itMw: number;
  readonly racks: number;
}

/**
 * `hall-feed` (rule 9): powerFactor × feed MVA ≥ hall IT MW × PUE for every hall with racks (fail,
 * naming the halls). No feeders at all: warn (power distribution not drawn).
 */
export function checkHallFeed(
  halls: readonly HallLoad[],
  feedMva: readonly (number | null)[],
  feederCount: number,
  pue: number,
  powerFactor: number,
  redundancy: Redundancy,
): Check {
  // Plain loops: this runs on every report (see lists.ts).
  let loaded = 0;
  const short: { h: HallLoad; need: number; have: number; feed: number | null }[] = [];
  for (let i = 0; i < halls.length; i++) {
    const h = halls[i]!;
    if (!(h.racks > 0)) continue;
    loaded++;
    const need = h.itMw * pue;
    const feed = feedMva[i] ?? null;
    const have = feed === null ? 0 : powerFactor * feed;
    if (exceeds(need, have)) short.push({ h, need, have, feed });
  }
  if (loaded === 0) return pass('hall-feed', 'No halls with racks: nothing to feed');
  if (feederCount === 0)
    return warn(
      'hall-feed',
      `Power distribution not drawn: no feeders from the substations to ${count(loaded, 'hall')} with racks`,
      [],
    );
  if (short.length === 0)
    return pass(
      'hall-feed',
      `${count(loaded, 'hall')} with racks fed within their feeders (${redundancy}, pf ${num(powerFactor, 2)})`,
    );
  const first = short[0]!;
  const what =
    first.feed === null
      ? `${label(first.h)} has no feeder from a substation (needs ${mw(first.need)} MW)`
      : `${label(first.h)} needs ${mw(first.need)} MW; its feeders give ${mw(first.have)} MW (${num(first.feed, 1)} MVA ${redundancy} × pf ${num(powerFactor, 2)})`;
  const others = short.length > 1 ? `; ${count(short.length - 1, 'more hall')} short` : '';
  return fail(
    'hall-feed',
    `${what}${others}`,
    short.map((x) => x.h.id),
  );
}

/**
 * `backup-power` (rule 10): backup MW ≥ facility MW, warn when short (many training halls run on
 * reduced backup).
 */
export function checkBackupPower(
  backupMw: number,
  facilityMw: number,
  yardIds: readonly string[],
): Check {
  if (facilityMw <= 0) return pass('backup-power', 'No facility load: nothing to back up');
  if (yardIds.length === 0)
    return warn(
      'backup-power',
      `Backup not drawn: no generator yards for ${mw(facilityMw)} MW of facility load`,
      [],
    );
  if (exceeds(facilityMw, backupMw))
    return warn(
      'backup-power',
      `Backup ${mw(backupMw)} MW < facility ${mw(facilityMw)} MW (short ${mw(facilityMw - backupMw)} MW)`,
      yardIds,
    );
  return pass('backup-power', `Backup ${mw(backupMw)} MW ≥ facility ${mw(facilityMw)} MW`);
}

/**
 * `heat-rejection` (rule 11): plant MW ≥ heat to reject (fail); no plants at all: warn (heat
 * rejection not drawn).
 */
export function checkHeatRejection(
  plantMw: number,
  heatMw: number,
  plantIds: readonly string[],
): Check {
  if (heatMw <= 0) return pass('heat-rejection', 'No cooled IT load: no heat to reject');
  if (plantIds.length === 0)
    return warn(
      'heat-rejection',
      `Heat rejection not drawn: no cooling plants for ${mw(heatMw)} MW of heat`,
      [],
    );
  if (exceeds(heatMw, plantMw))
    return fail(
      'heat-rejection',
      `Plant ${mw(plantMw)} MW < heat to reject ${mw(heatMw)} MW (short ${mw(heatMw - plantMw)} MW)`,
      plantIds,
    );
  return pass('heat-rejection', `Plant ${mw(plantMw)} MW ≥ heat to reject ${mw(heatMw)} MW`);
}

/** A plant as rule 12 needs it: installed MW and its water-use factor, L per kWh of IT energy. */
export interface PlantWater {
  readonly installedMw: number;
  readonly wueLPerKwh: number;
}

export interface WaterAndEnergy {
  readonly itEnergyMwhPerYear: number;
  readonly waterM3PerYear: number;
  readonly waterGallonsPerYear: number;
  /** Site WUE: water L ÷ IT kWh (0 with no IT energy). */
  readonly wueLPerKwh: number;
  /** null when no energy price is set. */
  readonly energyCostUsdPerYear: number | null;
}

/**
 * Rule 12. IT energy MWh/yr = IT MW × 8,760 × utilization. Water m³/yr = Σ over plants (plant MW
 * ÷ Σ plant MW) × IT MWh × WUE (L/kWh, so MWh × WUE = m³), each plant's share by its installed
 * MW. Gallons = m³ × 264.172; site WUE = m³ ÷ MWh (= L ÷ kWh). Energy cost = IT MWh × PUE × price.
 */
export function waterAndEnergy(
  itMw: number,
  utilization: number,
  pue: number,
  plants: readonly PlantWater[],
  energyPricePerMwh: number | null,
): WaterAndEnergy {
  const itEnergyMwhPerYear = itMw * HOURS_PER_YEAR * utilization;
  let total = 0;
  for (const p of plants) total += p.installedMw;
  let waterM3PerYear = 0;
  if (total > 0)
    for (const p of plants)
      waterM3PerYear += (p.installedMw / total) * itEnergyMwhPerYear * p.wueLPerKwh;
  return {
    itEnergyMwhPerYear,
    waterM3PerYear,
    waterGallonsPerYear: waterM3PerYear * GALLONS_PER_M3,
    wueLPerKwh: itEnergyMwhPerYear > 0 ? waterM3PerYear / itEnergyMwhPerYear : 0,
    energyCostUsdPerYear:
      energyPricePerMwh === null ? null : itEnergyMwhPerYear * pue * energyPricePerMwh,
  };
}

/** Ride-through minutes = Σ energyMwh ÷ facility MW × 60; null with no facility load. */
export function rideThroughMin(energyMwh: readonly number[], facilityMw: number): number | null {
  if (!(facilityMw > 0)) return null;
  return (sum(energyMwh) / facilityMw) * 60;
}
