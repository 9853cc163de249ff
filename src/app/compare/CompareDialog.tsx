import { useEffect, useMemo, useRef, useState } from 'react';
import { SEEDS } from '../../../seeds';
import type { Layout } from '../../domain';
import { MAX_FILE_BYTES, type LoadError } from '../../domain/format';
import { computeReport } from '../../domain/report';
import { compareReports } from '../../domain/report/compare';
import type { Report } from '../../domain/report/types';
import { isolate } from '../../domain/text';
import { useEditor, useFiles, useReportState, useSession } from '../../editor/EditorProvider';
import { CompareChecks, CompareFigures, verdictSummary } from '../../panels/compare/CompareTable';
import { ModalDialog } from '../../panels/ModalDialog';
import { checkInWorker } from '../files/documentFiles';
import { layoutToSvg } from '../files/exportSvg';
import { saveScenario } from '../files/scenarios';
import { loadSeed } from '../seeds';
import './compare.css';

/**
 * Compare…: the open layout (A) beside another (B) — a saved scenario of this layout, a sample,
 * or a layout file (checked like any file that is opened: in the worker, every field validated;
 * a bad file shows its problems here and changes nothing). The figures and checks come from
 * compareReports and its table (the What-if lesson shows the same); the two plans are drawn small
 * with the SVG export's drawing. Loaded on first use (React.lazy in dialogs.tsx).
 */

type Other =
  | { readonly state: 'none' }
  | { readonly state: 'loading'; readonly label: string }
  | { readonly state: 'error'; readonly label: string; readonly error: LoadError | string }
  | {
      readonly state: 'ready';
      readonly label: string;
      readonly layout: Layout;
      readonly report: Report | string;
    };

const MB = 1024 * 1024;

function reportOf(layout: Layout): Report | string {
  try {
    return computeReport(layout);
  } catch (e) {
    return `its report could not be computed: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** A static picture of a layout: the SVG export without its title band, as an image. */
function PlanThumb({ layout, label, testId }: { layout: Layout; label: string; testId: string }) {
  const src = useMemo(
    () => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(layoutToSvg(layout))}`,
    [layout],
  );
  return (
    <figure className="compare-thumb" data-testid={testId}>
      <img src={src} alt={`Plan of ${label}`} />
      <figcaption>
        <bdi>{label}</bdi>
      </figcaption>
    </figure>
  );
}

/** A load error in one line: its summary names the first problems already. */
const errorText = (error: LoadError | string): string =>
  (typeof error === 'string' ? error : error.message).replace(/[.\s]+$/, '');

export default function CompareDialog({ close }: { close: () => void }) {
  const editor = useEditor();
  const doc = editor.document.getState().doc;
  const live = useReportState();
  const units = useSession((s) => s.units);
  const scenarios = useFiles((s) => s.scenarios);
  const [source, setSource] = useState<string>(() =>
    scenarios.length > 0 ? `scenario:${scenarios.at(-1)!.name}` : `sample:${SEEDS[0]!.id}`,
  );
  const [other, setOther] = useState<Other>({ state: 'none' });
  const [onlyDifferent, setOnlyDifferent] = useState(false);
  const [scenarioName, setScenarioName] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);
  const generation = useRef(0);

  // A scenario or a sample: loaded when picked. (A file is loaded by its input, below.)
  useEffect(() => {
    const [kind, id = ''] = source.split(/:(.*)/s);
    if (kind !== 'scenario' && kind !== 'sample') return;
    const mine = ++generation.current;
    if (kind === 'scenario') {
      const s = scenarios.find((x) => x.name === id);
      if (!s) return setOther({ state: 'none' });
      const label = `Scenario “${s.name}”`;
      setOther({ state: 'ready', label, layout: s.layout, report: reportOf(s.layout) });
    } else {
      const seed = SEEDS.find((x) => x.id === id);
      const label = seed?.title ?? id;
      setOther({ state: 'loading', label });
      void loadSeed(id).then((r) => {
        if (generation.current !== mine) return;
        setOther(
          r.ok
            ? { state: 'ready', label, layout: r.layout, report: reportOf(r.layout) }
            : { state: 'error', label, error: r.message },
        );
      });
    }
  }, [source, scenarios]);

  const openFile = async (file: File) => {
    const mine = ++generation.current;
    const label = file.name;
    setSource('file');
    if (file.size > MAX_FILE_BYTES) {
      setOther({
        state: 'error',
        label,
        error: `this file is ${(file.size / MB).toFixed(1)} MB; the planner opens files up to ${MAX_FILE_BYTES / MB} MB`,
      });
      return;
    }
    setOther({ state: 'loading', label });
    let result;
    try {
      result = await checkInWorker(editor, { text: await file.text() }, label);
    } catch (e) {
      result = { ok: false as const, error: e instanceof Error ? e.message : String(e) };
    }
    if (generation.current !== mine) return;
    if (!result) return setOther({ state: 'none' });
    setOther(
      result.ok
        ? { state: 'ready', label, layout: result.layout, report: reportOf(result.layout) }
        : { state: 'error', label, error: result.error },
    );
  };

  const labelA = `This layout`;
  const comparison =
    live.ok && other.state === 'ready' && typeof other.report !== 'string'
      ? compareReports(live.report, other.report)
      : null;

  return (
    <ModalDialog
      title="Compare layouts"
      testId="compare"
      className="compare-dialog"
      onClose={close}
      footer={
        <>
          <form
            className="compare-save"
            onSubmit={(e) => {
              e.preventDefault();
              saveScenario(editor, scenarioName);
              setScenarioName('');
            }}
          >
            <input
              aria-label="Scenario name"
              placeholder="Scenario name"
              data-testid="compare-scenario-name"
              value={scenarioName}
              maxLength={75}
              onChange={(e) => setScenarioName(e.currentTarget.value)}
            />
            <button type="submit" className="file-button" data-testid="compare-save-scenario">
              Save this layout as a scenario
            </button>
          </form>
          <button type="button" className="file-button is-primary" onClick={close} autoFocus>
            Close
          </button>
        </>
      }
    >
      <div className="compare-controls">
        <label>
          <span>Compare this layout with</span>{' '}
          <select
            data-testid="compare-source"
            value={source}
            onChange={(e) => setSource(e.currentTarget.value)}
          >
            {scenarios.length > 0 && (
              <optgroup label="Saved scenarios">
                {scenarios.map((s) => (
                  <option key={s.name} value={`scenario:${s.name}`}>
                    {s.name}
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label="Samples">
              {SEEDS.map((s) => (
                <option key={s.id} value={`sample:${s.id}`}>
                  {s.title}
                </option>
              ))}
            </optgroup>
            {source === 'file' && (
              <option value="file">{other.state === 'none' ? 'A file' : other.label}</option>
            )}
          </select>
        </label>
        <button
          type="button"
          className="file-button"
          data-testid="compare-open-file"
          onClick={() => {
            if (fileRef.current) fileRef.current.value = '';
            fileRef.current?.click();
          }}
        >
          A layout file…
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="compare-file-input"
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            if (f) void openFile(f);
          }}
        />
        <label className="compare-only">
          <input
            type="checkbox"
            checked={onlyDifferent}
            data-testid="compare-only-different"
            onChange={(e) => setOnlyDifferent(e.currentTarget.checked)}
          />{' '}
          Only differences
        </label>
      </div>
      {other.state === 'loading' && (
        <p className="muted" data-testid="compare-loading">
          Loading {isolate(other.label)}…
        </p>
      )}
      {other.state === 'error' && (
        <p className="compare-error" role="alert" data-testid="compare-error">
          Could not compare with {isolate(other.label)}: {errorText(other.error)}. Nothing changed.
        </p>
      )}
      {other.state === 'ready' && typeof other.report === 'string' && (
        <p className="compare-error" role="alert" data-testid="compare-error">
          Could not compare with {isolate(other.label)}: {other.report}.
        </p>
      )}
      {!live.ok && live.pending && (
        <p className="compare-pending" role="status">
          Computing this layout’s figures…
        </p>
      )}
      {!live.ok && !live.pending && (
        <p className="compare-error" role="alert">
          This layout’s report cannot be computed, so there is nothing to compare.
        </p>
      )}
      {other.state === 'ready' && (
        <div className="compare-thumbs">
          <PlanThumb
            layout={doc}
            label={`${labelA}: ${doc.name || 'Untitled campus'}`}
            testId="compare-thumb-a"
          />
          <PlanThumb layout={other.layout} label={other.label} testId="compare-thumb-b" />
        </div>
      )}
      {comparison && other.state === 'ready' && (
        <>
          <p className="compare-summary" data-testid="compare-summary">
            <bdi>{other.label}</bdi> against this layout: {verdictSummary(comparison)};{' '}
            {comparison.changedChecks.length === 0
              ? 'no check changes status.'
              : `${comparison.changedChecks.length} check${comparison.changedChecks.length === 1 ? '' : 's'} change status.`}
          </p>
          <div className="compare-scroll">
            <CompareFigures
              comparison={comparison}
              labelA={labelA}
              labelB={other.label}
              units={units}
              onlyDifferent={onlyDifferent}
            />
            {comparison.changedChecks.length > 0 && (
              <>
                <h3 className="compare-h">Checks that differ</h3>
                <CompareChecks
                  checks={comparison.changedChecks}
                  labelA={labelA}
                  labelB={other.label}
                  units={units}
                />
              </>
            )}
          </div>
        </>
      )}
    </ModalDialog>
  );
}
