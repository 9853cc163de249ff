import { isolate } from '../../domain/text';
import { memo, useMemo, useState } from 'react';
import type { Report } from '../../domain/report/types';
import { formatCount, formatExact, formatQuantity, type UnitSystem } from '../../domain/units';
import { useSelectAndZoom } from './focus';
import {
  hallTableRows,
  nextSort,
  sameHallRow,
  sortHallRows,
  type HallSort,
  type HallSortKey,
  type HallTableRow,
} from './hallTable';
import { useSession } from '../../editor/EditorProvider';

const COLUMNS: readonly { key: HallSortKey; label: string; numeric: boolean; title: string }[] = [
  { key: 'name', label: 'Hall', numeric: false, title: 'Hall name' },
  { key: 'itMw', label: 'MW', numeric: true, title: 'IT MW of the hall’s rows' },
  { key: 'racks', label: 'Racks', numeric: true, title: 'Racks in the hall' },
  { key: 'gpus', label: 'GPUs', numeric: true, title: 'GPUs in the hall' },
  { key: 'densityKwPerM2', label: 'IT', numeric: true, title: 'IT power per floor area' },
  {
    key: 'floorUse',
    label: 'Rack / floor',
    numeric: true,
    title: 'Worst rack point load against the hall’s floor rating (sorted by their ratio)',
  },
  { key: 'zones', label: 'Cooling', numeric: false, title: 'Cooling zones serving the hall' },
  { key: 'domain', label: 'Domain', numeric: false, title: 'Latency domain' },
];

interface HallRowProps {
  readonly row: HallTableRow;
  readonly units: UnitSystem;
  readonly selected: boolean;
}

/**
 * One hall's row. Memoised by value: a new report (every edit, every drag frame) re-renders only
 * the rows whose figures changed, and a selection change only the rows it (de)selects.
 */
const HallRow = memo(
  function HallRow({ row: r, units, selected }: HallRowProps) {
    const selectAndZoom = useSelectAndZoom();
    const over = r.floorUse > 1;
    const density = formatQuantity(r.densityKwPerM2, 'powerDensity', units);
    const worst = formatQuantity(r.maxRackKpa, 'pressure', units, {
      decimals: units === 'metric' ? 1 : 0,
    });
    const rating = formatQuantity(r.floorRatingKpa, 'pressure', units, {
      decimals: units === 'metric' ? 1 : 0,
    });
    return (
      <tr
        data-testid={`hall-row-${r.id}`}
        aria-selected={selected}
        tabIndex={0}
        onClick={() => selectAndZoom([r.id])}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            selectAndZoom([r.id]);
          }
        }}
      >
        <th scope="row" className="hall-name" title={isolate(r.id)}>
          <bdi>{r.name}</bdi>
        </th>
        <td className="is-num">{formatExact(r.itMw, r.itMw >= 100 ? 0 : 1)}</td>
        <td className="is-num">{formatCount(r.racks)}</td>
        <td className="is-num">{formatCount(r.gpus)}</td>
        <td className="is-num">{density.number}</td>
        <td
          className={`is-num floor-cell${over ? ' is-over' : ''}`}
          data-over={over ? 'true' : undefined}
          title={
            over
              ? `Over the floor rating by ${formatExact((r.floorUse - 1) * 100, 0)}%`
              : `Average over the hall ${formatQuantity(r.avgFloorKpa, 'pressure', units).text}`
          }
        >
          {r.racks > 0 ? worst.number : '—'} / {rating.number}
        </td>
        <td className="zones-cell" title={r.zones.join(', ')}>
          {r.zones.length > 0 ? r.zones.join(', ') : <span className="muted">none</span>}
        </td>
        <td>{r.domain === null ? <span className="muted">—</span> : `D${r.domain}`}</td>
      </tr>
    );
  },
  (a, b) => a.units === b.units && a.selected === b.selected && sameHallRow(a.row, b.row),
);

/** The per-hall table: sortable by any column; a row selects its hall and zooms to it. */
export const HallTable = memo(function HallTable({ report }: { report: Report }) {
  const units = useSession((s) => s.units);
  const selection = useSession((s) => s.selection);
  const [sort, setSort] = useState<HallSort>({ key: 'name', dir: 'ascending' });
  const rows = useMemo(() => sortHallRows(hallTableRows(report), sort), [report, sort]);
  const selected = new Set(selection);
  const densityUnit = formatQuantity(0, 'powerDensity', units).unit;
  const pressureUnit = formatQuantity(0, 'pressure', units).unit;
  return (
    <section className="panel-section hall-table-section" aria-labelledby="halls-title">
      <h2 id="halls-title" className="section-title">
        Halls <span className="section-sub">{report.halls.length} · click a row to show it</span>
      </h2>
      <div className="hall-table-wrap">
        <table className="hall-table" data-testid="hall-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => {
                const active = sort.key === c.key;
                return (
                  <th
                    key={c.key}
                    scope="col"
                    aria-sort={active ? sort.dir : 'none'}
                    className={c.numeric ? 'is-num' : undefined}
                  >
                    <button
                      type="button"
                      className="sort-button"
                      title={c.title}
                      data-testid={`sort-${c.key}`}
                      onClick={() => setSort((s) => nextSort(s, c.key))}
                    >
                      {c.label}
                      {c.key === 'densityKwPerM2' && <span className="th-unit">{densityUnit}</span>}
                      {c.key === 'floorUse' && <span className="th-unit">{pressureUnit}</span>}
                      <span className="sort-mark" aria-hidden="true">
                        {active ? (sort.dir === 'ascending' ? '▲' : '▼') : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <HallRow key={r.id} row={r} units={units} selected={selected.has(r.id)} />
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && <p className="empty-note">No halls yet.</p>}
    </section>
  );
});
