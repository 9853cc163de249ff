import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Konva } from './canvas/konva';
import { App } from './app/App';
import { cullIndexOf } from './canvas/cullContext';
import { createEditor, type Editor } from './editor/editor';
import { ALL_TOOLS } from './editor/tools';
import type { DocumentStore } from './state/documentStore';
import type { SessionStore } from './state/sessionStore';
import type { WorkerPort } from './state/useReport';

/**
 * A handle for people and tests who script the page (benchmarks, e2e): the stores and the stage.
 * Read-only by convention; the supported hooks are the data-testid attributes.
 */
declare global {
  interface Window {
    campusPlanner?: {
      readonly document: DocumentStore;
      readonly session: SessionStore;
      /** The report source the calculators panel shows (the benchmark's drag lag). */
      readonly reports: Editor['reports'];
      stage(): Konva.Stage | undefined;
      cullStats(): ReturnType<NonNullable<ReturnType<typeof cullIndexOf>>['stats']> | undefined;
    };
  }
}

const editor = createEditor({
  tools: ALL_TOOLS,
  // Large campuses get their report from a worker, so a drag never waits for it.
  reportWorker: () =>
    typeof Worker === 'undefined'
      ? null
      : (new Worker(new URL('./app/report/reportWorker.ts', import.meta.url), {
          type: 'module',
        }) as unknown as WorkerPort),
});

window.campusPlanner = {
  document: editor.document,
  session: editor.session,
  reports: editor.reports,
  stage: () => Konva.stages[0],
  cullStats: () => {
    const stage = Konva.stages[0];
    return stage ? cullIndexOf(stage)?.stats() : undefined;
  },
};

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App editor={editor} />
  </StrictMode>,
);
