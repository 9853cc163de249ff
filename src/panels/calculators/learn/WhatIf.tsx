import { useMemo, useState } from 'react';
import { useSettled } from '../../useSettled';
import { TIER_IDS, TIERS, type TierId } from '../../../domain';
import { compareReports, statusDirection } from '../../../domain/report/compare';
import type { Report } from '../../../domain/report/types';
import { CompareChecks, CompareFigures } from '../../compare/CompareTable';
import { describeElements } from '../elements';
import { useSelectAndZoom } from '../focus';
import { setTargetTier } from '../TopBarControls';
import { useDocument, useEditor, useReportState, useSession } from '../../../editor/EditorProvider';
import { ReportUnavailable } from '../ReportUnavailable';

/** The tier after `tier` (or before the last), a sensible first "what if". */
function nextTier(tier: TierId): TierId {
  const i = TIER_IDS.indexOf(tier);
  return TIER_IDS[i + 1] ?? TIER_IDS[i - 1] ?? tier;
}

/**
 * Lesson (b), "What if": the open layout checked against another tier, listing the checks whose
 * status flips, before and after, and the figures that change. It is the compare dialog's
 * comparison (compareReports and its table) with the same layout on both sides, under two tiers. Applying the tier is a document edit (one undo step).
 *
 * The "before" side is the live report (useReport: once per frame, shared with the panels); only
 * the other tier's report is computed here, memoised by (document, tier) and deferred, so an edit
 * or a pick of another tier answers at once and the list follows when React has time.
 */
export function WhatIf({ defaultTier }: { defaultTier?: TierId }) {
  const state = useReportState();
  if (!state.ok)
    return (
      <ReportUnavailable error={state.error} pending={state.pending} testId="what-if-unavailable" />
    );
  return <WhatIfOf report={state.report} defaultTier={defaultTier} />;
}

function WhatIfOf({ report, defaultTier }: { report: Report; defaultTier?: TierId | undefined }) {
  const editor = useEditor();
  const selectAndZoom = useSelectAndZoom();
  const doc = useDocument((s) => s.doc);
  const units = useSession((s) => s.units);
  const from = report.targetTier;
  const [picked, setPicked] = useState<TierId | null>(defaultTier ?? null);
  const to = picked ?? nextTier(from);
  const shownDoc = useSettled(doc);
  const shownTo = useSettled(to);
  const stale = shownDoc !== doc || shownTo !== to;
  // The live report may be a frame behind the document (just applied the tier: nothing to compare).
  const sameTier = shownTo === from || shownTo === shownDoc.settings.targetTier;
  // The other tier's report follows the (deferred) document alone, so that a live report arriving
  // while the document is deferred does not ask for the other tier's report of a stale version.
  const after = useMemo(
    () => (sameTier ? null : editor.retargetedReport(shownDoc, shownTo)),
    [editor, sameTier, shownDoc, shownTo],
  );
  const comparison = useMemo(() => (after ? compareReports(report, after) : null), [report, after]);
  const flips = (comparison?.changedChecks ?? []).filter(
    (c) => c.before !== null && c.after !== null,
  );
  const worse = flips.filter((f) => statusDirection(f.before!, f.after!) === 'worse').length;
  const short = (tier: TierId) => TIERS[tier].label.replace(/\s*\(.*$/, '');
  return (
    <section
      className="what-if"
      data-testid="what-if"
      aria-labelledby="what-if-title"
      aria-busy={stale || undefined}
    >
      <h3 id="what-if-title">What if this layout had to host another tier?</h3>
      <div className="lesson-controls">
        <span>
          “<bdi>{report.name || 'Untitled campus'}</bdi>” targets{' '}
          <strong>{TIERS[from].label}</strong>. Re-target to
        </span>
        <select
          aria-label="Re-target to tier"
          data-testid="what-if-tier"
          value={to}
          onChange={(e) => setPicked(e.target.value as TierId)}
        >
          {TIER_IDS.map((id) => (
            <option key={id} value={id}>
              {TIERS[id].label}
            </option>
          ))}
        </select>
        {to !== from && (
          <button
            type="button"
            className="secondary-button"
            data-testid="what-if-apply"
            onClick={() => setTargetTier(editor.document, to)}
            title="Make it the layout’s target tier (Ctrl+Z undoes)"
          >
            Apply as target tier
          </button>
        )}
      </div>
      {sameTier ? (
        <p className="muted">This is the layout’s target tier already: pick another to compare.</p>
      ) : flips.length === 0 ? (
        <p className="muted" data-testid="what-if-none">
          No check changes status between {TIERS[from].label} and {TIERS[shownTo].label}.
        </p>
      ) : (
        <>
          <p className="what-if-summary">
            {flips.length} check{flips.length === 1 ? '' : 's'} flip: {worse} worse,{' '}
            {flips.length - worse} better.
          </p>
          <CompareChecks
            checks={flips}
            labelA={short(from)}
            labelB={short(shownTo)}
            units={units}
            testId="what-if-list"
            itemTestId="flip-"
            onShow={(f) => {
              editor.ui.getState().closeLearn();
              selectAndZoom(f.elementIds);
            }}
            showTitle={(f) => `Select and zoom to ${describeElements(shownDoc, f.elementIds)}`}
          />
        </>
      )}
      {comparison &&
        comparison.count.better + comparison.count.worse + comparison.count.changed > 0 && (
          <div className="what-if-figures">
            <h4>Figures that change</h4>
            <CompareFigures
              comparison={comparison}
              labelA={short(from)}
              labelB={short(shownTo)}
              units={units}
              onlyDifferent
            />
          </div>
        )}
    </section>
  );
}
