import Konva from 'konva';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { App } from '../../src/app/App';
import type { Layout } from '../../src/domain';
import { computeReport } from '../../src/domain/report';
import { layoutAsOfPhase } from '../../src/domain/report/phases';
import { tileCacheOf } from '../../src/canvas/cullContext';
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

const frames = (n = 2) =>
  new Promise<void>((resolve) => {
    const step = (left: number) =>
      left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1));
    step(n);
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

const doc = () => editor.document.getState().doc;
const phaseOf = (id: string) => doc().halls.find((h) => h.id === id)?.phaseId;

describe('the phase field', () => {
  it('sets the phase of every selected element in one undo step', async () => {
    const screen = await render(<App editor={editor} initialLayout={twoPhases()} />, {
      container: host,
    });
    editor.session.getState().setSelection(['hall-a', 'hall-b']);
    const field = screen.getByTestId('field-phaseId');
    // hall-a has no phase (the first), hall-b the second: mixed.
    await expect.element(field).toHaveValue('');
    await userEvent.selectOptions(field, 'Expansion');
    expect(phaseOf('hall-a')).toBe('ph-2');
    expect(phaseOf('hall-b')).toBe('ph-2');
    await expect.element(field).toHaveValue('ph-2');
    editor.document.getState().undo();
    expect(phaseOf('hall-a')).toBeUndefined();
    expect(phaseOf('hall-b')).toBe('ph-2');
  });

  it('shows an element without a phase in the first', async () => {
    const screen = await render(<App editor={editor} initialLayout={twoPhases()} />, {
      container: host,
    });
    editor.session.getState().setSelection(['hall-a']);
    await expect.element(screen.getByTestId('field-phaseId')).toHaveValue('ph-1');
  });
});

describe('the phases editor', () => {
  it('adds, renames, dates, reorders and deletes phases, each one undo step', async () => {
    const screen = await render(<App editor={editor} initialLayout={twoPhases()} />, {
      container: host,
    });
    const phases = () => doc().settings.phases;
    await screen.getByTestId('phase-add').click();
    expect(phases().map((p) => p.id)).toEqual(['ph-1', 'ph-2', 'ph-3']);

    await userEvent.fill(screen.getByTestId('phase-3-name'), 'Horizon 3');
    await userEvent.keyboard('{Enter}');
    expect(phases()[2]!.name).toBe('Horizon 3');

    // A bad month: a message, nothing changes.
    const month = screen.getByTestId('phase-3-energize');
    await userEvent.fill(month, '2028/04');
    await expect
      .element(screen.getByTestId('phases-editor'))
      .toHaveTextContent(/Energize month must be a month "YYYY-MM"/);
    await userEvent.keyboard('{Enter}');
    expect(phases()[2]!.energize).toBeNull();
    await userEvent.fill(month, '2028-04');
    await userEvent.keyboard('{Enter}');
    expect(phases()[2]!.energize).toBe('2028-04');

    await screen.getByRole('button', { name: 'Move Horizon 3 earlier' }).click();
    expect(phases().map((p) => p.id)).toEqual(['ph-1', 'ph-3', 'ph-2']);
    editor.document.getState().undo();
    expect(phases().map((p) => p.id)).toEqual(['ph-1', 'ph-2', 'ph-3']);

    // Delete Expansion: hall-b moves to the phase before it.
    await screen.getByRole('button', { name: 'Delete Expansion' }).click();
    expect(phases().map((p) => p.id)).toEqual(['ph-1', 'ph-3']);
    expect(phaseOf('hall-b')).toBe('ph-1');
    editor.document.getState().undo();
    expect(phaseOf('hall-b')).toBe('ph-2');
  });

  it('cannot delete the last phase', async () => {
    const screen = await render(<App editor={editor} initialLayout={smallLayout()} />, {
      container: host,
    });
    await expect.element(screen.getByRole('button', { name: 'Delete Phase 1' })).toBeDisabled();
    // And with one phase there is no slider.
    expect(screen.getByTestId('phase-slider').query()).toBeNull();
  });
});

describe('the phase slider', () => {
  it('shows the campus as of phase 1: the panel figures, the checklist and the canvas follow', async () => {
    const layout = twoPhases();
    const screen = await render(<App editor={editor} initialLayout={layout} />, {
      container: host,
    });
    const full = computeReport(layout);
    const early = computeReport(layoutAsOfPhase(layout, 0));
    expect(early.totals.itMw).toBeLessThan(full.totals.itMw);
    const itMw = screen.getByTestId('total-itMw');
    await expect.element(itMw).toHaveAttribute('data-value', String(full.totals.itMw));
    const slider = screen.getByTestId('phase-slider-input');
    await expect.element(slider).toHaveValue('2');

    // The content canvas at hall-b's centre, before and while it is ghosted.
    const stage = Konva.stages[0]!;
    await frames(4);
    const pixel = () => {
      const node = stage.findOne('#hall-b')!;
      const r = node.getClientRect();
      const canvas = stage.findOne<Konva.Layer>('.content')!.getCanvas();
      const pr = canvas.getPixelRatio();
      const data = canvas
        .getContext()
        ._context.getImageData(
          Math.round((r.x + r.width / 2) * pr),
          Math.round((r.y + r.height / 2) * pr),
          1,
          1,
        ).data;
      return [...data].join(',');
    };
    const shown = pixel();
    const invalidated = tileCacheOf(stage)!.stats().invalidated;

    await userEvent.fill(slider, '1');
    expect(editor.session.getState().asOfPhase).toBe(0);
    await expect.element(itMw).toHaveAttribute('data-value', String(early.totals.itMw));
    await expect.element(screen.getByTestId('panel-as-of')).toHaveTextContent(/As of Phase 1/);
    await expect
      .element(screen.getByTestId('checks-as-of'))
      .toHaveTextContent(/As of Phase 1 “First”/);
    await expect.element(screen.getByTestId('phase-slider-value')).toHaveTextContent('As of First');
    // The top bar's check badge counts the same report as the checklist: phase 1's.
    const badge = screen.getByTestId('check-badge');
    await expect.element(badge).toHaveAttribute('data-as-of-phase', '0');
    await expect.element(badge).toHaveAttribute('data-pass', String(early.summary.pass));
    await expect.element(badge).toHaveAttribute('data-fail', String(early.summary.fail));
    // The tiles were redrawn, with hall-b faint.
    expect(tileCacheOf(stage)!.stats().invalidated).toBeGreaterThan(invalidated);
    await frames(4);
    expect(pixel()).not.toBe(shown);

    await userEvent.fill(slider, '2');
    expect(editor.session.getState().asOfPhase).toBeNull();
    await expect.element(itMw).toHaveAttribute('data-value', String(full.totals.itMw));
    expect(screen.getByTestId('panel-as-of').query()).toBeNull();
    await expect.element(badge).not.toHaveAttribute('data-as-of-phase');
    await expect.element(badge).toHaveAttribute('data-pass', String(full.summary.pass));
    await frames(4);
    expect(pixel()).toBe(shown);
  });
});
