import { describe, expect, it } from 'vitest';
import {
  applyEdit,
  beginGesture,
  cancelGesture,
  canRedo,
  canUndo,
  commitGesture,
  HISTORY_CAP,
  initialHistory,
  redo,
  redoLabel,
  undo,
  undoLabel,
  updateGesture,
  type HistoryState,
} from './history';

interface Doc {
  readonly n: number;
}
const doc = (n: number): Doc => ({ n });

describe('history: one edit, one step', () => {
  it('undoes and redoes an edit, restoring the exact documents', () => {
    const a = doc(1);
    const b = doc(2);
    let h = initialHistory(a);
    h = applyEdit(h, b, 'Set to 2');
    expect(h.doc).toBe(b);
    expect(undoLabel(h)).toBe('Set to 2');
    h = undo(h);
    expect(h.doc).toBe(a);
    expect(redoLabel(h)).toBe('Set to 2');
    h = redo(h);
    expect(h.doc).toBe(b);
    expect(canRedo(h)).toBe(false);
  });

  it('records nothing when the edit returns the same document', () => {
    const h = initialHistory(doc(1));
    expect(applyEdit(h, h.doc, 'Nothing')).toBe(h);
  });

  it('drops the redo stack when a new edit follows an undo', () => {
    let h = initialHistory(doc(0));
    h = applyEdit(h, doc(1), 'one');
    h = applyEdit(h, doc(2), 'two');
    h = undo(h);
    h = applyEdit(h, doc(3), 'three');
    expect(canRedo(h)).toBe(false);
    expect(h.past.map((e) => e.label)).toEqual(['one', 'three']);
    h = undo(undo(h));
    expect(h.doc.n).toBe(0);
  });

  it('undo and redo at the ends of the stacks change nothing', () => {
    const h = initialHistory(doc(0));
    expect(undo(h)).toBe(h);
    expect(redo(h)).toBe(h);
    expect(canUndo(h)).toBe(false);
  });

  it(`keeps at most ${HISTORY_CAP} steps, dropping the oldest`, () => {
    let h: HistoryState<Doc> = initialHistory(doc(0));
    for (let i = 1; i <= HISTORY_CAP + 25; i++) h = applyEdit(h, doc(i), `step ${i}`);
    expect(h.past).toHaveLength(HISTORY_CAP);
    expect(h.past[0]!.label).toBe('step 26');
    while (canUndo(h)) h = undo(h);
    expect(h.doc.n).toBe(25);
    expect(h.future).toHaveLength(HISTORY_CAP);
  });

  it('a small cap applies to redo as well', () => {
    let h: HistoryState<Doc> = initialHistory(doc(0));
    for (let i = 1; i <= 5; i++) h = applyEdit(h, doc(i), `s${i}`, 3);
    expect(h.past.map((e) => e.doc.n)).toEqual([2, 3, 4]);
    h = undo(undo(h));
    h = redo(h, 3);
    expect(h.past).toHaveLength(2);
  });
});

describe('history: gestures', () => {
  it('a drag of many updates is one undo step', () => {
    const start = doc(0);
    let h = beginGesture(initialHistory(start));
    for (let i = 1; i <= 30; i++) h = updateGesture(h, doc(i));
    expect(h.past).toHaveLength(0);
    h = commitGesture(h, 'Move hall');
    expect(h.doc.n).toBe(30);
    expect(h.past).toHaveLength(1);
    expect(undoLabel(h)).toBe('Move hall');
    h = undo(h);
    expect(h.doc).toBe(start);
  });

  it('cancel (Esc) restores exactly the document at the mark', () => {
    const start = doc(0);
    let h = applyEdit(initialHistory(doc(-1)), start, 'before');
    h = beginGesture(h);
    h = updateGesture(h, doc(5));
    h = updateGesture(h, doc(6));
    h = cancelGesture(h);
    expect(h.doc).toBe(start);
    expect(h.mark).toBeNull();
    expect(h.past).toHaveLength(1);
  });

  it('a gesture that ends where it started records no step', () => {
    const start = doc(0);
    let h = beginGesture(initialHistory(start));
    h = updateGesture(h, doc(9));
    h = updateGesture(h, start);
    h = commitGesture(h, 'Nudge');
    expect(h.past).toHaveLength(0);
    expect(h.mark).toBeNull();
  });

  it('edits applied during a gesture join it', () => {
    let h = beginGesture(initialHistory(doc(0)));
    h = applyEdit(h, doc(1), 'ignored label');
    h = updateGesture(h, doc(2));
    h = commitGesture(h, 'Resize');
    expect(h.past.map((e) => e.label)).toEqual(['Resize']);
  });

  it('undo during a gesture cancels it; redo waits', () => {
    let h = applyEdit(initialHistory(doc(0)), doc(1), 'one');
    h = undo(h);
    h = beginGesture(h);
    h = updateGesture(h, doc(7));
    expect(redo(h)).toBe(h);
    h = undo(h);
    expect(h.doc.n).toBe(0);
    expect(h.mark).toBeNull();
    expect(canRedo(h)).toBe(true);
  });

  it('updateGesture without an open gesture changes nothing (a cancelled drag stays cancelled)', () => {
    const start = doc(0);
    const idle = initialHistory(start);
    expect(updateGesture(idle, doc(1))).toBe(idle);
    // Undo in the middle of a gesture closes it; later updates of that drag are ignored.
    let h = updateGesture(beginGesture(idle), doc(2));
    h = undo(h);
    expect(h.doc).toBe(start);
    expect(updateGesture(h, doc(3))).toBe(h);
  });

  it('begin twice keeps the first mark', () => {
    const start = doc(0);
    let h = beginGesture(initialHistory(start));
    h = updateGesture(h, doc(1));
    h = beginGesture(h);
    expect(h.mark).toBe(start);
    expect(cancelGesture(h).doc).toBe(start);
  });

  it('commit and cancel without a gesture change nothing', () => {
    const h = initialHistory(doc(0));
    expect(commitGesture(h, 'x')).toBe(h);
    expect(cancelGesture(h)).toBe(h);
  });
});
