import type { Layout } from '../../domain';
import {
  parseLayoutText,
  parseScenariosText,
  serializeLayout,
  serializeScenarios,
  type Scenario,
} from '../../domain/format';

/**
 * Autosave: the open document is written to local storage (IndexedDB in the app; any
 * AutosaveStorage in tests) ~800 ms after the last change, and at once when the page is hidden
 * or closed. Failures are reported through `onFailed`, never swallowed.
 *
 * Two tabs. Each tab writes only its own slot, keyed by its tab id, so a tab never overwrites
 * what another tab saved: two tabs editing the same layout each keep their own copy, and the
 * tabs warn each other (tabSync.ts) that their changes will not be merged. On reload a tab
 * restores its own slot; a new tab restores the most recent slot of a tab that is no longer open
 * (taking that slot over), or else the most recent slot of all (copying it: its tab keeps it)
 * (chooseRestore; persistence.ts). A tab that opens something else instead (?seed=, a share
 * link) moves to a new slot, so that its old one is kept for "Open the restored copy".
 */

export const AUTOSAVE_DEBOUNCE_MS = 800;
/**
 * The longest a change waits while edits keep coming: a stream of edits (a change every 400 ms
 * would restart the debounce forever) is still written at least this often.
 */
export const AUTOSAVE_MAX_WAIT_MS = 5000;
/** Slots kept; older slots of closed tabs are deleted at startup. */
export const MAX_AUTOSAVES = 20;

export interface AutosaveRecord {
  /** The slot: the id of the tab that wrote it. */
  readonly key: string;
  readonly layoutId: string;
  /** The layout's name, to say what is being restored. */
  readonly name: string;
  /** When it was written, ms since 1970. */
  readonly savedAt: number;
  /** The document had changes not saved to a file. */
  readonly dirty: boolean;
  /** serializeLayout(document). */
  readonly text: string;
  /**
   * The layout's scenarios, serializeScenarios (src/domain/format/scenarios.ts); absent when it
   * has none. Kept here, not in the layout's text: the layout file format does not change.
   */
  readonly scenarios?: string;
}

/** Where autosaves live. Values read back are unchecked: storage can hold anything. */
export interface AutosaveStorage {
  readAll(): Promise<unknown[]>;
  put(record: AutosaveRecord): Promise<void>;
  remove(key: string): Promise<void>;
}

export type ReadRecord =
  | {
      readonly ok: true;
      readonly record: AutosaveRecord;
      readonly layout: Layout;
      /** The scenarios read (none when they could not be: see scenariosProblem). */
      readonly scenarios: readonly Scenario[];
      /** What is wrong with the record's scenarios, or null (none, or all read). */
      readonly scenariosProblem: string | null;
    }
  | {
      readonly ok: false;
      /** The slot, when the value has one (so that it can be deleted). */
      readonly key: string | null;
      readonly reason: string;
      /** Keep it: written by a newer planner, not damaged. */
      readonly keep: boolean;
    };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Check a stored value and parse its layout. Never throws. */
export function readRecord(value: unknown): ReadRecord {
  try {
    if (!isObject(value)) return { ok: false, key: null, reason: 'not a record', keep: false };
    const key = typeof value.key === 'string' ? value.key : null;
    const bad = (reason: string, keep = false): ReadRecord => ({ ok: false, key, reason, keep });
    if (key === null || key === '') return bad('it has no slot key');
    if (typeof value.layoutId !== 'string') return bad('it has no layout id');
    if (typeof value.savedAt !== 'number' || !Number.isFinite(value.savedAt))
      return bad('it has no time');
    if (typeof value.text !== 'string') return bad('it holds no layout');
    const parsed = parseLayoutText(value.text);
    if (!parsed.ok) return bad(parsed.error.message, parsed.error.kind === 'too-new');
    const record: AutosaveRecord = {
      key,
      layoutId: value.layoutId,
      name: typeof value.name === 'string' ? value.name : parsed.layout.name,
      savedAt: value.savedAt,
      dirty: value.dirty !== false,
      text: value.text,
      ...(typeof value.scenarios === 'string' ? { scenarios: value.scenarios } : {}),
    };
    let scenarios: readonly Scenario[] = [];
    let scenariosProblem: string | null = null;
    if (value.scenarios !== undefined) {
      const read =
        typeof value.scenarios === 'string'
          ? parseScenariosText(value.scenarios)
          : { ok: false as const, message: 'the saved scenarios are not text' };
      if (read.ok) scenarios = read.scenarios;
      else scenariosProblem = read.message;
    }
    return { ok: true, record, layout: parsed.layout, scenarios, scenariosProblem };
  } catch (e) {
    return {
      ok: false,
      key: null,
      reason: e instanceof Error ? e.message : String(e),
      keep: false,
    };
  }
}

/**
 * Which autosave to restore: this tab's own slot (a reload); else the newest slot of a tab that
 * is no longer open (a crash or a closed tab); else the newest slot (its tab is still open: the
 * two tabs will warn each other). Null when there is none.
 */
export function chooseRestore<R extends Pick<AutosaveRecord, 'key' | 'savedAt'>>(
  records: readonly R[],
  ownTabId: string,
  liveTabIds: ReadonlySet<string>,
): R | null {
  const own = records.find((r) => r.key === ownTabId);
  if (own) return own;
  const newest = (list: readonly R[]) =>
    list.reduce<R | null>(
      (best, r) => (best === null || r.savedAt > best.savedAt ? r : best),
      null,
    );
  return newest(records.filter((r) => !liveTabIds.has(r.key))) ?? newest(records);
}

/** Slots to delete: beyond the newest MAX_AUTOSAVES, never this tab's or an open tab's. */
export function slotsToPrune(
  records: readonly Pick<AutosaveRecord, 'key' | 'savedAt'>[],
  ownTabId: string,
  liveTabIds: ReadonlySet<string>,
  max = MAX_AUTOSAVES,
): string[] {
  return [...records]
    .sort((a, b) => b.savedAt - a.savedAt)
    .slice(max)
    .map((r) => r.key)
    .filter((k) => k !== ownTabId && !liveTabIds.has(k));
}

export interface AutosaveFailure {
  /** The browser's storage is full (QuotaExceededError). */
  readonly quota: boolean;
  readonly message: string;
}

/** What went wrong with a write, in words. */
export function describeFailure(e: unknown): AutosaveFailure {
  const field = (k: 'name' | 'message'): string => {
    const v = isObject(e) || e instanceof Error ? (e as Record<string, unknown>)[k] : undefined;
    return typeof v === 'string' ? v : '';
  };
  const name = field('name');
  const detail =
    field('message') ||
    (typeof e === 'string' || typeof e === 'number' || typeof e === 'boolean' ? String(e) : '');
  if (name === 'QuotaExceededError' || /quota/i.test(detail)) {
    return {
      quota: true,
      message:
        "Autosave failed: the browser's storage for this site is full (QuotaExceededError). Your latest changes are not stored locally — save the layout to a file (Ctrl+S), or free some space.",
    };
  }
  return {
    quota: false,
    message: `Autosave failed${detail ? `: ${detail}` : ''}. Your latest changes are not stored locally — save the layout to a file (Ctrl+S).`,
  };
}

export interface AutosaveSnapshot {
  readonly doc: Layout;
  readonly layoutId: string;
  readonly dirty: boolean;
  /** The layout's scenarios; absent: none. */
  readonly scenarios?: readonly Scenario[];
  /** Scenarios text that could not be read, written back as it was while there are no others. */
  readonly unreadScenarios?: string | null;
}

const NONE: readonly Scenario[] = [];

export interface AutosaverOptions {
  readonly storage: AutosaveStorage;
  /** This tab's slot. */
  readonly tabId: string;
  /** The document to save, read at write time. */
  readonly read: () => AutosaveSnapshot;
  readonly debounceMs?: number;
  /** The longest a change waits for the debounce while edits continue (AUTOSAVE_MAX_WAIT_MS). */
  readonly maxWaitMs?: number;
  readonly now?: () => number;
  /**
   * When the debounce is over, hand the write to this to run when it will not cost the page a
   * frame, within `waitMs` (what is left of maxWaitMs since the oldest unwritten change:
   * writeWhenIdle); it returns a cancel. Changes meanwhile join that write. Without it, the write
   * runs at once. `flush()` always writes at once.
   */
  readonly whenIdle?: (write: () => void, waitMs: number) => () => void;
  readonly onSaved?: (record: AutosaveRecord) => void;
  readonly onFailed?: (failure: AutosaveFailure) => void;
}

/**
 * The debounced writer. `changed()` after every change; `flush()` when the page is hidden.
 * Writes run one at a time, in order. A document equal (by reference) to the last one written —
 * or, before any write, to the baseline the page opened with — is not written again.
 */
export class Autosaver {
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Cancels the write handed to options.whenIdle, while it waits there. */
  private cancelIdle: (() => void) | null = null;
  private pending = false;
  /** When the oldest unwritten change came (ms, options.now), or null when none waits. */
  private pendingSince: number | null = null;
  private last: AutosaveSnapshot | null;
  private queue: Promise<void> = Promise.resolve();
  private disposed = false;
  readonly debounceMs: number;
  readonly maxWaitMs: number;

  constructor(
    private readonly options: AutosaverOptions,
    /** The document as opened: not worth saving until it changes. */
    baseline: AutosaveSnapshot | null = null,
  ) {
    this.debounceMs = options.debounceMs ?? AUTOSAVE_DEBOUNCE_MS;
    this.maxWaitMs = Math.max(this.debounceMs, options.maxWaitMs ?? AUTOSAVE_MAX_WAIT_MS);
    this.last = baseline;
  }

  /**
   * Something changed: write once nothing has changed for debounceMs, but never later than
   * maxWaitMs after the oldest unwritten change, however often changes keep coming.
   */
  changed(): void {
    if (this.disposed) return;
    const now = (this.options.now ?? Date.now)();
    this.pending = true;
    this.pendingSince ??= now;
    // A write already waiting for an idle period writes the document as it is then.
    if (this.cancelIdle !== null) return;
    if (this.timer !== null) clearTimeout(this.timer);
    const wait = Math.min(this.debounceMs, this.pendingSince + this.maxWaitMs - now);
    this.timer = setTimeout(
      () => {
        this.timer = null;
        const whenIdle = this.options.whenIdle;
        if (!whenIdle) {
          void this.flush();
          return;
        }
        // Never later than maxWaitMs after the oldest unwritten change, idle or not.
        const since = this.pendingSince ?? (this.options.now ?? Date.now)();
        const waitMs = since + this.maxWaitMs - (this.options.now ?? Date.now)();
        let ran = false;
        const cancel = whenIdle(() => {
          ran = true;
          this.cancelIdle = null;
          void this.flush();
        }, waitMs);
        // A whenIdle that wrote at once has nothing left to cancel.
        if (!ran) this.cancelIdle = cancel;
      },
      Math.max(0, wait),
    );
  }

  private stopWaiting(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.cancelIdle?.();
    this.cancelIdle = null;
  }

  /** Write now if a change is waiting. Resolves when the write (if any) has finished. */
  flush(): Promise<void> {
    this.stopWaiting();
    if (this.pending && !this.disposed) {
      this.pending = false;
      this.pendingSince = null;
      this.queue = this.queue.then(() => this.write());
    }
    return this.queue;
  }

  /** Treat this document as the one already saved (after a discard or a fresh start). */
  resetBaseline(snapshot: AutosaveSnapshot): void {
    this.last = snapshot;
    this.pending = false;
    this.pendingSince = null;
    this.stopWaiting();
  }

  /** Stop; a pending change is dropped unless flushed first. */
  dispose(): void {
    this.disposed = true;
    this.stopWaiting();
  }

  get hasPendingChange(): boolean {
    return this.pending;
  }

  private async write(): Promise<void> {
    const { storage, tabId, read, now = Date.now, onSaved, onFailed } = this.options;
    let snap: AutosaveSnapshot;
    let record: AutosaveRecord;
    try {
      snap = read();
      const last = this.last;
      if (
        last &&
        last.doc === snap.doc &&
        last.dirty === snap.dirty &&
        last.layoutId === snap.layoutId &&
        (last.scenarios ?? NONE) === (snap.scenarios ?? NONE) &&
        (last.unreadScenarios ?? null) === (snap.unreadScenarios ?? null)
      )
        return;
      const scenarios =
        snap.scenarios && snap.scenarios.length > 0
          ? serializeScenarios(snap.scenarios)
          : (snap.unreadScenarios ?? null);
      record = {
        key: tabId,
        layoutId: snap.layoutId,
        name: snap.doc.name,
        savedAt: now(),
        dirty: snap.dirty,
        text: serializeLayout(snap.doc),
        ...(scenarios === null ? {} : { scenarios }),
      };
      await storage.put(record);
    } catch (e) {
      onFailed?.(describeFailure(e));
      return;
    }
    this.last = snap;
    onSaved?.(record);
  }
}

/** An idle period at least this long (ms) lets an autosave write run (writeWhenIdle). */
export const AUTOSAVE_IDLE_MS = 40;

/**
 * Runs `write` in an idle period of at least AUTOSAVE_IDLE_MS, or after `waitMs` whatever the page
 * does: writing a large campus takes tens of milliseconds on the main thread (the text joined, the
 * record cloned into IndexedDB), which would cost a pan or a drag several frames, while an idle
 * period that long only comes when no frames are drawn. Returns a cancel. Without
 * requestIdleCallback, or with less than 1 ms to wait, the write runs at once.
 */
export function writeWhenIdle(
  write: () => void,
  waitMs: number,
  idle: {
    readonly request: (cb: IdleRequestCallback, options: IdleRequestOptions) => number;
    readonly cancel: (handle: number) => void;
    readonly now: () => number;
  } | null = typeof requestIdleCallback === 'function'
    ? {
        request: (cb, options) => requestIdleCallback(cb, options),
        cancel: (handle) => cancelIdleCallback(handle),
        now: () => performance.now(),
      }
    : null,
): () => void {
  if (!idle || !(waitMs >= 1)) {
    write();
    return () => {};
  }
  const until = idle.now() + waitMs;
  let handle: number | null = null;
  const ask = () => {
    // A timeout under 1 ms would be rounded to none (no timeout at all): write instead.
    const left = until - idle.now();
    if (left < 1) {
      write();
      return;
    }
    handle = idle.request(
      (deadline) => {
        handle = null;
        if (deadline.didTimeout || deadline.timeRemaining() >= AUTOSAVE_IDLE_MS) write();
        else ask();
      },
      { timeout: Math.ceil(left) },
    );
  };
  ask();
  return () => {
    if (handle !== null) idle.cancel(handle);
    handle = null;
  };
}
