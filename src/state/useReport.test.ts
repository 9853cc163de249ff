import { describe, expect, it } from 'vitest';
import { createHall } from '../domain';
import type { Report } from '../domain/report/types';
import { createDocumentStore, emptyLayout } from './documentStore';
import { createReportCache, createReportSource } from './useReport';

const reportOf = createReportCache();

describe('the live report', () => {
  it('is computed once per frame however many edits the frame holds, for the latest document', () => {
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
    expect(first.totals.itMw).toBe(0);
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
    const second: Report = source.getSnapshot();
    expect(second.halls).toHaveLength(50);
    unsubscribe();
  });

  it('memoises by document: undo back to a document reuses its report', () => {
    const store = createDocumentStore(emptyLayout());
    const before = reportOf(store.getState().doc);
    store.getState().apply((d) => void (d.name = 'Renamed'), 'Rename');
    store.getState().undo();
    expect(reportOf(store.getState().doc)).toBe(before);
  });
});
