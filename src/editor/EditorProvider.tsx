import './effectTiming';
import {
  createContext,
  useCallback,
  useContext,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { useStore } from 'zustand';
import type { Collection, ElementOf, RackRow, Settings } from '../domain';
import type { Report } from '../domain/report/types';
import { listIndex } from '../state/selectors';
import type { CalculatorsUi } from '../state/calculatorsUi';
import type { DocumentState } from '../state/documentStore';
import type { FilesState } from '../state/filesStore';
import type { NotificationsState } from '../state/notifications';
import type { SessionState } from '../state/sessionStore';
import { shownPhase, type ReportState } from '../state/useReport';
import type { Editor } from './editor';

/**
 * The editor, for React: the App provides one (EditorProvider); components read it with useEditor
 * and subscribe to its stores with narrow selectors (useDocument, useSession …).
 */
const EditorContext = createContext<Editor | null>(null);

export function EditorProvider({ editor, children }: { editor: Editor; children: ReactNode }) {
  return <EditorContext value={editor}>{children}</EditorContext>;
}

export function useEditor(): Editor {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('useEditor: no EditorProvider above this component');
  return editor;
}

export function useDocument<T>(selector: (s: DocumentState) => T): T {
  return useStore(useEditor().document, selector);
}

/**
 * One element of the document (undefined once deleted), re-rendering when that element changes
 * only: the element nodes of the canvas read theirs so (editor.elements), not with useDocument,
 * whose selectors every one of them would run on every change of the document.
 */
export function useElement<C extends Collection>(
  collection: C,
  id: string,
): ElementOf[C] | undefined {
  const { document, elements } = useEditor();
  const subscribe = useCallback(
    (listener: () => void) => elements.element(collection, id, listener),
    [elements, collection, id],
  );
  return useSyncExternalStore(subscribe, () =>
    listIndex<ElementOf[C]>(document.getState().doc[collection] as readonly ElementOf[C][]).get(id),
  );
}

/** The rows of one hall (editor.rows: the same array while they are unchanged). */
export function useRowsOfHall(hallId: string): readonly RackRow[] {
  const { document, elements, rows } = useEditor();
  const subscribe = useCallback(
    (listener: () => void) => elements.rowsOf(hallId, listener),
    [elements, hallId],
  );
  return useSyncExternalStore(subscribe, () => rows.rowsOfHall(document.getState().doc, hallId));
}

/** A value of the layout's settings, re-rendering when it changes. */
export function useSettings<T>(select: (settings: Settings) => T): T {
  const { document, elements } = useEditor();
  return useSyncExternalStore(elements.settings, () => select(document.getState().doc.settings));
}

export function useSession<T>(selector: (s: SessionState) => T): T {
  return useStore(useEditor().session, selector);
}

export function useFiles<T>(selector: (s: FilesState) => T): T {
  return useStore(useEditor().files, selector);
}

/** The calculators panel's view state. */
export function useUi<T>(selector: (s: CalculatorsUi) => T): T {
  return useStore(useEditor().ui, selector);
}

export function useNotifications<T>(selector: (s: NotificationsState) => T): T {
  return useStore(useEditor().notifications, selector);
}

/**
 * The live report of the document, or why there is none: memoised by document, throttled to one
 * per frame. Whoever shows figures must show no stale one when `ok` is false.
 */
export function useReportState(): ReportState {
  const { reports } = useEditor();
  return useSyncExternalStore(reports.subscribe, reports.getSnapshot);
}

/**
 * The report the calculators panel shows: the live report, or, while the phase slider shows an
 * earlier phase k, the report of the campus as of phase k (`asOf`, 0-based; null: everything).
 */
export function usePanelReport(): { readonly state: ReportState; readonly asOf: number | null } {
  const editor = useEditor();
  const live = useReportState();
  const k = shownPhase(
    live.doc,
    useSyncExternalStore(editor.session.subscribe, () => editor.session.getState().asOfPhase),
  );
  // A document just opened: its figures (and its phases') are pending.
  if (!live.ok && live.pending) return { state: live, asOf: k };
  return k === null
    ? { state: live, asOf: null }
    : { state: editor.phaseReportOf(live.doc, k), asOf: k };
}

/** The live report, or null when it cannot be computed (useReportState says why). */
export function useReport(): Report | null {
  const state = useReportState();
  return state.ok ? state.report : null;
}
