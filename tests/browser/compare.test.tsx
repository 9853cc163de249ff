import { produce } from 'immer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import CompareDialog from '../../src/app/compare/CompareDialog';
import { saveScenario } from '../../src/app/files/scenarios';
import { computeReport } from '../../src/domain/report';
import { compareReports } from '../../src/domain/report/compare';
import { EditorProvider } from '../../src/editor/EditorProvider';
import { createEditor, type Editor } from '../../src/editor/editor';
import { ALL_TOOLS } from '../../src/editor/tools';
import { CompareFigures } from '../../src/panels/compare/CompareTable';
import { smallLayout } from './fixtures';

/** The comparison table and the compare dialog, with a scenario saved before an edit. */

let editor: Editor;
let host: HTMLDivElement;

beforeEach(async () => {
  editor = createEditor({ tools: ALL_TOOLS });
  await page.viewport(1280, 800);
  host = document.createElement('div');
  document.body.appendChild(host);
  editor.load(smallLayout());
});

afterEach(() => {
  host.remove();
});

const Provider = ({ children }: { children: React.ReactNode }) => (
  <EditorProvider editor={editor}>{children}</EditorProvider>
);

/** smallLayout with its first row 2 racks shorter. */
const shorter = () =>
  produce(smallLayout(), (d) => {
    d.rackRows[0]!.rackCount -= 2;
  });

describe('CompareFigures', () => {
  it('marks the differing figures and mutes the equal ones', async () => {
    const c = compareReports(computeReport(smallLayout()), computeReport(shorter()));
    const screen = await render(
      <CompareFigures comparison={c} labelA="Before" labelB="After" units="metric" />,
      { container: host },
    );
    const racks = screen.getByTestId('compare-row-racks');
    await expect.element(racks).toHaveAttribute('data-verdict', 'changed');
    await expect.element(screen.getByTestId('compare-delta-racks')).toHaveTextContent('−2');
    await expect
      .element(screen.getByTestId('compare-row-itMw'))
      .toHaveAttribute('data-verdict', 'worse');
    await expect.element(screen.getByTestId('compare-delta-parcelArea')).toHaveTextContent('same');
    expect(host.querySelectorAll('[data-testid^="compare-row-"]')).toHaveLength(c.figures.length);
  });

  it('lists only the differences when asked, and says so when there are none', async () => {
    const a = computeReport(smallLayout());
    const c = compareReports(a, computeReport(shorter()));
    const screen = await render(
      <CompareFigures comparison={c} labelA="A" labelB="B" units="imperial" onlyDifferent />,
      { container: host },
    );
    const shown = host.querySelectorAll('[data-testid^="compare-row-"]').length;
    expect(shown).toBe(c.figures.filter((r) => r.verdict !== 'equal').length);
    expect(shown).toBeGreaterThan(0);
    await screen.rerender(
      <CompareFigures
        comparison={compareReports(a, a)}
        labelA="A"
        labelB="B"
        units="imperial"
        onlyDifferent
      />,
    );
    await expect.element(screen.getByTestId('compare-figures-none')).toBeVisible();
  });
});

describe('CompareDialog', () => {
  it('compares the layout with a scenario saved before an edit, then a sample', async () => {
    saveScenario(editor, 'Before');
    editor.document.getState().apply((d) => {
      d.rackRows[0]!.rackCount -= 2;
    }, 'Edit');
    const screen = await render(<CompareDialog close={() => undefined} />, {
      container: host,
      wrapper: Provider,
    });
    await expect.element(screen.getByTestId('compare-source')).toHaveValue('scenario:Before');
    await expect.element(screen.getByTestId('compare-delta-racks')).toHaveTextContent('+2');
    await expect.element(screen.getByTestId('compare-thumb-b')).toBeVisible();
    await screen.getByTestId('compare-source').selectOptions('sample:blackwell-200mw');
    await expect
      .element(screen.getByTestId('compare-row-gpus'))
      .toHaveAttribute('data-verdict', 'better');
    // Saving from the dialog adds a scenario to pick.
    await screen.getByTestId('compare-scenario-name').fill('After');
    await screen.getByTestId('compare-save-scenario').click();
    expect(editor.files.getState().scenarios.map((s) => s.name)).toEqual(['Before', 'After']);
  });
});
