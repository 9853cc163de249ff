import { isolate } from '../domain/text';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { CampusCanvas } from '../canvas/CampusCanvas';
import type { Layout } from '../domain';
import { EmptyCanvasHint, Legend, StatusBar } from '../panels/CanvasOverlays';
import { ShortcutSheet } from '../panels/ShortcutSheet';
import { ContextMenu, openCanvasContextMenu } from '../panels/ContextMenu';
import { ErrorBoundary } from '../panels/ErrorBoundary';
import { Inspector } from '../panels/Inspector';
import { TotalsPanel } from '../panels/TotalsPanel';
import {
  CheckBadge,
  LessonsButton,
  PhaseSlider,
  TierSelect,
} from '../panels/calculators/TopBarControls';
import { LearnViewOnDemand } from '../panels/calculators/learn/LearnViewOnDemand';
import { Toast } from '../panels/Toast';
import { Toolbar } from '../panels/Toolbar';
import { FileMenu } from '../panels/FileMenu';
import { FilesLayer } from './files/FilesLayer';
import { openAtStartup } from './files/persistence';
import { createEditor, type Editor } from '../editor/editor';
import {
  EditorProvider,
  useDocument,
  useEditor,
  useNotifications,
  useSession,
} from '../editor/EditorProvider';
import { ALL_TOOLS } from '../editor/tools';
import { noticeOf, type NoticeInput } from '../state/notifications';
import type { MenuGroup } from '../panels/FileMenu';
import { createActions } from './actions';
import { contextMenuActions } from './editActions';
import { DEFAULT_SEED, loadSeed, seedFromSearch, seedNames } from './seeds';
import { useShortcuts } from './useShortcuts';
import { fileMenuGroups } from './files/fileActions';
import { toolButtons } from './toolActions';
import { lessonFromSearch, openSeedIntoDocument } from './route';
import './app.css';

/** The banner's key in the notifications: the sample that could not be opened. */
const SEED_NOTICE = 'seed';

/** The banner over the workspace (a sample that could not be opened). */
function SeedNotice() {
  const notice = useNotifications((s) => noticeOf(s, SEED_NOTICE));
  const dismiss = useNotifications((s) => s.dismiss);
  if (!notice) return null;
  return (
    <div className={`notice is-${notice.tone}`} role="alert" data-testid="notice">
      <span>{notice.text}</span>
      <button
        type="button"
        className="notice-close"
        onClick={() => dismiss(SEED_NOTICE)}
        aria-label="Dismiss"
      >
        ×
      </button>
    </div>
  );
}

function TopBar({
  fileMenu,
  showShortcuts,
}: {
  fileMenu: readonly MenuGroup[];
  showShortcuts: () => void;
}) {
  const name = useDocument((s) => s.doc.name);
  const units = useSession((s) => s.units);
  const setUnits = useSession((s) => s.setUnits);
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">Campus Planner</span>
      </div>
      <FileMenu groups={fileMenu} />
      <div className="doc-title">
        <h1 className="layout-name" data-testid="layout-name" title={isolate(name)}>
          <bdi>{name || 'Untitled campus'}</bdi>
        </h1>
        <TierSelect />
        <CheckBadge />
        <PhaseSlider />
      </div>
      <div className="topbar-tools">
        <LessonsButton />
        <button
          type="button"
          className="help-button"
          onClick={showShortcuts}
          aria-label="Keyboard shortcuts"
          aria-keyshortcuts="?"
          title="Keyboard shortcuts (?)"
        >
          ?
        </button>
        <div className="segmented" role="group" aria-label="Units">
          <button
            type="button"
            aria-pressed={units === 'metric'}
            onClick={() => setUnits('metric')}
          >
            Metric
          </button>
          <button
            type="button"
            aria-pressed={units === 'imperial'}
            onClick={() => setUnits('imperial')}
          >
            Imperial
          </button>
        </div>
      </div>
    </header>
  );
}

export interface AppProps {
  /** Open this layout instead of a seed (tests). */
  readonly initialLayout?: Layout;
  /** The query string to read `?seed=` from; defaults to the page's. */
  readonly search?: string;
  /**
   * Autosave, restoring it on reload, share links (#layout=…) and the two-tab warning. Defaults
   * to on for the real page (no initialLayout, no search given) and off in component tests.
   */
  readonly persistence?: boolean;
  /** The editor to show (tests, the page's script handle); by default the App makes its own. */
  readonly editor?: Editor;
}

/** The shell: top bar, the campus canvas with its overlays, and the calculators panel. */
export function App({ editor: given, ...props }: AppProps) {
  const [own] = useState(() => (given ? null : createEditor({ tools: ALL_TOOLS })));
  const editor = given ?? own!;
  return (
    <EditorProvider editor={editor}>
      <Shell {...props} />
    </EditorProvider>
  );
}

function Shell({ initialLayout, search, persistence }: Omit<AppProps, 'editor'>) {
  const editor = useEditor();
  const persist = persistence ?? (initialLayout === undefined && search === undefined);
  const [loading, setLoading] = useState(!initialLayout);
  const [sheetOpen, setSheetOpen] = useState(false);
  const showShortcuts = useCallback(() => setSheetOpen(true), []);
  const actions = useMemo(() => createActions(editor, { showShortcuts }), [editor, showShortcuts]);
  const sheetGroups = useMemo(
    () => actions.groups.map((g) => ({ title: g.title, entries: g.actions })),
    [actions],
  );
  const menus = useMemo(
    () => ({
      file: fileMenuGroups(actions.files),
      tools: toolButtons(actions.tools),
      context: contextMenuActions(actions.edit),
      openSeed: (name: string) => openSeedIntoDocument(editor, name),
    }),
    [editor, actions],
  );
  useShortcuts(editor, actions.all);

  useEffect(() => {
    if (initialLayout) {
      editor.load(initialLayout);
      setLoading(false);
      return;
    }
    let cancelled = false;
    const requested = seedFromSearch(search ?? window.location.search);
    void (async () => {
      // A share link or an autosave to restore opens instead of the sample (files/persistence.ts).
      const isCancelled = () => cancelled;
      if (
        persist &&
        (await openAtStartup(editor, { explicitSeed: requested !== null, isCancelled }))
      ) {
        if (!cancelled) setLoading(false);
        return;
      }
      if (cancelled) return;
      const name = requested ?? DEFAULT_SEED;
      let result = await loadSeed(name);
      let message: NoticeInput | null = null;
      if (!result.ok) {
        const fallback = name !== DEFAULT_SEED;
        const known = result.reason === 'unknown' ? ` Samples: ${seedNames().join(', ')}.` : '';
        message = {
          key: SEED_NOTICE,
          kind: 'banner',
          tone: result.reason === 'unknown' ? 'warning' : 'error',
          text: `${result.message}${fallback ? ` Showing the default sample “${DEFAULT_SEED}” instead.` : ''}${known}`,
        };
        if (fallback) result = await loadSeed(DEFAULT_SEED);
      }
      if (cancelled) return;
      if (result.ok) editor.load(result.layout);
      const notices = editor.notifications.getState();
      if (message) notices.notify(message);
      else notices.dismiss(SEED_NOTICE);
      setLoading(false);
    })();
    return () => {
      cancelled = true;
    };
  }, [editor, initialLayout, search, persist]);

  return (
    <div className="app">
      <TopBar fileMenu={menus.file} showShortcuts={showShortcuts} />
      {sheetOpen && <ShortcutSheet groups={sheetGroups} onClose={() => setSheetOpen(false)} />}
      {/* Notices float over the workspace: they never push the canvas down. */}
      <div className="notice-stack">
        <SeedNotice />
        <FilesLayer persist={persist} ready={!loading} />
      </div>
      <main className="workspace">
        <div className="viewport">
          <div className="canvas-area" onContextMenu={(e) => openCanvasContextMenu(editor, e)}>
            <ErrorBoundary what="The canvas" className="canvas-failed">
              <CampusCanvas />
            </ErrorBoundary>
            {!loading && <EmptyCanvasHint openSample={() => void menus.openSeed(DEFAULT_SEED)} />}
            <Toolbar tools={menus.tools} />
            <Toast />
            <Legend />
            <LearnViewOnDemand
              initialLesson={lessonFromSearch(search ?? window.location.search)}
              openSeed={menus.openSeed}
            />
            <ContextMenu actions={menus.context} />
            {loading && (
              <div className="loading" data-testid="loading">
                Opening sample layout…
              </div>
            )}
          </div>
          <StatusBar />
        </div>
        <div className="side-panel">
          <ErrorBoundary what="The inspector">
            <Inspector />
          </ErrorBoundary>
          <ErrorBoundary what="The calculators panel">
            <TotalsPanel />
          </ErrorBoundary>
        </div>
      </main>
    </div>
  );
}
