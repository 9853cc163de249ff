/**
 * Undo/redo history of whole-document snapshots, framework-free.
 *
 * Documents are immutable values (immer gives structural sharing), so a snapshot is a pointer and
 * keeping hundreds of them costs little. A gesture (a drag, a resize) sets a mark, changes the
 * document freely without touching the stacks, and ends as one undo step (commit) or exactly the
 * marked document (cancel). The pattern is tldraw's history mark / bailToMark.
 */

/** The most undo steps kept; older ones are dropped. */
export const HISTORY_CAP = 500;

export interface HistoryEntry<T> {
  /** The document on the other side of this step. */
  readonly doc: T;
  /** What the step did, as users read it ("Move hall"). */
  readonly label: string;
}

export interface HistoryState<T> {
  readonly doc: T;
  /** Newest last. Each entry holds the document before the step it names. */
  readonly past: readonly HistoryEntry<T>[];
  /** Newest (next to redo) last. Each entry holds the document after the step it names. */
  readonly future: readonly HistoryEntry<T>[];
  /** The document when the open gesture began, or null when no gesture is open. */
  readonly mark: T | null;
}

export function initialHistory<T>(doc: T): HistoryState<T> {
  return { doc, past: [], future: [], mark: null };
}

function pushCapped<T>(
  stack: readonly HistoryEntry<T>[],
  entry: HistoryEntry<T>,
  cap: number,
): HistoryEntry<T>[] {
  const next = stack.length >= cap ? stack.slice(stack.length - cap + 1) : stack.slice();
  next.push(entry);
  return next;
}

/**
 * One edit as one undo step. An unchanged document (same reference) records nothing. Inside an
 * open gesture the change joins the gesture instead of making its own step.
 */
export function applyEdit<T>(
  h: HistoryState<T>,
  next: T,
  label: string,
  cap = HISTORY_CAP,
): HistoryState<T> {
  if (next === h.doc) return h;
  if (h.mark !== null) return { ...h, doc: next };
  return {
    doc: next,
    past: pushCapped(h.past, { doc: h.doc, label }, cap),
    future: [],
    mark: null,
  };
}

/**
 * Step back. Undo during a gesture cancels the gesture (that is the step the user sees); the app's
 * undo action asks the active tool to cancel instead, so that the tool stops dragging too.
 */
export function undo<T>(h: HistoryState<T>): HistoryState<T> {
  if (h.mark !== null) return cancelGesture(h);
  const entry = h.past[h.past.length - 1];
  if (!entry) return h;
  return {
    doc: entry.doc,
    past: h.past.slice(0, -1),
    future: [...h.future, { doc: h.doc, label: entry.label }],
    mark: null,
  };
}

/** Step forward again. Redo during a gesture does nothing. */
export function redo<T>(h: HistoryState<T>, cap = HISTORY_CAP): HistoryState<T> {
  if (h.mark !== null) return h;
  const entry = h.future[h.future.length - 1];
  if (!entry) return h;
  return {
    doc: entry.doc,
    past: pushCapped(h.past, { doc: h.doc, label: entry.label }, cap),
    future: h.future.slice(0, -1),
    mark: null,
  };
}

/** Open a gesture at the current document. Opening one while another is open keeps the first mark. */
export function beginGesture<T>(h: HistoryState<T>): HistoryState<T> {
  if (h.mark !== null) return h;
  return { ...h, mark: h.doc };
}

/**
 * Change the document during a gesture without recording history. Without an open gesture it does
 * nothing: a gesture ended by undo or cancel stays ended, and a late update from its drag must not
 * open a new one behind the user's back. Tools begin a gesture before they update it.
 */
export function updateGesture<T>(h: HistoryState<T>, next: T): HistoryState<T> {
  if (h.mark === null) return h;
  if (next === h.doc) return h;
  return { ...h, doc: next };
}

/** Close the gesture as one undo step, or as none when the document is back where it started. */
export function commitGesture<T>(
  h: HistoryState<T>,
  label: string,
  cap = HISTORY_CAP,
): HistoryState<T> {
  if (h.mark === null) return h;
  if (h.doc === h.mark) return { ...h, mark: null };
  return {
    doc: h.doc,
    past: pushCapped(h.past, { doc: h.mark, label }, cap),
    future: [],
    mark: null,
  };
}

/** Close the gesture and restore exactly the marked document. */
export function cancelGesture<T>(h: HistoryState<T>): HistoryState<T> {
  if (h.mark === null) return h;
  return { ...h, doc: h.mark, mark: null };
}

export const canUndo = <T>(h: HistoryState<T>): boolean => h.mark !== null || h.past.length > 0;
export const canRedo = <T>(h: HistoryState<T>): boolean => h.mark === null && h.future.length > 0;
export const undoLabel = <T>(h: HistoryState<T>): string | null =>
  h.past[h.past.length - 1]?.label ?? null;
export const redoLabel = <T>(h: HistoryState<T>): string | null =>
  h.future[h.future.length - 1]?.label ?? null;
