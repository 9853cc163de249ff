import type * as z from 'zod/mini';
import { polygonArea, type XY } from '../geometry';
import {
  COLLECTIONS,
  KINDS,
  LIMITS,
  MAX_ELEMENTS,
  MAX_POINTS,
  type Collection,
  type ElementOf,
} from '../kinds';
import { FORMAT_ID, FORMAT_VERSION, type Layout } from '../model';
import { errorText, isRawDoc, migrate, type RawDoc } from './migrate';
import { layoutShellSchema } from './schema';
import { findPolygonSelfIntersection } from './simplePolygon';

/**
 * Import of a layout file, staged: size → JSON → envelope (format, version) →
 * migrate → validate every field → cross-field checks. The result is typed, never thrown, and a
 * layout is returned only when every stage passed (never half-loaded).
 */

export type LoadErrorKind =
  'too-large' | 'not-json' | 'not-a-layout' | 'too-new' | 'migration-failed' | 'invalid';
/** One problem in the file; `path` like "halls[3].width" (current-version field names). */
export interface LoadIssue {
  path: string;
  message: string;
}
/**
 * `message` is one human summary line. `issues` lists the field problems of an 'invalid' file
 * (at most MAX_LISTED_ISSUES, then one "…and N more" entry with an empty path); it is empty for
 * the other kinds, whose message says it all. An 'invalid' file found so by validation also
 * carries `total`, how many problems were found (not capped like `issues`), and
 * `totalIsLowerBound`, true when checking stopped at MAX_CHECKED_ISSUES: there are at least
 * `total`.
 */
export interface LoadError {
  kind: LoadErrorKind;
  message: string;
  issues: LoadIssue[];
  total?: number;
  totalIsLowerBound?: boolean;
}
export type LoadResult =
  { ok: true; layout: Layout; migratedFrom: number | null } | { ok: false; error: LoadError };

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** How many issues a LoadError lists; the rest are counted in a last "…and N more" entry. */
export const MAX_LISTED_ISSUES = 100;
/** Validation stops after this many issues (a hostile file could otherwise hold millions). */
export const MAX_CHECKED_ISSUES = 1000;

const fail = (kind: LoadErrorKind, message: string, issues: LoadIssue[] = []): LoadResult => ({
  ok: false,
  error: { kind, message, issues },
});

/** Parse the text of a layout file. Never throws. */
export function parseLayoutText(text: string): LoadResult {
  try {
    if (typeof text !== 'string') return fail('not-json', 'not a JSON file');
    if (utf8LengthExceeds(text, MAX_FILE_BYTES)) {
      return fail(
        'too-large',
        `this file is over ${MAX_FILE_BYTES / (1024 * 1024)} MB, the largest the planner opens`,
      );
    }
    let value: unknown;
    try {
      // A UTF-8 byte order mark (some Windows editors write one) is not part of the JSON.
      value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (e) {
      return fail('not-json', `not a JSON file: ${errorText(e)}`);
    }
    return parseLayoutValue(value);
  } catch (e) {
    return fail('invalid', `could not read the file: ${errorText(e)}`);
  }
}

/** Check and load a parsed JSON value as a layout (the file's JSON, or anything else). Never throws. */
export function parseLayoutValue(value: unknown): LoadResult {
  try {
    return parseValue(value);
  } catch (e) {
    // Defensive: hostile values (getters that throw, very deep nesting) must not escape.
    return fail('invalid', `could not read the layout: ${errorText(e)}`);
  }
}

/**
 * The envelope check: is `value` a campus layout file of a version a reader of `readerVersion`
 * can read? Returns the error, or null. A newer file is refused by its version number alone,
 * before anything else in it is read, so it is never half-read (a version 1 reader refuses a
 * version 2 file here; the tests show it with readerVersion 1).
 */
export function envelopeError(
  value: unknown,
  readerVersion: number = FORMAT_VERSION,
): LoadError | null {
  const error = (kind: LoadErrorKind, message: string, issues: LoadIssue[] = []): LoadError => ({
    kind,
    message,
    issues,
  });
  if (!isRawDoc(value) || value.format !== FORMAT_ID)
    return error('not-a-layout', 'not a campus layout file');
  const version = value.version;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    const issue = {
      path: 'version',
      message:
        version === undefined ? 'is required' : 'must be a whole number (the format version)',
    };
    return error('invalid', `${issue.path}: ${issue.message}`, [issue]);
  }
  if (version > readerVersion) {
    return error(
      'too-new',
      `this file is format version ${version}; this planner reads up to version ${readerVersion} — update the planner`,
    );
  }
  return null;
}

function parseValue(value: unknown): LoadResult {
  // Envelope.
  const envelope = envelopeError(value);
  if (envelope) return { ok: false, error: envelope };
  const raw = value as RawDoc;
  const version = raw.version as number;

  // Migrate.
  let doc: RawDoc = raw;
  const migratedFrom = version < FORMAT_VERSION ? version : null;
  if (migratedFrom !== null) {
    const migrated = migrate(raw, version);
    if (!migrated.ok) {
      return fail(
        'migration-failed',
        `migrating from version ${migrated.from} to ${migrated.to} failed: ${migrated.reason}`,
      );
    }
    doc = migrated.doc;
  }
  const invalid = (issues: LoadIssue[], stoppedEarly = false): LoadResult => {
    const note =
      migratedFrom === null ? '' : ` (in the file as upgraded from format version ${migratedFrom})`;
    return {
      ok: false,
      error: {
        kind: 'invalid',
        message: summarize(issues, stoppedEarly) + note,
        issues: capIssues(issues, stoppedEarly),
        total: issues.length,
        totalIsLowerBound: stoppedEarly,
      },
    };
  };

  const oversized = oversizedLists(doc);
  if (oversized.length > 0) return invalid(oversized);

  // Validate every field.
  const validated = validate(doc);
  if (!validated.ok) return invalid(validated.issues, validated.stoppedEarly);

  // Checks that span fields.
  const crossIssues = crossFieldIssues(validated.layout);
  if (crossIssues.length > 0) return invalid(crossIssues, false);

  return { ok: true, layout: validated.layout, migratedFrom };
}

/** The collections whose elements are polylines (their points count towards one limit). */
const POLYLINE_COLLECTIONS = COLLECTIONS.filter((c) => KINDS[c].moveVertex !== undefined);

/**
 * Refuse over-long lists before validating their items: zod checks a list's length only after
 * its items, and a million bad items would mean a million issues (seconds of work).
 */
function oversizedLists(doc: RawDoc): LoadIssue[] {
  const issues: LoadIssue[] = [];
  const check = (list: unknown, path: string, max: number, what: string) => {
    if (Array.isArray(list) && list.length > max) {
      issues.push({
        path,
        message: `has ${count(list.length)} ${what}; at most ${count(max)} are allowed`,
      });
    }
  };
  for (const c of COLLECTIONS) check(doc[c], c, MAX_ELEMENTS, 'elements');
  // One issue per cause: the per-kind limit first, then halls, then the total.
  if (issues.length === 0) check(doc.halls, 'halls', LIMITS.halls, 'halls');
  const lists = COLLECTIONS.map((c) => doc[c]).filter((l) => Array.isArray(l));
  const total = lists.reduce((n, l) => n + l.length, 0);
  if (issues.length === 0 && total > LIMITS.totalElements) {
    issues.push({
      path: '',
      message: `has ${count(total)} elements in all (${COLLECTIONS.map((c) => `${c} ${count(Array.isArray(doc[c]) ? doc[c].length : 0)}`).join(', ')}); at most ${count(LIMITS.totalElements)} are allowed`,
    });
  }
  if (isRawDoc(doc.parcel)) check(doc.parcel.points, 'parcel.points', MAX_POINTS, 'points');
  // Polylines (trenches and feeders): each at most MAX_POINTS points, all together at most
  // LIMITS.polylinePoints.
  let points = 0;
  for (const c of POLYLINE_COLLECTIONS) {
    const list = doc[c];
    if (!Array.isArray(list) || list.length > MAX_ELEMENTS) continue;
    list.forEach((t, i) => {
      if (isRawDoc(t)) check(t.points, `${c}[${i}].points`, MAX_POINTS, 'points');
    });
    points += list.reduce<number>(
      (n, t) => n + (isRawDoc(t) && Array.isArray(t.points) ? t.points.length : 0),
      0,
    );
  }
  const onPolylines = (i: LoadIssue) => POLYLINE_COLLECTIONS.some((c) => i.path.startsWith(c));
  if (points > LIMITS.polylinePoints && !issues.some(onPolylines)) {
    issues.push({
      path: POLYLINE_COLLECTIONS.filter(
        (c) => Array.isArray(doc[c]) && (doc[c] as unknown[]).length > 0,
      ).join(', '),
      message: `has ${count(points)} polyline points in all (trenches and feeders); at most ${count(LIMITS.polylinePoints)} are allowed`,
    });
  }
  // Cost overrides: a record, counted before its entries are validated.
  if (isRawDoc(doc.settings) && isRawDoc(doc.settings.costs)) {
    const n = Object.keys(doc.settings.costs).length;
    if (n > LIMITS.costOverrides)
      issues.push({
        path: 'settings.costs',
        message: `has ${count(n)} cost overrides; at most ${count(LIMITS.costOverrides)} are allowed`,
      });
  }
  return issues;
}

/**
 * Validate each element of doc[c] with its kind's schema, adding issues (paths prefixed with
 * `c[i]`) until there are MAX_CHECKED_ISSUES. Returns the valid elements.
 */
function checkList<C extends Collection>(doc: RawDoc, c: C, issues: LoadIssue[]): ElementOf[C][] {
  const raw = doc[c];
  const out: ElementOf[C][] = [];
  if (!Array.isArray(raw) || issues.length >= MAX_CHECKED_ISSUES) return out; // the shell reported a non-list
  const schema: z.ZodMiniType<ElementOf[C]> = KINDS[c].schema;
  for (let i = 0; i < raw.length; i++) {
    const r = schema.safeParse(raw[i], PARSE_OPTIONS);
    if (r.success) {
      out.push(r.data);
      continue;
    }
    for (const issue of r.error.issues) addIssue(issues, toLoadIssue(issue, [c, i]));
    if (issues.length >= MAX_CHECKED_ISSUES) break;
  }
  return out;
}

type Validated =
  { ok: true; layout: Layout } | { ok: false; issues: LoadIssue[]; stoppedEarly: boolean };

/**
 * Validate against layoutSchema: the shell first, then each element with its kind's schema,
 * stopping after MAX_CHECKED_ISSUES. Elements are checked even when the shell has problems, so a
 * user sees every problem at once (up to the cap).
 */
function validate(doc: RawDoc): Validated {
  const issues: LoadIssue[] = [];
  const shell = layoutShellSchema.safeParse(doc, PARSE_OPTIONS);
  if (!shell.success) for (const issue of shell.error.issues) addIssue(issues, toLoadIssue(issue));

  const lists = Object.fromEntries(COLLECTIONS.map((c) => [c, checkList(doc, c, issues)])) as {
    [C in Collection]: ElementOf[C][];
  };
  if (issues.length >= MAX_CHECKED_ISSUES) return { ok: false, issues, stoppedEarly: true };
  if (!shell.success || issues.length > 0) return { ok: false, issues, stoppedEarly: false };
  const s = shell.data;
  const layout: Layout = {
    format: s.format,
    version: s.version,
    name: s.name,
    settings: s.settings,
    parcel: s.parcel,
    ...lists,
  };
  return { ok: true, layout };
}

/**
 * Ids unique across the file, phase ids unique and named phases existing, rows in existing halls,
 * a simple parcel, finite numbers.
 */
export function crossFieldIssues(layout: Layout): LoadIssue[] {
  const issues: LoadIssue[] = [];
  const q = (s: string) => JSON.stringify(s);

  // Where each id first appears, e.g. "halls[0]".
  const placeOf = new Map<string, string>();
  for (const c of COLLECTIONS) {
    const list = layout[c];
    for (let i = 0; i < list.length; i++) {
      const id = list[i]!.id;
      const other = placeOf.get(id);
      if (other === undefined) placeOf.set(id, `${c}[${i}]`);
      else
        issues.push({
          path: `${c}[${i}].id`,
          message: `${q(id)} is already the id of ${other} (ids must be unique in the file)`,
        });
    }
  }

  // Phases: ids unique among phases; every element's phaseId names one.
  const phaseIds = new Set<string>();
  layout.settings.phases.forEach((p, i) => {
    if (phaseIds.has(p.id))
      issues.push({
        path: `settings.phases[${i}].id`,
        message: `${q(p.id)} is already the id of another phase (phase ids must be unique)`,
      });
    phaseIds.add(p.id);
  });
  for (const c of COLLECTIONS) {
    const list = layout[c];
    for (let i = 0; i < list.length; i++) {
      const e = list[i]!;
      const phaseId = 'phaseId' in e ? e.phaseId : undefined;
      if (phaseId === undefined || phaseIds.has(phaseId)) continue;
      issues.push({
        path: `${c}[${i}].phaseId`,
        message: `${KINDS[c].label.toLowerCase()} ${q(e.id)} names the phase ${q(phaseId)}, which settings.phases does not have`,
      });
    }
  }

  const hallIds = new Set(layout.halls.map((h) => h.id));
  layout.rackRows.forEach((row, i) => {
    if (hallIds.has(row.hallId)) return;
    const other = placeOf.get(row.hallId);
    issues.push({
      path: `rackRows[${i}].hallId`,
      message:
        other === undefined
          ? `no hall has the id ${q(row.hallId)}`
          : `${q(row.hallId)} is ${other}, not a hall`,
    });
  });

  const points = layout.parcel.points as readonly XY[];
  const crossing = findPolygonSelfIntersection(points);
  if (crossing) {
    const [a, b] = crossing;
    const edge = (i: number) => `the edge from point ${i} to point ${(i + 1) % points.length}`;
    issues.push({
      path: 'parcel.points',
      message: `must not cross itself: ${edge(a)} meets ${edge(b)}`,
    });
  } else if (!(polygonArea(points) > 0)) {
    issues.push({ path: 'parcel.points', message: 'must enclose a positive area' });
  }

  // The schema admits only finite numbers (zod 4's z.number() refuses NaN and ±Infinity); this
  // walk keeps that guarantee if a future field is looser. The layout's depth is small and known.
  const stack: [unknown, string][] = [[layout, '']];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) issues.push({ path, message: 'must be a finite number' });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}[${i}]`]);
    } else if (typeof v === 'object' && v !== null) {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i]!;
        stack.push([(v as RawDoc)[k], path ? `${path}.${k}` : k]);
      }
    }
  }
  return issues;
}

/** "halls[3].width", "parcel.points[2][0]". */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (typeof p === 'string' && /^[A-Za-z_$][\w$]*$/.test(p)) out += out ? `.${p}` : p;
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out;
}

// reportInput: lets toLoadIssue tell a missing field from a wrong one.
const PARSE_OPTIONS = { reportInput: true } as const;

/** Add an issue unless it repeats the last one (two checks of one field with the same message). */
function addIssue(issues: LoadIssue[], issue: LoadIssue): void {
  const last = issues[issues.length - 1];
  if (!last || last.path !== issue.path || last.message !== issue.message) issues.push(issue);
}

function toLoadIssue(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[] = []): LoadIssue {
  // A missing field reaches the field's own schema as undefined (JSON has no undefined values).
  const missing =
    (issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined;
  return {
    path: formatPath([...prefix, ...issue.path]),
    message: missing ? 'is required' : issue.message,
  };
}

const line = (i: LoadIssue) => (i.path ? `${i.path}: ${i.message}` : i.message);

const count = (n: number) => n.toLocaleString('en-US');

/** "halls[3].width: must be a positive number", or "3 problems: a; b; c" (at most three shown). */
function summarize(issues: readonly LoadIssue[], stoppedEarly: boolean): string {
  if (issues.length === 1) return line(issues[0]!);
  const shown = issues.slice(0, 3).map(line).join('; ');
  const total = stoppedEarly ? `at least ${count(issues.length)}` : count(issues.length);
  return `${total} problems: ${shown}${issues.length > 3 ? '; …' : ''}`;
}

function capIssues(issues: LoadIssue[], stoppedEarly: boolean): LoadIssue[] {
  if (issues.length <= MAX_LISTED_ISSUES && !stoppedEarly) return issues;
  const more = issues.length - MAX_LISTED_ISSUES;
  const message = stoppedEarly
    ? `…and at least ${count(more)} more (checking stopped after ${count(issues.length)} problems)`
    : `…and ${count(more)} more`;
  return [...issues.slice(0, MAX_LISTED_ISSUES), { path: '', message }];
}

/** Is the UTF-8 encoding of `text` longer than `limit` bytes? Counted without encoding it. */
function utf8LengthExceeds(text: string, limit: number): boolean {
  if (text.length > limit) return true; // every UTF-16 unit is at least one byte
  if (text.length * 3 <= limit) return false; // and at most three
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair (4 bytes) is two units of 2; a lone surrogate is replaced by U+FFFD (3).
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
    if (bytes > limit) return true;
  }
  return false;
}
