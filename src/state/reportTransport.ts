import type { Layout } from '../domain';
import { isPlainRecord, type Report } from '../domain/report/types';

/**
 * What crosses to and from the report worker (src/app/report): the document as a patch against the
 * last one sent, and the report as a patch against the last one received. Both sides keep the
 * identity of what did not change (immutable documents: an unchanged element is the same object),
 * so the worker's report memo works as it does on the main thread, and a drag sends one element
 * and gets back the records it changed, not 50,000 rows each way.
 */

/** A list as its changes: the whole list, or its length and the entries that changed. */
export type ListPatch<T> =
  | { readonly all: readonly T[] }
  | { readonly length: number; readonly set: readonly (readonly [number, T])[] };

/** Lists with more changed entries than this share are sent whole. */
const WHOLE_SHARE = 0.25;

export function diffList<T>(prev: readonly T[] | undefined, next: readonly T[]): ListPatch<T> {
  if (!prev || prev.length !== next.length) return { all: next };
  const set: [number, T][] = [];
  const cap = Math.max(8, next.length * WHOLE_SHARE);
  for (let i = 0; i < next.length; i++) {
    if (next[i] !== prev[i]) {
      set.push([i, next[i]!]);
      if (set.length > cap) return { all: next };
    }
  }
  return { length: next.length, set };
}

export function applyList<T>(prev: readonly T[] | undefined, patch: ListPatch<T>): readonly T[] {
  if ('all' in patch) return patch.all;
  if (!prev || prev.length !== patch.length)
    throw new Error('report transport: a list patch for a list of another length');
  if (patch.set.length === 0) return prev;
  const out = prev.slice();
  for (const [i, v] of patch.set) out[i] = v;
  return out;
}

/** A document as its changes against the last one sent: changed fields, lists as list patches. */
export interface LayoutPatch {
  /** Fields whose value changed (lists excluded), by name. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** Lists (the element collections) that changed, by name. */
  readonly lists: Readonly<Record<string, ListPatch<unknown>>>;
  /** Fields the new document no longer has. */
  readonly removed: readonly string[];
}

export function diffLayout(prev: Layout | null, next: Layout): LayoutPatch {
  const fields: Record<string, unknown> = {};
  const lists: Record<string, ListPatch<unknown>> = {};
  const p = (prev ?? {}) as Readonly<Record<string, unknown>>;
  const n = next as unknown as Readonly<Record<string, unknown>>;
  for (const key of Object.keys(n)) {
    const value = n[key];
    if (prev && value === p[key]) continue;
    if (Array.isArray(value)) lists[key] = diffList(p[key] as unknown[] | undefined, value);
    else fields[key] = value;
  }
  const removed = prev ? Object.keys(p).filter((k) => !(k in n)) : [];
  return { fields, lists, removed };
}

export function applyLayoutPatch(base: Layout | null, patch: LayoutPatch): Layout {
  const b = (base ?? {}) as Readonly<Record<string, unknown>>;
  const out: Record<string, unknown> = { ...b, ...patch.fields };
  for (const [key, list] of Object.entries(patch.lists))
    out[key] = applyList(b[key] as unknown[] | undefined, list);
  for (const key of patch.removed) delete out[key];
  return out as unknown as Layout;
}

/**
 * A value as its changes against an earlier one: `v` replaces it; `o` patches an object's fields
 * (`d` names fields it no longer has, `k` lists its keys when their order changed); `a` patches an array's entries, `n` its new length.
 */
export type TreePatch =
  | { readonly v: unknown }
  | {
      readonly o: Readonly<Record<string, TreePatch>>;
      readonly d?: readonly string[];
      /** The object's keys in their new order, when it changed. */
      readonly k?: readonly string[];
    }
  | { readonly a: readonly (readonly [number, TreePatch])[]; readonly n: number };

/** An object literal's kind of object, or a report record made by a constructor (plainRecord). */
const isPlainObject = (x: unknown): x is Readonly<Record<string, unknown>> => {
  if (typeof x !== 'object' || x === null) return false;
  const proto: unknown = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null || isPlainRecord(x);
};

/**
 * What turns `prev` into `next`, or null when they are equal (same values, deeply; NaN equals
 * NaN). Plain objects and arrays are compared field by field, so what did not change is not sent
 * and keeps its identity on the other side (applyTree).
 */
export function diffTree(prev: unknown, next: unknown): TreePatch | null {
  if (Object.is(prev, next)) return null;
  if (Array.isArray(prev) && Array.isArray(next)) {
    const a: [number, TreePatch][] = [];
    const n = Math.min(prev.length, next.length);
    for (let i = 0; i < n; i++) {
      const p = diffTree(prev[i], next[i]);
      if (p) a.push([i, p]);
    }
    for (let i = n; i < next.length; i++) a.push([i, { v: next[i] }]);
    return a.length === 0 && prev.length === next.length ? null : { a, n: next.length };
  }
  if (isPlainObject(prev) && isPlainObject(next)) {
    const o: Record<string, TreePatch> = {};
    let changed = false;
    const keys = Object.keys(next);
    const before = Object.keys(prev);
    for (const key of keys) {
      const p = Object.hasOwn(prev, key) ? diffTree(prev[key], next[key]) : { v: next[key] };
      if (p) {
        setOwn(o, key, p);
        changed = true;
      }
    }
    // Plain loops, no callbacks: diffTree runs on every object of every report, and a callback
    // made per call is compiled again after each full GC (docs/architecture.md).
    const d: string[] = [];
    for (const key of before) if (!Object.hasOwn(next, key)) d.push(key);
    // The keys in their new order when it is not the old one (a key added, removed or moved), so
    // the other side's object lists them as this one does.
    let sameOrder = keys.length === before.length;
    for (let i = 0; sameOrder && i < keys.length; i++) sameOrder = keys[i] === before[i];
    if (!changed && sameOrder) return null;
    return {
      o,
      ...(d.length > 0 ? { d } : {}),
      ...(sameOrder ? {} : { k: keys }),
    };
  }
  return { v: next };
}

/**
 * Sets an own field. An own "__proto__" key stays a key: assigning it would set the object's
 * prototype instead (a JSON file may hold such a key; `settle` keeps it the same way).
 */
function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(obj, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  else obj[key] = value;
}

/** `prev` with `patch` applied (diffTree's): new objects along the changed paths only. */
export function applyTree(prev: unknown, patch: TreePatch | null): unknown {
  if (patch === null) return prev;
  if ('v' in patch) return patch.v;
  if ('a' in patch) {
    if (!Array.isArray(prev)) throw new Error('report transport: an array patch for a non-array');
    const out: unknown[] = prev.slice(0, patch.n);
    out.length = patch.n;
    for (const [i, p] of patch.a) out[i] = applyTree(out[i], p);
    return out;
  }
  if (!isPlainObject(prev)) throw new Error('report transport: an object patch for a non-object');
  if (patch.k) {
    // In the new order: each key patched, or the old value as it was.
    const out: Record<string, unknown> = {};
    for (const key of patch.k)
      setOwn(
        out,
        key,
        Object.hasOwn(patch.o, key) ? applyTree(prev[key], patch.o[key]!) : prev[key],
      );
    return out;
  }
  const out: Record<string, unknown> = { ...prev };
  for (const [key, p] of Object.entries(patch.o)) setOwn(out, key, applyTree(prev[key], p));
  for (const key of patch.d ?? []) delete out[key];
  return out;
}

/**
 * A report as its changes against the last one received (null: unchanged). Records the edit left
 * as they were keep their identity on the main thread, so the panel redraws what changed only.
 */
export type ReportPatch = TreePatch | null;

export function diffReport(prev: Report | null, next: Report): ReportPatch {
  return prev ? diffTree(prev, next) : { v: next };
}

export function applyReportPatch(prev: Report | null, patch: ReportPatch): Report {
  if (prev === null && (patch === null || !('v' in patch)))
    throw new Error('report transport: a report patch with no report to apply it to');
  return applyTree(prev, patch) as Report;
}

/** Why a report could not be computed, from what computing it threw. */
export function reportErrorText(e: unknown): string {
  const error = e instanceof Error ? e.message || e.name : String(e);
  return error || 'the report could not be computed';
}

/**
 * A request to the report worker: the document as a patch, numbered; or leave to practise on it
 * (`practise: true`) until it is taken back (`practise: false`) or a document comes (a request
 * takes the leave back too).
 */
export type ReportRequest = DocumentRequest | { readonly practise: boolean };

export interface DocumentRequest {
  readonly seq: number;
  readonly patch: LayoutPatch;
  /** The document was just opened (a load): there are edits to practise on it. */
  readonly opened?: boolean;
}

/**
 * The worker's answer to request `seq`: the report as a patch, or why there is none; or, once
 * practice on the document of request `seq` is over (no step left, or a step failed), that it is.
 */
export type ReportReply = DocumentReply | { readonly practised: true; readonly seq: number };

export type DocumentReply =
  | { readonly seq: number; readonly ok: true; readonly patch: ReportPatch }
  | { readonly seq: number; readonly ok: false; readonly error: string };

/**
 * A value just received from another thread, settled for V8: a copy with every string replaced by
 * its internalized copy (except the ids and names of `isIdField`) and every array and plain object
 * rebuilt here (arrays packed, objects built key by key as this thread builds them). Frozen values,
 * which never come from a message, and objects that are not plain are kept as they are. It is
 * meant for the JSON-like values the report transport sends (documents, reports, their patches):
 * an array's holes come back as undefined, an object referenced twice comes back as two copies,
 * and a cycle is not allowed.
 *
 * Why: V8 internalizes neither the strings a message brings nor packs its arrays (a received array
 * has holey elements, while one made here is packed). Optimized code that looks a name up in an
 * object (`COOLING_TYPES[zone.type]`) checks the key against the internalized name it has seen,
 * and code that calls a method of an array checks the array's kind; a received string or array
 * fails those checks every time, so the function was deoptimized, optimized again on its next
 * run and deoptimized again, report after report, and the compiler threads that rebuilt it took
 * the cores the canvas needed. A property key is always internalized, so a one-key object gives
 * the internalized copy.
 */
export function settleReceived<T>(value: T): T {
  return settle(value, new Map(), false) as T;
}

/**
 * Fields whose strings are identities or labels, never looked up as property names (they are
 * compared as values and used as Map keys): `id`, `name`, and names ending in `Id` or `Ids`. Their
 * strings are left as received. Internalizing one costs about 2 µs, and a report's thousands of
 * row and hall ids made settling a 50,000-rack campus's first report take 40–60 ms.
 */
function isIdField(key: string): boolean {
  return key === 'id' || key === 'name' || key.endsWith('Id') || key.endsWith('Ids');
}

/** `seen`: internalized copies by content, so a string repeated in one message is looked up once. */
function settle(value: unknown, seen: Map<string, string>, asIs: boolean): unknown {
  if (typeof value === 'string') {
    if (asIs) return value;
    let s = seen.get(value);
    if (s === undefined) {
      s = Object.keys({ [value]: 0 })[0] ?? value;
      seen.set(value, s);
    }
    return s;
  }
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    const packed: unknown[] = [];
    for (let i = 0; i < value.length; i++) packed.push(settle(value[i], seen, asIs));
    return packed;
  }
  if (!isPlainObject(value)) return value;
  const fresh: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    setOwn(fresh, key, settle(value[key], seen, isIdField(key)));
  }
  return fresh;
}

/** The worker's side (createReportServer): a request's reply, and practice between requests. */
export interface ReportServer {
  (request: DocumentRequest): DocumentReply;
  /**
   * One practice step, when a document has just been opened (a request marked `opened`): the
   * report of a copy with one hall or rack row moved, computed and diffed like a request's and
   * thrown away. Returns false when there is nothing left to practise. Neither the document nor
   * the last report sent changes, and the replies stay exactly what they would have been.
   *
   * Why: the first drag after a large campus opens used to run while V8 compiled the report's
   * edit path (it had only computed the campus from scratch), and compiled it again when the
   * dragged hall first overlapped its neighbour (code never run before). The compiler threads
   * took the cores the drag's frames needed. Practised while nothing moves on the page (the
   * main thread gives leave: createReportSource), that compiling is done before the user drags,
   * and never while the view is panned or zoomed.
   */
  practise(): boolean;
}

/** Practice steps after a document is opened (hall and row moves, alternately). */
export const PRACTICE_STEPS = 120;

/**
 * How far the practice edits move an element east (m), in turn: a nudge, as a drag's frame
 * makes, and moves far enough to cross a neighbour, a wall or a setback, so the code of what a
 * drag runs into (overlaps, rows outside their hall) has run too.
 */
export const PRACTICE_MOVES_M: readonly number[] = [0.5, 4, 16, 40];

/**
 * The k-th practice edit of a document: a hall (even k) or rack row (odd k) moved east by the
 * next of PRACTICE_MOVES_M.
 */
export function practiceEdit(doc: Layout, k: number): Layout {
  const half = k >> 1;
  const dx = PRACTICE_MOVES_M[half % PRACTICE_MOVES_M.length]!;
  const move = <T extends { readonly x: number }>(list: readonly T[], i: number): T[] => {
    const out = list.slice();
    out[i] = { ...list[i]!, x: list[i]!.x + dx };
    return out;
  };
  if (k % 2 === 1 && doc.rackRows.length > 0)
    return { ...doc, rackRows: move(doc.rackRows, (half * 7) % doc.rackRows.length) };
  if (doc.halls.length > 0)
    return { ...doc, halls: move(doc.halls, (half * 7) % doc.halls.length) };
  return doc;
}

/**
 * The worker's side, without the worker (so tests run it in-process): it keeps the document it
 * was sent and the report it last sent, and answers each request in order. What it receives is
 * settled first (settleReceived).
 */
export function createReportServer(compute: (doc: Layout) => Report): ReportServer {
  let doc: Layout | null = null;
  let last: Report | null = null;
  let practiceLeft = 0;
  let practiced = 0;
  const reply = (request: DocumentRequest): DocumentReply => {
    const { seq, patch, opened } = request;
    doc = applyLayoutPatch(doc, settleReceived(patch));
    if (opened) {
      practiceLeft = PRACTICE_STEPS;
      practiced = 0;
    }
    try {
      const report = compute(doc);
      const answer: DocumentReply = { seq, ok: true, patch: diffReport(last, report) };
      last = report;
      return answer;
    } catch (e) {
      practiceLeft = 0;
      return { seq, ok: false, error: reportErrorText(e) };
    }
  };
  function practise(): boolean {
    if (!doc || practiceLeft <= 0) return false;
    practiceLeft--;
    try {
      // Through a copy of its patch, as an edit comes: the same kinds of objects and arrays.
      const edited = practiceEdit(doc, practiced++);
      const copy = structuredClone(diffLayout(doc, edited));
      diffReport(last, compute(applyLayoutPatch(doc, settleReceived(copy))));
    } catch {
      practiceLeft = 0;
    }
    return practiceLeft > 0;
  }
  return Object.assign(reply, { practise });
}

/** A worker's global scope, as far as serveReports needs it. */
export interface ReportScope {
  postMessage(reply: ReportReply): void;
  onmessage: ((e: { readonly data: ReportRequest }) => void) | null;
}

/**
 * Serves a report server on a worker's scope: each document request is answered at once; with
 * leave to practise, practice steps run one per task (`next`: a task after the messages already
 * waiting, so a request or a hold that comes meanwhile is read before the next step) until the
 * leave is taken back, a document comes or nothing is left to practise, which is then said.
 */
export function serveReports(
  scope: ReportScope,
  serve: ReportServer,
  next: (step: () => void) => void,
): void {
  let leave = false;
  let stepWaits = false;
  let seq = -1;
  const step = () => {
    stepWaits = false;
    if (!leave) return;
    if (serve.practise()) {
      stepWaits = true;
      next(step);
      return;
    }
    leave = false;
    scope.postMessage({ practised: true, seq });
  };
  scope.onmessage = ({ data }) => {
    if ('practise' in data) {
      leave = data.practise;
      if (leave && !stepWaits) {
        stepWaits = true;
        next(step);
      }
      return;
    }
    leave = false;
    seq = data.seq;
    scope.postMessage(serve(data));
  };
}
