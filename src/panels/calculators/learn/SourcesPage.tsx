import { useEffect, useMemo, useRef, useState } from 'react';
import { filterSources, type SourceEntry } from '../../../domain/report/sourcesIndex';
import { formatNumber } from '../../../domain/units';
import { GradeBadge } from '../ExplainBody';
import { localizeFigures } from '../localize';
import { useSession } from '../../../editor/EditorProvider';

function valueText(v: unknown): string {
  if (typeof v === 'number') return formatNumber(v);
  if (Array.isArray(v)) return v.map((x) => valueText(x)).join(', ');
  return String(v);
}

function Entry({ e, marked }: { e: SourceEntry; marked: boolean }) {
  const units = useSession((s) => s.units);
  const range = e.s.range ? ` (range ${valueText(e.s.range[0])}–${valueText(e.s.range[1])})` : '';
  return (
    <li
      id={e.anchor}
      className={`source-entry${marked ? ' is-marked' : ''}`}
      data-testid="source-entry"
      data-anchor={e.anchor}
      tabIndex={-1}
    >
      <div className="explain-source-head">
        <GradeBadge grade={e.s.grade} estimate={e.s.estimate} />
        <span className="explain-source-label">{e.item}</span>
        <span className="explain-source-value">
          {valueText(e.s.value)}
          {e.unit && ` ${e.unit}`}
          {range}
        </span>
      </div>
      <div className="explain-source-basis">{localizeFigures(e.s.basis, units)}</div>
    </li>
  );
}

/**
 * The Sources page of the Learn view: every default of the catalog (value, unit, basis, source,
 * grade), filtered by the words typed; each entry has an anchor the ⓘ explanations link to.
 */
export function SourcesPage({ anchor }: { anchor: string | null }) {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => filterSources(query), [query]);
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!anchor) return;
    setQuery('');
  }, [anchor]);
  useEffect(() => {
    if (!anchor || query !== '') return;
    const el = list.current?.querySelector<HTMLElement>(`[data-anchor="${anchor}"]`);
    el?.scrollIntoView({ block: 'center' });
    el?.focus({ preventScroll: true });
  }, [anchor, query]);

  const groups: [string, SourceEntry[]][] = [];
  for (const e of shown) {
    const last = groups[groups.length - 1];
    if (last && last[0] === e.group) last[1].push(e);
    else groups.push([e.group, [e]]);
  }
  return (
    <div className="sources-page" data-testid="sources-page">
      <p className="lesson-summary">
        Every default the planner uses, with its value, unit, the spread the sources give, its
        confidence grade and where it comes from. The ⓘ explanations link here.
      </p>
      <input
        type="search"
        className="sources-filter"
        placeholder="Filter: e.g. floor, CDU, blackwell, grade X"
        aria-label="Filter the sources"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        data-testid="sources-filter"
      />
      <p className="muted" data-testid="sources-count">
        {shown.length === 1 ? '1 value' : `${shown.length} values`}
      </p>
      <div ref={list}>
        {groups.map(([group, entries]) => (
          <section key={group} aria-label={group}>
            <h3>{group}</h3>
            <ul className="explain-sources">
              {entries.map((e) => (
                <Entry key={e.anchor} e={e} marked={e.anchor === anchor} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
