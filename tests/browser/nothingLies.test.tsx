/**
 * Issue 9, "nothing lies": a report that cannot be computed is said so, with no figure of the
 * previous layout, and the app still answers; user names are isolated from the text around them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { App } from '../../src/app/App';
import type { Layout } from '../../src/domain';
import { computeReport } from '../../src/domain/report';
import { FSI, PDI } from '../../src/domain/text';
import { createEditor, type Editor } from '../../src/editor/editor';
import { ALL_TOOLS } from '../../src/editor/tools';
import { smallLayout } from './fixtures';

const failing = (doc: Layout) => {
  if (doc.name === 'Broken') throw new Error('the broken layout has no report');
  return computeReport(doc);
};

let editor: Editor;
let host: HTMLDivElement;

beforeEach(async () => {
  editor = createEditor({ tools: ALL_TOOLS, computeReport: failing });
  await page.viewport(1280, 800);
  host = document.createElement('div');
  host.style.cssText = 'position: fixed; inset: 0; width: 1280px; height: 800px;';
  document.body.appendChild(host);
});

afterEach(() => host.remove());

describe('a report that cannot be computed', () => {
  it('shows "Report unavailable" and the reason, no figure of the previous layout; the app still answers', async () => {
    const screen = await render(<App editor={editor} initialLayout={smallLayout()} />, {
      container: host,
    });
    const itMw = screen.getByTestId('total-itMw');
    await expect.element(itMw).toBeInTheDocument();
    // The report follows the document on the next animation frame (createReportSource).
    await expect.poll(() => Number(itMw.element().getAttribute('data-value'))).toBeGreaterThan(0);

    editor.document.getState().apply((d) => void (d.name = 'Broken'), 'Rename');
    const alert = screen.getByTestId('report-unavailable');
    await expect.element(alert).toHaveTextContent(/Report unavailable/);
    await expect.element(alert).toHaveTextContent(/the broken layout has no report/);
    await expect.element(alert).toHaveAttribute('role', 'alert');
    expect(document.querySelector('[data-testid="total-itMw"]')).toBeNull();
    expect(document.querySelector('[data-testid^="total-"]')).toBeNull();
    await expect.element(screen.getByTestId('check-badge')).toHaveTextContent(/report unavailable/);

    // The app still responds: pick a tool.
    await screen.getByRole('button', { name: 'Hall tool' }).click();
    expect(editor.session.getState().tool).toBe('hall');

    // Undo: the report is back.
    editor.document.getState().undo();
    await expect.element(screen.getByTestId('total-itMw')).toBeInTheDocument();
    expect(document.querySelector('[data-testid="report-unavailable"]')).toBeNull();
  });
});

describe('user text is isolated', () => {
  it('a layout and a hall named with a right-to-left override stay inside <bdi> or FSI…PDI', async () => {
    const evil = '\u202Eevil name';
    const layout = smallLayout();
    const named: Layout = {
      ...layout,
      name: evil,
      halls: layout.halls.map((h, i) => (i === 0 ? { ...h, name: `\u202Ehall` } : h)),
    };
    const screen = await render(<App editor={editor} initialLayout={named} />, {
      container: host,
    });
    const title = screen.getByTestId('layout-name');
    await expect.element(title).toHaveAttribute('title', `${FSI}${evil}${PDI}`);
    expect(title.element().querySelector('bdi')?.textContent).toBe(evil);
    // The inspector's title, with nothing selected: the layout.
    const insp = screen.getByTestId('inspector-title');
    expect(insp.element().querySelector('bdi')?.textContent).toBe(evil);
    // The hall table.
    await screen.getByTestId('tab-halls').click();
    await expect
      .poll(() => [...document.querySelectorAll('.hall-name bdi')].map((b) => b.textContent))
      .toContain('\u202Ehall');
    // The inspector of the hall: its title in a <bdi>.
    editor.session.setState({ selection: [layout.halls[0]!.id] });
    await expect.element(screen.getByTestId('inspector-title')).toHaveTextContent('\u202Ehall');
    expect(screen.getByTestId('inspector-title').element().querySelector('bdi')?.textContent).toBe(
      '\u202Ehall',
    );
  });
});
