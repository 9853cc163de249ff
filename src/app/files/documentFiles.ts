import type { Layout } from '../../domain';
import {
  MAX_FILE_BYTES,
  parseLayoutText,
  serializeLayout,
  type LoadError,
} from '../../domain/format';
import { emptyLayout, useDocumentStore } from '../../state/documentStore';
import { loadSeed } from '../seeds';
import { downloadText } from './download';
import { fileNameFor } from './fileNames';
import { newLayoutId, useFilesStore } from '../../state/filesStore';

/**
 * Opening, saving and the "unsaved changes" rule. Every way of opening a document (a file, a
 * sample, a template, a share link, a restored autosave) ends in `openDocument`; every way that
 * would replace an edited document asks `confirmDiscard` first.
 */

const doc = () => useDocumentStore.getState().doc;

/** Does the open document differ from the one last saved or opened? */
export function isDirty(): boolean {
  return doc() !== useFilesStore.getState().savedDoc;
}

let pendingIdentity: { layoutId: string; saved: boolean } | null = null;
let tracked = false;

/**
 * Keep the files state in step with the document store: any `load` (whoever calls it) makes the
 * loaded document the saved one, with a new layout id unless openDocument said otherwise.
 * Returns the unsubscribe function.
 */
export function trackDocument(): () => void {
  const unsubscribe = useDocumentStore.subscribe((s, prev) => {
    if (s.loadGeneration === prev.loadGeneration) return;
    const identity = pendingIdentity ?? { layoutId: newLayoutId(), saved: true };
    pendingIdentity = null;
    useFilesStore.setState({
      savedDoc: identity.saved ? s.doc : null,
      layoutId: identity.layoutId,
    });
  });
  // The first time: the document already open counts as saved (a seed, or a test's layout).
  if (!tracked) useFilesStore.setState({ savedDoc: doc() });
  tracked = true;
  return unsubscribe;
}

export interface OpenOptions {
  /** Keep this layout id (a restored autosave continues its lineage). */
  readonly layoutId?: string;
  /** False: the document has never been saved to a file (a restored autosave). */
  readonly saved?: boolean;
}

/** Replace the open document (no questions asked: see confirmDiscard). */
export function openDocument(layout: Layout, options: OpenOptions = {}): void {
  pendingIdentity = {
    layoutId: options.layoutId ?? newLayoutId(),
    saved: options.saved ?? true,
  };
  useDocumentStore.getState().load(layout);
  pendingIdentity = null;
}

/**
 * Ask before unsaved changes would be lost. Resolves true at once when there is nothing to lose;
 * otherwise shows the in-app dialog "Discard unsaved changes to <name>?".
 */
export function confirmDiscard(doing = 'continue'): Promise<boolean> {
  if (!isDirty()) return Promise.resolve(true);
  return new Promise((resolve) => {
    useFilesStore.getState().openDialog({
      kind: 'confirm-discard',
      name: doc().name || 'Untitled campus',
      doing,
      resolve,
    });
  });
}

/** Show what is wrong with a file that could not be opened; the open layout is untouched. */
export function showImportErrors(title: string, error: LoadError): void {
  useFilesStore.getState().openDialog({ kind: 'import-errors', title, error });
}

const MB = 1024 * 1024;

/**
 * Open a layout file's text: parsed and validated in full before anything changes; on any
 * problem the import-errors dialog lists it and the open layout stays exactly as it was.
 * Returns whether the file was opened.
 */
export async function openLayoutText(text: string, fileName: string): Promise<boolean> {
  const result = parseLayoutText(text);
  if (!result.ok) {
    showImportErrors(`Could not open ${fileName}`, result.error);
    return false;
  }
  if (!(await confirmDiscard(`open ${fileName}`))) return false;
  openDocument(result.layout);
  const files = useFilesStore.getState();
  files.dismissNotice('restored');
  files.setNotice(
    result.migratedFrom === null
      ? { key: 'opened', tone: 'success', text: `Opened ${fileName}.` }
      : {
          key: 'opened',
          tone: 'info',
          text: `Opened ${fileName}, a format version ${result.migratedFrom} file, upgraded to version 1. Saving writes version 1.`,
        },
  );
  return true;
}

/** Open a File from the file picker or a drop. Files over 50 MB are refused before reading. */
export async function openLayoutFile(file: File): Promise<boolean> {
  if (file.size > MAX_FILE_BYTES) {
    showImportErrors(`Could not open ${file.name}`, {
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
    showImportErrors(`Could not open ${file.name}`, {
      kind: 'not-json',
      message: `the file could not be read: ${e instanceof Error ? e.message : String(e)}`,
      issues: [],
    });
    return false;
  }
  return openLayoutText(text, file.name);
}

/** Download the document as its JSON file; from now on it counts as saved. */
export function saveLayoutJson(): string {
  const current = doc();
  const fileName = fileNameFor(current.name || 'campus layout', 'json');
  downloadText(serializeLayout(current), fileName, 'application/json');
  useFilesStore.setState({ savedDoc: current });
  useFilesStore
    .getState()
    .setNotice({ key: 'saved', tone: 'success', text: `Saved ${fileName} to your downloads.` });
  return fileName;
}

/** "Empty parcel" in the New from template list. */
export const EMPTY_TEMPLATE = 'empty';

/**
 * New from template: a sample from seeds/ by id, or EMPTY_TEMPLATE. Returns whether it opened.
 * The sample is loaded before asking about unsaved changes, so that nothing edited while it loads
 * is replaced without a question.
 */
export async function newFromTemplate(id: string): Promise<boolean> {
  let layout: Layout;
  if (id === EMPTY_TEMPLATE) {
    layout = emptyLayout('Untitled campus');
  } else {
    const result = await loadSeed(id);
    if (!result.ok) {
      useFilesStore.getState().setNotice({ key: 'opened', tone: 'error', text: result.message });
      return false;
    }
    layout = result.layout;
  }
  if (!(await confirmDiscard('start a new layout'))) return false;
  openDocument(layout);
  return true;
}
