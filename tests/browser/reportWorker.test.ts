import { describe, expect, it } from 'vitest';
import { computeReport } from '../../src/domain/report';
import { benchCampus } from '../../src/domain/report/benchCampus';
import { createEditor } from '../../src/editor/editor';
import { OFF_THREAD_MIN_ROWS, type WorkerPort } from '../../src/state/useReport';

/** The report worker in a real browser: the figures of a large campus come from it, exactly. */
describe('the report worker', () => {
  it('computes a large campus off the main thread, edit after edit, with the figures computed here', async () => {
    let started = 0;
    const editor = createEditor({
      reportWorker: () => {
        started++;
        return new Worker(new URL('../../src/app/report/reportWorker.ts', import.meta.url), {
          type: 'module',
        }) as unknown as WorkerPort;
      },
    });
    const layout = benchCampus({ racks: 20_000 });
    expect(layout.rackRows.length).toBeGreaterThanOrEqual(OFF_THREAD_MIN_ROWS);
    const seen: unknown[] = [];
    const unsubscribe = editor.reports.subscribe(() => seen.push(editor.reports.getSnapshot()));
    editor.load(layout);
    // Pending at once: no figure of the document before it.
    expect(editor.reports.getSnapshot()).toMatchObject({ ok: false, pending: true });
    const reportOf = async (doc: unknown) => {
      await expect
        .poll(
          () => {
            const s = editor.reports.getSnapshot();
            return s.doc === doc && (s.ok || !s.pending);
          },
          { timeout: 20_000 },
        )
        .toBe(true);
      const s = editor.reports.getSnapshot();
      if (!s.ok) throw new Error(s.error);
      return s.report;
    };
    const first = await reportOf(editor.document.getState().doc);
    expect(started).toBe(1);
    expect(first).toEqual(computeReport(editor.document.getState().doc));
    // A drag, as the select tool makes it.
    const doc = editor.document.getState();
    doc.beginGesture();
    for (let i = 0; i < 5; i++) {
      editor.document.getState().updateGesture((d) => void (d.halls[2]!.x += 40));
      await new Promise((r) => requestAnimationFrame(r));
    }
    editor.document.getState().commitGesture('Move hall');
    const moved = editor.document.getState().doc;
    const after = await reportOf(moved);
    expect(after).toEqual(computeReport(moved));
    // Records the move did not touch are the ones already here.
    expect(after.rows.filter((r, k) => r === first.rows[k]).length).toBeGreaterThan(
      after.rows.length / 2,
    );
    expect(started).toBe(1);
    unsubscribe();
  }, 60_000);
});
