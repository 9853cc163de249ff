import { lazy, Suspense, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { fileActions, FILE_ACTION_IDS } from './fileActions';
import { loadedExports, loadExports, preparePrint, registerFileInput } from './commands';
import { openLayoutFile } from './documentFiles';
import type { Notice } from '../../state/notifications';
import { startPersistence } from './persistence';
import './files.css';
import type { Editor } from '../../editor/editor';
import { useEditor, useFiles, useNotifications } from '../../editor/EditorProvider';

/** The file dialogs load with the first one opened: none is on screen at start. */
const FileDialogs = lazy(() => import('./dialogs').then((m) => ({ default: m.FileDialogs })));

/** The open file dialog, if any (its code loaded on demand). */
function Dialogs() {
  const open = useFiles((s) => s.dialog !== null);
  return open ? (
    <Suspense fallback={null}>
      <FileDialogs />
    </Suspense>
  ) : null;
}

const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

/** Open files dropped anywhere on the window (on the canvas, usually). */
function useFileDrop(editor: Editor): void {
  useEffect(() => {
    let depth = 0;
    const set = (dragging: boolean) => {
      if (editor.files.getState().dragging !== dragging) editor.files.setState({ dragging });
    };
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      set(true);
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault(); // allow the drop
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) set(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault(); // never let the browser navigate to the file
      depth = 0;
      set(false);
      const file = e.dataTransfer?.files[0];
      if (file) void openLayoutFile(editor, file);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [editor]);
}

/** Ctrl/Cmd+S in a text field saves too, rather than the browser's "Save page". */
function useSaveFromFields(editor: Editor): void {
  useEffect(() => {
    const save = fileActions(editor).find((a) => a.id === FILE_ACTION_IDS.save);
    const onKeyDown = (e: KeyboardEvent) => {
      const t = e.target;
      const typing =
        t instanceof HTMLElement &&
        (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
      if (!typing || e.defaultPrevented || !save?.matches(e)) return;
      e.preventDefault();
      save.perform();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [editor]);
}

/**
 * The print report, from the exports chunk: loaded when a print is prepared, and once the page is
 * idle (so that Ctrl+P, which cannot wait for a download, finds it in place).
 */
function PrintView() {
  const print = useFiles((s) => s.print);
  const [exports, setExports] = useState(loadedExports);
  useEffect(() => {
    if (exports) return;
    let cancelled = false;
    const load = () =>
      void loadExports().then(
        (m) => !cancelled && setExports(m),
        () => {}, // a failed load shows no report; the print command reports it
      );
    if (print) load();
    const idle = window.setTimeout(load, IDLE_PRELOAD_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(idle);
    };
  }, [print, exports]);
  return print && exports ? <exports.PrintReport /> : null;
}

/** How long after start-up the export and print chunk loads by itself, ms. */
const IDLE_PRELOAD_MS = 3000;

/** The print view follows the browser's print (Ctrl+P prints the report too). */
function usePrintEvents(editor: Editor): void {
  useEffect(() => {
    const before = () => {
      if (!editor.files.getState().print) preparePrint(editor);
    };
    const after = () => editor.files.setState({ print: null });
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [editor]);
}

/** Success notices ("Saved …", "Share link copied") go away by themselves after this long, ms. */
export const SUCCESS_NOTICE_MS = 6000;

function NoticeBar({ notice }: { notice: Notice }) {
  const editor = useEditor();
  const dismiss = useNotifications((s) => s.dismiss);
  useEffect(() => {
    if (notice.tone !== 'success') return;
    const timer = window.setTimeout(() => {
      // Only if it is still this notice (a newer one may have taken the key).
      if (editor.notifications.getState().notices.includes(notice)) dismiss(notice.key);
    }, SUCCESS_NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [editor, notice, dismiss]);
  return (
    <div
      className={`file-notice is-${notice.tone}`}
      role={notice.tone === 'error' || notice.tone === 'warning' ? 'alert' : 'status'}
      data-testid={`file-notice-${notice.key}`}
      data-tone={notice.tone}
    >
      <span className="file-notice-text">{notice.text}</span>
      {notice.actions?.map((a) => (
        <button
          key={a.label}
          type="button"
          className="file-notice-action"
          onClick={() => {
            a.run();
          }}
        >
          {a.label}
        </button>
      ))}
      <button
        type="button"
        className="file-notice-close"
        aria-label="Dismiss"
        onClick={() => dismiss(notice.key)}
      >
        ×
      </button>
    </div>
  );
}

export interface FilesLayerProps {
  /** Autosave, restore and the two-tab warning (the real page; off in component tests). */
  readonly persist: boolean;
  /** The first document is open: autosave starts from it. */
  readonly ready: boolean;
}

/**
 * Everything of the File menu that is not in the menu: notices (restored, autosave failed,
 * another tab…), the dialogs, the hidden file input of Open…, dropping a file on the window,
 * the print view, and (when `persist`) autosave.
 */
const STAGE_TEXT = {
  checking: 'checking the file',
  report: 'computing its report',
} as const;

/**
 * A slow open (a large file or link, checked in a worker): a progress bar and Cancel. The page
 * stays usable meanwhile; cancelling leaves the open layout as it was.
 */
function LoadProgress() {
  const loading = useFiles((s) => s.loading);
  if (!loading) return null;
  return (
    <div className="load-progress" role="status" data-testid="load-progress">
      <div className="load-progress-card">
        <div className="load-progress-text">
          Opening <bdi>{loading.label}</bdi>: {STAGE_TEXT[loading.stage]}…
        </div>
        <div
          className="load-progress-bar"
          role="progressbar"
          aria-label={`Opening ${loading.label}`}
          aria-valuetext={STAGE_TEXT[loading.stage]}
        >
          <span className={`load-progress-fill is-${loading.stage}`} />
        </div>
        <button type="button" className="load-progress-cancel" onClick={loading.cancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

export function FilesLayer({ persist, ready }: FilesLayerProps) {
  const editor = useEditor();
  const notices = useNotifications(useShallow((s) => s.notices.filter((n) => n.kind === 'file')));
  const dragging = useFiles((s) => s.dragging);
  const inputRef = useRef<HTMLInputElement>(null);

  // Started in the commit that makes the planner ready, not after the next paint (when
  // preact/compat runs effects): an edit made in the first frame is autosaved like any other.
  useLayoutEffect(
    () => (persist && ready ? startPersistence(editor) : undefined),
    [editor, persist, ready],
  );
  useEffect(() => {
    registerFileInput(inputRef.current);
    return () => registerFileInput(null);
  }, []);
  useFileDrop(editor);
  useSaveFromFields(editor);
  usePrintEvents(editor);

  return (
    <>
      {notices.length > 0 && (
        <div className="file-notices" data-testid="file-notices">
          {notices.map((n) => (
            <NoticeBar key={n.key} notice={n} />
          ))}
        </div>
      )}
      <LoadProgress />
      <input
        ref={inputRef}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="open-file-input"
        aria-label="Open a layout file"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) void openLayoutFile(editor, file);
        }}
      />
      {dragging && (
        <div className="file-drop" data-testid="file-drop">
          <div className="file-drop-card">Drop a layout file (.json) to open it</div>
        </div>
      )}
      <Dialogs />
      <PrintView />
    </>
  );
}
