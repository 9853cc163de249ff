import Konva from 'konva';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { App } from '../../src/app/App';
import { RACK_PROFILES, TIER_IDS } from '../../src/domain';
import { computeReport } from '../../src/domain/report';
import { benchCampus } from '../../src/domain/report/benchCampus';
import { emptyLayout } from '../../src/state/documentStore';
import { smallLayout } from './fixtures';
import { createEditor, type Editor } from '../../src/editor/editor';
import { ALL_TOOLS } from '../../src/editor/tools';

let editor: Editor = createEditor({ tools: ALL_TOOLS });

let host: HTMLDivElement;

beforeEach(async () => {
  editor = createEditor({ tools: ALL_TOOLS });
  await page.viewport(1280, 800);
  host = document.createElement('div');
  host.style.cssText = 'position: fixed; inset: 0; width: 1280px; height: 800px;';
  document.body.appendChild(host);
  editor.load(emptyLayout());
  editor.session.setState({
    camera: { x: 0, y: 0, scale: 1 },
    pointer: null,
    units: 'metric',
    selection: [],
  });
  editor.ui.setState({ tab: 'totals', learnOpen: false, highlighted: [] });
});

afterEach(() => {
  host.remove();
});

const frames = (n = 2) =>
  new Promise<void>((resolve) => {
    const step = (left: number) =>
      left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1));
    step(n);
  });

const el = (testId: string): HTMLElement => {
  const e = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  if (!e) throw new Error(`no [data-testid=${testId}]`);
  return e;
};

/** Open the traditional seed and wait for it. */
async function openTraditional(search = '?seed=traditional-20mw') {
  const screen = await render(<App editor={editor} search={search} />, { container: host });
  await expect.element(screen.getByTestId('layout-name')).toHaveTextContent(/Traditional/);
  await frames();
  return screen;
}

describe('the calculators panel', () => {
  it('updates after an edit: a row’s rackCount changes total-itMw', async () => {
    const layout = smallLayout();
    const screen = await render(<App editor={editor} initialLayout={layout} />, {
      container: host,
    });
    const itMw = screen.getByTestId('total-itMw');
    await expect
      .element(itMw)
      .toHaveAttribute('data-value', String(computeReport(layout).totals.itMw));
    editor.document.getState().apply((d) => {
      d.rackRows[0]!.rackCount = 4;
    }, 'Edit row');
    const after = computeReport(editor.document.getState().doc).totals.itMw;
    expect(after).toBeLessThan(computeReport(layout).totals.itMw);
    await expect.element(itMw).toHaveAttribute('data-value', String(after));
    await expect.element(itMw).toHaveTextContent(`${after.toFixed(1)} MW`);
  });

  it('the hall feed table of a campus of many halls shows the first 12 and those short, until asked for all', async () => {
    // The last feeder made too small: the halls it feeds (at the end of the file) are short.
    const base = benchCampus({ racks: 4000 });
    const layout = {
      ...base,
      powerFeeders: base.powerFeeders.map((f, k) =>
        k === base.powerFeeders.length - 1 ? { ...f, capacityMva: 0.1 } : f,
      ),
    };
    const report = computeReport(layout);
    const withRacks = report.halls.filter((h) => h.racks > 0);
    const short = new Set(report.checks.find((c) => c.id === 'hall-feed')!.elementIds);
    const expected = withRacks.filter((h, i) => i < 12 || short.has(h.id));
    expect(withRacks.length).toBeGreaterThan(24);
    expect(withRacks.slice(12).some((h) => short.has(h.id))).toBe(true);
    const screen = await render(<App editor={editor} initialLayout={layout} />, {
      container: host,
    });
    const more = screen.getByTestId('hall-feed-more');
    await expect
      .element(more)
      .toHaveTextContent(`Show all ${withRacks.length} halls (${expected.length} shown)`);
    await expect.element(more).toHaveAttribute('aria-expanded', 'false');
    const rows = () => el('hall-feed-table').querySelectorAll('tbody tr');
    expect([...rows()].map((r) => r.getAttribute('data-testid'))).toEqual(
      expected.map((h) => `hall-feed-${h.id}`),
    );
    await more.click();
    await expect.poll(() => rows().length).toBe(withRacks.length);
    await expect.element(more).toHaveAttribute('aria-expanded', 'true');
    await expect.element(more).toHaveTextContent('Show the first 12 halls and those short');
  });

  it('updates live during a gesture, at most once per frame', async () => {
    const layout = smallLayout();
    const screen = await render(<App editor={editor} initialLayout={layout} />, {
      container: host,
    });
    const racks = screen.getByTestId('total-racks');
    await expect
      .element(racks)
      .toHaveAttribute('data-value', String(computeReport(layout).totals.racks));
    const doc = editor.document.getState();
    doc.beginGesture();
    for (let i = 1; i <= 5; i++) {
      editor.document.getState().updateGesture((d) => {
        d.rackRows[0]!.rackCount = 20 - i;
      });
    }
    // Five changes in one frame: the panel shows the last one after the next frame.
    expect(racks.element().getAttribute('data-value')).toBe(
      String(computeReport(layout).totals.racks),
    );
    await frames(2);
    const live = computeReport(editor.document.getState().doc).totals.racks;
    expect(racks.element().getAttribute('data-value')).toBe(String(live));
    editor.document.getState().cancelGesture();
    await expect
      .element(racks)
      .toHaveAttribute('data-value', String(computeReport(layout).totals.racks));
  });

  it('shows every total with its SI value and an ⓘ button', async () => {
    const layout = smallLayout();
    const expected = computeReport(layout).totals;
    await render(<App editor={editor} initialLayout={layout} />, { container: host });
    await frames();
    for (const [field, value] of Object.entries(expected)) {
      const card = el(`total-${field}`);
      expect(card.getAttribute('data-value')).toBe(String(value));
      expect(card.querySelector('button.info-button')).not.toBeNull();
    }
  });

  it('the tier select changes the checks, as one undoable edit', async () => {
    const screen = await openTraditional();
    const floor = screen.getByTestId('check-tier-floor');
    await expect.element(floor).toHaveAttribute('data-status', 'pass');
    const select = screen.getByTestId('target-tier-select');
    const steps = editor.document.getState().past.length;
    await select.selectOptions('blackwell');
    await expect
      .element(screen.getByTestId('target-tier'))
      .toHaveAttribute('data-value', 'blackwell');
    await expect.element(floor).toHaveAttribute('data-status', 'fail');
    await expect
      .element(screen.getByTestId('check-tier-cooling'))
      .toHaveAttribute('data-status', 'fail');
    await expect
      .element(screen.getByTestId('check-tier-row-power'))
      .toHaveAttribute('data-status', 'fail');
    expect(editor.document.getState().past.length).toBe(steps + 1);
    // The checklist comes forward, and the badge sums it up.
    await expect.element(screen.getByTestId('tab-checks')).toHaveAttribute('aria-selected', 'true');
    const badge = screen.getByTestId('check-badge');
    await expect.element(badge).toHaveAttribute('data-fail', '5');
    await expect.element(badge).toHaveTextContent('18 ✓1 !5 ✕');
    editor.document.getState().undo();
    await expect
      .element(screen.getByTestId('target-tier'))
      .toHaveAttribute('data-value', 'traditional');
    await expect.element(floor).toHaveAttribute('data-status', 'pass');
    expect((select.element() as HTMLSelectElement).value).toBe('traditional');
    expect([...(select.element() as HTMLSelectElement).options].map((o) => o.value)).toEqual([
      ...TIER_IDS,
    ]);
  });

  it('a new report with the same counts leaves the badge and the check summary untouched', async () => {
    const screen = await openTraditional();
    editor.ui.setState({ tab: 'checks' });
    const badge = screen.getByTestId('check-badge');
    // Some count is 0: Preact 11 writes a text child of 0 (or '') again on every render.
    await expect.element(badge).toHaveAttribute('data-fail', '0');
    const written: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const r of records) written.push(`${r.type} ${r.target.parentElement?.className}`);
    });
    for (const target of [badge.element(), el('check-summary')])
      observer.observe(target, { subtree: true, childList: true, characterData: true });
    const before = editor.reports.getSnapshot();
    editor.document.getState().apply((d) => void (d.halls[0]!.x += 0.5), 'Nudge');
    await expect.poll(() => editor.reports.getSnapshot()).not.toBe(before);
    await frames(3);
    observer.disconnect();
    expect(written).toEqual([]);
  });

  it('a check that changes group leaves the items of the others as they were, not remade', async () => {
    const screen = await openTraditional();
    editor.ui.setState({ tab: 'checks' });
    await expect
      .element(screen.getByTestId('check-tier-floor'))
      .toHaveAttribute('data-status', 'pass');
    const items = () =>
      [...document.querySelectorAll<HTMLElement>('li.check')].map(
        (li) => [li.dataset.testid!, { li, status: li.dataset.status }] as const,
      );
    const before = new Map(items());
    await screen.getByTestId('target-tier-select').selectOptions('blackwell');
    await expect
      .element(screen.getByTestId('check-tier-floor'))
      .toHaveAttribute('data-status', 'fail');
    const after = items();
    const stayed = after.filter(([id, a]) => before.get(id)?.status === a.status);
    expect(after.length - stayed.length).toBeGreaterThan(2);
    expect(stayed.length).toBeGreaterThan(10);
    for (const [id, a] of stayed) expect(a.li, id).toBe(before.get(id)!.li);
  });

  it('clicking a failing check selects its halls, zooms to them and they are outlined in red', async () => {
    const screen = await openTraditional();
    await screen.getByTestId('target-tier-select').selectOptions('blackwell');
    const item = screen.getByTestId('check-tier-floor');
    await expect.element(item).toHaveAttribute('data-status', 'fail');
    const halls = editor.document.getState().doc.halls.map((h) => h.id);
    await frames();
    const faults = Konva.stages.at(-1)!.findOne('.faults')!;
    await expect
      .poll(() => faults.getAttr('faultIds') as string[])
      .toEqual(expect.arrayContaining(halls));
    const before = editor.session.getState().camera;
    await userEvent.click(item.element().querySelector('.check-main')!);
    expect(editor.session.getState().selection).toEqual(halls);
    expect(editor.session.getState().camera).not.toEqual(before);
    expect(editor.session.getState().camera.scale).toBeGreaterThan(before.scale);
  });

  it('the ⓘ popover shows the formula, inputs and graded sources; Esc closes it', async () => {
    const screen = await openTraditional();
    await screen.getByTestId('target-tier-select').selectOptions('blackwell');
    const button = screen.getByTestId('explain-check-tier-floor');
    await button.click();
    const popover = screen.getByRole('dialog');
    await expect.element(popover).toBeVisible();
    await expect.element(popover).toHaveTextContent(/Floor rating meets the tier/);
    await expect
      .element(popover.getByTestId('explain-formula'))
      .toHaveTextContent('hall floorRatingKpa ≥ 18.6 kPa');
    expect(popover.element().querySelectorAll('[data-grade]').length).toBeGreaterThan(0);
    await expect.element(popover).toHaveTextContent(/estimate/);
    await userEvent.keyboard('{Escape}');
    await expect.element(screen.getByRole('dialog')).not.toBeInTheDocument();
    expect(document.activeElement).toBe(button.element());
    // A total explains itself the same way.
    await screen.getByTestId('tab-totals').click();
    await screen.getByRole('button', { name: 'Explain IT load' }).click();
    await expect
      .element(screen.getByRole('dialog').getByTestId('explain-formula'))
      .toHaveTextContent('IT MW = Σ rows');
    const grades = [...document.querySelectorAll('[role=dialog] [data-grade]')].map((g) =>
      g.getAttribute('data-grade'),
    );
    expect(grades).toContain('B');
  });

  it('an open ⓘ follows a new report even when its figure did not change', async () => {
    const layout = smallLayout();
    const screen = await render(<App editor={editor} initialLayout={layout} />, {
      container: host,
    });
    await frames();
    await screen.getByTestId('tab-totals').click();
    const itBefore = screen.getByTestId('total-itMw').element().getAttribute('data-value');
    await screen.getByRole('button', { name: 'Explain IT load' }).click();
    const popover = screen.getByRole('dialog');
    const own = layout.rackRows.filter((r) => r.kwPerRack !== null).length;
    await expect
      .element(popover)
      .toHaveTextContent(new RegExp(`Rows with their own kW per rack\\s*${own}IT load`));
    // A row without its own kW per rack gets one, equal to its profile's: the IT load stays.
    editor.document.getState().apply((d) => {
      const row = d.rackRows.find((r) => r.kwPerRack === null)!;
      row.kwPerRack = RACK_PROFILES[row.profile].kwPerRack.value;
    }, 'Row kW');
    await expect
      .element(popover)
      .toHaveTextContent(new RegExp(`Rows with their own kW per rack\\s*${own + 1}IT load`));
    expect(screen.getByTestId('total-itMw').element().getAttribute('data-value')).toBe(itBefore);
  });

  it('imperial shows psf and ft; data-value stays SI', async () => {
    const screen = await openTraditional();
    await screen.getByTestId('target-tier-select').selectOptions('blackwell');
    const floor = screen.getByTestId('check-tier-floor');
    await expect.element(floor).toHaveTextContent(/12 kPa floor < 18.6 kPa/);
    const maxKpa = screen.getByTestId('total-maxRackKpa');
    const si = maxKpa.element().getAttribute('data-value');
    await screen.getByRole('button', { name: 'Imperial' }).click();
    await expect.element(floor).toHaveTextContent(/251 psf floor < 388 psf/);
    await expect.element(maxKpa).toHaveTextContent(/psf/);
    expect(maxKpa.element().getAttribute('data-value')).toBe(si);
    await expect.element(screen.getByTestId('total-longestPathM')).toHaveTextContent(/ ft/);
    await screen.getByTestId('tab-halls').click();
    await expect.element(screen.getByTestId('hall-table')).toHaveTextContent(/psf/);
    await expect.element(screen.getByTestId('hall-table')).toHaveTextContent(/W\/ft²/);
  });
});

describe('the hall table', () => {
  it('sorts by a column header (aria-sort) and a row selects and zooms to its hall', async () => {
    const screen = await render(<App editor={editor} initialLayout={smallLayout()} />, {
      container: host,
    });
    await frames();
    await screen.getByTestId('tab-halls').click();
    const table = screen.getByTestId('hall-table');
    await expect.element(table).toBeVisible();
    const order = () =>
      [...table.element().querySelectorAll('tbody tr')].map((r) =>
        r.getAttribute('data-testid')!.replace('hall-row-', ''),
      );
    expect(order()).toEqual(['hall-a', 'hall-b']);
    const mw = table.element().querySelector('th:has([data-testid=sort-itMw])')!;
    expect(mw.getAttribute('aria-sort')).toBe('none');
    await screen.getByTestId('sort-itMw').click();
    expect(mw.getAttribute('aria-sort')).toBe('descending');
    const report = computeReport(smallLayout());
    const byMw = [...report.halls].sort((a, b) => b.itMw - a.itMw).map((h) => h.id);
    expect(order()).toEqual(byMw);
    await screen.getByTestId('sort-itMw').click();
    expect(mw.getAttribute('aria-sort')).toBe('ascending');
    expect(order()).toEqual([...byMw].reverse());
    await screen.getByTestId('sort-name').click();
    expect(order()).toEqual(['hall-a', 'hall-b']);
    const before = editor.session.getState().camera;
    await screen.getByTestId('hall-row-hall-b').click();
    expect(editor.session.getState().selection).toEqual(['hall-b']);
    expect(editor.session.getState().camera).not.toEqual(before);
    await expect
      .element(screen.getByTestId('hall-row-hall-b'))
      .toHaveAttribute('aria-selected', 'true');
  });
});

describe('the Learn view', () => {
  it('opens from the URL on the density lesson, with bars for all five tiers', async () => {
    const screen = await openTraditional('?seed=traditional-20mw&lesson=density');
    const learn = screen.getByTestId('learn-view');
    await expect.element(learn).toHaveAttribute('data-lesson', 'density');
    const chart = screen.getByTestId('density-chart');
    await expect.element(chart).toBeVisible();
    for (const metric of ['racks', 'white-space', 'floor', 'kw', 'row', 'fiber']) {
      for (const tier of TIER_IDS) {
        const bar = chart.element().querySelector(`[data-testid="bar-${metric}-${tier}"]`);
        expect(bar, `${metric} ${tier}`).not.toBeNull();
        expect(Number(bar!.getAttribute('width'))).toBeGreaterThan(0);
      }
    }
    // A limit's line is drawn under the values it crosses, above the bars.
    const floor = chart.element().querySelector('[data-testid="chart-floor"]')!;
    const limit = floor.querySelector('.chart-ref line')!;
    const after = (a: Node, b: Node) =>
      (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    for (const value of floor.querySelectorAll('.chart-value'))
      expect(after(limit, value)).toBe(true);
    for (const bar of floor.querySelectorAll('rect')) expect(after(bar, limit)).toBe(true);
    // 100 MW of NVL72 racks: 834 racks; 10 MW: 84.
    expect(
      chart
        .element()
        .querySelector('[data-testid="bar-racks-blackwell"]')!
        .getAttribute('data-value'),
    ).toBe('834');
    await screen.getByTestId('lesson-itmw').fill('10');
    await expect
      .element(screen.getByTestId('density-chart').getByTestId('bar-racks-blackwell'))
      .toHaveAttribute('data-value', '84');
    await expect
      .element(screen.getByTestId('why-blackwell'))
      .toHaveTextContent(/18.5 kPa > 12 kPa/);
    await expect
      .element(screen.getByTestId('lesson-link'))
      .toHaveValue(`${window.location.origin}/?seed=traditional-20mw&lesson=density`);
    // Its checks are marked in the checklist.
    await expect
      .element(screen.getByTestId('check-floor-load'))
      .toHaveAttribute('data-highlighted', 'true');
  });

  it('lists the checks that flip in the what-if, and applies the tier as one edit', async () => {
    const screen = await openTraditional();
    await screen.getByTestId('lessons-button').click();
    await screen.getByTestId('lesson-what-if').click();
    const list = screen.getByTestId('what-if-list');
    await expect.element(list).toBeVisible();
    await expect.element(screen.getByTestId('what-if-tier')).toHaveValue('blackwell');
    for (const id of ['tier-floor', 'tier-cooling', 'tier-row-power']) {
      const flip = screen.getByTestId(`flip-${id}`);
      await expect.element(flip).toHaveAttribute('data-before', 'pass');
      await expect.element(flip).toHaveAttribute('data-after', 'fail');
    }
    // Hopper asks for the 12 kPa floor these halls have: that check no longer flips.
    await screen.getByTestId('what-if-tier').selectOptions('hopper');
    await expect.element(screen.getByTestId('flip-tier-floor')).not.toBeInTheDocument();
    await expect
      .element(screen.getByTestId('flip-latency-domain'))
      .toHaveAttribute('data-after', 'fail');
    await screen.getByTestId('what-if-tier').selectOptions('blackwell');
    await screen.getByTestId('what-if-apply').click();
    await expect
      .element(screen.getByTestId('target-tier'))
      .toHaveAttribute('data-value', 'blackwell');
    editor.document.getState().undo();
    await expect
      .element(screen.getByTestId('target-tier'))
      .toHaveAttribute('data-value', 'traditional');
    await userEvent.keyboard('{Escape}');
  });
});

describe('the Sources page', () => {
  it('an ⓘ source links to its entry on the Sources page; the filter narrows the list', async () => {
    const screen = await openTraditional();
    await screen.getByTestId('target-tier-select').selectOptions('blackwell');
    await screen.getByTestId('tab-checks').click();
    await screen.getByTestId('explain-check-floor-point-load').click();
    const popover = screen.getByRole('dialog');
    await expect.element(popover).toHaveTextContent(/Rack foot load within the point-load rating/);
    const link = popover.getByTestId('explain-source-link').filter({ hasText: 'Sources' }).last();
    const anchor = link.element().getAttribute('data-anchor');
    expect(anchor).toBe('src-tier-blackwell-pointLoadRatingKn');
    await link.click();
    const pageEl = screen.getByTestId('sources-page');
    await expect.element(pageEl).toBeVisible();
    const entry = pageEl.element().querySelector(`[data-anchor="${anchor}"]`)!;
    expect(entry.classList.contains('is-marked')).toBe(true);
    expect(entry.textContent).toMatch(/4\.5 kN/);
    expect(entry.textContent).toMatch(/TIA-569/);
    // The filter keeps the entries holding every word typed.
    await screen.getByTestId('sources-filter').fill('in-row CDU');
    await expect.element(screen.getByTestId('sources-count')).not.toHaveTextContent(/^0 values/);
    const shown = [...document.querySelectorAll('[data-testid=source-entry]')].map((e) =>
      e.getAttribute('data-anchor'),
    );
    expect(shown).toContain('src-hall-cduKw');
    expect(shown).not.toContain('src-physics-gravity');
  });
});
