import type { Layout, TierId } from '../domain';
import { computeReport } from '../domain/report';
import type { Report } from '../domain/report/types';
import type { DocumentStore } from './documentStore';

/**
 * One report per document version (documents are immutable, so the reference is the version).
 * Each editor has its own.
 */
export function createReportCache(): (doc: Layout) => Report {
  const reports = new WeakMap<Layout, Report>();
  return (doc) => {
    let r = reports.get(doc);
    if (!r) {
      r = computeReport(doc);
      reports.set(doc, r);
    }
    return r;
  };
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
  compute: (doc: Layout) => Report = createReportCache(),
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
