import { memo, useState } from 'react';
import { COST_ITEMS, unitCostUsd, type CostItem } from '../../domain/catalog/cost';
import type { PhaseReport, Report } from '../../domain/report/types';
import { formatMw, formatNumber, formatUsd } from '../../domain/units';
import { useDocument, useEditor } from '../../editor/EditorProvider';
import { niceCeil } from './chartScale';

/**
 * Rules 13–14 in the calculators panel: the timeline of the phases (IT MW online and cumulative
 * capex against the energize dates) and the cost table (the catalog's unit costs, overrides in
 * settings.costs marked and resettable). Every money figure is labelled an estimate.
 */

const W = 330;
const H = 150;
const PAD = { left: 34, right: 44, top: 12, bottom: 34 };

/** IT MW online (bars) and cumulative facility capex (line) per phase, against energize dates. */
export const PhaseTimeline = memo(function PhaseTimeline({
  phases,
}: {
  phases: readonly PhaseReport[];
}) {
  const n = phases.length;
  const maxMw = niceCeil(Math.max(0, ...phases.map((p) => p.itMw)));
  const mwTick = `${formatNumber(maxMw)} MW`;
  // Room on the left for the IT axis's top label ("400 MW", "1,200 MW": at most about 6.2 px a
  // character at the ticks' 9 px), so it is never cut at the chart's edge.
  const left = Math.max(PAD.left, 6 + Math.ceil(mwTick.length * 6.2));
  const plotW = W - left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const maxUsd = niceCeil(Math.max(0, ...phases.map((p) => p.cumulativeCapexUsd)));
  const slot = plotW / Math.max(1, n);
  const cx = (k: number) => left + slot * (k + 0.5);
  const yMw = (v: number) => PAD.top + plotH - (v / maxMw) * plotH;
  const yUsd = (v: number) => PAD.top + plotH - (v / maxUsd) * plotH;
  const line = phases
    .map(
      (p, k) =>
        `${k === 0 ? 'M' : 'L'}${cx(k).toFixed(1)},${yUsd(p.cumulativeCapexUsd).toFixed(1)}`,
    )
    .join(' ');
  const summary = phases
    .map(
      (p, k) =>
        `${p.name || `Phase ${k + 1}`}${p.energize ? ` (${p.energize})` : ''}: ${formatMw(p.itMw)} IT, ${formatUsd(p.cumulativeCapexUsd)} capex to date`,
    )
    .join('; ');
  return (
    <figure className="phase-timeline" data-testid="phase-timeline" data-phases={n}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Timeline of the phases: ${summary} (capex an estimate)`}
      >
        <line
          x1={left}
          x2={W - PAD.right}
          y1={PAD.top + plotH}
          y2={PAD.top + plotH}
          className="tl-axis"
        />
        <text x={left - 4} y={PAD.top + 4} className="tl-tick" textAnchor="end">
          {mwTick}
        </text>
        <text x={left - 4} y={PAD.top + plotH} className="tl-tick" textAnchor="end">
          0
        </text>
        <text x={W - PAD.right + 4} y={PAD.top + 4} className="tl-tick tl-usd">
          {formatUsd(maxUsd)}
        </text>
        {phases.map((p, k) => {
          const bw = Math.min(36, slot * 0.6);
          const top = yMw(p.itMw);
          return (
            <g key={p.id} data-testid={`timeline-phase-${k + 1}`} data-value={String(p.itMw)}>
              <rect
                x={cx(k) - bw / 2}
                y={top}
                width={bw}
                height={Math.max(0, PAD.top + plotH - top)}
                className="tl-bar"
              >
                <title>{`${p.name || p.id}: ${formatMw(p.itMw)} IT online, ${formatMw(p.facilityMw)} facility of ${formatMw(p.usableMw)} usable`}</title>
              </rect>
              <text x={cx(k)} y={PAD.top + plotH + 12} className="tl-label" textAnchor="middle">
                {shorten(p.name || `Phase ${k + 1}`)}
              </text>
              <text x={cx(k)} y={PAD.top + plotH + 24} className="tl-date" textAnchor="middle">
                {p.energize ?? 'no date'}
              </text>
            </g>
          );
        })}
        <path d={line} className="tl-line" />
        {phases.map((p, k) => (
          <circle key={p.id} cx={cx(k)} cy={yUsd(p.cumulativeCapexUsd)} r={3} className="tl-dot">
            <title>{`${p.name || p.id}: ${formatUsd(p.cumulativeCapexUsd)} capex to date (estimate)`}</title>
          </circle>
        ))}
      </svg>
      <figcaption className="tl-legend">
        <span className="tl-key tl-key-bar" /> IT MW online <span className="tl-key tl-key-line" />{' '}
        cumulative capex (estimate)
      </figcaption>
    </figure>
  );
});

const shorten = (s: string) => (s.length > 12 ? `${s.slice(0, 11)}…` : s);

/** The cost items with a quantity in the report, or every facility item when showAll. */
function itemsShown(capex: Report['capexByCategory'], showAll: boolean): readonly CostItem[] {
  return COST_ITEMS.filter((c) => showAll || capex[c.id] !== undefined);
}

/**
 * The cost table: each item's unit cost (the catalog's, or the layout's override, marked), editable;
 * Reset removes the override. One edit = one undo step.
 */
export const CostTable = memo(function CostTable({
  capexByCategory,
}: {
  capexByCategory: Report['capexByCategory'];
}) {
  const { document } = useEditor();
  const costs = useDocument((s) => s.doc.settings.costs);
  const [showAll, setShowAll] = useState(false);
  const setCost = (id: string, usd: number | null) =>
    document.getState().apply(
      (d) => {
        const next = { ...d.settings.costs };
        if (usd === null) delete next[id];
        else next[id] = usd;
        d.settings.costs = next;
      },
      usd === null ? `Reset cost ${id}` : `Set cost ${id}`,
    );
  return (
    <div className="cost-table-wrap" data-testid="cost-table">
      <table className="hall-table cost-table">
        <caption className="cost-caption">
          Unit costs, USD (estimates). Edit one to override it in this layout.
        </caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col" className="is-num">
              USD per unit
            </th>
            <th scope="col" className="is-num">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {itemsShown(capexByCategory, showAll).map((c) => (
            <CostRow
              key={c.id}
              item={c}
              override={costs[c.id]}
              total={capexByCategory[c.id]}
              onSet={(v) => setCost(c.id, v)}
            />
          ))}
        </tbody>
      </table>
      <button type="button" className="link-button" onClick={() => setShowAll((v) => !v)}>
        {showAll ? 'Show only the items used' : `Show all ${COST_ITEMS.length} cost items`}
      </button>
    </div>
  );
});

function CostRow({
  item,
  override,
  total,
  onSet,
}: {
  item: CostItem;
  override: number | undefined;
  total: number | undefined;
  onSet: (v: number | null) => void;
}) {
  const value = unitCostUsd(override === undefined ? {} : { [item.id]: override }, item.id);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const v = Number(draft.replace(/[,$\s]/g, ''));
    if (draft.trim() === '' || !Number.isFinite(v) || v < 0 || v > 1e12) {
      setError('must be a number of US dollars, 0 to 1,000,000,000,000');
      return;
    }
    setError(null);
    setDraft(null);
    if (v !== value) onSet(v);
  };
  const overridden = override !== undefined;
  return (
    <tr
      data-testid={`cost-${item.id}`}
      data-value={String(value)}
      data-overridden={overridden ? 'true' : 'false'}
      className={overridden ? 'is-overridden' : undefined}
    >
      <th scope="row" className="hall-name" title={`Includes ${item.includes}. ${item.usd.basis}`}>
        {item.label}
        <span className="cost-unit"> per {item.unit}</span>
        {overridden && <span className="cost-mark"> · override</span>}
      </th>
      <td className="is-num">
        <input
          className="cost-input"
          aria-label={`${item.label}, USD per ${item.unit}`}
          aria-invalid={error ? true : undefined}
          title={error ?? `Catalog default ${formatUsd(item.usd.value)} (grade ${item.usd.grade})`}
          value={draft ?? String(value)}
          inputMode="decimal"
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') {
              setDraft(null);
              setError(null);
            }
          }}
        />
        {overridden && (
          <button
            type="button"
            className="link-button cost-reset"
            aria-label={`Reset ${item.label} to the catalog's ${formatUsd(item.usd.value)}`}
            onClick={() => onSet(null)}
          >
            Reset
          </button>
        )}
        {error && <span className="cost-error">{error}</span>}
      </td>
      <td className="is-num">{total === undefined ? '—' : formatUsd(total)}</td>
    </tr>
  );
}

/** The timeline and the cost table, as the totals view shows them (loaded on demand there). */
export function ProgramParts({
  phases,
  capexByCategory,
}: {
  phases: readonly PhaseReport[];
  capexByCategory: Report['capexByCategory'];
}) {
  return (
    <>
      <PhaseTimeline phases={phases} />
      <CostTable capexByCategory={capexByCategory} />
    </>
  );
}
