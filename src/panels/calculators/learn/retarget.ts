import type { Layout, TierId } from '../../../domain';
import { computeReport } from '../../../domain/report';
import type { Report } from '../../../domain/report/types';

/**
 * The document checked against another tier than its own, memoised by (document, tier): the
 * reports of the latest document only (the tiers it was compared with), so remounting the view or
 * going back to a tier costs nothing, and old documents are not kept alive.
 */
let retargeted: { doc: Layout; byTier: Map<TierId, Report> } | null = null;

export function retargetedReport(doc: Layout, tier: TierId): Report {
  if (retargeted?.doc !== doc) retargeted = { doc, byTier: new Map() };
  let r = retargeted.byTier.get(tier);
  if (!r) {
    r = computeReport(doc, { tier });
    retargeted.byTier.set(tier, r);
  }
  return r;
}
