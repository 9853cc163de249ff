import { memo } from 'react';
import { TIER_IDS, TIERS, type TierId } from '../../domain';
import {
  useDocument,
  useEditor,
  usePanelReport,
  useSession,
  useUi,
} from '../../editor/EditorProvider';
import type { DocumentStore } from '../../state/documentStore';

/** Change the layout's target tier: a document edit, one undo step. */
export function setTargetTier(document: DocumentStore, tier: TierId): void {
  document.getState().apply((d) => {
    d.settings.targetTier = tier;
  }, `Target tier: ${TIERS[tier].label}`);
}

/** The top bar's tier chip: a select of the five tiers. */
export const TierSelect = memo(function TierSelect() {
  const { document } = useEditor();
  const tierId = useDocument((s) => s.doc.settings.targetTier);
  const setTab = useUi((s) => s.setTab);
  return (
    <label
      className="tier-chip tier-select"
      data-testid="target-tier"
      data-value={tierId}
      title="The rack tier the checks test the layout against"
    >
      <span className="tier-chip-label">Target tier</span>
      <select
        aria-label="Target tier"
        data-testid="target-tier-select"
        value={tierId}
        onChange={(e) => {
          setTargetTier(document, e.target.value as TierId);
          setTab('checks');
        }}
      >
        {TIER_IDS.map((id) => (
          <option key={id} value={id}>
            {TIERS[id].label}
          </option>
        ))}
      </select>
    </label>
  );
});

/**
 * "15 ✓ 1 ! 1 ✕": the checks at a glance; opens the checklist. It counts the report the panel
 * shows: with the phase slider at an earlier phase, that phase's checks (as the checklist does).
 */
export const CheckBadge = memo(function CheckBadge() {
  const { state, asOf } = usePanelReport();
  const report = state.ok ? state.report : null;
  const setTab = useUi((s) => s.setTab);
  if (!report && !state.ok && state.pending) {
    return (
      <button
        type="button"
        className="check-badge is-pending"
        data-testid="check-badge"
        data-pending=""
        aria-label="Checks: computing the figures. Show the checklist"
        title="The figures of this layout are being computed"
        onClick={() => setTab('checks')}
      >
        <span className="badge-part">computing…</span>
      </button>
    );
  }
  if (!report) {
    return (
      <button
        type="button"
        className="check-badge has-fail"
        data-testid="check-badge"
        data-unavailable=""
        aria-label="Checks: report unavailable. Show why"
        title="The report of this layout could not be computed"
        onClick={() => setTab('checks')}
      >
        <span className="badge-part is-fail">report unavailable</span>
      </button>
    );
  }
  const { pass, warn, fail } = report.summary;
  return (
    <button
      type="button"
      className={`check-badge${fail > 0 ? ' has-fail' : warn > 0 ? ' has-warn' : ''}`}
      data-testid="check-badge"
      data-pass={pass}
      data-warn={warn}
      data-fail={fail}
      data-as-of-phase={asOf ?? undefined}
      aria-label={`Checks${asOf === null ? '' : ` as of phase ${asOf + 1}`}: ${pass} pass, ${warn} warn, ${fail} fail. Show the checklist`}
      title={asOf === null ? 'Show the checklist' : `As of phase ${asOf + 1}: show the checklist`}
      onClick={() => setTab('checks')}
    >
      {/* One string each: Preact 11 writes a text child of 0 into the DOM again on every render. */}
      <span className="badge-part is-pass">{`${pass} ✓`}</span>
      <span className="badge-part is-warn">{`${warn} !`}</span>
      <span className="badge-part is-fail">{`${fail} ✕`}</span>
    </button>
  );
});

/** Opens and closes the Learn view (the density lessons). */
export const LessonsButton = memo(function LessonsButton() {
  const ui = useEditor().ui;
  const open = useUi((s) => s.learnOpen);
  const lessonId = useUi((s) => s.lessonId);
  return (
    <button
      type="button"
      className="lessons-button"
      data-testid="lessons-button"
      aria-pressed={open}
      title="Lessons: how rack density drives infrastructure"
      onClick={() => (open ? ui.getState().closeLearn() : ui.getState().openLesson(lessonId))}
    >
      Lessons
    </button>
  );
});

/**
 * The phase slider (only with two phases or more): the campus as of phase k. Below the last
 * phase, later phases are ghosted on the canvas and the calculators show phase k's cumulative
 * figures. Session state (the editor's), never saved or undoable.
 */
export const PhaseSlider = memo(function PhaseSlider() {
  const { session } = useEditor();
  const phases = useDocument((s) => s.doc.settings.phases);
  const asOf = useSession((s) => s.asOfPhase);
  if (phases.length < 2) return null;
  const last = phases.length - 1;
  const k = asOf === null ? last : Math.min(asOf, last);
  const phase = phases[k]!;
  const name = phase.name || phase.id;
  const text = k === last ? `All ${phases.length} phases` : `As of ${name}`;
  return (
    <label
      className={`tier-chip phase-slider${k < last ? ' is-earlier' : ''}`}
      data-testid="phase-slider"
      data-value={k + 1}
      title={`${text}. Show the campus as of a phase: later phases are ghosted and the calculators show the figures built by then`}
    >
      <span className="tier-chip-label">Phase</span>
      <input
        type="range"
        min={1}
        max={phases.length}
        step={1}
        value={k + 1}
        aria-label="As of phase"
        aria-valuetext={`${name}${phase.energize ? ` (${phase.energize})` : ''}`}
        data-testid="phase-slider-input"
        onChange={(e) => {
          const v = Number(e.target.value) - 1;
          session.getState().setAsOfPhase(v >= last ? null : v);
        }}
      />
      <span className="phase-slider-value" data-testid="phase-slider-value">
        {text}
      </span>
      <span className="phase-slider-short" aria-hidden="true">
        {k + 1}/{phases.length}
      </span>
    </label>
  );
});
