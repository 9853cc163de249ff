import { memo } from 'react';
import { COOLING_COLOURS, KW_BANDS, kwBandIndex } from '../../../canvas/palette';
import { TIERS, type Sourced } from '../../../domain';
import { TRADITIONAL_FACILITY, type TierComparison } from '../../../domain/lessons';
import { formatNumber, formatQuantity, type UnitSystem } from '../../../domain/units';
import { barLength, barScale } from '../chartScale';

/**
 * "How density drives infrastructure" as small multiples: one panel per metric, one bar per
 * tier's flagship rack, each panel on its own 0-based linear axis (the numbers are printed on the
 * bars), with the traditional facility's limits drawn as dashed reference lines.
 */

interface Metric {
  readonly id: string;
  readonly title: string;
  readonly value: (c: TierComparison) => number;
  readonly label: (c: TierComparison, units: UnitSystem) => string;
  /** The figure the bar shows, for its "estimate" mark. */
  readonly figure?: (c: TierComparison) => Sourced<number>;
  readonly reference?: {
    readonly value: number;
    readonly label: (units: UnitSystem) => string;
  };
}

const count = (n: number) => formatNumber(n, 0);
const shortTier = (c: TierComparison) => TIERS[c.tier].label.replace(/\s*\(.*$/, '');

export const DENSITY_METRICS: readonly Metric[] = [
  {
    id: 'racks',
    title: 'Racks for the IT load',
    value: (c) => c.racks.value,
    label: (c) => count(c.racks.value),
    figure: (c) => c.racks,
  },
  {
    id: 'white-space',
    title: 'White space, and halls of 5,000 m²',
    value: (c) => c.whiteSpaceM2.value,
    label: (c, u) =>
      `${formatQuantity(c.whiteSpaceM2.value, 'area', u, { decimals: 0 }).text} · ${count(c.halls.value)} hall${c.halls.value === 1 ? '' : 's'}`,
    figure: (c) => c.whiteSpaceM2,
  },
  {
    id: 'floor',
    title: 'Floor load of one rack',
    value: (c) => c.rackKpa.value,
    label: (c, u) =>
      formatQuantity(c.rackKpa.value, 'pressure', u, { decimals: u === 'metric' ? 1 : 0 }).text,
    figure: (c) => c.rackKpa,
    reference: {
      value: TRADITIONAL_FACILITY.floorKpa.value,
      label: (u) =>
        `${formatQuantity(TRADITIONAL_FACILITY.floorKpa.value, 'pressure', u, { decimals: 0 }).text} Rated-3 floor`,
    },
  },
  {
    id: 'kw',
    title: 'Rack power, and the cooling it forces',
    value: (c) => c.kwPerRack.value,
    label: (c) =>
      `${formatNumber(c.kwPerRack.value)} kW → ${COOLING_COLOURS[c.cooling.type].short}`,
    reference: {
      value: TRADITIONAL_FACILITY.airMaxKw.value,
      label: () => `${formatNumber(TRADITIONAL_FACILITY.airMaxKw.value)} kW air limit`,
    },
  },
  {
    id: 'row',
    title: 'Power of one row',
    value: (c) => c.rowMw.value,
    label: (c) => `${formatNumber(c.rowMw.value)} MW (${count(c.rowRacks.value)} racks)`,
    figure: (c) => c.rowMw,
    reference: {
      value: TRADITIONAL_FACILITY.rowMw.value,
      label: () => `${formatNumber(TRADITIONAL_FACILITY.rowMw.value)} MW row`,
    },
  },
  {
    id: 'fiber',
    title: 'Fiber strands to the racks',
    value: (c) => c.fiberStrands.value,
    label: (c) => count(c.fiberStrands.value),
    figure: (c) => c.fiberStrands,
  },
];

const PANEL_W = 400;
const GAP_X = 24;
const LABEL_W = 78;
const BAR_W = 178;
const BAR_H = 15;
const BAR_GAP = 6;
const TOP = 38;
const PANEL_H = TOP + 5 * (BAR_H + BAR_GAP) + 6;
const GAP_Y = 16;
const COLS = 2;
export const CHART_WIDTH = COLS * PANEL_W + (COLS - 1) * GAP_X;

const REF_COLOUR = '#c2372d';

function Panel({
  metric,
  rows,
  units,
  x,
  y,
}: {
  metric: Metric;
  rows: readonly TierComparison[];
  units: UnitSystem;
  x: number;
  y: number;
}) {
  const values = rows.map(metric.value);
  const ref = metric.reference;
  const scale = barScale(values, BAR_W, ref ? [ref.value] : []);
  const refX = ref ? LABEL_W + scale.px(ref.value) : 0;
  const bars = rows.map((c, i) => {
    const v = values[i]!;
    const est = metric.figure?.(c).estimate === true;
    return {
      c,
      v,
      by: TOP + i * (BAR_H + BAR_GAP),
      len: barLength(scale, v),
      label: `${metric.label(c, units)}${est ? ' (est.)' : ''}`,
      breaks: ref !== undefined && v > ref.value,
    };
  });
  return (
    <g transform={`translate(${x} ${y})`} data-testid={`chart-${metric.id}`}>
      <text className="chart-title" x={0} y={13}>
        {metric.title}
      </text>
      <line className="chart-axis" x1={LABEL_W} x2={LABEL_W} y1={TOP - 6} y2={PANEL_H - 4} />
      {bars.map(({ c, v, by, len, label }) => {
        const band = KW_BANDS[kwBandIndex(c.kwPerRack.value)]!;
        return (
          <g key={c.tier}>
            <text className="chart-tier" x={LABEL_W - 6} y={by + BAR_H - 3.5} textAnchor="end">
              {shortTier(c)}
            </text>
            <rect
              x={LABEL_W}
              y={by}
              width={len}
              height={BAR_H}
              rx={2}
              fill={band.fill}
              stroke={band.stroke}
              strokeWidth={0.75}
              data-testid={`bar-${metric.id}-${c.tier}`}
              data-value={String(v)}
            >
              <title>{`${shortTier(c)} (${c.profileLabel}): ${label}`}</title>
            </rect>
          </g>
        );
      })}
      {ref && (
        <g className="chart-ref">
          <line
            x1={refX}
            x2={refX}
            y1={TOP - 8}
            y2={PANEL_H - 4}
            stroke={REF_COLOUR}
            strokeWidth={1.25}
            strokeDasharray="4 3"
          />
          <text
            className="chart-ref-label"
            x={refX}
            y={TOP - 12}
            textAnchor={refX - LABEL_W < 60 ? 'start' : 'middle'}
            dx={refX - LABEL_W < 60 ? -4 : 0}
            fill={REF_COLOUR}
          >
            {ref.label(units)}
          </text>
        </g>
      )}
      {/* The values over the limit's line: it passes behind them, their halo keeps them legible. */}
      {bars.map(({ c, by, len, label, breaks }) => (
        <text
          key={c.tier}
          className={`chart-value${breaks ? ' is-break' : ''}`}
          x={LABEL_W + len + 5}
          y={by + BAR_H - 3.5}
        >
          {label}
          {breaks ? ' ✕' : ''}
        </text>
      ))}
    </g>
  );
}

/** The grouped bar chart of compareTiers(itMw). */
export const DensityChart = memo(function DensityChart({
  rows,
  units,
  itMw,
}: {
  rows: readonly TierComparison[];
  units: UnitSystem;
  itMw: number;
}) {
  const panelRows = Math.ceil(DENSITY_METRICS.length / COLS);
  const height = panelRows * PANEL_H + (panelRows - 1) * GAP_Y;
  return (
    <svg
      className="density-chart"
      data-testid="density-chart"
      viewBox={`0 0 ${CHART_WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-labelledby="density-chart-title density-chart-desc"
    >
      <title id="density-chart-title">{`${formatNumber(itMw)} MW of IT built from each tier’s flagship rack`}</title>
      <desc id="density-chart-desc">
        Bars per metric for the Traditional, Hopper, Blackwell, Rubin and Rubin Ultra racks; dashed
        red lines mark what a traditional facility carries (a 12 kPa floor, 40 kW of air cooling per
        rack, 0.2 MW rows). The table below lists the same figures.
      </desc>
      {DENSITY_METRICS.map((m, i) => (
        <Panel
          key={m.id}
          metric={m}
          rows={rows}
          units={units}
          x={(i % COLS) * (PANEL_W + GAP_X)}
          y={Math.floor(i / COLS) * (PANEL_H + GAP_Y)}
        />
      ))}
    </svg>
  );
});
