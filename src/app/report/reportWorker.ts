/// <reference lib="webworker" />
import { computeReport, createReportMemo } from '../../domain/report';
import { createReportServer, type ReportRequest } from '../../state/reportTransport';

/**
 * The report worker: the reports of large documents, off the main thread (createReportSource's
 * `offThread`). It keeps the document it was sent and its own report memo, so after an edit only
 * what the edit touched is recomputed, as on the main thread.
 *
 * After a document arrives whole (a campus opened), the worker practises edits on it while no
 * request comes (ReportServer.practise): a step every PRACTICE_GAP_MS once PRACTICE_QUIET_MS
 * have passed without a request, so it never competes with a drag.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const memo = createReportMemo();
const serve = createReportServer((doc) => computeReport(doc, { memo }));

const PRACTICE_QUIET_MS = 250;
const PRACTICE_GAP_MS = 15;
let practice: ReturnType<typeof setTimeout> | null = null;
const practise = () => {
  practice = serve.practise() ? setTimeout(practise, PRACTICE_GAP_MS) : null;
};

scope.onmessage = (e: MessageEvent<ReportRequest>) => {
  if (practice !== null) clearTimeout(practice);
  scope.postMessage(serve(e.data));
  practice = setTimeout(practise, PRACTICE_QUIET_MS);
};
