import { useEffect, useRef, useState } from 'react';
import {
  lessonById,
  lessonHref,
  LESSONS,
  type Lesson,
  type LessonId,
} from '../../../domain/lessons';
import { explainCheck } from '../../../domain/report/explain';
import { StatusIcon } from '../Checklist';
import { ExplanationBody } from '../ExplainBody';
import { showCheckMessage } from '../localize';
import { DensityLesson } from './DensityLesson';
import { SourcesPage } from './SourcesPage';
import { WhatIf } from './WhatIf';
import { WhatFits } from './WhatFits';
import { useReportState, useSession, useUi } from '../../../editor/EditorProvider';
import { ReportUnavailable } from '../ReportUnavailable';

/** The lesson's checks in the open layout, each with its explanation (formula and sources). */
function LessonChecks({ lesson }: { lesson: Lesson }) {
  const state = useReportState();
  const units = useSession((s) => s.units);
  if (!state.ok)
    return (
      <ReportUnavailable
        error={state.error}
        pending={state.pending}
        testId="lesson-report-unavailable"
      />
    );
  const { report } = state;
  return (
    <section className="lesson-checks" aria-labelledby="lesson-checks-title">
      <h3 id="lesson-checks-title">In the open layout</h3>
      <p className="muted">
        These checks are marked in the checklist; click one there to see its elements on the plan.
      </p>
      {lesson.checks.map((id, i) => {
        const check = report.checks.find((c) => c.id === id);
        if (!check) return null;
        return (
          <details
            key={id}
            className={`lesson-check is-${check.status}`}
            data-testid={`lesson-check-${id}`}
            data-status={check.status}
            open={i === 0}
          >
            <summary>
              <StatusIcon status={check.status} />
              <span className="lesson-check-title">{check.title}</span>
              <span className="lesson-check-msg">{showCheckMessage(check, units)}</span>
            </summary>
            <ExplanationBody e={explainCheck(id, report.targetTier, report)} headingLevel={4} />
          </details>
        );
      })}
    </section>
  );
}

function CopyLink({ lesson }: { lesson: Lesson }) {
  const [copied, setCopied] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const href = new URL(lessonHref(lesson), window.location.href).href;
  useEffect(() => setCopied(false), [href]);
  return (
    <div className="copy-link">
      <input
        ref={input}
        readOnly
        value={href}
        aria-label="Link to this lesson"
        data-testid="lesson-link"
        onFocus={(e) => e.currentTarget.select()}
      />
      <button
        type="button"
        className="secondary-button"
        onClick={() => {
          input.current?.select();
          const done = () => setCopied(true);
          if (navigator.clipboard) navigator.clipboard.writeText(href).then(done, () => {});
        }}
      >
        {copied ? 'Copied' : 'Copy link'}
      </button>
    </div>
  );
}

export interface LearnViewProps {
  /** The lesson named by the page's URL (`&lesson=`), opened on mount. */
  readonly initialLesson?: LessonId | null;
  /** Open a sample layout by seed name (the shell loads it into the document). */
  readonly openSeed?: (
    name: string,
  ) => Promise<{ readonly ok: true } | { readonly ok: false; readonly message: string }>;
}

/**
 * The Learn view over the canvas: the density lessons. Opened from the top bar's Lessons button
 * or by `/?seed=…&lesson=<id>`; Esc or × closes it.
 */
export function LearnView({ initialLesson, openSeed }: LearnViewProps) {
  const open = useUi((s) => s.learnOpen);
  const lessonId = useUi((s) => s.lessonId);
  const openLesson = useUi((s) => s.openLesson);
  const closeLearn = useUi((s) => s.closeLearn);
  const page = useUi((s) => s.learnPage);
  const sourceAnchor = useUi((s) => s.sourceAnchor);
  const openSources = useUi((s) => s.openSources);
  const [opening, setOpening] = useState(false);
  const [seedError, setSeedError] = useState<string | null>(null);

  useEffect(() => {
    if (initialLesson) openLesson(initialLesson);
  }, [openLesson, initialLesson]);

  if (!open) return null;
  const lesson = lessonById(lessonId) ?? LESSONS[0]!;
  return (
    <section
      className="learn"
      data-testid="learn-view"
      data-lesson={lesson.id}
      aria-label="Lessons"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.stopPropagation();
          closeLearn();
        }
      }}
    >
      <nav className="learn-nav" aria-label="Lessons">
        <div className="learn-nav-head">
          <h2>Lessons</h2>
          <button
            type="button"
            className="icon-button"
            aria-label="Close lessons"
            title="Close (Esc)"
            onClick={closeLearn}
          >
            ×
          </button>
        </div>
        <ol>
          {LESSONS.map((l) => (
            <li key={l.id}>
              <button
                type="button"
                aria-current={page === 'lesson' && l.id === lesson.id ? 'page' : undefined}
                data-testid={`lesson-${l.id}`}
                onClick={() => openLesson(l.id)}
              >
                {l.title}
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="learn-sources-link"
          aria-current={page === 'sources' ? 'page' : undefined}
          data-testid="learn-sources"
          onClick={() => openSources()}
        >
          Sources of every default
        </button>
      </nav>
      {page === 'sources' ? (
        <article className="learn-content" aria-labelledby="sources-title">
          <header className="lesson-head">
            <h2 id="sources-title">Sources</h2>
          </header>
          <SourcesPage anchor={sourceAnchor} />
        </article>
      ) : (
        <article key={lesson.id} className="learn-content" aria-labelledby="lesson-title">
          <header className="lesson-head">
            <h2 id="lesson-title">{lesson.title}</h2>
            <p className="lesson-summary">{lesson.summary}</p>
            <div className="lesson-actions">
              <CopyLink lesson={lesson} />
              {openSeed && (
                <button
                  type="button"
                  className="secondary-button"
                  disabled={opening}
                  data-testid="lesson-open-seed"
                  title="Replaces the open layout with this lesson’s sample"
                  onClick={() => {
                    setOpening(true);
                    setSeedError(null);
                    void openSeed(lesson.seed)
                      .then((r) => setSeedError(r.ok ? null : r.message))
                      .finally(() => setOpening(false));
                  }}
                >
                  Open its sample “{lesson.seed}”
                </button>
              )}
            </div>
            <p className="lesson-seed-note">
              Written for the sample <code>{lesson.seed}</code>; the figures below are those of the
              layout that is open.
            </p>
            {seedError && (
              <p className="field-error" role="alert">
                {seedError}
              </p>
            )}
          </header>
          {lesson.id === 'density' && <DensityLesson />}
          {lesson.id === 'density' && <WhatFits />}
          {lesson.id === 'what-if' && <WhatIf defaultTier={lesson.compareTier} />}
          <LessonChecks lesson={lesson} />
          {lesson.id !== 'what-if' && lesson.compareTier && (
            <WhatIf defaultTier={lesson.compareTier} />
          )}
        </article>
      )}
    </section>
  );
}
