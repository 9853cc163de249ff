import { useEffect, useState } from 'react';
import { CampusCanvas } from '../canvas/CampusCanvas';
import type { Layout } from '../domain';
import { Legend, StatusBar } from '../panels/CanvasOverlays';
import { ContextMenu, openCanvasContextMenu } from '../panels/ContextMenu';
import { Inspector } from '../panels/Inspector';
import { TotalsPanel } from '../panels/TotalsPanel';
import { CheckBadge, LessonsButton, TierSelect } from '../panels/calculators/TopBarControls';
import { LearnViewOnDemand } from '../panels/calculators/learn/LearnViewOnDemand';
import { Toast } from '../panels/Toast';
import { Toolbar } from '../panels/Toolbar';
import { FileMenu } from '../panels/FileMenu';
import { FilesLayer } from './files/FilesLayer';
import { openAtStartup } from './files/persistence';
import { useDocumentStore } from '../state/documentStore';
import { useSessionStore } from '../state/sessionStore';
import { CONTEXT_MENU_ACTIONS } from './editActions';
import { DEFAULT_SEED, loadSeed, seedFromSearch, seedNames } from './seeds';
import { useShortcuts } from './useShortcuts';
import { FILE_MENU_GROUPS } from './files/fileActions';
import { TOOL_BUTTONS } from './toolActions';
import { lessonFromSearch, openSeedIntoDocument } from './route';
import './app.css';

interface Notice {
  readonly tone: 'warning' | 'error';
  readonly text: string;
}

function TopBar() {
  const name = useDocumentStore((s) => s.doc.name);
  const units = useSessionStore((s) => s.units);
  const setUnits = useSessionStore((s) => s.setUnits);
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">Campus Planner</span>
      </div>
      <FileMenu groups={FILE_MENU_GROUPS} />
      <div className="doc-title">
        <h1 className="layout-name" data-testid="layout-name" title={name}>
          {name || 'Untitled campus'}
        </h1>
        <TierSelect />
        <CheckBadge />
      </div>
      <div className="topbar-tools">
        <LessonsButton />
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
}

/** The shell: top bar, the campus canvas with its overlays, and the calculators panel. */
export function App({ initialLayout, search, persistence }: AppProps) {
  const persist = persistence ?? (initialLayout === undefined && search === undefined);
  const [loading, setLoading] = useState(!initialLayout);
  const [notice, setNotice] = useState<Notice | null>(null);
  useShortcuts();

  useEffect(() => {
    if (initialLayout) {
      useDocumentStore.getState().load(initialLayout);
      setLoading(false);
      return;
    }
    let cancelled = false;
    const requested = seedFromSearch(search ?? window.location.search);
    void (async () => {
      // A share link or an autosave to restore opens instead of the sample (files/persistence.ts).
      const isCancelled = () => cancelled;
      if (persist && (await openAtStartup({ explicitSeed: requested !== null, isCancelled }))) {
        if (!cancelled) setLoading(false);
        return;
      }
      if (cancelled) return;
      const name = requested ?? DEFAULT_SEED;
      let result = await loadSeed(name);
      let message: Notice | null = null;
      if (!result.ok) {
        const fallback = name !== DEFAULT_SEED;
        const known = result.reason === 'unknown' ? ` Samples: ${seedNames().join(', ')}.` : '';
        message = {
          tone: result.reason === 'unknown' ? 'warning' : 'error',
          text: `${result.message}${fallback ? ` Showing the default sample “${DEFAULT_SEED}” instead.` : ''}${known}`,
        };
        if (fallback) result = await loadSeed(DEFAULT_SEED);
      }
      if (cancelled) return;
      if (result.ok) useDocumentStore.getState().load(result.layout);
      setNotice(message);
      setLoading(false);
    })();
    return () => {
      cancelled = true;
    };
  }, [initialLayout, search, persist]);

  return (
    <div className="app">
      <TopBar />
      {notice && (
        <div className={`notice is-${notice.tone}`} role="alert" data-testid="notice">
          <span>{notice.text}</span>
          <button
            type="button"
            className="notice-close"
            onClick={() => setNotice(null)}
            aria-label="Dismiss"
          >
            ×
          </button>
        </div>
      )}
      <FilesLayer persist={persist} ready={!loading} />
      <main className="workspace">
        <div className="viewport">
          <div className="canvas-area" onContextMenu={openCanvasContextMenu}>
            <CampusCanvas />
            <Toolbar tools={TOOL_BUTTONS} />
            <Toast />
            <Legend />
            <LearnViewOnDemand
              initialLesson={lessonFromSearch(search ?? window.location.search)}
              openSeed={openSeedIntoDocument}
            />
            <ContextMenu actions={CONTEXT_MENU_ACTIONS} />
            {loading && (
              <div className="loading" data-testid="loading">
                Opening sample layout…
              </div>
            )}
          </div>
          <StatusBar />
        </div>
        <div className="side-panel">
          <Inspector />
          <TotalsPanel />
        </div>
      </main>
    </div>
  );
}
