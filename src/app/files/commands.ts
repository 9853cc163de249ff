import { flushSync } from 'react-dom';
import type { SiteAnchor } from '../../domain/geo';
import type { Editor } from '../../editor/editor';
import { downloadDataUrl, downloadText } from './download';
import { fileNameFor } from './fileNames';

/**
 * The File menu's commands that are not about opening and saving the document: exports, print,
 * the site location. Each reports a failure in a notice rather than throwing.
 */

const doc = (editor: Editor) => editor.document.getState().doc;
const nameOf = (editor: Editor) => doc(editor).name || 'campus layout';

function fail(editor: Editor, what: string, e: unknown): void {
  editor.notifications.getState().setNotice({
    key: 'export',
    tone: 'error',
    text: `${what} failed: ${e instanceof Error ? e.message : String(e)}`,
  });
}

type Exports = typeof import('./exports');
let exportsModule: Exports | null = null;

/**
 * The exports and the print report, loaded on first use (a chunk of their own). FilesLayer also
 * loads them once the page is idle, so that a Ctrl+P print can draw the report synchronously.
 */
export function loadExports(): Promise<Exports> {
  return import('./exports').then((m) => (exportsModule = m));
}

/** The exports module if it has loaded, else null. */
export const loadedExports = (): Exports | null => exportsModule;

let fileInput: HTMLInputElement | null = null;

/** The hidden <input type=file> that Open… clicks (FilesLayer registers it). */
export function registerFileInput(el: HTMLInputElement | null): void {
  fileInput = el;
}

/** Open…: the browser's file picker (the chosen file goes to openLayoutFile). */
export function openFilePicker(): void {
  if (!fileInput) return;
  fileInput.value = ''; // choosing the same file again still fires "change"
  fileInput.click();
}

/**
 * Ask for the site location (the in-app dialog, fields checked by the format's schema). Saving it
 * is one document edit (one undo step). Resolves to the anchor, or null when cancelled.
 */
export function editSiteLocation(editor: Editor): Promise<SiteAnchor | null> {
  return new Promise((resolve) => {
    editor.files.getState().openDialog({
      kind: 'site-anchor',
      initial: doc(editor).settings.site ?? null,
      resolve: (anchor) => {
        if (anchor) {
          editor.document.getState().apply((d) => {
            d.settings.site = { ...anchor };
          }, 'Set site location');
        }
        resolve(anchor);
      },
    });
  });
}

/** Export GeoJSON: asks for the site location first when the layout has none. */
export async function exportGeoJson(editor: Editor): Promise<string | null> {
  let site = doc(editor).settings.site ?? null;
  site ??= await editSiteLocation(editor);
  if (!site) return null;
  try {
    const { geoJsonText } = await loadExports();
    const fileName = fileNameFor(nameOf(editor), 'geojson');
    downloadText(geoJsonText(doc(editor), site), fileName, 'application/geo+json');
    return fileName;
  } catch (e) {
    fail(editor, 'Export GeoJSON', e);
    return null;
  }
}

/** Long side of the whole-campus PNG, px. */
export const CAMPUS_PNG_LONG_SIDE = 4096;

export async function exportPng(editor: Editor, kind: 'view' | 'campus'): Promise<string | null> {
  try {
    const { campusStage, exportCampusPng, exportViewPng } = await loadExports();
    const stage = campusStage();
    const image =
      kind === 'view'
        ? exportViewPng(stage, Math.max(2, window.devicePixelRatio || 1), editor)
        : exportCampusPng(editor, stage, CAMPUS_PNG_LONG_SIDE);
    const fileName = fileNameFor(nameOf(editor), 'png', kind === 'view' ? 'view' : 'campus');
    downloadDataUrl(image.dataUrl, fileName);
    return fileName;
  } catch (e) {
    fail(editor, 'Export PNG', e);
    return null;
  }
}

export async function exportSvg(editor: Editor): Promise<string | null> {
  try {
    const { layoutToSvg, sheetFor } = await loadExports();
    const fileName = fileNameFor(nameOf(editor), 'svg');
    downloadText(layoutToSvg(doc(editor), { sheet: sheetFor(editor) }), fileName, 'image/svg+xml');
    return fileName;
  } catch (e) {
    fail(editor, 'Export SVG', e);
    return null;
  }
}

/** Long side of the campus picture in the printed report, px. */
const PRINT_PNG_LONG_SIDE = 2400;

/**
 * Put the print view in place (synchronously, so that a Ctrl+P print shows it too). Before the
 * exports module has loaded there is no picture (and no report: FilesLayer loads it at idle).
 */
export function preparePrint(editor: Editor): void {
  let png: string | null = null;
  try {
    const m = exportsModule;
    if (m) png = m.exportCampusPng(editor, m.campusStage(), PRINT_PNG_LONG_SIDE).dataUrl;
  } catch {
    png = null; // the report prints without the picture
  }
  flushSync(() => editor.files.setState({ print: { png, requested: false } }));
}

/** Print report: the print view (totals, checks, a picture of the campus), then the browser's print. */
export async function printReport(editor: Editor): Promise<void> {
  try {
    await loadExports();
  } catch (e) {
    fail(editor, 'Print report', e);
    return;
  }
  preparePrint(editor);
  // PrintReport calls window.print() once its picture has loaded.
  editor.files.setState((s) => ({ print: s.print ? { ...s.print, requested: true } : null }));
}
