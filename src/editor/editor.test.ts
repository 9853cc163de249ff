import { afterEach, describe, expect, it, vi } from 'vitest';
import { computeReport } from '../domain/report';
import { benchCampus } from '../domain/report/benchCampus';
import { createReportServer, type ReportRequest } from '../state/reportTransport';
import { PRACTICE_QUIET_MS, type WorkerPort } from '../state/useReport';
import { movedOnCanvas } from '../state/sessionStore';
import { createEditor } from './editor';

afterEach(() => {
  vi.useRealTimers();
});

describe('the editor and its report worker', () => {
  it('gives the worker leave to practise when the canvas is still, and takes it back when the view moves', () => {
    vi.useFakeTimers();
    const sent: ReportRequest[] = [];
    const serve = createReportServer(computeReport);
    const port: WorkerPort = {
      postMessage: (r) => void sent.push(r),
      onmessage: null,
      onerror: null,
    };
    const editor = createEditor({
      layout: benchCampus({ racks: 20000 }),
      reportWorker: () => port,
    });
    const unsubscribe = editor.reports.subscribe(() => {});
    editor.reports.getSnapshot();
    const first = sent.shift();
    expect(first && 'seq' in first && first.opened).toBe(true);
    port.onmessage?.({ data: serve(first as Parameters<typeof serve>[0]) });
    expect(editor.reports.getSnapshot().ok).toBe(true);
    vi.advanceTimersByTime(PRACTICE_QUIET_MS - 1);
    expect(sent).toEqual([]);
    // A hover restarts the wait.
    editor.session.getState().setHover(editor.document.getState().doc.halls[0]!.id);
    vi.advanceTimersByTime(PRACTICE_QUIET_MS - 1);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([{ practise: true }]);
    // A selection is not a move; a pan is.
    editor.session.getState().setSelection([]);
    expect(sent).toEqual([{ practise: true }]);
    editor.session.getState().setCamera({ x: 5, y: 0, scale: 1 });
    expect(sent).toEqual([{ practise: true }, { practise: false }]);
    unsubscribe();
  });
});

describe('movedOnCanvas', () => {
  it('counts the camera, the overlay and the hover, and not the selection or the tool', () => {
    const session = createEditor().session;
    const changes: boolean[] = [];
    session.subscribe((s, prev) => void changes.push(movedOnCanvas(s, prev)));
    const s = session.getState();
    s.setCamera({ x: 1, y: 2, scale: 3 });
    s.setHover('h1');
    s.setOverlay({ ...s.overlay });
    s.setSelection(['h1']);
    s.setTool('hall');
    s.setPointer({ x: 1, y: 1 });
    expect(changes).toEqual([true, true, true, false, false, false]);
  });
});
