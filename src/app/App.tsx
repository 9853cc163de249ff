import { useEffect, useState } from 'react';
import { CampusCanvas } from '../canvas/CampusCanvas';
import { TIERS, type Layout } from '../domain';
import { Legend, StatusBar } from '../panels/CanvasOverlays';
import { TotalsPanel } from '../panels/TotalsPanel';
import { useDocumentStore } from '../state/documentStore';
import { useSessionStore } from '../state/sessionStore';
import { DEFAULT_SEED, loadSeed, seedFromSearch, seedNames } from './seeds';
import { useShortcuts } from './useShortcuts';
import './app.css';

interface Notice {
  readonly tone: 'warning' | 'error';
  readonly text: string;
}

function TopBar() {
  const name = useDocumentStore((s) => s.doc.name);
  const tierId = useDocumentStore((s) => s.doc.settings.targetTier);
  const units = useSessionStore((s) => s.units);
  const setUnits = useSessionStore((s) => s.setUnits);
  const tier = TIERS[tierId];
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">Campus Planner</span>
      </div>
      <div className="doc-title">
        <h1 className="layout-name" data-testid="layout-name" title={name}>
          {name || 'Untitled campus'}
        </h1>
        <span
          className="tier-chip"
          data-testid="target-tier"
          data-value={tierId}
          title={`Checks use the ${tier.label} tier`}
        >
          <span className="tier-chip-label">Target tier</span> {tier.label}
        </span>
      </div>
      <div className="topbar-tools">
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
}

/** The shell: top bar, the campus canvas with its overlays, and the calculators panel. */
export function App({ initialLayout, search }: AppProps) {
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
  }, [initialLayout, search]);

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
      <main className="workspace">
        <div className="viewport">
          <div className="canvas-area">
            <CampusCanvas />
            <Legend />
            {loading && (
              <div className="loading" data-testid="loading">
                Opening sample layout…
              </div>
            )}
          </div>
          <StatusBar />
        </div>
        <TotalsPanel />
      </main>
    </div>
  );
}
