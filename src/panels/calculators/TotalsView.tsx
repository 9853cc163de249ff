import { memo, type ReactNode } from 'react';
import { NETWORK, TIERS, type Layout } from '../../domain';
import { explainTotal, type Explanation } from '../../domain/report/explain';
import type { HallReport, Report, Totals } from '../../domain/report/types';
import {
  formatCount,
  formatMw,
  formatNumber,
  formatQuantity,
  m2ToFt2,
  PHYSICS,
} from '../../domain/units';
import type { Units } from '../../state/sessionStore';
import { InfoButton } from './Explain';
import { useDocument, useEditor, useSession } from '../../editor/EditorProvider';

type Field = keyof Totals;

interface Note {
  readonly text: string;
  readonly tone?: 'good' | 'bad';
}

interface Ctx {
  readonly t: Totals;
  readonly report: Report;
  readonly units: Units;
  readonly redundancy: string;
  readonly powerFactor: number;
  /** The hall holding the worst rack, if any. */
  readonly worstHall: HallReport | undefined;
}

interface Card {
  readonly field: Field;
  readonly label: string;
  readonly value: (c: Ctx) => string;
  readonly note?: (c: Ctx) => Note | null;
}

interface Meter {
  readonly label: string;
  readonly value: number;
  readonly max: number;
  readonly text: string;
}

interface Section {
  readonly id: string;
  readonly title: string;
  readonly cards: readonly Card[];
  /** A bar comparing two of the section's figures (load against capacity). */
  readonly meter?: (c: Ctx) => Meter | null;
}

const q = (si: number, kind: Parameters<typeof formatQuantity>[1], u: Units, decimals?: number) =>
  formatQuantity(si, kind, u, decimals === undefined ? {} : { decimals }).text;
const signedMw = (mw: number) => `${mw >= 0 ? '+' : '−'}${formatMw(Math.abs(mw))}`;
const pct = (a: number, b: number) => (b > 0 ? `${formatNumber((a / b) * 100, 0)}%` : '—');

const SECTIONS: readonly Section[] = [
  {
    id: 'power',
    title: 'Power',
    cards: [
      { field: 'itMw', label: 'IT load', value: ({ t }) => formatMw(t.itMw) },
      {
        field: 'facilityMw',
        label: 'Facility load',
        value: ({ t }) => formatMw(t.facilityMw),
        note: ({ t }) => ({ text: `IT × PUE ${formatNumber(t.pue, 2)}` }),
      },
      {
        field: 'pue',
        label: 'PUE',
        value: ({ t }) => formatNumber(t.pue, 2),
        note: () => ({ text: 'facility ÷ IT energy' }),
      },
      {
        field: 'installedMva',
        label: 'Installed substations',
        value: ({ t }) => `${formatNumber(t.installedMva, 1)} MVA`,
      },
      {
        field: 'usableMw',
        label: 'Usable power',
        value: ({ t }) => formatMw(t.usableMw),
        note: ({ redundancy, powerFactor }) => ({
          text: `under ${redundancy}, power factor ${formatNumber(powerFactor, 2)}`,
        }),
      },
      {
        field: 'powerHeadroomMw',
        label: 'Headroom',
        value: ({ t }) => signedMw(t.powerHeadroomMw),
        note: ({ t }) =>
          t.powerHeadroomMw >= 0
            ? { text: 'usable − facility', tone: 'good' }
            : { text: 'short of power', tone: 'bad' },
      },
    ],
    meter: ({ t }) =>
      t.usableMw > 0 || t.facilityMw > 0
        ? {
            label: 'Facility load of usable power',
            value: t.facilityMw,
            max: t.usableMw,
            text: `${formatMw(t.facilityMw)} of ${formatMw(t.usableMw)} (${pct(t.facilityMw, t.usableMw)})`,
          }
        : null,
  },
  {
    id: 'compute',
    title: 'Compute',
    cards: [
      { field: 'racks', label: 'Racks', value: ({ t }) => formatCount(t.racks) },
      { field: 'gpus', label: 'GPUs', value: ({ t }) => formatCount(t.gpus) },
    ],
  },
  {
    id: 'cooling',
    title: 'Cooling',
    cards: [
      {
        field: 'coolingCapacityMw',
        label: 'Cooling capacity',
        value: ({ t }) => formatMw(t.coolingCapacityMw),
        note: ({ t }) =>
          t.cooledLoadMw <= t.coolingCapacityMw
            ? { text: `${pct(t.cooledLoadMw, t.coolingCapacityMw)} in use`, tone: 'good' }
            : { text: `${formatMw(t.cooledLoadMw - t.coolingCapacityMw)} over`, tone: 'bad' },
      },
      {
        field: 'cooledLoadMw',
        label: 'Heat load cooled',
        value: ({ t }) => formatMw(t.cooledLoadMw),
        note: ({ t }) =>
          t.itMw - t.cooledLoadMw > 1e-9
            ? { text: `${formatMw(t.itMw - t.cooledLoadMw)} IT in no zone`, tone: 'bad' }
            : { text: `all ${formatMw(t.itMw)} IT` },
      },
    ],
    meter: ({ t }) =>
      t.coolingCapacityMw > 0 || t.cooledLoadMw > 0
        ? {
            label: 'Heat load of cooling capacity',
            value: t.cooledLoadMw,
            max: t.coolingCapacityMw,
            text: `${formatMw(t.cooledLoadMw)} of ${formatMw(t.coolingCapacityMw)}`,
          }
        : null,
  },
  {
    id: 'floor',
    title: 'Floor loading',
    cards: [
      {
        field: 'maxRackKpa',
        label: 'Worst rack point load',
        value: ({ t, units }) => q(t.maxRackKpa, 'pressure', units),
        note: ({ t, units, worstHall }) =>
          worstHall
            ? {
                text: `vs ${q(worstHall.floorRatingKpa, 'pressure', units)} floor in ${worstHall.name || worstHall.id}`,
                tone: t.maxRackKpa > worstHall.floorRatingKpa ? 'bad' : 'good',
              }
            : null,
      },
    ],
    meter: ({ t, units, worstHall }) =>
      worstHall
        ? {
            label: 'Worst rack point load of the floor rating',
            value: t.maxRackKpa,
            max: worstHall.floorRatingKpa,
            text: `${q(t.maxRackKpa, 'pressure', units)} on a ${q(worstHall.floorRatingKpa, 'pressure', units)} floor (${pct(t.maxRackKpa, worstHall.floorRatingKpa)})`,
          }
        : null,
  },
  {
    id: 'fiber',
    title: 'Fiber',
    cards: [
      {
        field: 'fiberRouteMiles',
        label: 'Route miles',
        value: ({ t }) => `${formatNumber(t.fiberRouteMiles, 2)} mi`,
        note: () => ({ text: 'trench length, each path once' }),
      },
      {
        field: 'fiberStrandMiles',
        label: 'Strand miles',
        value: ({ t }) =>
          `${formatNumber(t.fiberStrandMiles, t.fiberStrandMiles >= 100 ? 0 : 1)} mi`,
        note: () => ({ text: 'trench length × fibers in it' }),
      },
      {
        field: 'fiberRouteM',
        label: 'Trench route length',
        value: ({ t, units }) => q(t.fiberRouteM, 'distance', units),
        note: () => ({ text: 'a stretch trenches share counts once' }),
      },
      {
        field: 'fiberTrenchM',
        label: 'Trench length, every trench',
        value: ({ t, units }) => q(t.fiberTrenchM, 'distance', units),
        note: ({ t, units }) =>
          t.fiberTrenchM > t.fiberRouteM
            ? { text: `${q(t.fiberTrenchM - t.fiberRouteM, 'distance', units)} shared` }
            : { text: 'no trench shares a stretch' },
      },
    ],
  },
  {
    id: 'land',
    title: 'Land',
    cards: [
      {
        field: 'parcelAcres',
        label: 'Parcel acres',
        value: ({ t }) => `${formatNumber(t.parcelAcres, 1)} acres`,
      },
      {
        field: 'parcelAreaM2',
        label: 'Parcel area',
        value: ({ t, units }) =>
          units === 'imperial'
            ? `${formatNumber(m2ToFt2(t.parcelAreaM2), 0)} ft²`
            : `${formatNumber(t.parcelAreaM2, 0)} m²`,
        note: ({ t, units }) =>
          units === 'metric' ? { text: q(t.parcelAreaM2, 'landArea', units) } : null,
      },
      {
        field: 'itMwPerAcre',
        label: 'IT MW per acre',
        value: ({ t }) => `${formatNumber(t.itMwPerAcre, 2)} MW`,
        note: ({ t }) =>
          t.itMwPerAcre > 0
            ? { text: `${formatNumber(1 / t.itMwPerAcre, 2)} acres per IT MW` }
            : null,
      },
    ],
  },
  {
    id: 'latency',
    title: 'Latency domains',
    cards: [
      {
        field: 'latencyDomains',
        label: 'Domains',
        value: ({ t }) => formatCount(t.latencyDomains),
        note: ({ report, units }) => ({
          text: `halls within ${q(TIERS[report.targetTier].domainReachM.value, 'distance', units)} of fiber`,
        }),
      },
      {
        field: 'largestDomainGpus',
        label: 'Largest domain GPUs',
        value: ({ t }) => formatCount(t.largestDomainGpus),
        note: ({ t, report }) => {
          const need = TIERS[report.targetTier].clusterGpus.value;
          if (need <= 0) return null;
          return {
            text: `${formatCount(need)} needed`,
            tone: t.largestDomainGpus >= need ? 'good' : 'bad',
          };
        },
      },
      {
        field: 'largestDomainItMw',
        label: 'Largest domain IT',
        value: ({ t }) => formatMw(t.largestDomainItMw),
      },
      {
        field: 'longestPathM',
        label: 'Longest fiber path',
        value: ({ t, units }) => q(t.longestPathM, 'distance', units),
      },
      {
        field: 'longestPathUs',
        label: 'Fiber delay (one-way)',
        value: ({ t }) => `${formatNumber(t.longestPathUs, 2)} µs`,
        note: () => ({ text: `${formatNumber(PHYSICS.fiberUsPerKm.value)} µs per km of fiber` }),
      },
      {
        field: 'oneWayLatencyUs',
        label: 'One-way latency',
        value: ({ t }) => `${formatNumber(t.oneWayLatencyUs, 2)} µs`,
        note: () => ({
          text: `fiber + ${formatNumber(NETWORK.hopsPerPath.value)} switch hops × ${formatNumber(NETWORK.switchHopUs.value)} µs`,
        }),
      },
    ],
  },
];

function explainField(doc: () => Layout, field: Field, report: Report): () => Explanation {
  return () => explainTotal(field, doc(), report);
}

function CardView({ card, c }: { card: Card; c: Ctx }) {
  const { document } = useEditor();
  const value = card.value(c);
  const note = card.note?.(c) ?? null;
  return (
    <div className="total" data-testid={`total-${card.field}`} data-value={String(c.t[card.field])}>
      <div className="total-head">
        <span className="total-label">{card.label}</span>
        <InfoButton
          label={card.label}
          explain={explainField(() => document.getState().doc, card.field, c.report)}
          extra={<span className="explain-value">{value}</span>}
        />
      </div>
      <span className="total-value">{value}</span>
      {note && (
        <span className={`total-note${note.tone ? ` is-${note.tone}` : ''}`}>{note.text}</span>
      )}
    </div>
  );
}

function MeterView({ m }: { m: Meter }) {
  const over = m.value > m.max;
  const frac = m.max > 0 ? Math.min(1, m.value / m.max) : m.value > 0 ? 1 : 0;
  return (
    <div className={`meter${over ? ' is-over' : ''}`} aria-label={`${m.label}: ${m.text}`}>
      <div className="meter-track">
        <div className="meter-fill" style={{ width: `${frac * 100}%` }} />
      </div>
      <span className="meter-text">{m.text}</span>
    </div>
  );
}

/** Hall averages: all rack mass over the hall area (not a report total, so explained here). */
function HallAverages({ report, units }: { report: Report; units: Units }) {
  const withRacks = report.halls.filter((h) => h.racks > 0);
  if (withRacks.length === 0) return null;
  let hi = withRacks[0]!;
  let lo = withRacks[0]!;
  for (const h of withRacks) {
    if (h.avgFloorKpa > hi.avgFloorKpa) hi = h;
    if (h.avgFloorKpa < lo.avgFloorKpa) lo = h;
  }
  const range =
    hi === lo || Math.abs(hi.avgFloorKpa - lo.avgFloorKpa) < 1e-9
      ? q(hi.avgFloorKpa, 'pressure', units)
      : `${q(lo.avgFloorKpa, 'pressure', units)} – ${q(hi.avgFloorKpa, 'pressure', units)}`;
  const explain = (): Explanation => ({
    title: 'Hall average floor load',
    formula: 'hall average kPa = Σ rack mass in the hall × 9.807 / hall area / 1000',
    inputs: withRacks.map((h) => ({
      label: h.name || h.id,
      value: `${formatNumber(h.avgFloorKpa, 2)} kPa over ${formatNumber(h.areaM2, 0)} m² (rating ${formatNumber(h.floorRatingKpa, 1)} kPa)`,
    })),
    sources: [
      {
        label: 'Standard gravity',
        value: `${PHYSICS.gravity.value} m/s²`,
        basis: PHYSICS.gravity.basis,
        grade: PHYSICS.gravity.grade,
        estimate: false,
      },
    ],
  });
  return (
    <div className="total" data-testid="hall-average-floor" data-value={String(hi.avgFloorKpa)}>
      <div className="total-head">
        <span className="total-label">Hall averages</span>
        <InfoButton label="hall average floor load" explain={explain} />
      </div>
      <span className="total-value">{range}</span>
      <span className="total-note">highest in {hi.name || hi.id}; aisles spread the load</span>
    </div>
  );
}

/** Every report total, grouped, each with its SI value in `data-value` and an ⓘ explanation. */
export const TotalsView = memo(function TotalsView({ report }: { report: Report }) {
  const units = useSession((s) => s.units);
  const redundancy = useDocument((s) => s.doc.settings.redundancy);
  const powerFactor = useDocument((s) => s.doc.settings.powerFactor);
  let worstHall: HallReport | undefined;
  for (const h of report.halls) {
    if (h.racks > 0 && (!worstHall || h.maxRackKpa > worstHall.maxRackKpa)) worstHall = h;
  }
  const c: Ctx = { t: report.totals, report, units, redundancy, powerFactor, worstHall };
  return (
    <div className="totals-view">
      {SECTIONS.map((s) => {
        const meter = s.meter?.(c) ?? null;
        let extra: ReactNode = null;
        if (s.id === 'floor') extra = <HallAverages report={report} units={units} />;
        return (
          <section key={s.id} className="panel-section" aria-labelledby={`totals-${s.id}`}>
            <h2 id={`totals-${s.id}`} className="section-title">
              {s.title}
            </h2>
            <div className="totals">
              {s.cards.map((card) => (
                <CardView key={card.field} card={card} c={c} />
              ))}
              {extra}
            </div>
            {meter && <MeterView m={meter} />}
          </section>
        );
      })}
    </div>
  );
});
