import Konva from 'konva';
import { isolate } from '../../src/domain/text';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { App } from '../../src/app/App';
import type { AutosaveRecord, AutosaveStorage } from '../../src/app/files/autosave';
import { exportCampusPng, exportViewPng } from '../../src/app/files/exportImage';
import { FILE_ACTION_IDS, performFileAction } from '../../src/app/files/fileActions';
import { geoJsonText } from '../../src/app/files/geoJsonExport';
import { setAutosaveStorage } from '../../src/app/files/persistence';
import { serializeLayout } from '../../src/domain/format';
import v0Sample from '../../src/domain/format/fixtures/v0-sample.json';
import { decodeShareFragment } from '../../src/domain/share';
import type { Layout } from '../../src/domain';
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
  editor.session.setState({ camera: { x: 0, y: 0, scale: 1 }, pointer: null, units: 'metric' });
  editor.files.setState({ dialog: null, print: null });
});

afterEach(() => {
  editor.files.getState().closeDialog();
  host.remove();
  vi.restoreAllMocks();
});

const doc = () => editor.document.getState().doc;

const frames = (n = 2) =>
  new Promise<void>((resolve) => {
    const step = (left: number) =>
      left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1));
    step(n);
  });

async function renderApp(layout: Layout = smallLayout()) {
  const screen = await render(<App editor={editor} initialLayout={layout} />, { container: host });
  await expect.element(screen.getByTestId('layout-name')).toHaveTextContent(layout.name);
  await frames();
  return screen;
}

/** Choose a file in the hidden file input, as the browser's picker would. */
function chooseFile(name: string, content: BlobPart, type = 'application/json'): void {
  const input = document.querySelector<HTMLInputElement>('[data-testid=open-file-input]');
  if (!input) throw new Error('no file input');
  const dt = new DataTransfer();
  dt.items.add(new File([content], name, { type }));
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const importDialog = () => page.getByTestId('import-errors');
const issues = () =>
  [...document.querySelectorAll('[data-testid=import-issue]')].map((li) => ({
    path: li.getAttribute('data-path'),
    text: li.textContent,
  }));

/** Open a file that must be refused: the dialog shows, and the document is the very same object. */
async function expectRefused(name: string, content: BlobPart): Promise<HTMLElement> {
  const before = doc();
  chooseFile(name, content);
  await expect.element(importDialog()).toBeVisible();
  await expect.element(importDialog()).toHaveTextContent(`Could not open ${name}`);
  await expect
    .element(importDialog())
    .toHaveTextContent('Your current layout has not been changed.');
  expect(doc()).toBe(before);
  return importDialog().element() as HTMLElement;
}

async function closeDialog(): Promise<void> {
  await page.getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => document.querySelector('[data-testid=import-errors]')).toBeNull();
}

const fileText = (change: (d: Record<string, unknown>) => void): string => {
  const d = JSON.parse(serializeLayout(smallLayout())) as Record<string, unknown>;
  change(d);
  return JSON.stringify(d, null, 2);
};
const hall0 = (d: Record<string, unknown>) => (d.halls as Record<string, unknown>[])[0]!;

describe('the File menu', () => {
  it('opens from the top bar, lists every command, and closes with Escape', async () => {
    const screen = await renderApp();
    await screen.getByTestId('file-menu-button').click();
    const menu = screen.getByRole('menu', { name: 'File' });
    await expect.element(menu).toBeVisible();
    for (const name of [
      'Traditional 20 MW enterprise campus',
      'Empty parcel',
      /Open… ?Ctrl\+O/,
      /Save \(download JSON\) ?Ctrl\+S/,
      'Export GeoJSON…',
      'Export PNG (current view)',
      'Export PNG (whole campus, 4,096 px)',
      'Export SVG',
      'Print report…',
      'Copy share link',
      'Site location…',
    ]) {
      await expect.element(screen.getByRole('menuitem', { name })).toBeVisible();
    }
    // Keyboard: the first item has focus; arrows move it.
    expect(document.activeElement?.textContent).toContain('Traditional');
    await userEvent.keyboard('{ArrowUp}');
    expect(document.activeElement?.textContent).toContain('Site location');
    await userEvent.keyboard('{Escape}');
    expect(document.querySelector('[data-testid=file-menu]')).toBeNull();
    expect(document.activeElement?.getAttribute('data-testid')).toBe('file-menu-button');
  });

  it('New from template: the empty parcel, after asking about unsaved changes', async () => {
    const screen = await renderApp();
    editor.document.getState().apply((d) => void (d.name = 'My edits'), 'Rename');
    await expect.element(screen.getByTestId('save-state')).toHaveTextContent('Unsaved changes');
    const edited = doc();
    await screen.getByTestId('file-menu-button').click();
    await screen.getByRole('menuitem', { name: 'Empty parcel' }).click();
    const confirm = screen.getByTestId('confirm-discard');
    await expect
      .element(confirm)
      .toHaveTextContent(`Discard unsaved changes to “${isolate('My edits')}”?`);
    await screen.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => document.querySelector('[data-testid=confirm-discard]')).toBeNull();
    expect(doc()).toBe(edited);
    performFileAction(editor, 'file.new.empty');
    await screen.getByRole('button', { name: 'Discard changes' }).click();
    await expect.poll(() => doc().name).toBe('Untitled campus');
    expect(doc().halls).toEqual([]);
    expect(document.querySelector('[data-testid=save-state]')).toBeNull();
  });

  it('New from template opens a sample at once when nothing is unsaved', async () => {
    await renderApp();
    performFileAction(editor, 'file.new.traditional-20mw');
    await expect.poll(() => doc().name).toMatch(/^Traditional 20 MW/);
    expect(document.querySelector('[data-testid=confirm-discard]')).toBeNull();
  });
});

describe('Open: a file from the picker or dropped on the canvas', () => {
  it('opens a valid file, which then counts as saved', async () => {
    const screen = await renderApp(emptyLayout());
    const layout = smallLayout();
    chooseFile('test-campus.json', serializeLayout(layout));
    await expect.poll(() => doc().name).toBe('Test campus');
    expect(serializeLayout(doc())).toBe(serializeLayout(layout));
    await expect
      .element(screen.getByTestId('file-notice-opened'))
      .toHaveTextContent(`Opened ${isolate('test-campus.json')}.`);
    expect(document.querySelector('[data-testid=save-state]')).toBeNull();
  });

  it('migrates a version 0 file (fixtures/v0-sample.json) and says so', async () => {
    const screen = await renderApp();
    chooseFile('v0-sample.json', JSON.stringify(v0Sample));
    await expect.poll(() => doc().name).toBe('Pre-release sample campus');
    expect(doc().version).toBe(2);
    expect(doc().settings.targetTier).toBe('hopper');
    expect(doc().rackRows.map((r) => r.rackCount)).toEqual([10, 10, 20]);
    await expect
      .element(screen.getByTestId('file-notice-opened'))
      .toHaveTextContent(/format version 0 file, upgraded to version 2/);
  });

  it('a bad file lists each problem with its path and leaves the layout untouched', async () => {
    await renderApp();
    const text = fileText((d) => {
      hall0(d).width = -5;
      hall0(d).x = 'NaN';
      (d.rackRows as Record<string, unknown>[])[2]!.rackCount = 1.5;
      (d.settings as Record<string, unknown>).powerFactor = 7;
    });
    const dialog = await expectRefused('bad.json', text);
    expect(issues()).toEqual([
      { path: 'settings.powerFactor', text: 'settings.powerFactormust be from 0.5 to 1' },
      { path: 'halls[0].x', text: 'halls[0].xmust be a number' },
      { path: 'halls[0].width', text: 'halls[0].widthmust be a positive number' },
      {
        path: 'rackRows[2].rackCount',
        text: 'rackRows[2].rackCountmust be a whole number from 1 to 1,000',
      },
    ]);
    expect(dialog.textContent).toContain('The file has 4 problems in these fields:');
    await closeDialog();
  });

  it('hostile files: each gets the right message and changes nothing', async () => {
    await renderApp();
    const good = serializeLayout(smallLayout());

    // Prototype pollution keys in a file that is otherwise broken.
    const polluted = good
      .replace(
        '{\n',
        '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}},\n',
      )
      .replace('"id": "hall-a"', '"__proto__": {"isAdmin": true}, "id": "hall-a"')
      .replace('"width": 60', '"width": "60"');
    await expectRefused('polluted.json', polluted);
    expect(issues().map((i) => i.path)).toEqual(['halls[0].width']);
    expect('polluted' in {}).toBe(false);
    expect('isAdmin' in {}).toBe(false);
    await closeDialog();

    // "NaN" as text, and numbers too large.
    await expectRefused(
      'nan.json',
      fileText((d) => (hall0(d).depth = 'NaN')),
    );
    expect(issues()).toEqual([
      { path: 'halls[0].depth', text: 'halls[0].depthmust be a positive number' },
    ]);
    await closeDialog();
    await expectRefused(
      'huge.json',
      fileText((d) => (hall0(d).y = 1e308)),
    );
    expect(issues()).toEqual([{ path: 'halls[0].y', text: 'halls[0].ymust be within ±100,000 m' }]);
    await closeDialog();

    // Truncated in the middle.
    await expectRefused('truncated.json', good.slice(0, Math.floor(good.length / 2)));
    expect(
      document.querySelector('[data-testid=import-error-kind]')?.getAttribute('data-kind'),
    ).toBe('not-json');
    await expect
      .element(page.getByTestId('import-error-message'))
      .toHaveTextContent(/^Not a JSON file: /);
    await closeDialog();

    // A newer format, another program's file, and a file too large to read.
    await expectRefused('future.json', good.replace('"version": 2', '"version": 7'));
    await expect
      .element(page.getByTestId('import-error-message'))
      .toHaveTextContent(
        'This file is format version 7; this planner reads up to version 2 — update the planner.',
      );
    await closeDialog();
    await expectRefused('drawing.json', '{"type": "excalidraw", "elements": []}');
    await expect
      .element(page.getByTestId('import-error-message'))
      .toHaveTextContent('Not a campus layout file.');
    await closeDialog();
    await expectRefused('huge-file.json', new Uint8Array(50 * 1024 * 1024 + 1));
    await expect
      .element(page.getByTestId('import-error-message'))
      .toHaveTextContent(/50\.0 MB; the planner opens files up to 50 MB/);
    await closeDialog();
  });

  it('HTML in names and ids is shown as text, never markup', async () => {
    const screen = await renderApp();
    const html = '<img src=x data-evil=1 onerror="window.__pwned=1">';
    // Refused (two elements share an id): the id appears in the message as text.
    await expectRefused(
      'dup.json',
      fileText((d) => {
        hall0(d).id = html;
        (d.coolingZones as Record<string, unknown>[])[0]!.id = html;
        for (const r of d.rackRows as Record<string, unknown>[]) r.hallId = html;
      }),
    );
    // The id is quoted in the message (JSON-style), and shown as text.
    expect(issues()[0]!.text).toContain('"<img src=x data-evil=1 onerror=\\"window.__pwned=1\\">"');
    expect(document.querySelector('[data-evil]')).toBeNull();
    await closeDialog();
    // Accepted: a name with HTML is the layout's name, as text.
    chooseFile(
      'html-name.json',
      fileText((d) => (d.name = html)),
    );
    await expect.element(screen.getByTestId('layout-name')).toHaveTextContent(html);
    expect(document.querySelector('[data-evil]')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('a file dropped on the canvas opens', async () => {
    const screen = await renderApp(emptyLayout());
    const canvas = screen.getByTestId('campus-canvas').element();
    const dt = new DataTransfer();
    dt.items.add(
      new File([serializeLayout(smallLayout())], 'dropped.json', { type: 'application/json' }),
    );
    canvas.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }));
    await expect.element(screen.getByTestId('file-drop')).toBeVisible();
    const over = new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true });
    canvas.dispatchEvent(over);
    expect(over.defaultPrevented).toBe(true);
    canvas.dispatchEvent(
      new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
    );
    await expect.poll(() => doc().name).toBe('Test campus');
    expect(document.querySelector('[data-testid=file-drop]')).toBeNull();
  });

  it('Ctrl+O opens the file picker', async () => {
    await renderApp();
    const input = document.querySelector<HTMLInputElement>('[data-testid=open-file-input]')!;
    const click = vi.spyOn(input, 'click').mockImplementation(() => undefined);
    await userEvent.keyboard('{Control>}o{/Control}');
    expect(click).toHaveBeenCalledTimes(1);
  });
});

/** Capture downloads (object URLs and data URLs clicked on an <a download>). */
function captureDownloads() {
  const blobs = new Map<string, Blob>();
  const files: { name: string; href: string; blob: Blob | null }[] = [];
  const create = URL.createObjectURL.bind(URL);
  vi.spyOn(URL, 'createObjectURL').mockImplementation((obj: Blob | MediaSource) => {
    const url = create(obj);
    if (obj instanceof Blob) blobs.set(url, obj);
    return url;
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    files.push({ name: this.download, href: this.href, blob: blobs.get(this.href) ?? null });
  });
  return files;
}

describe('Save and the exports', () => {
  it('Ctrl+S downloads the stable JSON, named after the layout, and marks it saved', async () => {
    const screen = await renderApp();
    const files = captureDownloads();
    editor.document
      .getState()
      .apply((d) => void (d.name = 'Sample 200 MW Blackwell campus'), 'Rename');
    await expect.element(screen.getByTestId('save-state')).toBeVisible();
    await userEvent.keyboard('{Control>}s{/Control}');
    expect(files.map((f) => f.name)).toEqual(['sample-200-mw-blackwell-campus.json']);
    expect(await files[0]!.blob!.text()).toBe(serializeLayout(doc()));
    expect(files[0]!.blob!.type).toBe('application/json');
    await expect.poll(() => document.querySelector('[data-testid=save-state]')).toBeNull();
    // Undo makes it unsaved again; redo back to the saved document is clean.
    editor.document.getState().undo();
    await expect.element(screen.getByTestId('save-state')).toBeVisible();
    editor.document.getState().redo();
    await expect.poll(() => document.querySelector('[data-testid=save-state]')).toBeNull();
  });

  it('PNG of the current view: a PNG of the stage size × pixel ratio', async () => {
    await renderApp();
    const stage = Konva.stages.at(-1)!;
    const png = exportViewPng(stage, 2);
    expect(png.dataUrl).toMatch(/^data:image\/png;base64,/);
    const img = await decode(png.dataUrl);
    expect([img.naturalWidth, img.naturalHeight]).toEqual([stage.width() * 2, stage.height() * 2]);
    expect(distinctColours(img)).toBeGreaterThan(5);
  });

  it('PNG of the whole campus: long side 4,096 px (or as asked), and the view is put back', async () => {
    await renderApp();
    const stage = Konva.stages.at(-1)!;
    editor.session.getState().setCamera({ x: -500, y: -300, scale: 9 }); // zoomed into a corner
    const camera = editor.session.getState().camera;
    const big = exportCampusPng(editor, stage, 4096);
    const img = await decode(big.dataUrl);
    expect(img.naturalWidth).toBe(4096);
    // Under the campus, the band with the title block, legend and scale bar.
    expect(big.bandHeight).toBeGreaterThan(0);
    expect(img.naturalHeight).toBe(big.height);
    // The parcel is 400 × 260 m: the campus has its proportions (plus a small margin).
    expect(img.naturalWidth / (img.naturalHeight - big.bandHeight)).toBeCloseTo(400 / 260, 1);
    expect(distinctColours(img)).toBeGreaterThan(5);
    expect(editor.session.getState().camera).toEqual(camera);
    expect(stage.scaleX()).toBe(9);
    const smallPng = exportCampusPng(editor, stage, 640);
    const small = await decode(smallPng.dataUrl);
    expect([small.naturalWidth, small.naturalHeight - smallPng.bandHeight]).toEqual([
      640,
      Math.round(640 * ((img.naturalHeight - big.bandHeight) / img.naturalWidth)),
    ]);
  });

  it('SVG: parses as XML and holds every hall, row and trench', async () => {
    await renderApp();
    const files = captureDownloads();
    performFileAction(editor, FILE_ACTION_IDS.exportSvg);
    await expect.poll(() => files.length).toBe(1); // the export module loads on first use
    expect(files.map((f) => f.name)).toEqual(['test-campus.svg']);
    const text = await files[0]!.blob!.text();
    const svg = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(svg.querySelector('parsererror')).toBeNull();
    expect(svg.documentElement.localName).toBe('svg');
    for (const hall of doc().halls) {
      const g = svg.querySelector(`g[data-kind="hall"][data-id="${hall.id}"]`);
      expect(g).not.toBeNull();
      expect(g!.textContent).toContain(hall.name);
      expect(g!.querySelectorAll('[data-kind="rackRow"]')).toHaveLength(
        doc().rackRows.filter((r) => r.hallId === hall.id).length,
      );
    }
    expect(svg.querySelectorAll('[data-kind="fiberTrench"]')).toHaveLength(2);
    // It renders: as an image it has the declared size.
    const img = await decode(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`);
    expect(Math.max(img.naturalWidth, img.naturalHeight)).toBe(2000);
  });

  it('GeoJSON asks for the site location once, as one undo step', async () => {
    const screen = await renderApp();
    const files = captureDownloads();
    const before = doc();
    performFileAction(editor, FILE_ACTION_IDS.exportGeoJson);
    const dialog = screen.getByTestId('site-anchor');
    await expect.element(dialog).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Latitude' }).fill('95');
    await dialog.getByRole('textbox', { name: 'Longitude' }).fill('east');
    await dialog.getByRole('button', { name: 'Save location' }).click();
    await expect.element(dialog).toHaveTextContent('must be a latitude from -90 to 90 degrees');
    await expect.element(dialog).toHaveTextContent('must be a longitude from -180 to 180 degrees');
    expect(doc()).toBe(before);
    await dialog.getByRole('textbox', { name: 'Latitude' }).fill('39.0438');
    await dialog.getByRole('textbox', { name: 'Longitude' }).fill('-77.4874');
    await dialog.getByRole('textbox', { name: /Bearing/ }).fill('20');
    await dialog.getByRole('button', { name: 'Save location' }).click();
    await expect.poll(() => files.length).toBe(1);
    const site = { latitude: 39.0438, longitude: -77.4874, bearingDeg: 20 };
    expect(doc().settings.site).toEqual(site);
    expect(files[0]!.name).toBe('test-campus.geojson');
    expect(await files[0]!.blob!.text()).toBe(geoJsonText(doc(), site));
    // Exporting again does not ask.
    performFileAction(editor, FILE_ACTION_IDS.exportGeoJson);
    await expect.poll(() => files.length).toBe(2);
    expect(document.querySelector('[data-testid=site-anchor]')).toBeNull();
    // One undo step removes the location.
    editor.document.getState().undo();
    expect(doc()).toBe(before);
  });

  it('Print report: totals, checks and a picture of the campus, then the browser prints', async () => {
    await renderApp();
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    performFileAction(editor, FILE_ACTION_IDS.print);
    await expect.poll(() => print.mock.calls.length).toBe(1);
    const report = document.querySelector<HTMLElement>('[data-testid=print-report]')!;
    expect(report.parentElement).toBe(document.body);
    expect(getComputedStyle(report).display).toBe('none'); // on screen; @media print shows it alone
    expect(report.querySelector('h1')?.textContent).toBe('Test campus');
    expect(report.textContent).toContain('IT load');
    expect(report.textContent).toMatch(/Checks against .*: \d+ pass, \d+ warn, \d+ fail/);
    const img = report.querySelector('img')!;
    expect(img.src).toMatch(/^data:image\/png;base64,/);
    window.dispatchEvent(new Event('afterprint'));
    await expect.poll(() => document.querySelector('[data-testid=print-report]')).toBeNull();
  });
});

describe('Copy share link', () => {
  it('copies a link that opens the same layout', async () => {
    const screen = await renderApp();
    const copied: string[] = [];
    vi.spyOn(navigator.clipboard, 'writeText').mockImplementation((t: string) => {
      copied.push(t);
      return Promise.resolve();
    });
    performFileAction(editor, FILE_ACTION_IDS.share);
    await expect
      .element(screen.getByTestId('file-notice-share'))
      .toHaveTextContent(/Share link copied/);
    const url = new URL(copied[0]!);
    expect(url.origin + url.pathname).toBe(location.origin + location.pathname);
    const r = await decodeShareFragment(url.hash);
    expect(r.ok && serializeLayout(r.layout)).toBe(serializeLayout(doc()));
  });

  it('shows the link to copy by hand when the clipboard refuses', async () => {
    const screen = await renderApp();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(
      new DOMException('no', 'NotAllowedError'),
    );
    performFileAction(editor, FILE_ACTION_IDS.share);
    const dialog = screen.getByTestId('share-link');
    await expect.element(dialog).toHaveTextContent('Copy the share link');
    const url = (screen.getByTestId('share-url').element() as HTMLTextAreaElement).value;
    const r = await decodeShareFragment(url);
    expect(r.ok && serializeLayout(r.layout)).toBe(serializeLayout(doc()));
  });
});

/** An AutosaveStorage in memory, with a switch to fail writes like a full disk. */
class MemoryStorage implements AutosaveStorage {
  slots = new Map<string, unknown>();
  full = false;
  readAll = () => Promise.resolve([...this.slots.values()]);
  put = (r: AutosaveRecord) => {
    if (this.full) return Promise.reject(new DOMException('Quota exceeded', 'QuotaExceededError'));
    this.slots.set(r.key, r);
    return Promise.resolve();
  };
  remove = (key: string) => {
    this.slots.delete(key);
    return Promise.resolve();
  };
}

describe('autosave in the app (persistence on, with a storage in memory)', () => {
  afterEach(() => setAutosaveStorage(null));

  it('a full quota is shown in a persistent notice, and cleared by the next good write', async () => {
    const storage = new MemoryStorage();
    storage.full = true;
    setAutosaveStorage(storage);
    const screen = await render(
      <App editor={editor} persistence search="?seed=traditional-20mw" />,
      {
        container: host,
      },
    );
    await expect.element(screen.getByTestId('layout-name')).toHaveTextContent(/Traditional/);
    await expect.poll(() => document.querySelector('[data-testid=loading]')).toBeNull();
    // Autosave starts in an effect of the ready app: effects run after the next paint.
    await frames();
    editor.document.getState().apply((d) => void (d.name = 'Edited'), 'Rename');
    const notice = screen.getByTestId('file-notice-autosave-error');
    await expect.element(notice, { timeout: 3000 }).toHaveTextContent(/QuotaExceededError/);
    expect(notice.element().getAttribute('role')).toBe('alert');
    storage.full = false;
    editor.document.getState().apply((d) => void (d.name = 'Edited again'), 'Rename');
    await expect
      .poll(() => document.querySelector('[data-testid=file-notice-autosave-error]'), {
        timeout: 3000,
      })
      .toBeNull();
    expect((storage.slots.values().next().value as AutosaveRecord).name).toBe('Edited again');
  });

  it('a corrupt autosave is reported and ignored; the sample opens', async () => {
    const storage = new MemoryStorage();
    storage.slots.set('old-tab', {
      key: 'old-tab',
      layoutId: 'x',
      savedAt: 5,
      text: '{"format": "ai-campus-lay',
    });
    setAutosaveStorage(storage);
    const screen = await render(<App editor={editor} persistence search="" />, { container: host });
    await expect
      .element(screen.getByTestId('file-notice-autosave-corrupt'))
      .toHaveTextContent(/An autosaved layout could not be read and was removed: not a JSON file/);
    await expect.element(screen.getByTestId('layout-name')).toHaveTextContent(/Blackwell/);
    expect(storage.slots.size).toBe(0);
  });

  it('storage that never answers does not hang the page: the sample opens, with a notice', async () => {
    const storage = new MemoryStorage();
    storage.readAll = () => new Promise<unknown[]>(() => undefined);
    setAutosaveStorage(storage);
    const screen = await render(<App editor={editor} persistence search="" />, { container: host });
    await expect
      .element(screen.getByTestId('file-notice-autosave-error'), { timeout: 6000 })
      .toHaveTextContent(/storage did not answer/);
    await expect.element(screen.getByTestId('layout-name')).toHaveTextContent(/Blackwell/);
  });

  it('restores the newest autosave on start, and Discard opens the sample instead', async () => {
    const storage = new MemoryStorage();
    const saved = { ...smallLayout(), name: 'Work in progress' };
    storage.slots.set('closed-tab', {
      key: 'closed-tab',
      layoutId: 'L1',
      name: saved.name,
      savedAt: Date.now() - 60_000,
      dirty: true,
      text: serializeLayout(saved),
    } satisfies AutosaveRecord);
    setAutosaveStorage(storage);
    const screen = await render(<App editor={editor} persistence search="" />, { container: host });
    const notice = screen.getByTestId('file-notice-restored');
    await expect
      .element(notice)
      .toHaveTextContent(/^Restored your unsaved layout “\u2068Work in progress\u2069” from /);
    expect(serializeLayout(doc())).toBe(serializeLayout(saved));
    expect(editor.files.getState().layoutId).toBe('L1');
    await expect.element(screen.getByTestId('save-state')).toBeVisible();
    await screen.getByRole('button', { name: 'Discard', exact: true }).click();
    await screen.getByRole('button', { name: 'Discard changes' }).click();
    await expect.element(screen.getByTestId('layout-name')).toHaveTextContent(/Blackwell/);
    expect(document.querySelector('[data-testid=file-notice-restored]')).toBeNull();
  });

  it('?seed= opens the sample and offers the autosave', async () => {
    const storage = new MemoryStorage();
    storage.slots.set('closed-tab', {
      key: 'closed-tab',
      layoutId: 'L2',
      name: 'Kept',
      savedAt: Date.now(),
      dirty: true,
      text: serializeLayout({ ...smallLayout(), name: 'Kept' }),
    } satisfies AutosaveRecord);
    setAutosaveStorage(storage);
    const screen = await render(<App editor={editor} persistence search="?seed=rubin-300mw" />, {
      container: host,
    });
    await expect.element(screen.getByTestId('layout-name')).toHaveTextContent(/Rubin/);
    const offer = screen.getByTestId('file-notice-restore-available');
    await expect
      .element(offer)
      .toHaveTextContent(/Your unsaved layout “\u2068Kept\u2069” from .* is kept in this browser/);
    await screen.getByRole('button', { name: 'Open the restored copy' }).click();
    await expect.element(screen.getByTestId('layout-name')).toHaveTextContent('Kept');
    await expect.element(screen.getByTestId('file-notice-restored')).toBeVisible();
  });
});

async function decode(src: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.src = src;
  await img.decode();
  return img;
}

/** Distinct colours in a 64 × 64 sample of the image: a blank picture has one. */
function distinctColours(img: HTMLImageElement): number {
  const c = document.createElement('canvas');
  c.width = 64;
  c.height = 64;
  const ctx = c.getContext('2d')!;
  ctx.drawImage(img, 0, 0, 64, 64);
  const data = ctx.getImageData(0, 0, 64, 64).data;
  const seen = new Set<number>();
  for (let i = 0; i < data.length; i += 4)
    seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
  return seen.size;
}
