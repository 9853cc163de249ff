import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { App } from '../../src/app/App';
import type { Layout } from '../../src/domain';
import { computeReport } from '../../src/domain/report';
import type { PhaseReport } from '../../src/domain/report/types';
import { PhaseTimeline } from '../../src/panels/calculators/ProgramView';
import { createEditor, type Editor } from '../../src/editor/editor';
import { ALL_TOOLS } from '../../src/editor/tools';
import { smallLayout } from './fixtures';

let editor: Editor;
let host: HTMLDivElement;

beforeEach(async () => {
  editor = createEditor({ tools: ALL_TOOLS });
  await page.viewport(1280, 800);
  host = document.createElement('div');
  host.style.cssText = 'position: fixed; inset: 0; width: 1280px; height: 800px;';
  document.body.appendChild(host);
  editor.ui.setState({ tab: 'totals', learnOpen: false, highlighted: [] });
});

afterEach(() => {
  host.remove();
});

/** The small fixture in two phases: hall-b in phase 2 "Expansion" (2027-06). */
function twoPhases(): Layout {
  const l = smallLayout();
  return {
    ...l,
    settings: {
      ...l.settings,
      phases: [
        { id: 'ph-1', name: 'First', energize: '2026-06' },
        { id: 'ph-2', name: 'Expansion', energize: '2027-06' },
      ],
    },
    halls: l.halls.map((h) => (h.id === 'hall-b' ? { ...h, phaseId: 'ph-2' } : h)),
  };
}

const attr = (testId: string, name: string) =>
  document.querySelector(`[data-testid="${testId}"]`)?.getAttribute(name) ?? null;

describe('cost and phases in the calculators panel', () => {
  it('shows capex figures labelled estimates, with their SI values', async () => {
    const layout = twoPhases();
    const report = computeReport(layout);
    const screen = await render(<App editor={editor} initialLayout={layout} />, {
      container: host,
    });
    const capex = screen.getByTestId('total-capexUsd');
    await expect.element(capex).toHaveAttribute('data-value', String(report.totals.capexUsd));
    await expect.element(capex).toHaveTextContent(/est\./);
    await expect
      .element(screen.getByTestId('total-capexPerItMwUsd'))
      .toHaveAttribute('data-value', String(report.totals.capexPerItMwUsd));
    await expect.element(screen.getByTestId('total-paybackYears')).toHaveTextContent('—');
  });

  it('draws one timeline bar per phase with its cumulative IT MW, and follows a hall moved to phase 1', async () => {
    const layout = twoPhases();
    const report = computeReport(layout);
    const screen = await render(<App editor={editor} initialLayout={layout} />, {
      container: host,
    });
    const timeline = screen.getByTestId('phase-timeline');
    await expect.element(timeline).toHaveAttribute('data-phases', '2');
    await expect
      .element(screen.getByTestId('timeline-phase-1'))
      .toHaveAttribute('data-value', String(report.phases[0]!.itMw));
    await expect.element(timeline.getByRole('img')).toHaveAccessibleName(/Expansion \(2027-06\)/);
    editor.document.getState().apply((d) => {
      d.halls.find((h) => h.id === 'hall-b')!.phaseId = 'ph-1';
    }, 'Move hall');
    await expect
      .element(screen.getByTestId('timeline-phase-1'))
      .toHaveAttribute('data-value', String(report.totals.itMw));
  });

  it("keeps the IT axis's top label inside the chart, however wide", async () => {
    for (const itMw of [4, 400, 1_200, 12_000]) {
      const phase = { id: 'p', name: 'All', energize: null, itMw, cumulativeCapexUsd: 3e9 };
      const screen = await render(<PhaseTimeline phases={[phase as unknown as PhaseReport]} />, {
        container: host,
      });
      const tick = host.querySelector<SVGTextElement>('.tl-tick')!;
      expect(tick.textContent).toMatch(/ MW$/);
      // In the chart's own units (its viewBox starts at 0).
      expect(tick.getBBox().x).toBeGreaterThanOrEqual(0);
      await screen.unmount();
    }
  });

  it('overrides a unit cost in the cost table (marked, capex per MW follows), resets it, and undoes', async () => {
    const layout = twoPhases();
    const before = computeReport(layout).totals.capexPerItMwUsd!;
    const screen = await render(<App editor={editor} initialLayout={layout} />, {
      container: host,
    });
    const row = screen.getByTestId('cost-land-acre');
    await expect.element(row).toHaveAttribute('data-overridden', 'false');
    const input = row.getByRole('textbox');
    await userEvent.clear(input);
    await userEvent.type(input, '2000000{Enter}');
    await expect.element(row).toHaveAttribute('data-overridden', 'true');
    await expect.element(row).toHaveTextContent(/override/);
    expect(editor.document.getState().doc.settings.costs).toEqual({ 'land-acre': 2_000_000 });
    const after = computeReport(editor.document.getState().doc).totals.capexPerItMwUsd!;
    expect(after).toBeGreaterThan(before);
    await expect
      .element(screen.getByTestId('total-capexPerItMwUsd'))
      .toHaveAttribute('data-value', String(after));

    await row.getByRole('button', { name: /Reset/ }).click();
    await expect.element(row).toHaveAttribute('data-overridden', 'false');
    expect(editor.document.getState().doc.settings.costs).toEqual({});
    editor.document.getState().undo();
    expect(editor.document.getState().doc.settings.costs).toEqual({ 'land-acre': 2_000_000 });
    expect(attr('total-capexPerItMwUsd', 'data-value')).not.toBeNull();
  });

  it('refuses a value that is not a dollar amount and changes nothing', async () => {
    const screen = await render(<App editor={editor} initialLayout={twoPhases()} />, {
      container: host,
    });
    const row = screen.getByTestId('cost-land-acre');
    const input = row.getByRole('textbox');
    await userEvent.clear(input);
    await userEvent.type(input, 'lots{Enter}');
    await expect.element(row).toHaveTextContent(/must be a number of US dollars/);
    expect(editor.document.getState().doc.settings.costs).toEqual({});
  });
});
