import { flushSync } from 'react-dom';
import type { SiteAnchor } from '../../domain/geo';
import { useDocumentStore } from '../../state/documentStore';
import { downloadDataUrl, downloadText } from './download';
import { fileNameFor } from './fileNames';
import { useFilesStore } from '../../state/filesStore';

/**
 * The File menu's commands that are not about opening and saving the document: exports, print,
 * the site location. Each reports a failure in a notice rather than throwing.
 */

const doc = () => useDocumentStore.getState().doc;
const nameOf = () => doc().name || 'campus layout';

function fail(what: string, e: unknown): void {
  useFilesStore.getState().setNotice({
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
export function editSiteLocation(): Promise<SiteAnchor | null> {
  return new Promise((resolve) => {
    useFilesStore.getState().openDialog({
      kind: 'site-anchor',
      initial: doc().settings.site ?? null,
      resolve: (anchor) => {
        if (anchor) {
          useDocumentStore.getState().apply((d) => {
            d.settings.site = { ...anchor };
          }, 'Set site location');
        }
        resolve(anchor);
      },
    });
  });
}

/** Export GeoJSON: asks for the site location first when the layout has none. */
export async function exportGeoJson(): Promise<string | null> {
  let site = doc().settings.site ?? null;
  site ??= await editSiteLocation();
  if (!site) return null;
  try {
    const { geoJsonText } = await loadExports();
    const fileName = fileNameFor(nameOf(), 'geojson');
    downloadText(geoJsonText(doc(), site), fileName, 'application/geo+json');
    return fileName;
  } catch (e) {
    fail('Export GeoJSON', e);
    return null;
  }
}

/** Long side of the whole-campus PNG, px. */
export const CAMPUS_PNG_LONG_SIDE = 4096;

export async function exportPng(kind: 'view' | 'campus'): Promise<string | null> {
  try {
    const { campusStage, exportCampusPng, exportViewPng } = await loadExports();
    const stage = campusStage();
    const image =
      kind === 'view'
        ? exportViewPng(stage, Math.max(2, window.devicePixelRatio || 1))
        : exportCampusPng(stage, CAMPUS_PNG_LONG_SIDE);
    const fileName = fileNameFor(nameOf(), 'png', kind === 'view' ? 'view' : 'campus');
    downloadDataUrl(image.dataUrl, fileName);
    return fileName;
  } catch (e) {
    fail('Export PNG', e);
    return null;
  }
}

export async function exportSvg(): Promise<string | null> {
  try {
    const { layoutToSvg } = await loadExports();
    const fileName = fileNameFor(nameOf(), 'svg');
    downloadText(layoutToSvg(doc()), fileName, 'image/svg+xml');
    return fileName;
  } catch (e) {
    fail('Export SVG', e);
    return null;
  }
}

/** Long side of the campus picture in the printed report, px. */
const PRINT_PNG_LONG_SIDE = 2400;

/**
 * Put the print view in place (synchronously, so that a Ctrl+P print shows it too). Before the
 * exports module has loaded there is no picture (and no report: FilesLayer loads it at idle).
 */
export function preparePrint(): void {
  let png: string | null = null;
  try {
    const m = exportsModule;
    if (m) png = m.exportCampusPng(m.campusStage(), PRINT_PNG_LONG_SIDE).dataUrl;
  } catch {
    png = null; // the report prints without the picture
  }
  flushSync(() => useFilesStore.setState({ print: { png, requested: false } }));
}

/** Print report: the print view (totals, checks, a picture of the campus), then the browser's print. */
export async function printReport(): Promise<void> {
  try {
    await loadExports();
  } catch (e) {
    fail('Print report', e);
    return;
  }
  preparePrint();
  // PrintReport calls window.print() once its picture has loaded.
  useFilesStore.setState((s) => ({ print: s.print ? { ...s.print, requested: true } : null }));
}
