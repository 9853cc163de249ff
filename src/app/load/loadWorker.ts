/// <reference lib="webworker" />
import { loadLayoutNow, type LoadMessage, type LoadSource } from './loadLayout';

/** The worker that opens a layout (loadLayout.ts): one source, its stages, one outcome. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: LoadMessage) => scope.postMessage(m);

scope.onmessage = (e: MessageEvent<LoadSource>) => {
  void loadLayoutNow(e.data, (stage) => post({ type: 'stage', stage })).then((outcome) =>
    post({ type: 'done', outcome }),
  );
};
