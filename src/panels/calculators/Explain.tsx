import { lazy, Suspense, useId, useRef, useState, type ReactNode } from 'react';
import type * as ExplainModule from '../../domain/report/explain';
import type { Explanation } from '../../domain/report/explain';

/**
 * The popover and the explain module load on demand, when an ⓘ is first opened: they are not
 * needed to show the panel, and they are a tenth of the app's code.
 */
const ExplainPopover = lazy(() =>
  import('./ExplainBody').then((m) => ({ default: m.ExplainPopover })),
);

/** What an ⓘ explains, given the explain module (src/domain/report/explain.ts). */
export type Explain = (m: typeof ExplainModule) => Explanation;

/**
 * A small ⓘ button that opens a popover explaining a figure. Closed, it is one button and one
 * state (there are ~40 on the panel, re-rendered every frame while the user drags); `explain` runs
 * only while open. Esc, the × button or a click outside close it; focus returns to the button.
 */
export function InfoButton({
  label,
  explain,
  extra,
  testId,
}: {
  /** What is explained, for the button's accessible name ("Explain IT load"). */
  label: string;
  explain: Explain;
  /** Shown above the formula (the figure's current value). */
  extra?: ReactNode;
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();
  return (
    <>
      <button
        ref={button}
        type="button"
        className="info-button"
        aria-label={`Explain ${label}`}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        title={`How ${label} is calculated`}
        data-testid={testId}
        onClick={(ev) => {
          ev.stopPropagation();
          setOpen((o) => !o);
        }}
      >
        i
      </button>
      {open && (
        <Suspense fallback={null}>
          <ExplainPopover
            id={id}
            anchor={button}
            explain={explain}
            extra={extra}
            onClose={(refocus) => {
              setOpen(false);
              if (refocus) button.current?.focus();
            }}
          />
        </Suspense>
      )}
    </>
  );
}
