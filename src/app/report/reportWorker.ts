/// <reference lib="webworker" />
import { computeReport, createReportMemo } from '../../domain/report';
import { createReportServer, serveReports, type ReportScope } from '../../state/reportTransport';

/**
 * The report worker: the reports of large documents, off the main thread (createReportSource's
 * `offThread`). It keeps the document it was sent and its own report memo, so after an edit only
 * what the edit touched is recomputed, as on the main thread. After a campus opens, the main
 * thread gives it leave to practise edits on it while nothing moves on the page
 * (ReportServer.practise).
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const memo = createReportMemo();

// The next practice step in a task of its own, after the messages already waiting (a timer
// would be clamped to 4 ms after a few steps).
const steps = new MessageChannel();
let step: (() => void) | null = null;
steps.port1.onmessage = () => {
  const run = step;
  step = null;
  run?.();
};

serveReports(
  scope as unknown as ReportScope,
  createReportServer((doc) => computeReport(doc, { memo })),
  (next) => {
    step = next;
    steps.port2.postMessage(null);
  },
);
