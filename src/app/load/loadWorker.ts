/// <reference lib="webworker" />
import { loadLayoutNow, type LoadMessage, type LoadRequest } from './loadLayout';

/** The worker that opens a layout's text (loadLayout.ts): one request, stages, one outcome. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: LoadMessage) => scope.postMessage(m);

scope.onmessage = (e: MessageEvent<LoadRequest>) => {
  const outcome = loadLayoutNow(e.data.text, (stage) => post({ type: 'stage', stage }));
  post({ type: 'done', outcome });
};
