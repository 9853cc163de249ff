import './effectTiming';
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Report } from '../domain/report/types';
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
