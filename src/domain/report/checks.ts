import type { Check, CheckId, CheckStatus } from './types';
import { siText, type Text } from '../units';
import { CHECK_IDS } from './types';

/** Short titles for the checklist, one per stable check id. */
export const CHECK_TITLES: Readonly<Record<CheckId, string>> = {
  'row-power': 'Row power within the hall rating',
  'floor-load': 'Distributed floor load within the floor rating',
  'floor-point-load': 'Rack foot load within the point-load rating',
  'hall-density': "Hall density within the tier's sources",
  'cooling-coverage': 'Every row in a cooling zone',
  'cooling-capacity': 'Cooling zones within capacity',
  'cooling-density': 'Rack density within the cooling type',
  'power-capacity': 'Facility power within usable capacity',
  'fiber-connectivity': 'Every hall with racks on the fiber network',
  geometry: 'Inside the parcel; rows inside halls',
  setback: 'Setback from the parcel edge',
  overlap: 'No overlapping halls or rows',
  'tier-floor': 'Floor rating meets the tier',
  'tier-cooling': 'Cooling types the tier allows',
  'tier-density': "Racks at the tier's design density",
  'tier-row-power': 'Row power meets the tier',
  'tier-redundancy': 'Power redundancy meets the tier',
  'fiber-density': 'Trench fiber count meets the tier',
  'latency-domain': 'Largest latency domain holds a training cluster',
  'hall-feed': 'Every hall fed from a substation within its feeders',
  'backup-power': 'Backup generation covers the facility load',
  'heat-rejection': 'Cooling plant rejects the heat',
  'phase-power': 'Every phase powered when it comes online',
  'phase-cooling': 'Every phase cooled when it comes online',
};

/**
 * A check. Its message is plain text, or a Message (`msg` with `fig` figures) whose figures the
 * panels show in the user's units; `message` is always the SI text.
 */
export function check(
  id: CheckId,
  status: CheckStatus,
  message: Text,
  elementIds: readonly string[] = [],
): Check {
  const base = { id, title: CHECK_TITLES[id], status, message: siText(message), elementIds };
  return typeof message === 'string' || allText(message)
    ? base
    : { ...base, messageParts: message };
}

function allText(message: readonly unknown[]): boolean {
  for (const p of message) if (typeof p !== 'string') return false;
  return true;
}

export const pass = (id: CheckId, message: Text): Check => check(id, 'pass', message);
export const warn = (id: CheckId, message: Text, elementIds: readonly string[]): Check =>
  check(id, 'warn', message, elementIds);
export const fail = (id: CheckId, message: Text, elementIds: readonly string[]): Check =>
  check(id, 'fail', message, elementIds);

/** The checks in CHECK_IDS order, each exactly once. */
export function orderChecks(checks: readonly Check[]): Check[] {
  const byId = new Map<CheckId, Check>();
  for (const c of checks) {
    if (byId.has(c.id)) throw new Error(`check ${c.id} computed twice`);
    byId.set(c.id, c);
  }
  const out: Check[] = [];
  for (const id of CHECK_IDS) {
    const c = byId.get(id);
    if (!c) throw new Error(`check ${id} not computed`);
    out.push(c);
  }
  return out;
}
