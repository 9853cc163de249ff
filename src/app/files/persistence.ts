import { isolate } from '../../domain/text';
import type { Layout } from '../../domain';
import type { Scenario } from '../../domain/format';
import { printAhead } from '../../domain/format';
import type { Editor } from '../../editor/editor';
import { DEFAULT_SEED, dropSeedFromUrl, loadSeed } from '../seeds';
import {
  Autosaver,
  chooseRestore,
  readRecord,
  slotsToPrune,
  type AutosaveRecord,
  type AutosaveStorage,
  writeWhenIdle,
} from './autosave';
import {
  checkInWorker,
  confirmDiscard,
  isDirty,
  openDocument,
  showImportErrors,
} from './documentFiles';
import { indexedDbStorage } from './idbStorage';
import { clearShareFragment, hasShareFragment } from './shareLink';
import { claimTabId, openTabIds, renewTabId } from './tabs';
import { broadcastBus, TabSync } from './tabSync';

/**
 * The page's persistence: what opens at startup (a share link, a restored autosave, or the sample
 * the app would open anyway) and, while the page runs, autosave, the two-tab warning and the
 * "unsaved changes" prompt on leaving. Only the real page uses it (App's `persistence` prop).
 */

let storage: AutosaveStorage | null = null;
const autosaveStorage = (): AutosaveStorage => (storage ??= indexedDbStorage());

/** Use another storage (tests). */
export function setAutosaveStorage(s: AutosaveStorage | null): void {
  storage = s;
}

interface Found {
  readonly record: AutosaveRecord;
  readonly layout: Layout;
  readonly scenarios: readonly Scenario[];
  readonly scenariosProblem: string | null;
}

/** "3:42 PM" today, else "12 May 2026, 3:42 PM". */
export function formatSavedAt(ms: number, now = Date.now()): string {
  const d = new Date(ms);
  const today = new Date(now).toDateString() === d.toDateString();
  return new Intl.DateTimeFormat(
    undefined,
    today ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' },
  ).format(d);
}

const quote = (name: string) => `“${isolate(name || 'Untitled campus')}”`;

/** Every readable autosave. Unreadable ones are reported (and deleted unless a newer planner wrote them). */
async function readAutosaves(editor: Editor): Promise<Found[]> {
  const files = editor.notifications.getState();
  let values: unknown[];
  try {
    values = await autosaveStorage().readAll();
  } catch (e) {
    files.setNotice({
      key: 'autosave-error',
      tone: 'error',
      text: `Autosave is not available in this browser (${e instanceof Error ? e.message : String(e)}). Save your layout to a file (Ctrl+S) to keep it.`,
    });
    return [];
  }
  const found: Found[] = [];
  const problems: string[] = [];
  let kept = 0;
  for (const value of values) {
    const r = readRecord(value);
    if (r.ok) {
      found.push({
        record: r.record,
        layout: r.layout,
        scenarios: r.scenarios,
        scenariosProblem: r.scenariosProblem,
      });
      continue;
    }
    if (r.keep) {
      kept++;
      continue;
    }
    problems.push(r.reason);
    if (r.key !== null)
      await autosaveStorage()
        .remove(r.key)
        .catch(() => undefined);
  }
  if (problems.length > 0) {
    files.setNotice({
      key: 'autosave-corrupt',
      tone: 'warning',
      text:
        problems.length === 1
          ? `An autosaved layout could not be read and was removed: ${problems[0]}.`
          : `${problems.length} autosaved layouts could not be read and were removed (first: ${problems[0]}).`,
    });
  } else if (kept > 0) {
    files.setNotice({
      key: 'autosave-corrupt',
      tone: 'warning',
      text: 'An autosaved layout was written by a newer version of the planner and cannot be opened here; it is kept for that version.',
    });
  }
  return found;
}

/**
 * Open an autosave in this tab and write it to this tab's slot (so that a reload brings it back,
 * whatever this tab autosaved before). The slot it came from is deleted when its tab is known to
 * be closed (taken over); a slot of an open tab, or of any tab when this page cannot tell which
 * are open (no Web Locks API), is only copied.
 */
async function restore(editor: Editor, found: Found): Promise<void> {
  const { record, layout, scenarios, scenariosProblem } = found;
  openDocument(editor, layout, { layoutId: record.layoutId, saved: !record.dirty, scenarios });
  // Scenarios that could not be read are kept as they were (written back by the autosave) and
  // not shown; the layout itself is restored.
  const unreadScenarios = scenariosProblem === null ? null : (record.scenarios ?? null);
  editor.files.setState({ unreadScenarios });
  runtime?.autosaver?.resetBaseline({
    doc: layout,
    layoutId: record.layoutId,
    dirty: record.dirty,
    scenarios: editor.files.getState().scenarios,
    unreadScenarios,
  });
  if (scenariosProblem !== null)
    editor.notifications.getState().setNotice({
      key: 'scenarios-corrupt',
      tone: 'warning',
      text: `The layout's saved scenarios could not be read, so none is shown: ${scenariosProblem}. They are kept as they were until you save a new scenario.`,
    });
  editor.files.setState({ autosavedAt: record.savedAt });
  const tabId = await claimTabId();
  if (record.key !== tabId) {
    try {
      await autosaveStorage().put({ ...record, key: tabId });
      // Asked now, not at startup: the tab that wrote it may have closed since.
      const live = await openTabIds();
      if (live && !live.has(record.key)) await autosaveStorage().remove(record.key);
    } catch {
      // The record stays under its old slot: still restorable.
    }
  }
  const files = editor.notifications.getState();
  files.dismiss('restore-available');
  files.setNotice({
    key: 'restored',
    tone: 'info',
    text: `Restored your ${record.dirty ? 'unsaved ' : ''}layout ${quote(record.name)} from ${formatSavedAt(record.savedAt)}.`,
    actions: [{ label: 'Discard', run: () => void discardRestored(editor) }],
  });
}

/**
 * "Discard" on the restored notice: drop the restored copy (this tab's slot, which holds it; the
 * slot of another open tab is left alone) and open the default sample. The sample is loaded
 * before asking, so that nothing edited while it loads is replaced without a question.
 */
async function discardRestored(editor: Editor): Promise<void> {
  const seed = await loadSeed(DEFAULT_SEED);
  if (!seed.ok) return;
  if (!(await confirmDiscard(editor, 'discard the restored copy'))) return;
  openDocument(editor, seed.layout);
  const doc = editor.document.getState().doc;
  runtime?.autosaver?.resetBaseline({
    doc,
    layoutId: editor.files.getState().layoutId,
    dirty: false,
  });
  const tabId = await claimTabId();
  await autosaveStorage()
    .remove(tabId)
    .catch(() => undefined);
  editor.notifications.getState().dismiss('restored');
}

/**
 * Offer an autosave that was not opened (the page was asked for a sample or a share link). It
 * must not be this tab's own slot, which autosave is about to overwrite: see setAside.
 */
function offerRestore(editor: Editor, found: Found): void {
  const { record } = found;
  editor.notifications.getState().setNotice({
    key: 'restore-available',
    tone: 'info',
    text: `Your ${record.dirty ? 'unsaved ' : ''}layout ${quote(record.name)} from ${formatSavedAt(record.savedAt)} is kept in this browser.`,
    actions: [
      {
        label: 'Open the restored copy',
        run: () =>
          void (async () => {
            if (await confirmDiscard(editor, 'open the restored copy'))
              await restore(editor, found);
          })(),
      },
    ],
  });
}

/**
 * This tab opens something else than its own autosave (a reload with ?seed= or a share link):
 * give the tab a new id, and so a new slot, before autosave starts, so that the next edit does
 * not overwrite the autosave offered as "kept in this browser". The old slot is left as a closed
 * tab's.
 */
async function setAside(choice: Found | null, tabId: string): Promise<void> {
  if (choice?.record.key === tabId) await renewTabId();
}

/** How long startup waits for the autosaves before opening the sample anyway, ms. */
const STARTUP_READ_MS = 3000;

/** `promise`, or `fallback()` if it has not settled within `ms` (a blocked database must not hang the page). */
function withTimeout<T>(promise: Promise<T>, ms: number, fallback: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => resolve(fallback()), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

export interface StartupOptions {
  /** The URL names a sample (?seed=): it opens, and an autosave is only offered. */
  readonly explicitSeed: boolean;
  /** The page has moved on (React StrictMode runs effects twice): change nothing. */
  readonly isCancelled: () => boolean;
}

/**
 * What the page opens with, in order: a share link in the URL fragment (as an editable copy);
 * else, unless the URL names a sample, the autosave to restore (chooseRestore). Returns true when
 * it opened a document; false when the app should open its sample as usual. A damaged share
 * link shows the import-errors dialog and returns false.
 */
export async function openAtStartup(
  editor: Editor,
  { explicitSeed, isCancelled }: StartupOptions,
): Promise<boolean> {
  const hash = window.location.hash;
  let timedOut = false;
  const [firstTabId, found] = await Promise.all([
    claimTabId(),
    withTimeout(readAutosaves(editor), STARTUP_READ_MS, () => {
      timedOut = true;
      editor.notifications.getState().setNotice({
        key: 'autosave-error',
        tone: 'warning',
        text: "The browser's storage did not answer, so no autosaved layout was restored. Autosave will keep trying; save your work to a file (Ctrl+S) to be sure.",
      });
      return [];
    }),
  ]);
  // After the claim: it finds out whether the Web Locks API works here.
  const live = await openTabIds();
  if (isCancelled()) return false;
  // This tab's own slot was not read, so it may hold work: autosave into a new one.
  const tabId = timedOut ? await renewTabId() : firstTabId;
  const choice = chooseRestore(
    found.map((f) => ({ ...f, key: f.record.key, savedAt: f.record.savedAt })),
    tabId,
    live ?? new Set<string>(),
  );
  const prune = slotsToPrune(
    found.map((f) => f.record),
    tabId,
    live ?? new Set<string>(),
  );
  for (const key of prune)
    autosaveStorage()
      .remove(key)
      .catch(() => undefined);

  if (hasShareFragment(hash)) {
    const result = await checkInWorker(editor, { shareFragment: hash }, 'the share link');
    if (isCancelled()) return false;
    clearShareFragment();
    await setAside(choice, tabId);
    if (choice) offerRestore(editor, choice);
    if (!result) return false;
    if (!result.ok) {
      showImportErrors(editor, 'Could not open this share link', result.error);
      return false;
    }
    openDocument(editor, result.layout);
    editor.notifications.getState().setNotice({
      key: 'opened',
      tone: 'info',
      text: `Opened ${quote(result.layout.name)} from a share link as an editable copy. Your changes stay in this browser; save the layout to keep a file.`,
    });
    return true;
  }
  if (explicitSeed || !choice) {
    await setAside(choice, tabId);
    if (choice) offerRestore(editor, choice);
    return false;
  }
  await restore(editor, choice);
  return true;
}

/**
 * A share link pasted into the address bar of an open tab changes only the fragment (no reload):
 * open it like a link at startup, after asking about unsaved changes.
 */
async function openShareFromHash(editor: Editor): Promise<void> {
  const hash = window.location.hash;
  if (!hasShareFragment(hash)) return;
  const result = await checkInWorker(editor, { shareFragment: hash }, 'the share link');
  clearShareFragment();
  if (!result) return;
  if (!result.ok) {
    showImportErrors(editor, 'Could not open this share link', result.error);
    return;
  }
  if (!(await confirmDiscard(editor, 'open the shared layout'))) return;
  openDocument(editor, result.layout);
  editor.notifications.getState().setNotice({
    key: 'opened',
    tone: 'info',
    text: `Opened ${quote(result.layout.name)} from a share link as an editable copy. Your changes stay in this browser; save the layout to keep a file.`,
  });
}

interface Runtime {
  autosaver: Autosaver | null;
  sync: TabSync | null;
}
let runtime: Runtime | null = null;

/** Flush the autosave now (tests and the page-hide handlers). */
export function flushAutosave(): Promise<void> {
  return runtime?.autosaver?.flush() ?? Promise.resolve();
}

/** Elements printed ahead per step of an idle period (about 2 ms each at 50,000 racks). */
const PRINT_AHEAD_BATCH = 150;
/** The longest one idle period prints ahead, ms. */
const PRINT_AHEAD_MS = 6;

/**
 * Autosave and the two-tab warning while the page runs, from the document open now (which is not
 * written until it changes). Returns a function that stops them.
 */
export function startPersistence(editor: Editor): () => void {
  let stopped = false;
  const cleanups: (() => void)[] = [];
  const me: Runtime = { autosaver: null, sync: null };
  runtime = me;

  void claimTabId().then((tabId) => {
    if (stopped) return;
    const files = () => editor.files.getState();
    const notices = () => editor.notifications.getState();
    const snapshot = () => ({
      doc: editor.document.getState().doc,
      layoutId: files().layoutId,
      dirty: isDirty(editor),
      scenarios: files().scenarios,
      unreadScenarios: files().unreadScenarios,
    });

    const bus = broadcastBus();
    const sync = bus
      ? new TabSync({
          bus,
          tabId,
          current: () => ({
            layoutId: files().layoutId,
            name: editor.document.getState().doc.name,
          }),
          onConflict: () =>
            notices().setNotice({
              key: 'other-tab',
              tone: 'warning',
              text: 'This layout is also open in another tab; changes there will not be merged. Each tab autosaves its own copy.',
            }),
        })
      : null;
    if (bus && sync) cleanups.push(() => (sync.dispose(), bus.close()));

    const autosaver = new Autosaver(
      {
        storage: autosaveStorage(),
        tabId,
        read: snapshot,
        whenIdle: (write, waitMs) => writeWhenIdle(write, waitMs),
        onSaved: (record) => {
          editor.files.setState({ autosavedAt: record.savedAt });
          notices().dismiss('autosave-error');
          // A layout whose report cannot be computed is still written: keeping the previous slot
          // would lose what the user made since, and the layout itself is valid (only its report
          // failed). But the user is told, since this copy is not one the planner can check.
          const reported = editor.reports.getSnapshot();
          if (reported.ok) notices().dismiss('autosave-unreported');
          else if (reported.pending) {
            // Just opened: its report is on its way; nothing to say yet.
          } else
            notices().setNotice({
              key: 'autosave-unreported',
              tone: 'warning',
              text: 'Autosaved a layout whose report cannot be computed (see the calculators panel). Your changes are kept in this browser; undo the last change if it broke the report.',
            });
          sync?.announceEdit();
        },
        onFailed: (failure) =>
          notices().setNotice({ key: 'autosave-error', tone: 'error', text: failure.message }),
      },
      snapshot(),
    );
    me.autosaver = autosaver;
    me.sync = sync;
    cleanups.push(() => autosaver.dispose());

    // A document just opened is printed ahead when the page is idle, a few elements at a time:
    // its first autosave (after the first edit) then prints only what the edit changed.
    let idle: number | null = null;
    const printIdle = (step: (budget: number) => boolean) => {
      if (typeof requestIdleCallback !== 'function') return;
      idle = requestIdleCallback((deadline) => {
        idle = null;
        // At most a few ms at a time, even when the page is idle for longer: input that comes
        // in the meantime waits no more than that.
        const end = performance.now() + Math.min(PRINT_AHEAD_MS, deadline.timeRemaining() - 1);
        let more = true;
        while (more && performance.now() < end) more = step(PRINT_AHEAD_BATCH);
        if (more) printIdle(step);
      });
    };
    const printOpened = () => {
      if (idle !== null) cancelIdleCallback(idle);
      printIdle(printAhead(editor.document.getState().doc));
    };
    printOpened();
    cleanups.push(() => {
      if (idle !== null) cancelIdleCallback(idle);
    });

    cleanups.push(
      editor.document.subscribe((s, prev) => {
        if (s.loadGeneration !== prev.loadGeneration) printOpened();
        if (s.doc !== prev.doc) autosaver.changed();
        // The URL follows the open layout: once it is not the sample as opened, ?seed= goes.
        if (s.doc !== prev.doc || s.loadGeneration !== prev.loadGeneration) dropSeedFromUrl();
        if (s.loadGeneration !== prev.loadGeneration) sync?.announceOpen();
      }),
      editor.files.subscribe((s, prev) => {
        if (
          s.savedDoc !== prev.savedDoc ||
          s.layoutId !== prev.layoutId ||
          s.scenarios !== prev.scenarios ||
          s.unreadScenarios !== prev.unreadScenarios
        )
          autosaver.changed();
      }),
    );

    // Write at once when the page may be going away: hidden, closed, or navigated from.
    const flush = () => void autosaver.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      flush();
      if (isDirty(editor)) {
        e.preventDefault();
        e.returnValue = ''; // older browsers need it set to show the prompt
      }
    };
    const onHashChange = () => void openShareFromHash(editor);
    window.addEventListener('hashchange', onHashChange);
    cleanups.push(() => window.removeEventListener('hashchange', onHashChange));
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('beforeunload', onBeforeUnload);
    cleanups.push(() => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('beforeunload', onBeforeUnload);
    });

    sync?.announceOpen();
    // Ask the browser not to evict the autosaves under storage pressure (no prompt in most browsers).
    void navigator.storage?.persist?.().catch(() => false);
  });

  return () => {
    stopped = true;
    if (runtime === me) runtime = null;
    for (const c of cleanups.splice(0).reverse()) c();
  };
}
