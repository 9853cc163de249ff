import { lazy, memo, Suspense, useCallback, useId, useState, type ReactNode } from 'react';
import { NETWORK, TIERS } from '../../domain';
import type { Explanation } from '../../domain/report/explain';
import type { Check, HallReport, Report, Totals } from '../../domain/report/types';
import {
  formatCount,
  formatMw,
  formatNumber,
  formatQuantity,
  formatUsd,
  m2ToFt2,
  PHYSICS,
} from '../../domain/units';
import type { Units } from '../../state/sessionStore';
import { InfoButton, type Explain } from './Explain';
import { useDocument, useEditor, useSession } from '../../editor/EditorProvider';
import { useLatest } from '../useLatest';

type Field = keyof Totals;

/**
 * The cost section's timeline and cost table, at the foot of the panel: loaded after the first
 * render, not with the start-up code (the initial JavaScript's budget, README "Performance").
 */
const ProgramParts = lazy(() => import('./ProgramView').then((m) => ({ default: m.ProgramParts })));

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
  /** Mean IT load ÷ IT capacity (settings), for the energy figures. */
  readonly utilization: number;
  /** The hall holding the worst rack, if any. */
  readonly worstHall: HallReport | undefined;
  /** Cooling plants drawn: without any, the water figures are not known (shown as —). */
  readonly plants: number;
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
const mwh = (v: number) => `${formatNumber(v, v >= 100 ? 0 : 1)} MWh`;
const perYear = (v: number, unit: string) => `${formatNumber(v, v >= 100 ? 0 : 1)} ${unit}/yr`;
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
    id: 'chain',
    title: 'Power chain',
    cards: [],
  },
  {
    id: 'backup',
    title: 'Backup',
    cards: [
      {
        field: 'backupMw',
        label: 'Backup generation',
        value: ({ t }) => formatMw(t.backupMw),
        note: ({ t, report }) =>
          report.totals.facilityMw <= 0
            ? null
            : t.backupMw >= t.facilityMw - 1e-9
              ? { text: `covers ${formatMw(t.facilityMw)} facility`, tone: 'good' }
              : {
                  text: `${formatMw(t.facilityMw - t.backupMw)} short of facility`,
                  tone: 'bad',
                },
      },
      {
        field: 'rideThroughMin',
        label: 'Battery ride-through',
        value: ({ t }) =>
          t.rideThroughMin === null ? '—' : `${formatNumber(t.rideThroughMin, 1)} min`,
        note: () => ({ text: 'battery MWh at the facility load' }),
      },
    ],
    meter: ({ t }) =>
      t.backupMw > 0 || t.facilityMw > 0
        ? {
            label: 'Facility load of backup generation',
            value: t.facilityMw,
            max: t.backupMw,
            text: `${formatMw(t.facilityMw)} facility on ${formatMw(t.backupMw)} backup`,
          }
        : null,
  },
  {
    id: 'heat',
    title: 'Heat rejection and water',
    cards: [
      {
        field: 'plantMw',
        label: 'Cooling plant',
        value: ({ t }) => formatMw(t.plantMw),
        note: ({ t }) =>
          t.heatToRejectMw <= 0
            ? null
            : t.plantMw >= t.heatToRejectMw - 1e-9
              ? { text: `${pct(t.heatToRejectMw, t.plantMw)} in use`, tone: 'good' }
              : { text: `${formatMw(t.heatToRejectMw - t.plantMw)} short`, tone: 'bad' },
      },
      {
        field: 'heatToRejectMw',
        label: 'Heat to reject',
        value: ({ t }) => formatMw(t.heatToRejectMw),
        note: () => ({ text: 'IT heat of the zones’ rows' }),
      },
      {
        field: 'itEnergyMwhPerYear',
        label: 'IT energy',
        value: ({ t }) => perYear(t.itEnergyMwhPerYear, 'MWh'),
        note: ({ utilization }) => ({
          text: `IT MW × 8,760 h × ${formatNumber(utilization, 2)} utilization`,
        }),
      },
      {
        field: 'waterM3PerYear',
        label: 'Water',
        value: ({ t, plants }) => (plants > 0 ? perYear(t.waterM3PerYear, 'm³') : '—'),
        note: ({ t, plants }) =>
          plants === 0
            ? { text: 'no heat-rejection plant drawn' }
            : t.waterM3PerYear > 0
              ? { text: `${formatNumber(t.waterM3PerYear / 1000, 1)} ML/yr` }
              : { text: 'dry plants use none' },
      },
      {
        field: 'waterGallonsPerYear',
        label: 'Water (US gallons)',
        value: ({ t, plants }) => (plants > 0 ? perYear(t.waterGallonsPerYear, 'US gal') : '—'),
        note: () => ({ text: 'm³ × 264.172' }),
      },
      {
        field: 'wueLPerKwh',
        label: 'Site WUE',
        value: ({ t, plants }) => (plants > 0 ? `${formatNumber(t.wueLPerKwh, 2)} L/kWh` : '—'),
        note: () => ({ text: 'water L ÷ IT kWh' }),
      },
      {
        field: 'energyCostUsdPerYear',
        label: 'Energy cost (est.)',
        value: ({ t }) =>
          t.energyCostUsdPerYear === null ? '—' : `${formatUsd(t.energyCostUsdPerYear)}/yr`,
        note: ({ t }) =>
          t.energyCostUsdPerYear === null
            ? { text: 'no energy price set' }
            : { text: `${mwh(t.itEnergyMwhPerYear)} IT × PUE ${formatNumber(t.pue, 2)}` },
      },
    ],
    meter: ({ t }) =>
      t.plantMw > 0 || t.heatToRejectMw > 0
        ? {
            label: 'Heat to reject of plant capacity',
            value: t.heatToRejectMw,
            max: t.plantMw,
            text: `${formatMw(t.heatToRejectMw)} of ${formatMw(t.plantMw)}`,
          }
        : null,
  },
  {
    id: 'cost',
    title: 'Cost and phases (estimates)',
    cards: [
      {
        field: 'capexUsd',
        label: 'Capex, facility (est.)',
        value: ({ t }) => formatUsd(t.capexUsd),
        note: () => ({ text: 'catalog unit costs; IT apart' }),
      },
      {
        field: 'capexPerItMwUsd',
        label: 'Capex per IT MW (est.)',
        value: ({ t }) => (t.capexPerItMwUsd === null ? '—' : formatUsd(t.capexPerItMwUsd)),
        note: () => ({ text: 'C&W 2025: $9.3–15 M per MW' }),
      },
      {
        field: 'itEquipmentUsd',
        label: 'IT equipment (est.)',
        value: ({ t }) => formatUsd(t.itEquipmentUsd),
        note: () => ({ text: 'racks at catalog prices' }),
      },
      {
        field: 'revenueUsdPerYear',
        label: 'Revenue (est.)',
        value: ({ t }) =>
          t.revenueUsdPerYear === null ? '—' : `${formatUsd(t.revenueUsdPerYear)}/yr`,
        note: ({ t }) => (t.revenueUsdPerYear === null ? { text: 'no revenue per MW set' } : null),
      },
      {
        field: 'paybackYears',
        label: 'Simple payback (est.)',
        value: ({ t }) => (t.paybackYears === null ? '—' : `${formatNumber(t.paybackYears, 1)} yr`),
        note: () => ({ text: 'capex ÷ (revenue − energy)' }),
      },
    ],
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

/**
 * One figure's card, from plain values: a report that leaves the figure as it was (most of them,
 * while a hall is dragged) does not render it again. The ⓘ explains the latest report.
 */
const CardView = memo(function CardView({
  field,
  label,
  value,
  raw,
  noteText,
  noteTone,
  getReport,
}: {
  field: Field;
  label: string;
  value: string;
  /** The SI figure, for `data-value`. */
  raw: string;
  noteText: string | undefined;
  noteTone: Note['tone'];
  getReport: () => Report;
}) {
  const { document } = useEditor();
  const explain = useCallback<Explain>(
    (m) => m.explainTotal(field, document.getState().doc, getReport()),
    [field, document, getReport],
  );
  return (
    <div className="total" data-testid={`total-${field}`} data-value={raw}>
      <div className="total-head">
        <span className="total-label">{label}</span>
        <InfoButton
          label={label}
          explain={explain}
          extra={<span className="explain-value">{value}</span>}
        />
      </div>
      <span className="total-value">{value}</span>
      {noteText !== undefined && (
        <span className={`total-note${noteTone ? ` is-${noteTone}` : ''}`}>{noteText}</span>
      )}
    </div>
  );
});

const MeterView = memo(function MeterView({
  label,
  value,
  max,
  text,
}: {
  label: string;
  value: number;
  max: number;
  text: string;
}) {
  const over = value > max;
  const frac = max > 0 ? Math.min(1, value / max) : value > 0 ? 1 : 0;
  return (
    <div className={`meter${over ? ' is-over' : ''}`} aria-label={`${label}: ${text}`}>
      <div className="meter-track">
        <div className="meter-fill" style={{ width: `${frac * 100}%` }} />
      </div>
      <span className="meter-text">{text}</span>
    </div>
  );
});

/** Hall averages: all rack mass over the hall area (not a report total, so explained here). */
const HallAverages = memo(function HallAverages({
  halls,
  units,
}: {
  halls: readonly HallReport[];
  units: Units;
}) {
  const withRacks = halls.filter((h) => h.racks > 0);
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
});

/**
 * One hall's row of the feed table, from plain figures: a report that leaves a hall's figures as
 * they were (a drag of another hall) does not render its row again.
 */
const FeedRow = memo(function FeedRow({
  id,
  name,
  feedMva,
  itMw,
  pue,
  status,
}: {
  id: string;
  name: string;
  feedMva: number | null;
  itMw: number;
  pue: number;
  status: FeedStatus;
}) {
  const load = itMw * pue;
  return (
    <tr data-testid={`hall-feed-${id}`} data-value={String(feedMva)} data-status={status}>
      <th scope="row" className="hall-name">
        {name || id}
      </th>
      <td className="is-num">{feedMva === null ? '—' : formatNumber(feedMva, 1)}</td>
      <td className="is-num" title={`${formatMw(itMw)} IT × PUE ${formatNumber(pue, 2)}`}>
        {formatNumber(load, load >= 100 ? 0 : 1)}
      </td>
      <td
        className={
          status === 'fed'
            ? 'is-good'
            : status === 'short' || status === 'no feeder'
              ? 'is-bad'
              : 'muted'
        }
      >
        {status}
      </td>
    </tr>
  );
});

/**
 * A campus with more halls than this shows the first FEED_ROWS_FIRST in the feed table, and every
 * hall short of its feed, until asked for all: hundreds of rows in a totals panel are hard to
 * read, and they cost the page a long layout when a large campus's first report arrives.
 */
const FEED_ROWS_MAX = 24;
const FEED_ROWS_FIRST = 12;

type FeedStatus = 'fed' | 'short' | 'no feeder' | 'not drawn';

/** A status the table must always show (the hall lacks feed). */
function needsFeed(status: FeedStatus): boolean {
  return status === 'short' || status === 'no feeder';
}

/**
 * Rule 9 per hall: the feed after redundancy against the hall's facility load. A hall is short
 * when the `hall-feed` check names it (one function decides; this table only shows it).
 */
const HallFeedTable = memo(function HallFeedTable({
  halls: all,
  check,
  redundancy,
  pue,
  getReport,
}: {
  halls: readonly HallReport[];
  /** The `hall-feed` check, if the report has it. */
  check: Check | undefined;
  redundancy: string;
  pue: number;
  getReport: () => Report;
}) {
  const { document } = useEditor();
  const [showAll, setShowAll] = useState(false);
  const tableId = useId();
  const short = new Set(check?.status === 'fail' ? check.elementIds : []);
  const notDrawn = check?.status === 'warn';
  const fed = all.filter((h) => h.racks > 0);
  const statusOf = (h: HallReport): FeedStatus =>
    h.feedMva === null ? (notDrawn ? 'not drawn' : 'no feeder') : short.has(h.id) ? 'short' : 'fed';
  const many = fed.length > FEED_ROWS_MAX;
  // Cut short: the first FEED_ROWS_FIRST halls, and every hall short of its feed, in file order.
  const halls =
    many && !showAll ? fed.filter((h, i) => i < FEED_ROWS_FIRST || needsFeed(statusOf(h))) : fed;
  const explain: Explain = (m) =>
    m.explainCheck('hall-feed', document.getState().doc.settings.targetTier, getReport());
  return (
    <div className="feed-table-wrap" data-testid="hall-feed-table">
      <div className="total-head">
        <span className="total-label">Hall feeds ({redundancy})</span>
        <InfoButton label="hall feeds" explain={explain} />
      </div>
      {halls.length === 0 ? (
        <p className="empty-note">No halls with racks to feed.</p>
      ) : (
        <table className="hall-table feed-table" id={tableId}>
          <thead>
            <tr>
              <th scope="col">Hall</th>
              <th scope="col" className="is-num">
                Feed MVA
              </th>
              <th scope="col" className="is-num" title="IT MW × PUE: the hall's facility load">
                Load MW
              </th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {halls.map((h) => (
              <FeedRow
                key={h.id}
                id={h.id}
                name={h.name}
                feedMva={h.feedMva}
                itMw={h.itMw}
                pue={pue}
                status={statusOf(h)}
              />
            ))}
          </tbody>
        </table>
      )}
      {many && (
        <button
          type="button"
          className="link-button"
          data-testid="hall-feed-more"
          aria-expanded={showAll}
          aria-controls={tableId}
          onClick={() => setShowAll((v) => !v)}
        >
          {showAll
            ? `Show the first ${FEED_ROWS_FIRST} halls and those short`
            : `Show all ${fed.length} halls (${halls.length} shown)`}
        </button>
      )}
    </div>
  );
});

/** Every report total, grouped, each with its SI value in `data-value` and an ⓘ explanation. */
export const TotalsView = memo(function TotalsView({ report }: { report: Report }) {
  const units = useSession((s) => s.units);
  const redundancy = useDocument((s) => s.doc.settings.redundancy);
  const powerFactor = useDocument((s) => s.doc.settings.powerFactor);
  const utilization = useDocument((s) => s.doc.settings.utilization);
  const plants = useDocument((s) => s.doc.coolingPlants.length);
  let worstHall: HallReport | undefined;
  for (const h of report.halls) {
    if (h.racks > 0 && (!worstHall || h.maxRackKpa > worstHall.maxRackKpa)) worstHall = h;
  }
  const getReport = useLatest(report);
  const c: Ctx = {
    t: report.totals,
    report,
    units,
    redundancy,
    powerFactor,
    utilization,
    worstHall,
    plants,
  };
  return (
    <div className="totals-view">
      {SECTIONS.map((s) => {
        const meter = s.meter?.(c) ?? null;
        let extra: ReactNode = null;
        if (s.id === 'floor') extra = <HallAverages halls={report.halls} units={units} />;
        if (s.id === 'chain')
          extra = (
            <HallFeedTable
              halls={report.halls}
              check={report.checks.find((x) => x.id === 'hall-feed')}
              redundancy={redundancy}
              pue={report.totals.pue}
              getReport={getReport}
            />
          );
        if (s.id === 'cost')
          extra = (
            <Suspense fallback={null}>
              <ProgramParts phases={report.phases} capexByCategory={report.capexByCategory} />
            </Suspense>
          );
        return (
          <section key={s.id} className="panel-section" aria-labelledby={`totals-${s.id}`}>
            <h2 id={`totals-${s.id}`} className="section-title">
              {s.title}
            </h2>
            <div className="totals">
              {s.cards.map((card) => {
                const note = card.note?.(c) ?? null;
                return (
                  <CardView
                    key={card.field}
                    field={card.field}
                    label={card.label}
                    value={card.value(c)}
                    raw={String(c.t[card.field])}
                    noteText={note?.text}
                    noteTone={note?.tone}
                    getReport={getReport}
                  />
                );
              })}
              {extra}
            </div>
            {meter && <MeterView {...meter} />}
          </section>
        );
      })}
    </div>
  );
});
