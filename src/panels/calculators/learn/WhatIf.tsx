import { useDeferredValue, useMemo, useState } from 'react';
import { TIER_IDS, TIERS, type TierId } from '../../../domain';
import { flipDirection, retargetDiff } from '../../../domain/lessons';
import type { Report } from '../../../domain/report/types';
import { StatusIcon } from '../Checklist';
import { describeElements } from '../elements';
import { useSelectAndZoom } from '../focus';
import { showText } from '../localize';
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
 * status flips, before and after. Applying the tier is a document edit (one undo step).
 *
 * The "before" side is the live report (useReport: once per frame, shared with the panels); only
 * the other tier's report is computed here, memoised by (document, tier) and deferred, so an edit
 * or a pick of another tier answers at once and the list follows when React has time.
 */
export function WhatIf({ defaultTier }: { defaultTier?: TierId }) {
  const state = useReportState();
  if (!state.ok) return <ReportUnavailable error={state.error} testId="what-if-unavailable" />;
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
  const shownDoc = useDeferredValue(doc);
  const shownTo = useDeferredValue(to);
  const stale = shownDoc !== doc || shownTo !== to;
  // The live report may be a frame behind the document (just applied the tier: nothing to compare).
  const sameTier = shownTo === from || shownTo === shownDoc.settings.targetTier;
  const flips = useMemo(
    () =>
      sameTier
        ? []
        : retargetDiff(shownDoc, from, shownTo, {
            before: report,
            after: editor.retargetedReport(shownDoc, shownTo),
          }),
    [editor, sameTier, shownDoc, from, shownTo, report],
  );
  const worse = flips.filter((f) => flipDirection(f) === 'worse').length;
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
          <ul className="flips" data-testid="what-if-list">
            {flips.map((f) => (
              <li
                key={f.id}
                className={`flip is-${flipDirection(f)}`}
                data-testid={`flip-${f.id}`}
                data-before={f.before}
                data-after={f.after}
              >
                <div className="flip-head">
                  <span className="flip-status">
                    <StatusIcon status={f.before} />
                    <span aria-hidden="true">→</span>
                    <StatusIcon status={f.after} />
                  </span>
                  <span className="flip-title">{f.title}</span>
                  {f.elementIds.length > 0 && (
                    <button
                      type="button"
                      className="text-button"
                      onClick={() => {
                        editor.ui.getState().closeLearn();
                        selectAndZoom(f.elementIds);
                      }}
                      title={`Select and zoom to ${describeElements(shownDoc, f.elementIds)}`}
                    >
                      Show on plan
                    </button>
                  )}
                </div>
                <dl className="flip-messages">
                  <dt>{TIERS[from].label.replace(/\s*\(.*$/, '')}</dt>
                  <dd>{showText(f.beforeMessage, units)}</dd>
                  <dt>{TIERS[shownTo].label.replace(/\s*\(.*$/, '')}</dt>
                  <dd>{showText(f.message, units)}</dd>
                </dl>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
