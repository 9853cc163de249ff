import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { App } from '../../src/app/App';
import type { Layout } from '../../src/domain';
import { computeReport } from '../../src/domain/report';
import { createEditor, type Editor } from '../../src/editor/editor';
import { ALL_TOOLS } from '../../src/editor/tools';
import { smallLayout } from './fixtures';

let editor: Editor = createEditor({ tools: ALL_TOOLS });
let host: HTMLDivElement;

beforeEach(async () => {
  editor = createEditor({ tools: ALL_TOOLS });
  await page.viewport(1280, 800);
  host = document.createElement('div');
  host.style.cssText = 'position: fixed; inset: 0; width: 1280px; height: 800px;';
  document.body.appendChild(host);
  editor.files.setState({ dialog: null, print: null });
});

afterEach(() => {
  editor.files.getState().closeDialog();
  host.remove();
});

const doc = () => editor.document.getState().doc;

async function renderApp(layout: Layout = smallLayout()) {
  const screen = await render(<App editor={editor} initialLayout={layout} />, { container: host });
  await expect.element(screen.getByTestId('layout-name')).toHaveTextContent(layout.name);
  return screen;
}

const value = (testId: string) =>
  Number(document.querySelector(`[data-testid=${testId}]`)?.getAttribute('data-value'));

describe('File > New > Generate campus…', () => {
  it('previews the totals live, refuses what does not fit, and generates as one undo step after asking', async () => {
    const screen = await renderApp();
    editor.document.getState().apply((d) => void (d.name = 'My edits'), 'Rename');
    const edited = doc();
    await screen.getByTestId('file-menu-button').click();
    await screen.getByRole('menuitem', { name: 'Generate campus…' }).click();
    const dialog = screen.getByTestId('generate-dialog');
    await expect.element(dialog).toBeVisible();
    // Defaults: 300 MW of Rubin, one phase, a 30 m setback on a new 1,000 × 800 m parcel.
    await expect.element(screen.getByTestId('generate-itMw')).toHaveTextContent('300.1 MW');
    expect(value('generate-racks')).toBe(1322);
    expect(value('generate-halls')).toBe(4);

    // Three phases: the preview follows.
    const phases = screen.getByRole('textbox', { name: 'Phases' });
    await phases.fill('3');
    await expect.poll(() => value('generate-halls')).toBe(6);
    expect(value('generate-phases')).toBe(3);

    // Too much: the one-sentence refusal, and Generate is disabled.
    const mw = screen.getByRole('textbox', { name: 'Target IT' });
    await mw.fill('5000');
    await expect
      .element(screen.getByTestId('generate-refusal'))
      .toHaveTextContent(
        /^The parcel holds [\d,]+ MW of Rubin at a 30 m setback; 5,000 MW asked\.$/,
      );
    await expect.element(screen.getByTestId('generate-submit')).toBeDisabled();
    // Bad input names the field and changes nothing.
    await mw.fill('lots');
    await expect.element(screen.getByRole('alert')).toHaveTextContent('must be a number');
    await expect.element(screen.getByTestId('generate-submit')).toBeDisabled();
    await mw.fill('300');
    await expect.poll(() => value('generate-halls')).toBe(6);
    expect(doc()).toBe(edited);

    // Generate: the open layout has unsaved changes, so it asks first.
    await screen.getByTestId('generate-submit').click();
    await expect.element(screen.getByTestId('confirm-discard')).toBeVisible();
    await screen.getByRole('button', { name: 'Discard changes' }).click();
    await expect.poll(() => doc().halls.length).toBe(6);
    const generated = doc();
    expect(generated.settings.phases).toHaveLength(3);
    expect(generated.parcel.points).toEqual([
      [0, 0],
      [1000, 0],
      [1000, 800],
      [0, 800],
    ]);
    const report = computeReport(generated);
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    await expect
      .element(screen.getByTestId('total-itMw'))
      .toHaveAttribute('data-value', String(report.totals.itMw));

    // One undo step brings the edited layout back exactly.
    editor.document.getState().undo();
    expect(doc()).toBe(edited);
  });

  it('Cancel changes nothing', async () => {
    const screen = await renderApp();
    const before = doc();
    await screen.getByTestId('file-menu-button').click();
    await screen.getByRole('menuitem', { name: 'Generate campus…' }).click();
    await expect.element(screen.getByTestId('generate-preview')).toBeVisible();
    await screen.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => document.querySelector('[data-testid=generate-dialog]')).toBeNull();
    expect(doc()).toBe(before);
  });
});

describe('File > Generate into this parcel…', () => {
  it('keeps the open parcel and name, takes its tier, and asks nothing (it is one undo step)', async () => {
    const screen = await renderApp();
    editor.document.getState().apply((d) => void (d.name = 'Site A'), 'Rename');
    const before = doc();
    await screen.getByTestId('file-menu-button').click();
    await screen.getByRole('menuitem', { name: 'Generate into this parcel…' }).click();
    await expect
      .element(
        screen.getByTestId('generate-dialog').getByRole('combobox', { name: 'Tier', exact: true }),
      )
      .toHaveValue(before.settings.targetTier);
    await userEvent.click(screen.getByRole('checkbox', { name: 'As much as fits' }));
    await expect.element(screen.getByTestId('generate-preview')).toBeVisible();
    const most = value('generate-itMw');
    expect(most).toBeGreaterThan(0);
    await screen.getByTestId('generate-submit').click();
    await expect.poll(() => doc() !== before).toBe(true);
    expect(document.querySelector('[data-testid=confirm-discard]')).toBeNull();
    expect(doc().name).toBe('Site A');
    expect(doc().parcel).toEqual(before.parcel);
    expect(computeReport(doc()).totals.itMw).toBe(most);
    editor.document.getState().undo();
    expect(doc()).toBe(before);
  });
});
