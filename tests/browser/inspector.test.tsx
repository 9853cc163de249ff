import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { App } from '../../src/app/App';
import type { Layout } from '../../src/domain';
import { computeReport } from '../../src/domain/report';
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
});

afterEach(() => {
  host.remove();
});

const doc = () => editor.document.getState().doc;
const select = (...ids: string[]) => editor.session.getState().setSelection(ids);

/** The small campus with hall B's floor rated differently from hall A's. */
function layout(): Layout {
  const l = smallLayout();
  return {
    ...l,
    halls: l.halls.map((h) => (h.id === 'hall-b' ? { ...h, floorRatingKpa: 25 } : h)),
  };
}

async function open() {
  const screen = await render(<App editor={editor} initialLayout={layout()} />, {
    container: host,
  });
  await expect.element(screen.getByTestId('layout-name')).toHaveTextContent('Test campus');
  return screen;
}

describe('the inspector', () => {
  it('shows the layout settings with nothing selected', async () => {
    const screen = await open();
    await expect.element(screen.getByTestId('inspector-title')).toHaveTextContent('Test campus');
    await expect.element(screen.getByTestId('field-settings.setbackM')).toHaveValue('0');
    // PUE override empty: derived from the cooling types, and the placeholder says so.
    await expect.element(screen.getByTestId('field-settings.pue')).toHaveValue('');
    // Once the report of the layout just opened is in (it follows the first frame).
    await expect
      .poll(() => screen.getByTestId('field-settings.pue').element().getAttribute('placeholder'))
      .toMatch(/^Derived \(1\.\d\d\)$/);
    await userEvent.fill(screen.getByTestId('field-settings.setbackM'), '30');
    await userEvent.keyboard('{Enter}');
    expect(doc().settings.setbackM).toBe(30);
  });

  it('places the site once latitude and longitude are both typed, in one step', async () => {
    const screen = await open();
    const steps = editor.document.getState().past.length;
    await userEvent.fill(screen.getByTestId('field-settings.site-latitude'), '32.45');
    await userEvent.keyboard('{Enter}');
    expect(doc().settings.site ?? null).toBeNull();
    await userEvent.fill(screen.getByTestId('field-settings.site-longitude'), '-100.2');
    await userEvent.keyboard('{Enter}');
    expect(doc().settings.site).toEqual({ latitude: 32.45, longitude: -100.2, bearingDeg: 0 });
    expect(editor.document.getState().past.length).toBe(steps + 1);
    await userEvent.fill(screen.getByTestId('field-settings.site-latitude'), '91');
    await expect.element(screen.getByRole('alert')).toHaveTextContent('must be a latitude');
  });

  it('edits a trench vertex', async () => {
    const screen = await open();
    select('tr-2');
    await expect.element(screen.getByTestId('field-points-1-y')).toHaveValue('200');
    await userEvent.fill(screen.getByTestId('field-points-1-y'), '210');
    await userEvent.keyboard('{Enter}');
    expect(doc().fiberTrenches[1]!.points).toEqual([
      [100, 102],
      [100, 210],
    ]);
  });

  it('commits a valid width on Enter as one undo step', async () => {
    const screen = await open();
    select('hall-a');
    const width = screen.getByTestId('field-width');
    await expect.element(width).toHaveValue('60');
    await expect.element(screen.getByTestId('inspector-title')).toHaveTextContent('Hall A');
    const before = doc();
    const steps = editor.document.getState().past.length;
    await userEvent.fill(width, '80');
    expect(doc()).toBe(before); // typing alone changes nothing
    await userEvent.keyboard('{Enter}');
    expect(doc().halls[0]!.width).toBe(80);
    expect(editor.document.getState().past.length).toBe(steps + 1);
    await expect.element(width).toHaveValue('80');
    editor.document.getState().undo();
    expect(doc()).toBe(before);
    await expect.element(width).toHaveValue('60');
  });

  it('commits on leaving the field too', async () => {
    const screen = await open();
    select('hall-a');
    await userEvent.fill(screen.getByTestId('field-rotation'), '15');
    await userEvent.click(screen.getByTestId('field-name'));
    expect(doc().halls[0]!.rotation).toBe(15);
  });

  it('shows the schema message for "-5", keeps the text and changes nothing; Esc reverts', async () => {
    const screen = await open();
    select('hall-a');
    const before = doc();
    const width = screen.getByTestId('field-width');
    await userEvent.fill(width, '-5');
    await expect.element(screen.getByRole('alert')).toHaveTextContent('must be a positive number');
    await expect.element(width).toHaveAttribute('aria-invalid', 'true');
    await userEvent.keyboard('{Enter}');
    await userEvent.click(screen.getByTestId('field-name'));
    expect(doc()).toBe(before);
    await expect.element(width).toHaveValue('-5');
    await userEvent.click(width);
    await userEvent.keyboard('{Escape}');
    await expect.element(width).toHaveValue('60');
    await expect.element(screen.getByRole('alert')).not.toBeInTheDocument();
    expect(doc()).toBe(before);
  });

  it('shows feet in imperial mode and stores a typed feet value in metres', async () => {
    const screen = await open();
    editor.session.getState().setUnits('imperial');
    select('hall-a');
    const width = screen.getByTestId('field-width');
    // 60 m = 196.8504 ft.
    await expect.element(width).toHaveValue('196.9');
    const field = width.element().closest('.insp-input');
    expect(field?.textContent).toContain('ft');
    await userEvent.fill(width, '100');
    await userEvent.keyboard('{Enter}');
    expect(doc().halls[0]!.width).toBeCloseTo(30.48, 12);
    // Floor ratings read in psf: 20 kPa / 0.04788026 kPa per psf = 417.7087 psf.
    await expect.element(screen.getByTestId('field-floorRatingKpa')).toHaveValue('418');
  });

  it('bulk-edits the floor rating of two halls as one step', async () => {
    const screen = await open();
    select('hall-a', 'hall-b');
    await expect.element(screen.getByTestId('inspector-title')).toHaveTextContent('2 halls');
    const rating = screen.getByTestId('field-floorRatingKpa');
    await expect.element(rating).toHaveValue('');
    await expect.element(rating).toHaveAttribute('placeholder', 'Mixed');
    // Shared values show as usual.
    await expect.element(screen.getByTestId('field-rowPowerMw')).toHaveValue('1.5');
    const before = doc();
    await userEvent.fill(rating, '30');
    await userEvent.keyboard('{Enter}');
    expect(doc().halls.map((h) => h.floorRatingKpa)).toEqual([30, 30]);
    await expect.element(rating).toHaveValue('30');
    editor.document.getState().undo();
    expect(doc()).toBe(before);
  });

  it('offers only the shared fields for a mixed selection', async () => {
    const screen = await open();
    select('hall-a', 'row-a0');
    await expect.element(screen.getByTestId('field-rotation')).toBeInTheDocument();
    await expect.element(screen.getByTestId('field-width')).not.toBeInTheDocument();
    await userEvent.fill(screen.getByTestId('field-rotation'), '90');
    await userEvent.keyboard('{Enter}');
    expect(doc().halls[0]!.rotation).toBe(90);
    expect(doc().rackRows[0]!.rotation).toBe(90);
  });

  it('edits a rack row: its profile from a select, kW per rack empty = the profile default', async () => {
    const screen = await open();
    select('row-b0');
    const kw = screen.getByTestId('field-kwPerRack');
    await expect.element(kw).toHaveValue('10');
    await userEvent.fill(kw, '');
    await userEvent.keyboard('{Enter}');
    expect(doc().rackRows.find((r) => r.id === 'row-b0')!.kwPerRack).toBeNull();
    await expect.element(kw).toHaveAttribute('placeholder', '8 (profile)');
    await userEvent.selectOptions(screen.getByTestId('field-profile'), 'hpc-air');
    expect(doc().rackRows.find((r) => r.id === 'row-b0')!.profile).toBe('hpc-air');
  });

  it('shows a row without in-row CDUs as 0 of them, and stores a typed count', async () => {
    const screen = await open();
    const row = () => doc().rackRows.find((r) => r.id === 'row-b0')!;
    expect(row().cduCount).toBeUndefined();
    select('row-b0');
    const cdus = screen.getByTestId('field-cduCount');
    await expect.element(cdus).toHaveValue('0');
    await userEvent.fill(cdus, '2');
    await userEvent.keyboard('{Enter}');
    expect(row().cduCount).toBe(2);
    await expect.element(cdus).toHaveValue('2');
    // 0 of them and none in the file are the same: two such rows share the value, not "Mixed".
    editor.document.getState().apply((d) => {
      d.rackRows.find((r) => r.id === 'row-b0')!.cduCount = 0;
    }, 'no CDUs');
    select('row-b0', 'row-a0');
    await expect.element(cdus).toHaveValue('0');
    await expect.element(cdus).not.toHaveAttribute('placeholder', 'Mixed');
  });
});

describe('fill hall with rows', () => {
  it('previews, fills the hall in one step and updates the totals; undo removes them all', async () => {
    const screen = await open();
    select('hall-a');
    const racks = screen.getByTestId('total-racks');
    const before = doc();
    const racksBefore = computeReport(before).totals.racks;
    await expect.element(racks).toHaveAttribute('data-value', String(racksBefore));

    // The hall's six rows fill it: nothing fits around them until they are replaced.
    await userEvent.click(screen.getByTestId('fill-replace'));
    const preview = screen.getByTestId('fill-preview');
    await expect
      .element(preview)
      .toHaveTextContent(/Would place \d+ rows, [\d,]+ racks, [\d.]+ MW/);
    const planned = Number(preview.element().getAttribute('data-racks'));
    const plannedRows = Number(preview.element().getAttribute('data-rows'));
    expect(planned).toBeGreaterThan(0);

    // A bad aisle width disables the button and says why.
    await userEvent.fill(screen.getByTestId('fill-cold'), '0.1');
    await expect.element(screen.getByText('must be from 0.6 to 10 m')).toBeInTheDocument();
    await expect.element(screen.getByTestId('fill-apply')).toBeDisabled();
    await userEvent.fill(screen.getByTestId('fill-cold'), '1.22');
    await expect.element(screen.getByTestId('fill-apply')).toBeEnabled();

    const steps = editor.document.getState().past.length;
    await userEvent.click(screen.getByTestId('fill-apply'));
    const after = doc();
    const hallRows = after.rackRows.filter((r) => r.hallId === 'hall-a');
    expect(hallRows).toHaveLength(plannedRows);
    expect(editor.document.getState().past.length).toBe(steps + 1);
    // New ids, unique across the file.
    const ids = [
      ...after.halls,
      ...after.rackRows,
      ...after.coolingZones,
      ...after.substations,
      ...after.fiberTrenches,
    ].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const racksAfter = racksBefore - 6 * 20 + planned;
    expect(computeReport(after).totals.racks).toBe(racksAfter);
    await expect.element(racks).toHaveAttribute('data-value', String(racksAfter));

    editor.document.getState().undo();
    expect(doc()).toBe(before);
    await expect.element(racks).toHaveAttribute('data-value', String(racksBefore));
  });

  it('adds rows to an empty hall without replacing anything', async () => {
    const l = layout();
    const screen = await render(
      <App
        editor={editor}
        initialLayout={{ ...l, rackRows: l.rackRows.filter((r) => r.hallId !== 'hall-a') }}
      />,
      { container: host },
    );
    select('hall-a');
    await userEvent.click(screen.getByTestId('fill-apply'));
    expect(doc().rackRows.filter((r) => r.hallId === 'hall-a').length).toBeGreaterThan(0);
    expect(doc().rackRows.filter((r) => r.hallId === 'hall-b')).toHaveLength(5);
  });
});
