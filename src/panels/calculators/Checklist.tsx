import { memo, useCallback, useMemo } from 'react';
import { TIERS } from '../../domain';
import { lessonById } from '../../domain/lessons/lessons';
import type { Check, CheckStatus, Report } from '../../domain/report/types';
import { describeElements } from './elements';
import { InfoButton, type Explain } from './Explain';
import { useSelectAndZoom } from './focus';
import { showCheckMessage } from './localize';
import { useEditor, useSession, useUi } from '../../editor/EditorProvider';
import { useLatest } from '../useLatest';

export const STATUS_ICON: Readonly<Record<CheckStatus, string>> = {
  pass: '✓',
  warn: '!',
  fail: '✕',
};
export const STATUS_WORD: Readonly<Record<CheckStatus, string>> = {
  pass: 'Pass',
  warn: 'Warning',
  fail: 'Fail',
};

/** Checks whose thresholds the target tier sets (docs/rules.md rule 8). */
const TIER_SET = new Set<string>([
  'tier-floor',
  'tier-cooling',
  'tier-density',
  'tier-row-power',
  'tier-redundancy',
  'fiber-density',
  'latency-domain',
]);

const GROUPS: readonly { status: CheckStatus; title: string }[] = [
  { status: 'fail', title: 'Failing' },
  { status: 'warn', title: 'Warnings' },
  { status: 'pass', title: 'Passing' },
];

export function StatusIcon({ status }: { status: CheckStatus }) {
  return (
    <span className={`status-icon is-${status}`} role="img" aria-label={STATUS_WORD[status]}>
      {STATUS_ICON[status]}
    </span>
  );
}

/**
 * One check. Memoised: a report that leaves the check as it was (the same record, kept by the
 * report's transport) does not render it again. The ⓘ explains it in the latest report.
 */
const CheckItem = memo(function CheckItem({
  check,
  getReport,
  highlighted,
  at,
}: {
  check: Check;
  getReport: () => Report;
  highlighted: boolean;
  /** What the check's elements are ("5 halls"), empty when it names none. */
  at: string;
}) {
  const units = useSession((s) => s.units);
  const selectAndZoom = useSelectAndZoom();
  const ids = check.elementIds;
  const message = showCheckMessage(check, units);
  const explain = useCallback<Explain>(
    (m) => {
      const report = getReport();
      return m.explainCheck(check.id, report.targetTier, report);
    },
    [check.id, getReport],
  );
  const body = (
    <>
      <StatusIcon status={check.status} />
      <span className="check-text">
        <span className="check-title">
          {check.title}
          {TIER_SET.has(check.id) && <span className="tier-tag">tier</span>}
          {highlighted && <span className="lesson-tag">lesson</span>}
        </span>
        <bdi className="check-message">{message}</bdi>
        {at ? <span className="check-at">{at} · click to show</span> : null}
      </span>
    </>
  );
  return (
    <li
      className={`check is-${check.status}${highlighted ? ' is-highlighted' : ''}`}
      data-testid={`check-${check.id}`}
      data-status={check.status}
      data-highlighted={highlighted ? 'true' : undefined}
    >
      {ids.length > 0 ? (
        <button
          type="button"
          className="check-main"
          onClick={() => selectAndZoom(ids)}
          title={`Select and zoom to ${at}`}
        >
          {body}
        </button>
      ) : (
        <div className="check-main">{body}</div>
      )}
      <InfoButton label={check.title} explain={explain} testId={`explain-check-${check.id}`} />
    </li>
  );
});

/** The checklist of the live report: failures first, each selectable and explained. */
export const Checklist = memo(function Checklist({
  report,
  asOf = null,
}: {
  report: Report;
  /** The phase slider's "as of phase k" (e.g. "Phase 2 (2027-06)"), or null: the whole campus. */
  asOf?: string | null;
}) {
  const highlighted = useUi((s) => s.highlighted);
  const lessonId = useUi((s) => s.lessonId);
  const clearHighlight = useUi((s) => s.clearHighlight);
  const { document } = useEditor();
  const tier = TIERS[report.targetTier];
  const marked = new Set(highlighted);
  const getReport = useLatest(report);
  // Once per report (at most once per frame while dragging), from the document it was made of.
  const atOf = useMemo(() => {
    const doc = document.getState().doc;
    return new Map(report.checks.map((c) => [c, describeElements(doc, c.elementIds)] as const));
  }, [document, report]);
  const lesson = highlighted.length > 0 ? lessonById(lessonId) : undefined;
  return (
    <section className="panel-section checklist" aria-labelledby="checks-title">
      <h2 id="checks-title" className="section-title">
        Checks <span className="section-sub">against {tier.label}</span>
      </h2>
      {asOf && (
        <p className="as-of-phase" data-testid="checks-as-of">
          As of {asOf}: later phases are left out.
        </p>
      )}
      <div className="check-summary" data-testid="check-summary">
        <span className="chip is-pass">{`${report.summary.pass} pass`}</span>
        <span className="chip is-warn">{`${report.summary.warn} warn`}</span>
        <span className="chip is-fail">{`${report.summary.fail} fail`}</span>
      </div>
      {lesson && (
        <div className="lesson-banner">
          <span>
            Marked for the lesson <strong>{lesson.title}</strong>
          </span>
          <button
            type="button"
            className="text-button"
            onClick={clearHighlight}
            aria-label="Clear lesson marks"
          >
            Clear
          </button>
        </div>
      )}
      {GROUPS.map(({ status, title }) => {
        const list = report.checks.filter((c) => c.status === status);
        if (list.length === 0) return null;
        return (
          <div key={status} className="check-group">
            <h3 className={`check-group-title is-${status}`}>
              {title} <span className="count">{list.length}</span>
            </h3>
            <ul className="checks">
              {/* Keyed by id (a report's check ids are CHECK_IDS, each once), not by place: a
                  check that changes group leaves the items of the others as they are. */}
              {list.map((c) => (
                <CheckItem
                  key={c.id}
                  check={c}
                  getReport={getReport}
                  highlighted={marked.has(c.id)}
                  at={atOf.get(c) ?? ''}
                />
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
});
