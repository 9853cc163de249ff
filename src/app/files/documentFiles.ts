import { FORMAT_VERSION, type Layout } from '../../domain';
import {
  MAX_FILE_BYTES,
  serializeLayout,
  type LoadError,
  type LoadResult,
} from '../../domain/format';
import type { LoadStage } from '../../state/filesStore';
import { loadLayout, type LoadSource } from '../load/loadLayout';
import { emptyLayout } from '../../state/documentStore';
import type { Editor, LoadOptions } from '../../editor/editor';
import { loadSeed } from '../seeds';
import { isolate } from '../../domain/text';
import { downloadText } from './download';
import { fileNameFor } from './fileNames';

/**
 * Opening, saving and the "unsaved changes" rule. Every way of opening a document (a file, a
 * sample, a template, a share link, a restored autosave) ends in `openDocument`; every way that
 * would replace an edited document asks `confirmDiscard` first.
 */

const doc = (editor: Editor) => editor.document.getState().doc;

/** Does the open document differ from the one last saved or opened? */
export function isDirty(editor: Editor): boolean {
  return doc(editor) !== editor.files.getState().savedDoc;
}

export type OpenOptions = LoadOptions;

/** Replace the open document (no questions asked: see confirmDiscard). */
export function openDocument(editor: Editor, layout: Layout, options: OpenOptions = {}): void {
  editor.load(layout, options);
}

/**
 * Ask before unsaved changes would be lost. Resolves true at once when there is nothing to lose;
 * otherwise shows the in-app dialog "Discard unsaved changes to <name>?".
 */
export function confirmDiscard(editor: Editor, doing = 'continue'): Promise<boolean> {
  if (!isDirty(editor)) return Promise.resolve(true);
  return new Promise((resolve) => {
    editor.files.getState().openDialog({
      kind: 'confirm-discard',
      name: doc(editor).name || 'Untitled campus',
      doing,
      resolve,
    });
  });
}

/** Show what is wrong with a file that could not be opened; the open layout is untouched. */
export function showImportErrors(editor: Editor, title: string, error: LoadError): void {
  editor.files.getState().openDialog({ kind: 'import-errors', title, error });
}

const MB = 1024 * 1024;

/** An open that takes longer than this shows a progress bar with a Cancel button, ms. */
export const LOAD_PROGRESS_AFTER_MS = 400;

/**
 * Check a layout (a file's text or a share link) off the main thread, in a Web Worker: the page
 * stays responsive however large or hostile it is. Past LOAD_PROGRESS_AFTER_MS a progress bar
 * with Cancel shows (FilesLayer). Resolves to the checked layout or its problems, or null when the
 * user cancelled (a notice says so; nothing changed). A newer open cancels an older one.
 */
export async function checkInWorker(
  editor: Editor,
  source: LoadSource,
  label: string,
): Promise<LoadResult | null> {
  editor.files.getState().loading?.cancel();
  const controller = new AbortController();
  let stage: LoadStage = 'checking';
  const mine = { label, cancel: () => controller.abort() };
  const show = () => editor.files.setState({ loading: { ...mine, stage } });
  const isShown = () => editor.files.getState().loading?.cancel === mine.cancel;
  const timer = setTimeout(show, LOAD_PROGRESS_AFTER_MS);
  const outcome = await loadLayout(source, {
    signal: controller.signal,
    onStage: (s) => {
      stage = s;
      if (isShown()) show();
    },
  });
  clearTimeout(timer);
  if (isShown()) editor.files.setState({ loading: null });
  switch (outcome.kind) {
    case 'cancelled':
      editor.notifications.getState().setNotice({
        key: 'opened',
        tone: 'info',
        text: `Stopped opening ${isolate(label)}. The open layout is unchanged.`,
      });
      return null;
    case 'invalid':
      return { ok: false, error: outcome.error };
    case 'loaded':
      return { ok: true, layout: outcome.layout, migratedFrom: outcome.migratedFrom };
  }
}

/**
 * Open a layout file's text: parsed and validated in full before anything changes; on any
 * problem the import-errors dialog lists it and the open layout stays exactly as it was.
 * Returns whether the file was opened.
 */
export async function openLayoutText(
  editor: Editor,
  text: string,
  fileName: string,
): Promise<boolean> {
  const result = await checkInWorker(editor, { text }, fileName);
  if (!result) return false;
  if (!result.ok) {
    showImportErrors(editor, `Could not open ${fileName}`, result.error);
    return false;
  }
  if (!(await confirmDiscard(editor, `open ${fileName}`))) return false;
  openDocument(editor, result.layout);
  const files = editor.notifications.getState();
  files.dismiss('restored');
  files.setNotice(
    result.migratedFrom === null
      ? { key: 'opened', tone: 'success', text: `Opened ${isolate(fileName)}.` }
      : {
          key: 'opened',
          tone: 'info',
          text: `Opened ${isolate(fileName)}, a format version ${result.migratedFrom} file, upgraded to version ${FORMAT_VERSION}. Saving writes version ${FORMAT_VERSION}.`,
        },
  );
  return true;
}

/** Open a File from the file picker or a drop. Files over 50 MB are refused before reading. */
export async function openLayoutFile(editor: Editor, file: File): Promise<boolean> {
  if (file.size > MAX_FILE_BYTES) {
    showImportErrors(editor, `Could not open ${file.name}`, {
      kind: 'too-large',
      message: `this file is ${(file.size / MB).toFixed(1)} MB; the planner opens files up to ${MAX_FILE_BYTES / MB} MB`,
      issues: [],
    });
    return false;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    showImportErrors(editor, `Could not open ${file.name}`, {
      kind: 'not-json',
      message: `the file could not be read: ${e instanceof Error ? e.message : String(e)}`,
      issues: [],
    });
    return false;
  }
  return openLayoutText(editor, text, file.name);
}

/** Download the document as its JSON file; from now on it counts as saved. */
export function saveLayoutJson(editor: Editor): string {
  const current = doc(editor);
  const fileName = fileNameFor(current.name || 'campus layout', 'json');
  downloadText(serializeLayout(current), fileName, 'application/json');
  editor.files.setState({ savedDoc: current });
  editor.notifications.getState().setNotice({
    key: 'saved',
    tone: 'success',
    text: `Saved ${isolate(fileName)} to your downloads.`,
  });
  return fileName;
}

/** "Empty parcel" in the New from template list. */
export const EMPTY_TEMPLATE = 'empty';

/**
 * New from template: a sample from seeds/ by id, or EMPTY_TEMPLATE. Returns whether it opened.
 * The sample is loaded before asking about unsaved changes, so that nothing edited while it loads
 * is replaced without a question.
 */
export async function newFromTemplate(editor: Editor, id: string): Promise<boolean> {
  let layout: Layout;
  if (id === EMPTY_TEMPLATE) {
    layout = emptyLayout('Untitled campus');
  } else {
    const result = await loadSeed(id);
    if (!result.ok) {
      editor.notifications
        .getState()
        .setNotice({ key: 'opened', tone: 'error', text: result.message });
      return false;
    }
    layout = result.layout;
  }
  if (!(await confirmDiscard(editor, 'start a new layout'))) return false;
  openDocument(editor, layout);
  return true;
}
