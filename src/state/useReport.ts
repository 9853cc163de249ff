import type { Layout, TierId } from '../domain';
import { computeReport, createReportMemo } from '../domain/report';
import { layoutAsOfPhase } from '../domain/report/phases';
import type { Report } from '../domain/report/types';
import type { DocumentStore } from './documentStore';
import {
  applyReportPatch,
  diffLayout,
  settleReceived,
  reportErrorText,
  type ReportReply,
  type ReportRequest,
} from './reportTransport';

/**
 * The report of a document, or why there is none: a report that cannot be computed (computeReport
 * threw) is said so, and no figure of another document stands in for it.
 */
export type ReportState =
  | { readonly ok: true; readonly doc: Layout; readonly report: Report }
  | {
      readonly ok: false;
      readonly doc: Layout;
      readonly error: string;
      /**
       * Not computed yet: a document just opened shows its drawing first, and its figures a
       * moment later (createReportSource). Said as such, not as an error.
       */
      readonly pending?: true;
    };

/** The state of a document whose report is being computed: no figure, not even the last one's. */
export function pendingReportState(doc: Layout): ReportState {
  return { ok: false, doc, error: 'the figures are being computed', pending: true };
}

/** The report of `doc`, or the reason there is none. Never throws. */
export function reportStateOf(
  doc: Layout,
  compute: (doc: Layout) => Report = computeReport,
): ReportState {
  try {
    return { ok: true, doc, report: compute(doc) };
  } catch (e) {
    return { ok: false, doc, error: reportErrorText(e) };
  }
}

/**
 * The report of the latest document asked for, only: one slot, not one per document version.
 * The undo history keeps up to 500 documents alive; a report per document (~1.4 MB each on a
 * 50,000-rack campus) kept them all at ~580 MB. Undo back to a document computes its report
 * again — once per frame at most, through the report source. Each editor has its own.
 * By default the report is computed with a memo of its own (createReportMemo): after an edit,
 * only what the edit touched is recomputed (a dragged hall: its rows' cooling, the fiber
 * figures), with the same figures as a fresh report.
 */
export function createReportCache(
  compute: (doc: Layout) => Report = memoisedReport(),
): (doc: Layout) => ReportState {
  let last: ReportState | null = null;
  return (doc) => {
    if (last?.doc !== doc) last = reportStateOf(doc, compute);
    return last;
  };
}

/** computeReport with a memo of its own, kept from one document to the next. */
function memoisedReport(): (doc: Layout) => Report {
  const memo = createReportMemo();
  return (doc) => computeReport(doc, { memo });
}

/**
 * The document checked against another tier than its own, memoised by (document, tier): the
 * reports of the latest document only (the tiers it was compared with), so remounting the view or
 * going back to a tier costs nothing, and old documents are not kept alive. Each editor has its own.
 */
export function createRetargetCache(): (doc: Layout, tier: TierId) => Report {
  let retargeted: { doc: Layout; byTier: Map<TierId, Report> } | null = null;
  return (doc, tier) => {
    if (retargeted?.doc !== doc) retargeted = { doc, byTier: new Map() };
    let r = retargeted.byTier.get(tier);
    if (!r) {
      r = computeReport(doc, { tier });
      retargeted.byTier.set(tier, r);
    }
    return r;
  };
}

/**
 * The phase the slider shows, when it hides anything: k (0-based) below the document's last
 * phase, else null (the last phase is the whole campus).
 */
export function shownPhase(doc: Layout, asOfPhase: number | null): number | null {
  return asOfPhase === null || asOfPhase >= doc.settings.phases.length - 1 ? null : asOfPhase;
}

/**
 * The report of a document as of phase k (layoutAsOfPhase: the elements of phase k or earlier),
 * for the latest (document, k) only. Each editor has its own.
 */
export function createPhaseReportCache(
  compute: (doc: Layout) => Report = computeReport,
): (doc: Layout, k: number) => ReportState {
  let last: { doc: Layout; k: number; state: ReportState } | null = null;
  return (doc, k) => {
    if (last?.doc !== doc || last.k !== k) {
      last = { doc, k, state: reportStateOf(layoutAsOfPhase(doc, k), compute) };
    }
    return last.state;
  };
}

const nextFrame: (cb: () => void) => void =
  typeof requestAnimationFrame === 'function'
    ? (cb) => requestAnimationFrame(cb)
    : (cb) => setTimeout(cb, 16);

/** A task after the current one: from an animation frame callback, after that frame is painted. */
const nextTask = (cb: () => void): void => void setTimeout(cb, 0);

/** What the report source needs of a worker (src/app/report/reportWorker.ts). */
export interface WorkerPort {
  postMessage(request: ReportRequest): void;
  onmessage: ((e: { readonly data: ReportReply }) => void) | null;
  onerror: ((e: unknown) => void) | null;
}

/**
 * Reports of large documents off the main thread: documents with at least `minRows` rack rows
 * are sent to the worker `connect` starts (as patches, src/state/reportTransport.ts), and the
 * panel shows the last finished report while the next is computed, so a drag never waits for it.
 */
export interface OffThread {
  readonly connect: () => WorkerPort | null;
  readonly minRows: number;
  /**
   * Subscribes to what makes the page draw frame after frame on the user's behalf (the view
   * panned or zoomed, a tool's preview, the hover). After a campus opens, the worker practises
   * edits on it (ReportServer.practise) once none of this, no edit and no report has come for
   * PRACTICE_QUIET_MS, and stops at the next of them; never while frames are drawn. Without it,
   * the worker does not practise.
   */
  readonly activity?: (onActivity: () => void) => () => void;
  /** Calls back after `ms`; returns a cancel. setTimeout by default. */
  readonly timer?: (cb: () => void, ms: number) => () => void;
  /**
   * When an edited document goes to the worker: at once, in a microtask, by default (the one
   * request in flight gathers the edits made meanwhile), not at the next frame as a report
   * computed here does, so the figures follow a drag a frame sooner.
   */
  readonly soon?: (cb: () => void) => void;
}

/**
 * How long (ms) nothing must move on the page before the worker practises: three frames, longer
 * than the gaps between a gesture's frames, and short enough that the pauses of a first look at
 * a campus just opened leave the worker time for its practice. (With 100 ms the bench's first
 * drag, less practised, had a frame-interval p95 of 33 ms in 6 of 6 interleaved runs; with
 * 50 ms, in 1 of 6.)
 */
export const PRACTICE_QUIET_MS = 50;

const browserTimer = (cb: () => void, ms: number): (() => void) => {
  const handle = setTimeout(cb, ms);
  return () => clearTimeout(handle);
};

/** Documents with at least this many rack rows have their report computed off the main thread. */
export const OFF_THREAD_MIN_ROWS = 2000;

export interface ReportSource {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => ReportState;
}

/**
 * The report of a store's document, recomputed at most once per animation frame: a drag that
 * changes the document on every pointer move costs one report per frame, not one per event.
 *
 * A document just opened (a load: a new load generation) is drawn before its report is computed:
 * at once the source says its report is pending (no figure of the document before it), and the
 * report is computed in the task after the next frame (`later`), so the campus appears without
 * waiting for its figures. Edits are computed in the frame they are drawn in.
 */
export function createReportSource(
  store: DocumentStore,
  compute: (doc: Layout) => ReportState = createReportCache(),
  schedule: (cb: () => void) => void = nextFrame,
  later: (cb: () => void) => void = nextTask,
  offThread?: OffThread,
): ReportSource {
  const listeners = new Set<() => void>();
  let shown: ReportState | null = null;
  let scheduled = false;
  /** A load is waiting for its first frame before its report is computed. */
  let afterFrame = false;
  let unsubscribe: (() => void) | null = null;

  const publish = (next: ReportState) => {
    if (next === shown) return;
    shown = next;
    for (const l of listeners) l();
  };

  // Off the main thread (large documents, when a worker is given): one request in flight at a
  // time, the latest document sent when it returns; the panel keeps the last finished report.
  let port: WorkerPort | null = null;
  let portFailed = !offThread;
  let sentDoc: Layout | null = null;
  let sentGeneration = -1;
  let lastReport: Report | null = null;
  let seq = 0;
  const inFlight = new Map<number, Layout>();
  let dirty = false;
  const isLarge = (doc: Layout) =>
    !!offThread && !portFailed && doc.rackRows.length >= offThread.minRows;
  const connect = (): WorkerPort | null => {
    if (port || portFailed || !offThread) return port;
    try {
      port = offThread.connect();
    } catch {
      port = null;
    }
    if (!port) {
      portFailed = true;
      return null;
    }
    port.onmessage = (e) => receive(e.data);
    port.onerror = () => {
      // No worker after all (it could not start): every report on this thread from now on.
      portFailed = true;
      stopPractice();
      port = null;
      inFlight.clear();
      if (!scheduled) {
        scheduled = true;
        schedule(refresh);
      }
    };
    return port;
  };
  // Practice (ReportServer.practise): after an opened document, leave to practise whenever the
  // page has been still for PRACTICE_QUIET_MS, taken back as soon as it moves.
  let practising = false;
  let leave = false;
  let openedSeq = -1;
  let cancelQuiet: (() => void) | null = null;
  const timer = offThread?.timer ?? browserTimer;
  const stopPractice = () => {
    practising = false;
    cancelQuiet?.();
    cancelQuiet = null;
    if (leave) port?.postMessage({ practise: false });
    leave = false;
  };
  const giveLeave = () => {
    cancelQuiet = null;
    if (!practising || leave || !port || inFlight.size > 0) return;
    leave = true;
    port.postMessage({ practise: true });
  };
  /** Something moved: take the leave back, and wait for the page to be still again. */
  const moved = () => {
    if (!practising) return;
    if (leave) {
      leave = false;
      port?.postMessage({ practise: false });
    }
    cancelQuiet?.();
    // While a report is computed the wait starts again when it comes back.
    cancelQuiet = inFlight.size > 0 ? null : timer(giveLeave, PRACTICE_QUIET_MS);
  };
  const send = () => {
    const p = connect();
    if (!p) return false;
    if (inFlight.size > 0) {
      dirty = true;
      return true;
    }
    const { doc, loadGeneration } = store.getState();
    seq++;
    inFlight.set(seq, doc);
    // The first document sent of each load: the worker has edits to practise on it.
    const opened = loadGeneration !== sentGeneration;
    p.postMessage({ seq, patch: diffLayout(sentDoc, doc), ...(opened ? { opened } : {}) });
    sentDoc = doc;
    sentGeneration = loadGeneration;
    // A document request takes the leave to practise back.
    leave = false;
    if (opened) {
      practising = !!offThread?.activity;
      openedSeq = seq;
    }
    return true;
  };
  const receive = (reply: ReportReply) => {
    if ('practised' in reply) {
      // Over for the campus it was on; one opened since has its own practice.
      if (reply.seq >= openedSeq) stopPractice();
      return;
    }
    const doc = inFlight.get(reply.seq);
    inFlight.delete(reply.seq);
    if (!doc) return;
    let state: ReportState;
    if (reply.ok) {
      lastReport = applyReportPatch(lastReport, settleReceived(reply.patch));
      state = { ok: true, doc, report: lastReport };
    } else state = { ok: false, doc, error: reply.error };
    // A document that has since become small is computed here; its report is not replaced.
    if (isLarge(store.getState().doc)) publish(state);
    if (dirty) {
      dirty = false;
      send();
    }
    // Nothing more to compute: practice waits for the page to be still again.
    else moved();
  };

  const refresh = () => {
    if (afterFrame) {
      afterFrame = false;
      later(refresh);
      return;
    }
    scheduled = false;
    const doc = store.getState().doc;
    if (isLarge(doc) && send()) return;
    // Computed here: the worker's campus is no longer the one shown, nothing to practise on.
    stopPractice();
    publish(compute(doc));
  };

  let stopActivity: (() => void) | null = null;
  return {
    subscribe(listener) {
      listeners.add(listener);
      stopActivity ??= offThread?.activity?.(moved) ?? null;
      unsubscribe ??= store.subscribe((s, prev) => {
        if (s.doc === prev.doc) return;
        if (s.loadGeneration !== prev.loadGeneration) {
          afterFrame = true;
          publish(pendingReportState(s.doc));
        }
        if (scheduled) return;
        scheduled = true;
        if (!afterFrame && isLarge(s.doc)) (offThread?.soon ?? queueMicrotask)(refresh);
        else schedule(refresh);
      });
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && unsubscribe) {
          unsubscribe();
          unsubscribe = null;
          stopActivity?.();
          stopActivity = null;
          stopPractice();
          // Nobody is watching: compute afresh on the next read.
          shown = null;
        }
      };
    },
    getSnapshot() {
      if (shown) return shown;
      const doc = store.getState().doc;
      shown = isLarge(doc) && send() ? pendingReportState(doc) : compute(doc);
      return shown;
    },
  };
}
