import { Fragment } from 'react';
import {
  showDelta,
  showFigure,
  statusDirection,
  type CheckRow,
  type Comparison,
  type FigureRow,
  type Verdict,
} from '../../domain/report/compare';
import type { UnitSystem } from '../../domain/units';
import { StatusIcon } from '../calculators/Checklist';
import { showText } from '../calculators/localize';
import './compare.css';

/**
 * Two reports side by side (compareReports, src/domain/report/compare.ts): the figures in a table
 * with the difference B − A marked better, worse or changed, and the checks whose status differs.
 * The compare dialog and the What-if lesson both show it.
 */

const VERDICT_WORD: Readonly<Record<Verdict, string>> = {
  better: 'better',
  worse: 'worse',
  changed: 'different',
  equal: 'same',
};
const VERDICT_MARK: Readonly<Record<Verdict, string>> = {
  better: '▲',
  worse: '▼',
  changed: '●',
  equal: '',
};

export interface CompareTableProps {
  readonly comparison: Comparison;
  /** Column headings for the two sides. */
  readonly labelA: string;
  readonly labelB: string;
  readonly units: UnitSystem;
  /** List only the figures that differ (default: all, the equal ones muted). */
  readonly onlyDifferent?: boolean;
}

/** The figures table. */
export function CompareFigures({
  comparison,
  labelA,
  labelB,
  units,
  onlyDifferent = false,
}: CompareTableProps) {
  const rows = onlyDifferent
    ? comparison.figures.filter((r) => r.verdict !== 'equal')
    : comparison.figures;
  if (rows.length === 0)
    return (
      <p className="muted" data-testid="compare-figures-none">
        Every figure is the same.
      </p>
    );
  const groups: { group: string; rows: FigureRow[] }[] = [];
  for (const r of rows) {
    const last = groups.at(-1);
    if (last?.group === r.figure.group) last.rows.push(r);
    else groups.push({ group: r.figure.group, rows: [r] });
  }
  return (
    <table className="compare-table" data-testid="compare-table">
      <thead>
        <tr>
          <th scope="col">Figure</th>
          <th scope="col" className="num">
            <bdi>{labelA}</bdi>
          </th>
          <th scope="col" className="num">
            <bdi>{labelB}</bdi>
          </th>
          <th scope="col" className="num">
            Difference
          </th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <Fragment key={g.group}>
            <tr className="compare-group">
              <th scope="rowgroup" colSpan={4}>
                {g.group}
              </th>
            </tr>
            {g.rows.map((r) => (
              <tr
                key={r.figure.id}
                className={`compare-row is-${r.verdict}`}
                data-testid={`compare-row-${r.figure.id}`}
                data-verdict={r.verdict}
              >
                <th scope="row">{r.figure.label}</th>
                <td className="num">{showFigure(r.figure, r.a, units)}</td>
                <td className="num">{showFigure(r.figure, r.b, units)}</td>
                <td className="num compare-delta">
                  {r.verdict === 'equal' ? (
                    <span className="muted" data-testid={`compare-delta-${r.figure.id}`}>
                      same
                    </span>
                  ) : (
                    <>
                      <span data-testid={`compare-delta-${r.figure.id}`}>
                        {showDelta(r.figure, r.delta, units)}
                      </span>
                      <span
                        className="compare-mark"
                        role="img"
                        aria-label={VERDICT_WORD[r.verdict]}
                        title={VERDICT_WORD[r.verdict]}
                      >
                        {VERDICT_MARK[r.verdict]}
                      </span>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

export interface CompareChecksProps {
  readonly checks: readonly CheckRow[];
  /** Short names of the two sides, before each check's message. */
  readonly labelA: string;
  readonly labelB: string;
  readonly units: UnitSystem;
  /** The list's test id, and the prefix of each item's. */
  readonly testId?: string;
  readonly itemTestId?: string;
  /** "Show on plan" for a check with elements at fault in B (absent: no button). */
  readonly onShow?: (check: CheckRow) => void;
  /** The button's tooltip. */
  readonly showTitle?: (check: CheckRow) => string;
}

/** The checks whose status differs, A → B, each with both messages. */
export function CompareChecks({
  checks,
  labelA,
  labelB,
  units,
  testId = 'compare-checks',
  itemTestId = 'compare-check-',
  onShow,
  showTitle,
}: CompareChecksProps) {
  return (
    <ul className="flips" data-testid={testId}>
      {checks.map((c) => {
        const direction =
          c.before !== null && c.after !== null ? statusDirection(c.before, c.after) : 'changed';
        return (
          <li
            key={c.id}
            className={`flip is-${direction}`}
            data-testid={`${itemTestId}${c.id}`}
            data-before={c.before ?? 'none'}
            data-after={c.after ?? 'none'}
          >
            <div className="flip-head">
              <span className="flip-status">
                {c.before ? <StatusIcon status={c.before} /> : '—'}
                <span aria-hidden="true">→</span>
                {c.after ? <StatusIcon status={c.after} /> : '—'}
              </span>
              <span className="flip-title">{c.title}</span>
              {onShow && c.elementIds.length > 0 && (
                <button
                  type="button"
                  className="text-button"
                  onClick={() => onShow(c)}
                  title={showTitle?.(c)}
                >
                  Show on plan
                </button>
              )}
            </div>
            <dl className="flip-messages">
              <dt>
                <bdi>{labelA}</bdi>
              </dt>
              <dd>{showText(c.beforeMessage, units)}</dd>
              <dt>
                <bdi>{labelB}</bdi>
              </dt>
              <dd>{showText(c.message, units)}</dd>
            </dl>
          </li>
        );
      })}
    </ul>
  );
}

/** "3 better, 2 worse, 4 different": the figures' verdicts in a line. */
export function verdictSummary(c: Comparison): string {
  const parts: string[] = [];
  if (c.count.better) parts.push(`${c.count.better} better`);
  if (c.count.worse) parts.push(`${c.count.worse} worse`);
  if (c.count.changed) parts.push(`${c.count.changed} different`);
  return parts.length === 0 ? 'every figure the same' : parts.join(', ');
}
