/// <reference lib="webworker" />
import { computeReport, createReportMemo } from '../../domain/report';
import { createReportServer, type ReportRequest } from '../../state/reportTransport';

/**
 * The report worker: the reports of large documents, off the main thread (createReportSource's
 * `offThread`). It keeps the document it was sent and its own report memo, so after an edit only
 * what the edit touched is recomputed, as on the main thread. After a campus opens, the main
 * thread gives it leave to practise edits on it while the page is idle (ReportServer.practise).
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const memo = createReportMemo();
const serve = createReportServer((doc) => computeReport(doc, { memo }));

scope.onmessage = (e: MessageEvent<ReportRequest>) => scope.postMessage(serve(e.data));
