import { describe, expect, it } from 'vitest';
import { createHall } from '../domain';
import { computeReport } from '../domain/report';
import type { Layout } from '../domain';
import { createDocumentStore, emptyLayout } from './documentStore';
import {
  createReportCache,
  createReportSource,
  reportStateOf,
  type ReportState,
} from './useReport';

const ok = (s: ReportState) => {
  if (!s.ok) throw new Error(`unexpected: ${s.error}`);
  return s.report;
};

describe('the live report', () => {
  it('is computed once per frame however many edits the frame holds, for the latest document', () => {
    const reportOf = createReportCache();
    const store = createDocumentStore(emptyLayout());
    const computed: number[] = [];
    const frames: (() => void)[] = [];
    const source = createReportSource(
      store,
      (doc) => {
        computed.push(doc.halls.length);
        return reportOf(doc);
      },
      (cb) => frames.push(cb),
    );
    let notified = 0;
    const unsubscribe = source.subscribe(() => notified++);
    const first = source.getSnapshot();
    expect(ok(first).totals.itMw).toBe(0);
    for (let i = 0; i < 50; i++) {
      store
        .getState()
        .apply((d) => void d.halls.push(createHall(`h${i}`, { x: i * 200, y: 0 })), 'Add hall');
    }
    expect(frames).toHaveLength(1);
    expect(source.getSnapshot()).toBe(first); // until the frame comes
    frames.shift()!();
    expect(computed).toEqual([0, 50]);
    expect(notified).toBe(1);
    expect(ok(source.getSnapshot()).halls).toHaveLength(50);
    unsubscribe();
  });

  it('keeps the report of the latest document only; undo computes it again', () => {
    const reportOf = createReportCache();
    const store = createDocumentStore(emptyLayout());
    const before = reportOf(store.getState().doc);
    expect(reportOf(store.getState().doc)).toBe(before);
    store.getState().apply((d) => void (d.name = 'Renamed'), 'Rename');
    const renamed = reportOf(store.getState().doc);
    expect(ok(renamed).name).toBe('Renamed');
    store.getState().undo();
    const again = reportOf(store.getState().doc);
    expect(again).not.toBe(before);
    expect(again.doc).toBe(before.doc);
    expect(ok(again)).toEqual(ok(before));
  });

  it('says why when the report cannot be computed, with no figure of the previous document', () => {
    const failing = (doc: Layout) => {
      if (doc.name === 'Broken') throw new Error('hall h1 has no rows');
      return computeReport(doc);
    };
    expect(reportStateOf(emptyLayout(), failing).ok).toBe(true);
    const reportOf = createReportCache(failing);
    const store = createDocumentStore(emptyLayout());
    const frames: (() => void)[] = [];
    const source = createReportSource(store, reportOf, (cb) => frames.push(cb));
    const unsubscribe = source.subscribe(() => {});
    expect(source.getSnapshot().ok).toBe(true);
    store.getState().apply((d) => void (d.name = 'Broken'), 'Rename');
    frames.shift()!();
    const failed = source.getSnapshot();
    expect(failed).toEqual({ ok: false, doc: store.getState().doc, error: 'hall h1 has no rows' });
    expect('report' in failed).toBe(false);
    // Undo: the report is back.
    store.getState().undo();
    frames.shift()!();
    expect(ok(source.getSnapshot()).name).not.toBe('Broken');
    unsubscribe();
  });
});

describe('a document just opened', () => {
  it('is drawn first: its report is pending at once (no figure of the document before) and computed in the task after the next frame', () => {
    const store = createDocumentStore(emptyLayout());
    const frames: (() => void)[] = [];
    const tasks: (() => void)[] = [];
    const computed: string[] = [];
    const reportOf = createReportCache();
    const source = createReportSource(
      store,
      (doc) => {
        computed.push(doc.name);
        return reportOf(doc);
      },
      (cb) => frames.push(cb),
      (cb) => tasks.push(cb),
    );
    let notified = 0;
    const unsubscribe = source.subscribe(() => notified++);
    const before = ok(source.getSnapshot()).name;
    const opened = { ...emptyLayout(), name: 'Opened' };
    store.getState().load(opened);
    const pending = source.getSnapshot();
    expect(pending).toMatchObject({ ok: false, pending: true });
    expect(pending.doc.name).toBe('Opened');
    expect(notified).toBe(1);
    // The frame draws the campus; the report waits for the task after it.
    frames.shift()!();
    expect(computed).toEqual([before]);
    expect(source.getSnapshot()).toBe(pending);
    expect(tasks).toHaveLength(1);
    tasks.shift()!();
    expect(computed).toEqual([before, 'Opened']);
    expect(ok(source.getSnapshot()).name).toBe('Opened');
    expect(notified).toBe(2);
    // An edit is computed in its own frame, as before.
    store.getState().apply((d) => void (d.name = 'Edited'), 'Rename');
    frames.shift()!();
    expect(tasks).toHaveLength(0);
    expect(ok(source.getSnapshot()).name).toBe('Edited');
    unsubscribe();
  });
});
