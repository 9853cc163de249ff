import type { Layout } from '../../domain';
import { parseLayoutText, type LoadError } from '../../domain/format';
import { computeReport, type Report } from '../../domain/report';

/**
 * Opening a layout's text, off the main thread: parse, migrate, validate and compute its first
 * report in a Web Worker, so that no file or link — however large or however hostile, as long as
 * it is text — can freeze the tab. The open layout is replaced only by a caller that gets
 * `loaded`; a refused, failed or cancelled load changes nothing.
 */

export type LoadStage = 'checking' | 'report';

export type LoadOutcome =
  | {
      readonly kind: 'loaded';
      readonly layout: Layout;
      readonly migratedFrom: number | null;
      /** The layout's report, or null when it could not be computed (then reportError says why). */
      readonly report: Report | null;
      readonly reportError: string | null;
    }
  | { readonly kind: 'invalid'; readonly error: LoadError }
  | { readonly kind: 'cancelled' };

/** What the worker is asked: the text of one layout. */
export interface LoadRequest {
  readonly text: string;
}

/** What the worker says: which stage it is at, then the outcome. */
export type LoadMessage =
  | { readonly type: 'stage'; readonly stage: LoadStage }
  | { readonly type: 'done'; readonly outcome: LoadOutcome };

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The work itself (run in the worker; in place where there is no Worker, as in Node tests). */
export function loadLayoutNow(text: string, onStage: (stage: LoadStage) => void): LoadOutcome {
  onStage('checking');
  const parsed = parseLayoutText(text);
  if (!parsed.ok) return { kind: 'invalid', error: parsed.error };
  onStage('report');
  try {
    const report = computeReport(parsed.layout);
    return { ...parsed, kind: 'loaded', report, reportError: null };
  } catch (e) {
    return { ...parsed, kind: 'loaded', report: null, reportError: errorText(e) };
  }
}

export interface LoadOptions {
  /** Told each stage as the worker reaches it. */
  readonly onStage?: (stage: LoadStage) => void;
  /** Abort: the worker is stopped at once and the outcome is `cancelled`. */
  readonly signal?: AbortSignal;
}

/** Open a layout's text in a fresh worker (terminated when done or cancelled). */
export function loadLayoutText(text: string, options: LoadOptions = {}): Promise<LoadOutcome> {
  const { onStage, signal } = options;
  if (signal?.aborted) return Promise.resolve({ kind: 'cancelled' });
  if (typeof Worker === 'undefined') {
    return Promise.resolve(loadLayoutNow(text, (s) => onStage?.(s)));
  }
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./loadWorker.ts', import.meta.url), { type: 'module' });
    const finish = (outcome: LoadOutcome) => {
      worker.terminate();
      signal?.removeEventListener('abort', abort);
      resolve(outcome);
    };
    const abort = () => finish({ kind: 'cancelled' });
    signal?.addEventListener('abort', abort);
    worker.onmessage = (e: MessageEvent<LoadMessage>) => {
      if (e.data.type === 'stage') onStage?.(e.data.stage);
      else finish(e.data.outcome);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      finish({
        kind: 'invalid',
        error: {
          kind: 'invalid',
          message: `the file could not be checked: ${e.message}`,
          issues: [],
        },
      });
    };
    const request: LoadRequest = { text };
    worker.postMessage(request);
  });
}
