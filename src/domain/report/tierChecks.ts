import { REDUNDANCY_RANK, type Tier } from '../catalog';
import { fig, msg } from '../units';
import type { CoolingZone, FiberTrench, Hall } from '../kinds';
import type { Layout } from '../model';
import type { CoolingResult } from './cooling';
import { fail, pass, warn } from './checks';
import { all, count, exceeds, label, more, num } from './format';
import type { DomainCalc, LatencyResult } from './latency';
import type { RowTable } from './rows';
import { idsOf } from './lists';
import type { Check } from './types';

/** The tier's short name: "Blackwell" from "Blackwell (120 kW NVL72)". */
export function tierName(tier: Tier): string {
  return tier.label.replace(/\s*\(.*$/, '');
}

/** `tier-floor`: every hall's floor rating ≥ the tier's minimum. */
export function checkTierFloor(layout: Layout, tier: Tier): Check {
  const min = tier.minFloorKpa.value;
  const halls = layout.halls;
  if (halls.length === 0) return pass('tier-floor', 'No halls placed: no floor to check');
  // Plain loops here and below: the checks run on every report (see lists.ts).
  const bad: Hall[] = [];
  let lowest = Infinity;
  for (const h of halls) {
    lowest = Math.min(lowest, h.floorRatingKpa);
    if (exceeds(min, h.floorRatingKpa)) bad.push(h);
  }
  if (bad.length === 0) {
    return pass(
      'tier-floor',
      msg`${all(halls.length, 'hall')} ≥ ${fig(min, 'kPa', 1)} ${tierName(tier)} minimum (lowest ${fig(lowest, 'kPa', 1)})`,
    );
  }
  return fail(
    'tier-floor',
    msg`${label(bad[0]!)}: ${fig(bad[0]!.floorRatingKpa, 'kPa', 1)} floor < ${fig(min, 'kPa', 1)} ${tierName(tier)} minimum${more(bad.length, 'hall')}`,
    idsOf(bad),
  );
}

/** `tier-cooling`: zones that serve racks are of a type the tier allows. */
export function checkTierCooling(layout: Layout, tier: Tier, cooling: CoolingResult): Check {
  const allowed = tier.coolingAllowed.value;
  const serving: CoolingZone[] = [];
  const bad: CoolingZone[] = [];
  for (let z = 0; z < layout.coolingZones.length; z++) {
    if (cooling.rowsOfZone[z]!.length === 0) continue;
    const zone = layout.coolingZones[z]!;
    serving.push(zone);
    if (!allowed.includes(zone.type)) bad.push(zone);
  }
  if (serving.length === 0)
    return pass('tier-cooling', 'No cooling zone serves racks: no cooling type to check');
  if (bad.length === 0) {
    return pass(
      'tier-cooling',
      `${all(serving.length, 'zone')} serving racks of a type ${tierName(tier)} allows (${allowed.join(', ')})`,
    );
  }
  return fail(
    'tier-cooling',
    `${label(bad[0]!)}: ${bad[0]!.type} cooling not allowed for ${tierName(tier)} (allowed: ${allowed.join(', ')})${more(bad.length, 'zone')}`,
    idsOf(bad),
  );
}

/** `tier-density`: rows below the tier's design kW per rack warn (the campus is under-built for it). */
export function checkTierDensity(layout: Layout, tier: Tier, rows: RowTable): Check {
  const design = tier.designKwPerRack.value;
  if (rows.count === 0) return pass('tier-density', 'No rack rows placed: no density to check');
  const bad: number[] = [];
  let lowest = Infinity;
  for (let i = 0; i < rows.count; i++) {
    lowest = Math.min(lowest, rows.kwPerRack[i]!);
    if (exceeds(design, rows.kwPerRack[i]!)) bad.push(i);
  }
  if (bad.length === 0) {
    return pass(
      'tier-density',
      `${all(rows.count, 'row')} ≥ ${num(design, 1)} kW/rack ${tierName(tier)} design density (lowest ${num(lowest, 1)} kW/rack)`,
    );
  }
  return warn(
    'tier-density',
    `${num(bad.length, 0)} of ${count(rows.count, 'row')} below ${tierName(tier)}'s ${num(design, 1)} kW/rack design density (lowest ${num(lowest, 1)} kW/rack in ${layout.rackRows[bad.reduce((m, i) => (rows.kwPerRack[i]! < rows.kwPerRack[m]! ? i : m), bad[0]!)]!.id})`,
    bad.map((i) => layout.rackRows[i]!.id),
  );
}

/** `tier-row-power`: every hall's row power ≥ the tier's. */
export function checkTierRowPower(layout: Layout, tier: Tier): Check {
  const min = tier.minRowPowerMw.value;
  const halls = layout.halls;
  if (halls.length === 0) return pass('tier-row-power', 'No halls placed: no row power to check');
  const bad: Hall[] = [];
  let lowest = Infinity;
  for (const h of halls) {
    lowest = Math.min(lowest, h.rowPowerMw);
    if (exceeds(min, h.rowPowerMw)) bad.push(h);
  }
  if (bad.length === 0) {
    return pass(
      'tier-row-power',
      `${all(halls.length, 'hall')}: row power ≥ ${num(min, 2)} MW ${tierName(tier)} minimum (lowest ${num(lowest, 2)} MW)`,
    );
  }
  return fail(
    'tier-row-power',
    `${label(bad[0]!)}: ${num(bad[0]!.rowPowerMw, 2)} MW row power < ${num(min, 2)} MW ${tierName(tier)} minimum${more(bad.length, 'hall')}`,
    idsOf(bad),
  );
}

/**
 * `tier-redundancy`: settings.redundancy below the tier's minimum fails; at least the minimum but
 * below the tier's recommendation warns (N < N+1 < 2N).
 */
export function checkTierRedundancy(layout: Layout, tier: Tier): Check {
  const have = layout.settings.redundancy;
  const need = tier.minRedundancy.value;
  const rec = tier.recommendedRedundancy.value;
  const name = tierName(tier);
  if (REDUNDANCY_RANK[have] < REDUNDANCY_RANK[need])
    return fail('tier-redundancy', `Redundancy ${have} < ${need} minimum for ${name}`, []);
  if (REDUNDANCY_RANK[have] < REDUNDANCY_RANK[rec])
    return warn(
      'tier-redundancy',
      `Redundancy ${have} meets the ${need} minimum for ${name}; ${rec} recommended`,
      [],
    );
  return pass(
    'tier-redundancy',
    rec === need
      ? `Redundancy ${have} meets ${need} required by ${name}`
      : `Redundancy ${have} meets ${rec} recommended for ${name} (minimum ${need})`,
  );
}

/** `fiber-density`: every trench carries at least the tier's fiber count. */
export function checkFiberDensity(layout: Layout, tier: Tier): Check {
  const min = tier.minTrenchFibers.value;
  const trenches = layout.fiberTrenches;
  if (trenches.length === 0)
    return pass('fiber-density', 'No fiber trenches placed: no fiber count to check');
  const bad: FiberTrench[] = [];
  for (const t of trenches) if (t.fiberCount < min) bad.push(t);
  if (bad.length === 0) {
    return pass(
      'fiber-density',
      `${all(trenches.length, 'trench', 'trenches')} ≥ ${num(min, 0)} fibers (${tierName(tier)} minimum)`,
    );
  }
  return fail(
    'fiber-density',
    `Trench ${label(bad[0]!)}: ${num(bad[0]!.fiberCount, 0)} fibers < ${num(min, 0)} ${tierName(tier)} minimum${more(bad.length, 'trench', 'trenches')}`,
    idsOf(bad),
  );
}

/** The largest domain: most GPUs, then most IT, then first formed. */
export function largestDomain(domains: readonly DomainCalc[]): DomainCalc | null {
  let best: DomainCalc | null = null;
  for (const d of domains) {
    if (!best || d.gpus > best.gpus || (d.gpus === best.gpus && d.itKw > best.itKw)) best = d;
  }
  return best;
}

/**
 * `latency-domain`: the largest domain holds at least the tier's training-cluster GPUs. A tier with
 * a cluster size fails a campus without racks (0 GPUs); the traditional tier (none) passes.
 */
export function checkLatencyDomain(layout: Layout, tier: Tier, latency: LatencyResult): Check {
  const need = tier.clusterGpus.value;
  const reach = msg`${fig(tier.domainReachM.value / 1000, 'km', 1)} reach`;
  if (need <= 0) return pass('latency-domain', `${tierName(tier)} needs no training cluster`);
  const best = largestDomain(latency.domains);
  // No halls with racks: no domain, so no cluster, which a tier that needs one fails.
  if (!best)
    return fail(
      'latency-domain',
      `No halls with racks: 0 GPUs < ${num(need, 0)} GPU ${tierName(tier)} cluster`,
      [],
    );
  if (best.gpus >= need) {
    return pass(
      'latency-domain',
      msg`Largest latency domain ${num(best.gpus, 0)} GPUs in ${count(best.halls.length, 'hall')} ≥ ${num(need, 0)} GPU ${tierName(tier)} cluster (${reach})`,
    );
  }
  return fail(
    'latency-domain',
    msg`Largest latency domain ${num(best.gpus, 0)} GPUs in ${count(best.halls.length, 'hall')} < ${num(need, 0)} GPU ${tierName(tier)} cluster (${reach}, ${count(latency.domains.length, 'domain')})`,
    best.halls.map((h) => layout.halls[h]!.id),
  );
}
