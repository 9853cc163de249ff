import { memo } from 'react';
import { Checklist } from './Checklist';
import { HallTable } from './HallTable';
import { ReportUnavailable } from './ReportUnavailable';
import { TotalsView } from './TotalsView';
import type { PanelTab } from '../../state/calculatorsUi';
import './calculators.css';
import { usePanelReport, useUi } from '../../editor/EditorProvider';
import { phaseLabel } from '../../domain/report/phases';

const TABS: readonly { id: PanelTab; label: string }[] = [
  { id: 'totals', label: 'Calculators' },
  { id: 'checks', label: 'Checks' },
  { id: 'halls', label: 'Halls' },
];

/**
 * The right panel: the live totals, the tier checklist and the per-hall table, as tabs. The
 * totals and the checklist stay in the document while hidden, so their data-testid hooks
 * (`total-<field>`, `check-<id>`) are always there for tests and scripts.
 */
export const CalculatorsPanel = memo(function CalculatorsPanel() {
  // While the phase slider shows an earlier phase, the report of the campus as of that phase.
  const { state, asOf } = usePanelReport();
  const tab = useUi((s) => s.tab);
  const setTab = useUi((s) => s.setTab);
  // No report: no figure at all, not the previous document's.
  const report = state.ok ? state.report : null;
  const summary = report?.summary;
  const asOfLabel = asOf === null ? null : phaseLabel(state.doc.settings.phases[asOf]!, asOf);
  return (
    <aside className="panel calc-panel" aria-label="Calculators" data-testid="totals-panel">
      <div className="calc-tabs" role="tablist" aria-label="Calculator views">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`calc-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`calc-panel-${t.id}`}
            className="calc-tab"
            data-testid={`tab-${t.id}`}
            onClick={() => setTab(t.id)}
          >
            {t.label}
            {t.id === 'checks' && summary && (summary.fail > 0 || summary.warn > 0) && (
              <span className={`tab-count ${summary.fail > 0 ? 'is-fail' : 'is-warn'}`}>
                {summary.fail > 0 ? summary.fail : summary.warn}
              </span>
            )}
          </button>
        ))}
      </div>
      {asOf !== null && (
        <p className="as-of-phase" data-testid="panel-as-of" data-phase={asOf + 1}>
          As of {asOfLabel}: cumulative figures of the phases built by then.
        </p>
      )}
      {!state.ok && <ReportUnavailable error={state.error} pending={state.pending} />}
      <div
        role="tabpanel"
        id="calc-panel-totals"
        aria-labelledby="calc-tab-totals"
        className="calc-tabpanel"
        hidden={tab !== 'totals'}
      >
        {report && <TotalsView report={report} />}
      </div>
      <div
        role="tabpanel"
        id="calc-panel-checks"
        aria-labelledby="calc-tab-checks"
        className="calc-tabpanel"
        hidden={tab !== 'checks'}
      >
        {report && <Checklist report={report} asOf={asOfLabel} />}
      </div>
      <div
        role="tabpanel"
        id="calc-panel-halls"
        aria-labelledby="calc-tab-halls"
        className="calc-tabpanel"
        hidden={tab !== 'halls'}
      >
        {tab === 'halls' && report && <HallTable report={report} />}
      </div>
    </aside>
  );
});
