import type { Layout } from '../../domain';
import { parseLayoutText, type LoadError, type LoadResult } from '../../domain/format';
import { computeReport, type Report } from '../../domain/report';
import { decodeShareFragment } from '../../domain/share';
import type { LoadStage } from '../../state/filesStore';

export type { LoadStage } from '../../state/filesStore';

/**
 * Opening a layout — a file's text or a share link — off the main thread: decode, parse, migrate,
 * validate and compute its first report in a Web Worker, so that no file or link, however large or
 * however hostile, can freeze the tab. The open layout is replaced only by a caller that gets
 * `loaded`; a refused, failed or cancelled load changes nothing.
 */

/** What to open: the text of a layout file, or a share link's fragment (`#layout=v1.…`). */
export type LoadSource = { readonly text: string } | { readonly shareFragment: string };

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

/** What the worker says: which stage it is at, then the outcome. */
export type LoadMessage =
  | { readonly type: 'stage'; readonly stage: LoadStage }
  | { readonly type: 'done'; readonly outcome: LoadOutcome };

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The work itself (run in the worker; in place where there is no Worker, as in Node tests). */
export async function loadLayoutNow(
  source: LoadSource,
  onStage: (stage: LoadStage) => void,
): Promise<LoadOutcome> {
  onStage('checking');
  const parsed: LoadResult =
    'text' in source
      ? parseLayoutText(source.text)
      : await decodeShareFragment(source.shareFragment);
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

/** Open a layout in a fresh worker (terminated when done or cancelled). */
export function loadLayout(source: LoadSource, options: LoadOptions = {}): Promise<LoadOutcome> {
  const { onStage, signal } = options;
  if (signal?.aborted) return Promise.resolve({ kind: 'cancelled' });
  if (typeof Worker === 'undefined') return loadLayoutNow(source, (s) => onStage?.(s));
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
        error: { kind: 'invalid', message: `it could not be checked: ${e.message}`, issues: [] },
      });
    };
    worker.postMessage(source);
  });
}
