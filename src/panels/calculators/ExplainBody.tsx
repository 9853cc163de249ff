/**
 * What an ⓘ shows: the explanation of a figure (formula, inputs, sources with their grades) and the
 * popover that holds it. Loaded on demand, with the explain module, when an ⓘ is first opened
 * (Explain.tsx); the lessons use the same body.
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';
import { createPortal } from 'react-dom';
import type { Grade } from '../../domain';
import * as ExplainModule from '../../domain/report/explain';
import type { Explanation, ExplanationSource } from '../../domain/report/explain';
import { sourceAnchor } from '../../domain/report/sourcesIndex';
import { localizeFigures, showText } from './localize';
import { useReportState, useSession, useUi } from '../../editor/EditorProvider';

/** The confidence grades (docs/sources.md), as the popovers explain them. */
export const GRADE_MEANING: Readonly<Record<Grade, string>> = {
  A: 'A: vendor or standards document',
  B: 'B: reputable press or several agreeing sources',
  C: 'C: a single or conflicting source',
  D: 'D: arithmetic on graded figures',
  X: 'X: no public figure found (an estimate)',
};

export function GradeBadge({ grade, estimate }: { grade: Grade; estimate?: boolean }) {
  return (
    <>
      <span className={`grade grade-${grade}`} title={GRADE_MEANING[grade]} data-grade={grade}>
        {grade}
      </span>
      {(estimate || grade === 'X') && <span className="estimate-tag">estimate</span>}
    </>
  );
}

function SourceItem({ s, units }: { s: ExplanationSource; units: 'metric' | 'imperial' }) {
  const openSources = useUi((u) => u.openSources);
  const anchor = s.ref ? sourceAnchor(s.ref) : undefined;
  return (
    <li className="explain-source">
      <div className="explain-source-head">
        <GradeBadge grade={s.grade} estimate={s.estimate} />
        <span className="explain-source-label">{s.label}</span>
        <span className="explain-source-value">{showText(s.value, units)}</span>
        {anchor && (
          <a
            className="explain-source-link"
            href={`#${anchor}`}
            title="Its entry on the Sources page"
            data-testid="explain-source-link"
            data-anchor={anchor}
            onClick={(e) => {
              e.preventDefault();
              openSources(anchor);
            }}
          >
            Sources
          </a>
        )}
      </div>
      <div className="explain-source-basis">{localizeFigures(s.basis, units)}</div>
    </li>
  );
}

/** An explanation's body: formula, the figures in it, and its sources with their grades. */
export function ExplanationBody({ e, headingLevel = 3 }: { e: Explanation; headingLevel?: 3 | 4 }) {
  const units = useSession((s) => s.units);
  const H = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div className="explain-body">
      <H className="explain-heading">Formula</H>
      <code className="explain-formula" data-testid="explain-formula">
        {showText(e.formula, units)}
      </code>
      {e.inputs.length > 0 && (
        <>
          <H className="explain-heading">Inputs</H>
          <dl className="explain-inputs">
            {e.inputs.map((i, k) => (
              <div key={k} className="explain-input">
                <dt>{i.label}</dt>
                <dd>{showText(i.value, units)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <H className="explain-heading">Sources</H>
      {e.sources.length > 0 ? (
        <ul className="explain-sources" data-testid="explain-sources">
          {e.sources.map((s, k) => (
            <SourceItem key={k} s={s} units={units} />
          ))}
        </ul>
      ) : (
        <p className="explain-none">Counted from the layout: no catalog figures involved.</p>
      )}
    </div>
  );
}

/** The popover's width and its margin to the window's edges, px. */
const POPOVER_WIDTH = 380;
const MARGIN = 8;

/** The open popover, in a portal, placed under (or above) its button and kept on screen. */
export function ExplainPopover({
  id,
  anchor,
  explain,
  extra,
  onClose,
}: {
  id: string;
  anchor: RefObject<HTMLButtonElement | null>;
  /** The explanation, from the explain module (loaded with this popover, on demand). */
  explain: (m: typeof ExplainModule) => Explanation;
  extra?: ReactNode;
  onClose: (refocus: boolean) => void;
}) {
  // Explained again when a new report arrives while it is open (the figures it explains are the
  // latest report's: `explain` reads it when called).
  useReportState();
  const e = explain(ExplainModule);
  const popover = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number; maxHeight: number } | null>(null);
  const close = useRef(onClose);
  useLayoutEffect(() => {
    close.current = onClose;
  });

  const place = useCallback(() => {
    const b = anchor.current?.getBoundingClientRect();
    const p = popover.current;
    if (!b || !p) return;
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const width = Math.min(POPOVER_WIDTH, vw - 2 * MARGIN);
    const height = p.offsetHeight;
    const left = Math.max(MARGIN, Math.min(b.right - width, vw - width - MARGIN));
    let top = b.bottom + 6;
    if (top + height > vh - MARGIN) top = Math.max(MARGIN, b.top - 6 - height);
    setPos({ left, top, maxHeight: vh - 2 * MARGIN });
  }, [anchor]);

  useLayoutEffect(() => {
    place();
    popover.current?.focus({ preventScroll: true });
  }, [place]);

  useEffect(() => {
    const onDown = (ev: PointerEvent) => {
      const t = ev.target as Node | null;
      if (popover.current?.contains(t) || anchor.current?.contains(t)) return;
      close.current(false);
    };
    const onKey = (ev: KeyboardEvent) => {
      if (ev.key === 'Escape') {
        ev.preventDefault();
        ev.stopPropagation();
        close.current(true);
      }
    };
    document.addEventListener('pointerdown', onDown, true);
    document.addEventListener('keydown', onKey, true);
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, true);
    return () => {
      document.removeEventListener('pointerdown', onDown, true);
      document.removeEventListener('keydown', onKey, true);
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, true);
    };
  }, [anchor, place]);

  return createPortal(
    <div
      ref={popover}
      id={id}
      className="explain-popover"
      role="dialog"
      aria-labelledby={`${id}-title`}
      tabIndex={-1}
      data-testid="explain-popover"
      style={
        pos
          ? { left: pos.left, top: pos.top, maxHeight: pos.maxHeight }
          : { left: -9999, top: 0, visibility: 'hidden' }
      }
      onClick={(ev) => ev.stopPropagation()}
    >
      <div className="explain-title-row">
        <h2 id={`${id}-title`} className="explain-title">
          {e.title}
        </h2>
        <button
          type="button"
          className="explain-close"
          aria-label="Close"
          onClick={() => close.current(true)}
        >
          ×
        </button>
      </div>
      {extra && <div className="explain-extra">{extra}</div>}
      <ExplanationBody e={e} />
      <p className="explain-grades">
        Grades: A standard or vendor · B press · C single source · D arithmetic · X estimate
      </p>
    </div>,
    document.body,
  );
}
