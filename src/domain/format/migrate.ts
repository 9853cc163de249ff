import { FORMAT_ID, FORMAT_VERSION } from '../model';

/**
 * Numbered migrations of the layout file. MIGRATIONS[n] takes a document of format version n to
 * version n + 1; parse.ts runs them in order from the file's version up to FORMAT_VERSION, then
 * validates the result against the current schema. A migration works on raw, unvalidated JSON:
 * it must not assume a field exists or has the right type (validation reports that afterwards,
 * at the field's current-version path), and it must not throw on odd input.
 *
 * Adding format version N + 1: bump FORMAT_VERSION, add MIGRATIONS[N], and add a fixture
 * `fixtures/vN-sample.json` with a test that it migrates to the expected version N + 1 file.
 */

/** A parsed JSON object of some format version, not yet validated. */
export type RawDoc = { [key: string]: unknown };
export type Migration = (doc: RawDoc) => RawDoc;

export function isRawDoc(value: unknown): value is RawDoc {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Copy the listed fields of `src` (own properties only), renaming [from, to]. Only these constant
 * names are ever written, so keys like "__proto__" in a file are never copied. A value that is not
 * an object is passed through for validation to report.
 */
function pick(src: unknown, fields: readonly (readonly [from: string, to: string])[]): unknown {
  if (!isRawDoc(src)) return src;
  const out: RawDoc = {};
  for (const [from, to] of fields) if (Object.hasOwn(src, from)) out[to] = src[from];
  return out;
}

const same = (...names: string[]) => names.map((n) => [n, n] as const);

function mapList(list: unknown, fields: readonly (readonly [string, string])[]): unknown {
  return Array.isArray(list) ? list.map((el) => pick(el, fields)) : list;
}

const V0_HALL = [
  ...same('id', 'name', 'x', 'y', 'width', 'depth', 'rotation'),
  ['floorKpa', 'floorRatingKpa'],
  ['rowMw', 'rowPowerMw'],
] as const;
const V0_ROW = [
  ...same('id', 'hallId', 'x', 'y', 'rotation'),
  ['racks', 'rackCount'],
  ['profile', 'profile'],
  ['kw', 'kwPerRack'],
  ['massKg', 'massKg'],
] as const;
const V0_COOLING = same('id', 'name', 'x', 'y', 'width', 'depth', 'rotation', 'type', 'capacityMw');
const V0_SUBSTATION = same(
  'id',
  'name',
  'x',
  'y',
  'width',
  'depth',
  'rotation',
  'capacityMva',
  'voltageKv',
);
const V0_TRENCH = [...same('id', 'name', 'points'), ['fibers', 'fiberCount']] as const;

/**
 * Version 0, the pre-release shape: `tier` and `redundancy` at the top level, the parcel as a bare
 * list of points, and shorter names (`rows`, `cooling`, `trenches`; `floorKpa`, `rowMw`, `racks`,
 * `kw`, `fibers`). Version 1 groups the settings (adding powerFactor 0.95, pue null, setbackM 0,
 * the pre-release planner's fixed values) and uses the names of the current format.
 */
export function migrateV0ToV1(doc: RawDoc): RawDoc {
  const settings: RawDoc = { powerFactor: 0.95, pue: null, setbackM: 0 };
  if (Object.hasOwn(doc, 'tier')) settings.targetTier = doc.tier;
  if (Object.hasOwn(doc, 'redundancy')) settings.redundancy = doc.redundancy;
  const out: RawDoc = { format: FORMAT_ID, version: 1 };
  if (Object.hasOwn(doc, 'name')) out.name = doc.name;
  out.settings = settings;
  out.parcel = { points: doc.parcel };
  const lists = [
    ['halls', 'halls', V0_HALL],
    ['rows', 'rackRows', V0_ROW],
    ['cooling', 'coolingZones', V0_COOLING],
    ['substations', 'substations', V0_SUBSTATION],
    ['trenches', 'fiberTrenches', V0_TRENCH],
  ] as const;
  for (const [from, to, fields] of lists)
    if (Object.hasOwn(doc, from)) out[to] = mapList(doc[from], fields);
  return out;
}

/** The collections of version 1, whose elements version 2 lets name a phase. */
const V1_COLLECTIONS = ['halls', 'rackRows', 'coolingZones', 'substations', 'fiberTrenches'];
/** The keys version 2 adds to the settings, with their values for a migrated file. */
const V2_SETTINGS = (): RawDoc => ({
  phases: [{ id: 'ph-1', name: 'Phase 1', energize: null }],
  utilization: 0.8,
  energyPricePerMwh: null,
  revenuePerMwYear: null,
  costs: {},
});

/** `obj` without `key` (own properties copied, so nothing is shared with the input). */
function without(obj: RawDoc, key: string): RawDoc {
  const out: RawDoc = {};
  for (const k of Object.keys(obj)) if (k !== key) out[k] = obj[k];
  return out;
}

/**
 * Version 1 → 2: the plant outside the halls, phases and the economic settings. The four new
 * collections start empty; the settings gain one phase ("ph-1", "Phase 1", energize null),
 * utilization 0.8, no energy price, no revenue and no cost overrides. Elements get no `phaseId`:
 * absent means the first phase, so every element of a migrated file is in its one phase and the
 * file writes back without a phaseId on each element.
 *
 * A version 1 reader dropped unknown keys, so whatever a version 1 file held under the new names
 * (a stray `phaseId`, `phases` or `generatorYards`) meant nothing to it: the migration replaces
 * those rather than reading them, and the file means in version 2 what it meant in version 1.
 */
export function migrateV1ToV2(doc: RawDoc): RawDoc {
  const out: RawDoc = {};
  for (const k of Object.keys(doc)) out[k] = doc[k];
  out.version = 2;
  // A settings that is not an object is passed through for validation to report; a missing one
  // takes the version 2 defaults, which hold the same values.
  if (isRawDoc(doc.settings)) out.settings = { ...doc.settings, ...V2_SETTINGS() };
  for (const c of V1_COLLECTIONS) {
    const list = doc[c];
    if (Array.isArray(list))
      out[c] = (list as unknown[]).map((el) =>
        isRawDoc(el) && Object.hasOwn(el, 'phaseId') ? without(el, 'phaseId') : el,
      );
  }
  out.generatorYards = [];
  out.batteryYards = [];
  out.coolingPlants = [];
  out.powerFeeders = [];
  return out;
}

/** MIGRATIONS[n] takes version n to version n + 1. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = Object.freeze({
  0: migrateV0ToV1,
  1: migrateV1ToV2,
});

export type MigrateResult =
  { ok: true; doc: RawDoc } | { ok: false; from: number; to: number; reason: string };

/**
 * Run the migrations from `fromVersion` up to `toVersion`. Never throws: a migration that throws, is
 * missing, or returns something that is not a document of the next version gives `ok: false`
 * naming the step.
 */
export function migrate(
  doc: RawDoc,
  fromVersion: number,
  toVersion: number = FORMAT_VERSION,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
): MigrateResult {
  let current = doc;
  for (let v = fromVersion; v < toVersion; v++) {
    const step = Object.hasOwn(migrations, v) ? migrations[v] : undefined;
    if (typeof step !== 'function')
      return { ok: false, from: v, to: v + 1, reason: 'no migration is known for this step' };
    let next: unknown;
    try {
      next = step(current);
    } catch (e) {
      return { ok: false, from: v, to: v + 1, reason: errorText(e) };
    }
    if (!isRawDoc(next) || next.format !== FORMAT_ID || next.version !== v + 1) {
      return {
        ok: false,
        from: v,
        to: v + 1,
        reason: `the migration did not produce a version ${v + 1} layout`,
      };
    }
    current = next;
  }
  return { ok: true, doc: current };
}

/** A short, safe description of a thrown value. */
export function errorText(e: unknown): string {
  try {
    if (e instanceof RangeError && /call stack/i.test(e.message))
      return 'the file is nested too deeply';
    const text = e instanceof Error ? e.message : typeof e === 'string' ? e : 'unknown error';
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return 'unknown error';
  }
}
