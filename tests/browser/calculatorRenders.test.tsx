/**
 * What the calculators redo when the document changes: the hall table re-renders only the rows
 * of halls whose figures changed, and the what-if computes only the other tier's report (the live
 * one is shared). Counted through the (real) functions they call, never timed.
 */
import { produce } from 'immer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-react';
import { computeReport } from '../../src/domain/report';
import { benchCampus } from '../../src/domain/report/benchCampus';
import { retargetDiff } from '../../src/domain/lessons';
import { formatCount } from '../../src/domain/units';
import { HallTable } from '../../src/panels/calculators/HallTable';
import { hallTableRows, sortHallRows } from '../../src/panels/calculators/hallTable';
import { WhatIf } from '../../src/panels/calculators/learn/WhatIf';
import { EditorProvider, useReport } from '../../src/editor/EditorProvider';
import { smallLayout } from './fixtures';
import { createEditor, type Editor } from '../../src/editor/editor';
import { ALL_TOOLS } from '../../src/editor/tools';

let editor: Editor = createEditor({ tools: ALL_TOOLS });
/** The components under test read the editor of this file's tests. */
const Provider = ({ children }: { children: React.ReactNode }) => (
  <EditorProvider editor={editor}>{children}</EditorProvider>
);

vi.mock('../../src/domain/report', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/domain/report')>();
  return { ...real, computeReport: vi.fn(real.computeReport) };
});
vi.mock('../../src/domain/units', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/domain/units')>();
  return { ...real, formatCount: vi.fn(real.formatCount) };
});
const computed = vi.mocked(computeReport);
/** A hall row formats its racks and GPUs with formatCount: two calls per row rendered. */
const counted = vi.mocked(formatCount);
const rowsRendered = () => counted.mock.calls.length / 2;

let host: HTMLDivElement;
beforeEach(() => {
  editor = createEditor({ tools: ALL_TOOLS });
  host = document.createElement('div');
  document.body.appendChild(host);
  editor.session.setState({ units: 'metric', selection: [] });
});
afterEach(() => host.remove());

const frames = (n = 2) =>
  new Promise<void>((resolve) => {
    const step = (left: number) =>
      left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1));
    step(n);
  });

describe('the hall table re-renders only the halls that changed', () => {
  it('a new report, a sort, a selection, the units', async () => {
    const doc = benchCampus({ racks: 2_000, seed: 11 });
    const halls = doc.halls.length;
    expect(halls).toBeGreaterThan(10);
    const screen = await render(<HallTable report={computeReport(doc)} />, {
      container: host,
      wrapper: Provider,
    });
    const table = screen.getByTestId('hall-table');
    const order = () =>
      [...table.element().querySelectorAll('tbody tr')].map((r) =>
        r.getAttribute('data-testid')!.replace('hall-row-', ''),
      );
    expect(rowsRendered()).toBe(halls);

    // The same figures in a new report: no row renders.
    counted.mockClear();
    await screen.rerender(<HallTable report={computeReport(doc)} />);
    expect(rowsRendered()).toBe(0);

    // One row of one hall loses a rack: that hall's row alone.
    const hallId = doc.halls[3]!.id;
    const next = produce(doc, (d) => {
      d.rackRows.find((r) => r.hallId === hallId)!.rackCount -= 1;
    });
    counted.mockClear();
    await screen.rerender(<HallTable report={computeReport(next)} />);
    expect(rowsRendered()).toBe(1);
    const racks = computeReport(next).halls.find((h) => h.id === hallId)!.racks;
    const racksCell = () =>
      screen.getByTestId(`hall-row-${hallId}`).element().querySelectorAll('td')[1]!.textContent;
    expect(racksCell()).toBe(String(racks));

    // Sorting reorders the rows without rendering them again.
    const byName = order();
    counted.mockClear();
    await screen.getByTestId('sort-racks').click();
    const byRacks = sortHallRows(hallTableRows(computeReport(next)), {
      key: 'racks',
      dir: 'descending',
    }).map((r) => r.id);
    expect(byRacks).not.toEqual(byName);
    expect(order()).toEqual(byRacks);
    expect(rowsRendered()).toBe(0);
    await screen.getByTestId('sort-name').click();
    expect(order()).toEqual(byName);

    // Selecting a hall: its row.
    counted.mockClear();
    editor.session.getState().setSelection([hallId]);
    await expect
      .element(screen.getByTestId(`hall-row-${hallId}`))
      .toHaveAttribute('aria-selected', 'true');
    expect(rowsRendered()).toBe(1);

    // Other units: every row.
    counted.mockClear();
    editor.session.getState().setUnits('imperial');
    await expect.element(table).toHaveTextContent(/psf/);
    expect(rowsRendered()).toBe(halls);
  });
});

/** A live-report reader beside the what-if, as the calculators panel is in the app. */
function LiveRacks() {
  return <span data-testid="live-racks">{useReport()?.totals.racks}</span>;
}

describe('the what-if follows the live report', () => {
  it('computes one report per document version for the other tier, besides the live one', async () => {
    editor.load(
      produce(smallLayout(), (d) => {
        d.settings.targetTier = 'hopper';
      }),
    );
    const screen = await render(
      <>
        <LiveRacks />
        <WhatIf defaultTier="traditional" />
      </>,
      { container: host, wrapper: Provider },
    );
    const section = screen.getByTestId('what-if');
    await expect.element(section).toBeVisible();
    await frames(3);

    computed.mockClear();
    editor.document.getState().apply((d) => {
      d.rackRows[0]!.rackCount -= 2;
    }, 'Edit row');
    const live = editor.document.getState().doc;
    const racks = computeReport(live).totals.racks;
    computed.mockClear();
    await expect.element(screen.getByTestId('live-racks')).toHaveTextContent(String(racks));
    await expect.poll(() => section.element().getAttribute('aria-busy')).toBeNull();
    await frames(3);
    // The live report (for hopper) and the what-if's traditional one: two, not three.
    const calls = computed.mock.calls.map(([doc, options]) => [doc === live, options?.tier]);
    expect(calls).toHaveLength(2);
    expect(calls).toEqual(
      expect.arrayContaining([
        [true, undefined],
        [true, 'traditional'],
      ]),
    );

    // What it shows is the diff of the new version.
    const flips = retargetDiff(live, 'hopper', 'traditional');
    const shown = [...section.element().querySelectorAll('[data-testid^="flip-"]')].map((e) => [
      e.getAttribute('data-testid'),
      e.getAttribute('data-before'),
      e.getAttribute('data-after'),
    ]);
    expect(shown).toEqual(flips.map((f) => [`flip-${f.id}`, f.before, f.after]));

    // Back to a tier already compared for this version: nothing computed.
    computed.mockClear();
    await screen.getByTestId('what-if-tier').selectOptions('blackwell');
    await expect.poll(() => section.element().getAttribute('aria-busy')).toBeNull();
    await screen.getByTestId('what-if-tier').selectOptions('traditional');
    await expect.poll(() => section.element().getAttribute('aria-busy')).toBeNull();
    expect(computed.mock.calls.map(([, options]) => options?.tier)).toEqual(['blackwell']);
  });
});
