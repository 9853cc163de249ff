import type { Layout } from '../model';
import { parseLayoutValue } from './parse';
import { serializeLayout } from './serialize';

/**
 * Scenarios: snapshots of a layout the user saved under a name ("Save as scenario") to compare
 * the layout with later. They are not part of the layout file (format version 2 is unchanged):
 * the autosave keeps them beside the layout, and "Export scenarios" writes them to a JSON file of
 * their own, this format:
 *
 *   { "format": "ai-campus-scenarios", "version": 1,
 *     "scenarios": [ { "name": "Before the second substation", "savedAt": 1765000000000,
 *                      "layout": { …a layout file, format version 2… } } ] }
 *
 * Reading is all or nothing: one damaged scenario and none is taken, with a message naming it.
 */

export const SCENARIOS_FORMAT_ID = 'ai-campus-scenarios';
export const SCENARIOS_VERSION = 1;
/** The most scenarios a layout keeps. */
export const MAX_SCENARIOS = 20;
/** The longest scenario name. */
export const MAX_SCENARIO_NAME = 80;

export interface Scenario {
  /** Unique within the layout's scenarios. */
  readonly name: string;
  /** When it was saved, ms since 1970. */
  readonly savedAt: number;
  readonly layout: Layout;
}

export type ScenariosResult =
  | { readonly ok: true; readonly scenarios: readonly Scenario[] }
  | { readonly ok: false; readonly message: string };

/** The scenarios as the text of their own JSON file (also what the autosave keeps). */
export function serializeScenarios(scenarios: readonly Scenario[]): string {
  return JSON.stringify(
    {
      format: SCENARIOS_FORMAT_ID,
      version: SCENARIOS_VERSION,
      scenarios: scenarios.map((s) => ({
        name: s.name,
        savedAt: s.savedAt,
        layout: JSON.parse(serializeLayout(s.layout)) as unknown,
      })),
    },
    null,
    2,
  );
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Read scenarios back (a file's text or the autosave's). Never throws. */
export function parseScenariosText(text: string): ScenariosResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'the saved scenarios are not JSON' };
  }
  return parseScenariosValue(value);
}

/** Check a parsed scenarios value: its envelope, then every scenario's name, time and layout. */
export function parseScenariosValue(value: unknown): ScenariosResult {
  const bad = (message: string): ScenariosResult => ({ ok: false, message });
  try {
    if (!isObject(value) || value.format !== SCENARIOS_FORMAT_ID)
      return bad(`this is not a scenarios file (no "format": "${SCENARIOS_FORMAT_ID}")`);
    if (value.version !== SCENARIOS_VERSION)
      return typeof value.version === 'number' && value.version > SCENARIOS_VERSION
        ? bad(
            `the scenarios were written by a newer planner (version ${value.version}; this one reads version ${SCENARIOS_VERSION})`,
          )
        : bad(`the scenarios have no valid version (expected ${SCENARIOS_VERSION})`);
    const list = value.scenarios;
    if (!Array.isArray(list)) return bad('"scenarios" is not a list');
    if (list.length > MAX_SCENARIOS)
      return bad(`there are ${list.length} scenarios; a layout keeps at most ${MAX_SCENARIOS}`);
    const out: Scenario[] = [];
    const names = new Set<string>();
    for (const [i, item] of (list as unknown[]).entries()) {
      const where = `scenario ${i + 1}`;
      if (!isObject(item)) return bad(`${where} is not an object`);
      const { name, savedAt, layout } = item;
      if (typeof name !== 'string' || name.trim() === '') return bad(`${where} has no name`);
      if (name.length > MAX_SCENARIO_NAME)
        return bad(`${where}'s name is longer than ${MAX_SCENARIO_NAME} characters`);
      const named = `${where} (“${name}”)`;
      if (names.has(name)) return bad(`${named} has the same name as an earlier one`);
      if (typeof savedAt !== 'number' || !Number.isFinite(savedAt) || savedAt < 0)
        return bad(`${named} has no valid "savedAt" time`);
      const parsed = parseLayoutValue(layout);
      if (!parsed.ok) {
        const first = parsed.error.issues[0];
        const detail = first ? `${first.path}: ${first.message}` : parsed.error.message;
        return bad(`${named}'s layout is not valid: ${detail}`);
      }
      names.add(name);
      out.push({ name, savedAt, layout: parsed.layout });
    }
    return { ok: true, scenarios: out };
  } catch (e) {
    return bad(
      `the saved scenarios could not be read: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

/**
 * A name for a new scenario that no other has: the name given (trimmed), or "Scenario N"; a
 * taken name gets " (2)", " (3)" …
 */
export function uniqueScenarioName(wanted: string, taken: readonly Scenario[]): string {
  const names = new Set(taken.map((s) => s.name));
  const base = (wanted.trim() || `Scenario ${taken.length + 1}`).slice(0, MAX_SCENARIO_NAME - 5);
  if (!names.has(base)) return base;
  for (let n = 2; ; n++) {
    const name = `${base} (${n})`;
    if (!names.has(name)) return name;
  }
}

/**
 * The list with `scenario` added (the oldest dropped beyond MAX_SCENARIOS), or with the one of the
 * same name replaced.
 */
export function addScenario(list: readonly Scenario[], scenario: Scenario): readonly Scenario[] {
  const rest = list.filter((s) => s.name !== scenario.name);
  return [...rest, scenario].slice(-MAX_SCENARIOS);
}
