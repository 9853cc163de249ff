import { describe, expect, it } from 'vitest';
import { createHall } from '../domain';
import { computeReport } from '../domain/report';
import type { Layout } from '../domain';
import { createDocumentStore, emptyLayout } from './documentStore';
import {
  createReportCache,
  createReportSource,
  PRACTICE_QUIET_MS,
  reportStateOf,
  type ReportState,
  type WorkerPort,
} from './useReport';
import { benchCampus } from '../domain/report/benchCampus';
import {
  createReportServer,
  PRACTICE_STEPS,
  serveReports,
  type DocumentRequest,
  type ReportReply,
  type ReportRequest,
  type ReportScope,
} from './reportTransport';

const ok = (s: ReportState) => {
  if (!s.ok) throw new Error(`unexpected: ${s.error}`);
  return s.report;
};

describe('the live report', () => {
  it('is computed once per frame however many edits the frame holds, for the latest document', () => {
    const reportOf = createReportCache();
    const store = createDocumentStore(emptyLayout());
    const computed: number[] = [];
    const frames: (() => void)[] = [];
    const source = createReportSource(
      store,
      (doc) => {
        computed.push(doc.halls.length);
        return reportOf(doc);
      },
      (cb) => frames.push(cb),
    );
    let notified = 0;
    const unsubscribe = source.subscribe(() => notified++);
    const first = source.getSnapshot();
    expect(ok(first).totals.itMw).toBe(0);
    for (let i = 0; i < 50; i++) {
      store
        .getState()
        .apply((d) => void d.halls.push(createHall(`h${i}`, { x: i * 200, y: 0 })), 'Add hall');
    }
    expect(frames).toHaveLength(1);
    expect(source.getSnapshot()).toBe(first); // until the frame comes
    frames.shift()!();
    expect(computed).toEqual([0, 50]);
    expect(notified).toBe(1);
    expect(ok(source.getSnapshot()).halls).toHaveLength(50);
    unsubscribe();
  });

  it('keeps the report of the latest document only; undo computes it again', () => {
    const reportOf = createReportCache();
    const store = createDocumentStore(emptyLayout());
    const before = reportOf(store.getState().doc);
    expect(reportOf(store.getState().doc)).toBe(before);
    store.getState().apply((d) => void (d.name = 'Renamed'), 'Rename');
    const renamed = reportOf(store.getState().doc);
    expect(ok(renamed).name).toBe('Renamed');
    store.getState().undo();
    const again = reportOf(store.getState().doc);
    expect(again).not.toBe(before);
    expect(again.doc).toBe(before.doc);
    expect(ok(again)).toEqual(ok(before));
  });

  it('says why when the report cannot be computed, with no figure of the previous document', () => {
    const failing = (doc: Layout) => {
      if (doc.name === 'Broken') throw new Error('hall h1 has no rows');
      return computeReport(doc);
    };
    expect(reportStateOf(emptyLayout(), failing).ok).toBe(true);
    const reportOf = createReportCache(failing);
    const store = createDocumentStore(emptyLayout());
    const frames: (() => void)[] = [];
    const source = createReportSource(store, reportOf, (cb) => frames.push(cb));
    const unsubscribe = source.subscribe(() => {});
    expect(source.getSnapshot().ok).toBe(true);
    store.getState().apply((d) => void (d.name = 'Broken'), 'Rename');
    frames.shift()!();
    const failed = source.getSnapshot();
    expect(failed).toEqual({ ok: false, doc: store.getState().doc, error: 'hall h1 has no rows' });
    expect('report' in failed).toBe(false);
    // Undo: the report is back.
    store.getState().undo();
    frames.shift()!();
    expect(ok(source.getSnapshot()).name).not.toBe('Broken');
    unsubscribe();
  });
});

describe('a document just opened', () => {
  it('is drawn first: its report is pending at once (no figure of the document before) and computed in the task after the next frame', () => {
    const store = createDocumentStore(emptyLayout());
    const frames: (() => void)[] = [];
    const tasks: (() => void)[] = [];
    const computed: string[] = [];
    const reportOf = createReportCache();
    const source = createReportSource(
      store,
      (doc) => {
        computed.push(doc.name);
        return reportOf(doc);
      },
      (cb) => frames.push(cb),
      (cb) => tasks.push(cb),
    );
    let notified = 0;
    const unsubscribe = source.subscribe(() => notified++);
    const before = ok(source.getSnapshot()).name;
    const opened = { ...emptyLayout(), name: 'Opened' };
    store.getState().load(opened);
    const pending = source.getSnapshot();
    expect(pending).toMatchObject({ ok: false, pending: true });
    expect(pending.doc.name).toBe('Opened');
    expect(notified).toBe(1);
    // The frame draws the campus; the report waits for the task after it.
    frames.shift()!();
    expect(computed).toEqual([before]);
    expect(source.getSnapshot()).toBe(pending);
    expect(tasks).toHaveLength(1);
    tasks.shift()!();
    expect(computed).toEqual([before, 'Opened']);
    expect(ok(source.getSnapshot()).name).toBe('Opened');
    expect(notified).toBe(2);
    // An edit is computed in its own frame, as before.
    store.getState().apply((d) => void (d.name = 'Edited'), 'Rename');
    frames.shift()!();
    expect(tasks).toHaveLength(0);
    expect(ok(source.getSnapshot()).name).toBe('Edited');
    unsubscribe();
  });
});

/** A request's `opened` mark, or 'go' / 'hold' for leave to practise given or taken back. */
const openedOf = (r: ReportRequest) => ('practise' in r ? (r.practise ? 'go' : 'hold') : r.opened);

describe('reports of large documents, off the main thread', () => {
  /**
   * A worker that reads its messages when the test says so: the real report server, served as
   * the worker serves it (serveReports), with its practice steps (`steps`) and its replies
   * (`replies`) waiting for the test too.
   */
  function fakeWorker() {
    const server = createReportServer(computeReport);
    let practised = 0;
    const counted = Object.assign((r: DocumentRequest) => server(r), {
      practise: () => {
        practised++;
        return server.practise();
      },
    });
    const queue: ReportRequest[] = [];
    const replies: ReportReply[] = [];
    const steps: (() => void)[] = [];
    const port: WorkerPort = {
      postMessage: (r) => void queue.push(r),
      onmessage: null,
      onerror: null,
    };
    const scope: ReportScope = { postMessage: (r) => void replies.push(r), onmessage: null };
    serveReports(scope, counted, (step) => steps.push(step));
    const deliver = () => {
      for (let r = replies.shift(); r; r = replies.shift()) port.onmessage?.({ data: r });
    };
    return {
      port,
      queue,
      steps,
      /** The worker reads its next message; its reply is not delivered yet. */
      read() {
        const r = queue.shift();
        if (!r) throw new Error('no request');
        scope.onmessage?.({ data: r });
      },
      deliver,
      /** The worker reads its next message, and its reply comes back. */
      answer() {
        this.read();
        deliver();
      },
      /** Practice steps taken. */
      get practised() {
        return practised;
      },
    };
  }

  it('sends the document as patches, one request at a time, and shows the last finished report meanwhile', () => {
    const worker = fakeWorker();
    const store = createDocumentStore(benchCampus({ racks: 400 }));
    const frames: (() => void)[] = [];
    const tasks: (() => void)[] = [];
    const computedHere: number[] = [];
    const source = createReportSource(
      store,
      (doc) => {
        computedHere.push(doc.halls.length);
        return reportStateOf(doc);
      },
      (cb) => frames.push(cb),
      (cb) => tasks.push(cb),
      { connect: () => worker.port, minRows: 10, soon: (cb) => frames.push(cb) },
    );
    const unsubscribe = source.subscribe(() => {});
    // The first read asks the worker; until it answers, the figures are pending. It is the
    // first document of its load, so the worker is told to practise on it.
    expect(source.getSnapshot()).toMatchObject({ ok: false, pending: true });
    expect(worker.queue).toHaveLength(1);
    expect(openedOf(worker.queue[0]!)).toBe(true);
    worker.answer();
    expect(ok(source.getSnapshot())).toEqual(computeReport(store.getState().doc));
    // A drag: three frames of moves while the worker is busy with the first.
    const move = (dx: number) => store.getState().apply((d) => void (d.halls[0]!.x += dx), 'Move');
    move(1);
    frames.shift()!();
    expect(worker.queue).toHaveLength(1);
    expect(openedOf(worker.queue[0]!)).toBeUndefined();
    const first = source.getSnapshot();
    move(1);
    frames.shift()!();
    move(1);
    frames.shift()!();
    // One in flight: the later moves wait, and the panel keeps the last finished report.
    expect(worker.queue).toHaveLength(1);
    expect(source.getSnapshot()).toBe(first);
    worker.answer();
    // The answer to the first move is shown; the latest document goes out at once.
    expect(worker.queue).toHaveLength(1);
    worker.answer();
    const last = source.getSnapshot();
    expect(last.doc).toBe(store.getState().doc);
    expect(ok(last)).toEqual(computeReport(store.getState().doc));
    expect(computedHere).toEqual([]);
    // Another campus opened: its first request is marked again.
    store.getState().load(benchCampus({ racks: 500 }));
    frames.shift()!();
    tasks.shift()!();
    expect(worker.queue.map(openedOf)).toEqual([true]);
    unsubscribe();
  });

  /** A large campus sent to a fake worker, with frames, tasks, timers and activity run by the test. */
  function practiceSetup() {
    const worker = fakeWorker();
    const store = createDocumentStore(benchCampus({ racks: 400 }));
    const frames: (() => void)[] = [];
    const tasks: (() => void)[] = [];
    const timers: { cb: () => void; ms: number; cancelled: boolean }[] = [];
    let onActivity: (() => void) | null = null;
    const source = createReportSource(
      store,
      reportStateOf,
      (cb) => frames.push(cb),
      (cb) => tasks.push(cb),
      {
        connect: () => worker.port,
        minRows: 10,
        activity: (cb) => {
          onActivity = cb;
          return () => void (onActivity = null);
        },
        timer: (cb, ms) => {
          const t = { cb, ms, cancelled: false };
          timers.push(t);
          return () => void (t.cancelled = true);
        },
        soon: (cb) => frames.push(cb),
      },
    );
    /** The timers still waiting. */
    const waiting = () => timers.filter((t) => !t.cancelled);
    /** The waiting timer runs out (there must be exactly one). */
    const still = () => {
      const w = waiting();
      expect(w).toHaveLength(1);
      expect(w[0]!.ms).toBe(PRACTICE_QUIET_MS);
      timers.length = 0;
      w[0]!.cb();
    };
    const move = () => onActivity?.();
    /** Runs the worker's steps and messages until nothing is left to do. */
    const drain = () => {
      while (worker.steps.length > 0 || worker.queue.length > 0) {
        if (worker.queue.length > 0) worker.answer();
        else worker.steps.shift()!();
        worker.deliver();
      }
    };
    return { worker, store, frames, tasks, waiting, still, move, drain, source };
  }

  it('gives the worker leave to practise once the page is still, and takes it back when it moves', () => {
    const { worker, store, frames, waiting, still, move, drain, source } = practiceSetup();
    const unsubscribe = source.subscribe(() => {});
    source.getSnapshot();
    // Nothing is given while the opened document's report is computed, however still the page.
    move();
    expect(waiting()).toHaveLength(0);
    worker.answer();
    // The report is back: once the page has been still for a while, leave to practise.
    move();
    move();
    still();
    expect(worker.queue.map(openedOf)).toEqual(['go']);
    worker.answer();
    expect(worker.steps).toHaveLength(1);
    worker.steps.shift()!();
    worker.steps.shift()!();
    expect(worker.practised).toBe(2);
    // The view moves: leave taken back. The step already queued finds it gone.
    move();
    expect(worker.queue.map(openedOf)).toEqual(['hold']);
    worker.answer();
    worker.steps.shift()!();
    expect(worker.practised).toBe(2);
    expect(worker.steps).toHaveLength(0);
    // Still again: leave again, and practice goes on from where it was.
    still();
    worker.answer();
    worker.steps.shift()!();
    expect(worker.practised).toBe(3);
    // An edit: its request takes the leave back (no hold needed), and no leave while it is computed.
    store.getState().apply((d) => void (d.halls[0]!.x += 1), 'Move');
    frames.shift()!();
    expect(worker.queue.map(openedOf)).toEqual([undefined]);
    expect(waiting()).toHaveLength(0);
    worker.answer();
    worker.steps.shift()!();
    expect(worker.practised).toBe(3);
    // Still once more: practice runs to its end, and the worker says it is over.
    still();
    drain();
    expect(worker.practised).toBe(PRACTICE_STEPS);
    // Over: the page moving and stopping asks nothing more.
    move();
    expect(waiting()).toHaveLength(0);
    expect(worker.queue).toHaveLength(0);
    unsubscribe();
  });

  it('practises on a campus opened while the worker says practice on the one before is over', () => {
    const { worker, store, frames, tasks, still, drain, source } = practiceSetup();
    const unsubscribe = source.subscribe(() => {});
    source.getSnapshot();
    worker.answer();
    still();
    worker.answer();
    // Practise the first campus to its end; the worker's "over" is still on its way.
    while (worker.steps.length > 0) worker.steps.shift()!();
    // Another campus opens meanwhile.
    store.getState().load(benchCampus({ racks: 500 }));
    frames.shift()!();
    tasks.shift()!();
    expect(worker.queue.map(openedOf)).toEqual([true]);
    worker.deliver(); // "over", for the campus before
    const before = worker.practised;
    worker.answer();
    still();
    drain();
    expect(worker.practised - before).toBe(PRACTICE_STEPS);
    // A small campus (computed here): nothing to practise on.
    store.getState().load(benchCampus({ racks: 8 }));
    frames.shift()!();
    tasks.shift()!();
    expect(worker.queue).toHaveLength(0);
    unsubscribe();
  });

  it('does not practise without a way to tell that the page moves', () => {
    const worker = fakeWorker();
    const store = createDocumentStore(benchCampus({ racks: 400 }));
    const timers: (() => void)[] = [];
    const source = createReportSource(store, reportStateOf, undefined, undefined, {
      connect: () => worker.port,
      minRows: 10,
      timer: (cb) => {
        timers.push(cb);
        return () => {};
      },
    });
    const unsubscribe = source.subscribe(() => {});
    source.getSnapshot();
    worker.answer();
    for (const t of timers) t();
    expect(worker.queue).toHaveLength(0);
    unsubscribe();
  });

  it("sends a large document's edit at once, not at the next frame", async () => {
    const worker = fakeWorker();
    const store = createDocumentStore(benchCampus({ racks: 400 }));
    const frames: (() => void)[] = [];
    const source = createReportSource(
      store,
      reportStateOf,
      (cb) => frames.push(cb),
      (cb) => cb(),
      { connect: () => worker.port, minRows: 10 },
    );
    const unsubscribe = source.subscribe(() => {});
    source.getSnapshot();
    worker.answer();
    store.getState().apply((d) => void (d.halls[0]!.x += 1), 'Move');
    expect(worker.queue).toHaveLength(0);
    await Promise.resolve();
    expect(worker.queue.map(openedOf)).toEqual([undefined]);
    expect(frames).toHaveLength(0);
    unsubscribe();
  });

  it('computes small documents here, and everything here when the worker cannot start', () => {
    const store = createDocumentStore(benchCampus({ racks: 400 }));
    const frames: (() => void)[] = [];
    const small = createReportSource(store, reportStateOf, (cb) => frames.push(cb), undefined, {
      connect: () => {
        throw new Error('must not be asked');
      },
      minRows: 1_000_000,
    });
    expect(ok(small.getSnapshot()).halls.length).toBe(store.getState().doc.halls.length);
    const failing = createReportSource(store, reportStateOf, (cb) => frames.push(cb), undefined, {
      connect: () => null,
      minRows: 10,
    });
    expect(failing.getSnapshot().ok).toBe(true);
  });
});
