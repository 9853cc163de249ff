import { useSyncExternalStore } from 'react';
import type { Layout } from '../domain';
import { computeReport } from '../domain/report';
import type { Report } from '../domain/report/types';
import { useDocumentStore, type DocumentStore } from './documentStore';

/** One report per document version (documents are immutable, so the reference is the version). */
const reports = new WeakMap<Layout, Report>();

export function reportOf(doc: Layout): Report {
  let r = reports.get(doc);
  if (!r) {
    r = computeReport(doc);
    reports.set(doc, r);
  }
  return r;
}

const nextFrame: (cb: () => void) => void =
  typeof requestAnimationFrame === 'function'
    ? (cb) => requestAnimationFrame(cb)
    : (cb) => setTimeout(cb, 16);

export interface ReportSource {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => Report;
}

/**
 * The report of a store's document, recomputed at most once per animation frame: a drag that
 * changes the document on every pointer move costs one report per frame, not one per event.
 */
export function createReportSource(
  store: DocumentStore,
  compute: (doc: Layout) => Report = reportOf,
  schedule: (cb: () => void) => void = nextFrame,
): ReportSource {
  const listeners = new Set<() => void>();
  let shown: Report | null = null;
  let scheduled = false;
  let unsubscribe: (() => void) | null = null;

  const refresh = () => {
    scheduled = false;
    const doc = store.getState().doc;
    const next = compute(doc);
    if (next === shown) return;
    shown = next;
    for (const l of listeners) l();
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      unsubscribe ??= store.subscribe((s, prev) => {
        if (s.doc === prev.doc || scheduled) return;
        scheduled = true;
        schedule(refresh);
      });
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && unsubscribe) {
          unsubscribe();
          unsubscribe = null;
          // Nobody is watching: compute afresh on the next read.
          shown = null;
        }
      };
    },
    getSnapshot() {
      shown ??= compute(store.getState().doc);
      return shown;
    },
  };
}

const sources = new WeakMap<DocumentStore, ReportSource>();

/** The live report of the document: memoised by document, throttled to one per frame. */
export function useReport(store: DocumentStore = useDocumentStore): Report {
  let source = sources.get(store);
  if (!source) {
    source = createReportSource(store);
    sources.set(store, source);
  }
  return useSyncExternalStore(source.subscribe, source.getSnapshot);
}
