import { memo } from 'react';
import { TIERS } from '../domain';
import type { Check, Report, Totals } from '../domain/report/types';
import { useReport } from '../state/useReport';
import {
  formatCount,
  formatMw,
  formatNumber,
  M_PER_KM,
  M_PER_MILE,
  M2_PER_HECTARE,
} from './format';

type TotalField = keyof Totals;

interface TotalDef {
  readonly field: TotalField;
  readonly label: string;
  /** The headline figure with its unit. */
  readonly show: (t: Totals) => string;
  /** A second line: the same figure in other units, or what it means. */
  readonly note?: (t: Totals) => { text: string; tone?: 'good' | 'bad' } | null;
}

interface Section {
  readonly title: string;
  readonly totals: readonly TotalDef[];
}

const SECTIONS: readonly Section[] = [
  {
    title: 'Power',
    totals: [
      { field: 'itMw', label: 'IT load', show: (t) => formatMw(t.itMw) },
      {
        field: 'facilityMw',
        label: 'Facility load',
        show: (t) => formatMw(t.facilityMw),
        note: (t) => ({ text: `IT × PUE ${formatNumber(t.pue, 2)}` }),
      },
      { field: 'pue', label: 'PUE', show: (t) => formatNumber(t.pue, 2) },
      {
        field: 'usableMw',
        label: 'Usable power',
        show: (t) => formatMw(t.usableMw),
        // Substation MVA after redundancy × power factor, against the facility load.
        note: (t) =>
          t.powerHeadroomMw >= 0
            ? { text: `${formatMw(t.powerHeadroomMw)} headroom`, tone: 'good' }
            : { text: `${formatMw(-t.powerHeadroomMw)} short`, tone: 'bad' },
      },
    ],
  },
  {
    title: 'Compute',
    totals: [
      { field: 'racks', label: 'Racks', show: (t) => formatCount(t.racks) },
      { field: 'gpus', label: 'GPUs', show: (t) => formatCount(t.gpus) },
    ],
  },
  {
    title: 'Fiber',
    totals: [
      {
        field: 'fiberRouteMiles',
        label: 'Route miles (trench length)',
        show: (t) => `${formatNumber(t.fiberRouteMiles, 2)} mi`,
        note: (t) => ({
          text: `${formatNumber((t.fiberRouteMiles * M_PER_MILE) / M_PER_KM, 2)} km of trench`,
        }),
      },
      {
        field: 'fiberStrandMiles',
        label: 'Strand miles (length × fibers)',
        show: (t) => `${formatNumber(t.fiberStrandMiles, 0)} mi`,
      },
    ],
  },
  {
    title: 'Land',
    totals: [
      {
        field: 'parcelAcres',
        label: 'Parcel area',
        show: (t) => `${formatNumber(t.parcelAcres, 1)} acres`,
        note: (t) => ({
          text: `${formatNumber(t.parcelAreaM2 / M2_PER_HECTARE, 1)} ha · ${formatNumber(t.itMwPerAcre, 2)} MW IT per acre`,
        }),
      },
    ],
  },
  {
    title: 'Latency domains',
    totals: [
      { field: 'latencyDomains', label: 'Domains', show: (t) => formatCount(t.latencyDomains) },
      {
        field: 'largestDomainGpus',
        label: 'Largest domain',
        show: (t) => `${formatCount(t.largestDomainGpus)} GPUs`,
        note: (t) =>
          t.latencyDomains > 0 ? { text: `${formatMw(t.largestDomainItMw)} IT` } : null,
      },
    ],
  },
];

function TotalRow({ def, totals }: { def: TotalDef; totals: Totals }) {
  const value = totals[def.field];
  const note = def.note?.(totals) ?? null;
  return (
    <div className="total" data-testid={`total-${def.field}`} data-value={String(value)}>
      <span className="total-label">{def.label}</span>
      <span className="total-value">{def.show(totals)}</span>
      {note && (
        <span className={`total-note${note.tone ? ` is-${note.tone}` : ''}`}>{note.text}</span>
      )}
    </div>
  );
}

const STATUS_ICON: Readonly<Record<Check['status'], string>> = { pass: '✓', warn: '!', fail: '✕' };

function ChecksList({ report }: { report: Report }) {
  const tier = TIERS[report.targetTier];
  return (
    <section className="panel-section" aria-labelledby="checks-title">
      <h2 id="checks-title" className="section-title">
        Checks <span className="section-sub">against {tier.label}</span>
      </h2>
      <div className="check-summary" data-testid="check-summary">
        <span className="chip is-pass">{report.summary.pass} pass</span>
        <span className="chip is-warn">{report.summary.warn} warn</span>
        <span className="chip is-fail">{report.summary.fail} fail</span>
      </div>
      <ul className="checks">
        {report.checks.map((c, i) => (
          <li
            key={`${c.id}:${i}`}
            className={`check is-${c.status}`}
            data-testid={`check-${c.id}`}
            data-status={c.status}
          >
            <span className="check-icon" aria-label={c.status}>
              {STATUS_ICON[c.status]}
            </span>
            <span className="check-title">{c.title}</span>
            <span className="check-message" title={c.message}>
              {c.message}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The totals (each with its SI value in `data-value`) and the checklist of the live report. */
export const TotalsPanel = memo(function TotalsPanel() {
  const report = useReport();
  const { totals } = report;
  return (
    <aside className="panel" aria-label="Calculators" data-testid="totals-panel">
      {SECTIONS.map((section) => (
        <section key={section.title} className="panel-section">
          <h2 className="section-title">{section.title}</h2>
          <div className="totals">
            {section.totals.map((def) => (
              <TotalRow key={def.field} def={def} totals={totals} />
            ))}
          </div>
        </section>
      ))}
      <ChecksList report={report} />
    </aside>
  );
});
