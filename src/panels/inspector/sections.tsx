import { lazy, Suspense, useMemo, type ComponentType } from 'react';
import {
  rowGpus,
  rowItKw,
  rowLengthM,
  rowsTotals,
  trenchLengthM,
  type Collection,
  type ElementOf,
  type Layout,
} from '../../domain';
import { formatCount, formatExact, formatQuantity, type UnitSystem } from '../../domain/units';
import { rowsOfHall } from '../../state/selectors';
import { carriedBy, describeCarried } from '../../editor/glue';
import { useDocument } from '../../editor/EditorProvider';

/** The fill form loads with the first hall selected. */
const FillHallSection = lazy(() =>
  import('./FillHallSection').then((m) => ({ default: m.FillHallSection })),
);

/** What a kind's own inspector section is given: the one selected element. */
export interface KindSectionProps<C extends Collection> {
  readonly element: ElementOf[C];
  readonly doc: Layout;
  readonly system: UnitSystem;
}

/**
 * What the inspector shows of a kind beyond its fields (which are data on the kind,
 * KINDS[c].fields): a summary line under the header and a section after the fields, each shown
 * when one element of the kind is selected. The figures come from the domain's functions.
 */
export interface KindSections<C extends Collection> {
  readonly Summary?: ComponentType<KindSectionProps<C>>;
  readonly After?: ComponentType<KindSectionProps<C>>;
}

/** "1 row", "3 rows". */
export const plural = (n: number, one: string) => `${formatCount(n)} ${one}${n === 1 ? '' : 's'}`;

function HallSummary({ element: hall, doc, system }: KindSectionProps<'halls'>) {
  const t = rowsTotals(rowsOfHall(doc, hall.id));
  const area = formatQuantity(hall.width * hall.depth, 'area', system).text;
  // What it carries is decided when a gesture starts: while one lasts (every frame of a drag),
  // the document it started from answers, once.
  const base = useDocument((s) => s.mark ?? s.doc);
  const carried = useMemo(() => describeCarried(carriedBy(base, hall.id)), [base, hall.id]);
  return (
    <>
      <p className="insp-summary" data-testid="inspector-summary">
        {area} · {plural(t.rows, 'row')} · {plural(t.racks, 'rack')} ·{' '}
        {formatExact(t.itKw / 1000, 1)} MW IT
      </p>
      {carried && (
        <p
          className="insp-summary"
          data-testid="inspector-glue"
          title="Moving, turning or resizing the hall takes these along; hold Alt while dragging to move the hall alone"
        >
          Moves with it: {carried}
        </p>
      )}
    </>
  );
}

function RowSummary({ element: row, system }: KindSectionProps<'rackRows'>) {
  return (
    <p className="insp-summary" data-testid="inspector-summary">
      {formatQuantity(rowLengthM(row), 'length', system).text} long ·{' '}
      {formatExact(rowItKw(row) / 1000, 2)} MW · {plural(rowGpus(row), 'GPU')}
    </p>
  );
}

function TrenchSummary({ element: trench, system }: KindSectionProps<'fiberTrenches'>) {
  return (
    <p className="insp-summary" data-testid="inspector-summary">
      {formatQuantity(trenchLengthM(trench), 'distance', system).text} of trench ·{' '}
      {plural(trench.fiberCount, 'fiber')}
    </p>
  );
}

function HallFill({ element: hall, system }: KindSectionProps<'halls'>) {
  return (
    <Suspense fallback={null}>
      <FillHallSection
        key={`fill:${hall.id}`}
        hallId={hall.id}
        width={hall.width}
        depth={hall.depth}
        rowPowerMw={hall.rowPowerMw}
        whiteSpaceFraction={hall.whiteSpaceFraction}
        system={system}
      />
    </Suspense>
  );
}

/** The kinds' own inspector sections, keyed by collection (kinds without any are left out). */
export const KIND_SECTIONS: { readonly [C in Collection]?: KindSections<C> } = {
  halls: { Summary: HallSummary, After: HallFill },
  rackRows: { Summary: RowSummary },
  fiberTrenches: { Summary: TrenchSummary },
};

/** A kind's sections for a collection known only at run time. */
export function sectionsOf(c: Collection): KindSections<Collection> {
  return (KIND_SECTIONS[c] as KindSections<Collection> | undefined) ?? {};
}
