import { memo } from 'react';
import { TIER_IDS, TIERS, type TierId } from '../../domain';
import { useDocument, useEditor, useReport, useUi } from '../../editor/EditorProvider';
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

/** "15 ✓ 1 ! 1 ✕": the checks at a glance; opens the checklist. */
export const CheckBadge = memo(function CheckBadge() {
  const report = useReport();
  const setTab = useUi((s) => s.setTab);
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
      aria-label={`Checks: ${pass} pass, ${warn} warn, ${fail} fail. Show the checklist`}
      title="Show the checklist"
      onClick={() => setTab('checks')}
    >
      <span className="badge-part is-pass">{pass} ✓</span>
      <span className="badge-part is-warn">{warn} !</span>
      <span className="badge-part is-fail">{fail} ✕</span>
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
