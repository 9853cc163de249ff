import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { TIERS } from '../../domain';
import type { Totals } from '../../domain/report';
import { formatCount, formatExact, formatMw, formatUsd } from '../../domain/units';
import { useDocument, useEditor, useFiles, useSession } from '../../editor/EditorProvider';
import { showCheckMessage } from '../../panels/calculators/localize';
import { PhaseTimeline } from '../../panels/calculators/ProgramView';
import { totalsLine } from './sheet';

/**
 * The print view: the layout's name and target tier, a picture of the whole campus, the
 * calculators' totals and the checklist. On screen it is hidden; the `@media print` rules in
 * files.css print it alone. Rendered into <body> so that it is not inside the app's layout.
 */

const TOTALS: readonly [string, (t: Totals) => string][] = [
  ['IT load', (t) => formatMw(t.itMw)],
  ['Facility load', (t) => `${formatMw(t.facilityMw)} (PUE ${formatExact(t.pue, 2)})`],
  ['Installed substations', (t) => `${formatExact(t.installedMva, 0)} MVA`],
  [
    'Usable power',
    (t) =>
      `${formatMw(t.usableMw)} (${t.powerHeadroomMw >= 0 ? `${formatMw(t.powerHeadroomMw)} headroom` : `${formatMw(-t.powerHeadroomMw)} short`})`,
  ],
  [
    'Cooling capacity',
    (t) => `${formatMw(t.coolingCapacityMw)} for ${formatMw(t.cooledLoadMw)} cooled`,
  ],
  ['Racks', (t) => formatCount(t.racks)],
  ['GPUs', (t) => formatCount(t.gpus)],
  ['Worst rack floor load', (t) => `${formatExact(t.maxRackKpa, 1)} kPa`],
  [
    'Fiber route',
    (t) => `${formatExact(t.fiberRouteMiles, 2)} mi (${formatExact(t.fiberRouteM / 1000, 2)} km)`,
  ],
  ['Fiber strand miles', (t) => `${formatExact(t.fiberStrandMiles, 0)} mi`],
  [
    'Parcel',
    (t) =>
      `${formatExact(t.parcelAcres, 1)} acres · ${formatExact(t.itMwPerAcre, 2)} MW IT per acre`,
  ],
  [
    'Latency domains',
    (t) =>
      `${formatCount(t.latencyDomains)} (largest ${formatCount(t.largestDomainGpus)} GPUs, longest path ${formatExact(t.longestPathM, 0)} m)`,
  ],
];

const STATUS_TEXT = { pass: 'Pass', warn: 'Warn', fail: 'Fail' } as const;

export function PrintReport() {
  const editor = useEditor();
  const print = useFiles((s) => s.print);
  const doc = useDocument((s) => s.doc);
  const units = useSession((s) => s.units);

  // Printing from the File menu: once the picture is ready, open the browser's print dialog.
  const requested = print?.requested ?? false;
  const png = print?.png ?? null;
  useEffect(() => {
    if (!requested) return;
    let cancelled = false;
    const go = () => {
      if (cancelled) return;
      editor.files.setState((s) => ({ print: s.print ? { ...s.print, requested: false } : null }));
      window.print();
    };
    if (!png) {
      go();
      return;
    }
    const img = new Image();
    img.onload = img.onerror = () => requestAnimationFrame(go);
    img.src = png;
    return () => {
      cancelled = true;
    };
  }, [editor, requested, png]);

  if (!print) return null;
  const state = editor.reportOf(doc);
  const tier = TIERS[doc.settings.targetTier];
  const date = new Date().toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return createPortal(
    <article className="print-report" data-testid="print-report">
      <header className="print-header">
        <h1>
          <bdi>{doc.name || 'Untitled campus'}</bdi>
        </h1>
        <p>
          Target tier: {tier.label} · Redundancy {doc.settings.redundancy} · Printed {date} · Campus
          Planner
        </p>
        <p className="print-key" data-testid="print-key">
          {totalsLine(state.ok ? state.report : null)}
        </p>
      </header>
      {print.png && <img className="print-picture" src={print.png} alt="The campus layout" />}
      {state.ok ? (
        <>
          <section className="print-section">
            <h2>Totals</h2>
            <table className="print-totals">
              <tbody>
                {TOTALS.map(([label, show]) => (
                  <tr key={label}>
                    <th scope="row">{label}</th>
                    <td>{show(state.report.totals)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="print-section" data-testid="print-phases">
            <h2>Phases and cost (estimates)</h2>
            <p>
              Capex (facility) {formatUsd(state.report.totals.capexUsd)}
              {state.report.totals.capexPerItMwUsd !== null &&
                `, ${formatUsd(state.report.totals.capexPerItMwUsd)} per IT MW`}
              ; IT equipment {formatUsd(state.report.totals.itEquipmentUsd)} — estimates from the
              catalog’s unit costs and the layout’s overrides.
            </p>
            <PhaseTimeline phases={state.report.phases} />
          </section>
          <section className="print-section">
            <h2>
              Checks against {tier.label}: {state.report.summary.pass} pass,{' '}
              {state.report.summary.warn} warn, {state.report.summary.fail} fail
            </h2>
            <table className="print-checks">
              <tbody>
                {state.report.checks.map((c, i) => (
                  <tr key={`${c.id}:${i}`} className={`is-${c.status}`}>
                    <td className="print-status">{STATUS_TEXT[c.status]}</td>
                    <th scope="row">{c.title}</th>
                    <td>{showCheckMessage(c, units)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      ) : (
        <section className="print-section" role="alert" data-testid="print-report-unavailable">
          <h2>Report unavailable</h2>
          <p>The figures and checks of this layout could not be computed: {state.error}</p>
        </section>
      )}
    </article>,
    document.body,
  );
}
