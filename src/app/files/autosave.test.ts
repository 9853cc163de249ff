import { produce } from 'immer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Layout } from '../../domain';
import { serializeLayout, serializeScenarios, type Scenario } from '../../domain/format';
import { minimalLayout } from '../../domain/format/testing';
import {
  AUTOSAVE_DEBOUNCE_MS,
  AUTOSAVE_IDLE_MS,
  AUTOSAVE_MAX_WAIT_MS,
  Autosaver,
  chooseRestore,
  describeFailure,
  readRecord,
  slotsToPrune,
  type AutosaveFailure,
  type AutosaveRecord,
  type AutosaveStorage,
  writeWhenIdle,
} from './autosave';
import { readTabMessage, TabSync, type MessageBus, type TabMessage } from './tabSync';

/** An in-memory AutosaveStorage; `failNext` makes the next writes reject. */
class FakeStorage implements AutosaveStorage {
  readonly slots = new Map<string, unknown>();
  writes: AutosaveRecord[] = [];
  failures: Error[] = [];
  readAll(): Promise<unknown[]> {
    return Promise.resolve([...this.slots.values()]);
  }
  put(record: AutosaveRecord): Promise<void> {
    const failure = this.failures.shift();
    if (failure !== undefined) return Promise.reject(failure);
    this.writes.push(record);
    this.slots.set(record.key, structuredClone(record));
    return Promise.resolve();
  }
  remove(key: string): Promise<void> {
    this.slots.delete(key);
    return Promise.resolve();
  }
}

/** A document that changes like the app's: immer produces a new object per edit. */
class Doc {
  doc: Layout = minimalLayout();
  saved: Layout | null = this.doc;
  layoutId = 'layout-1';
  edit(name: string) {
    this.doc = produce(this.doc, (d) => void (d.name = name));
  }
  snapshot = () => ({ doc: this.doc, layoutId: this.layoutId, dirty: this.doc !== this.saved });
}

function setup(tabId = 'tab-a', storage = new FakeStorage(), doc = new Doc()) {
  const saved: AutosaveRecord[] = [];
  const failed: AutosaveFailure[] = [];
  let clock = 1_700_000_000_000;
  const autosaver = new Autosaver(
    {
      storage,
      tabId,
      read: doc.snapshot,
      now: () => clock++,
      onSaved: (r) => saved.push(r),
      onFailed: (f) => failed.push(f),
    },
    doc.snapshot(),
  );
  return { storage, doc, autosaver, saved, failed };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('autosave: debounce and flush', () => {
  it(`writes once, ${AUTOSAVE_DEBOUNCE_MS} ms after the last of several changes`, async () => {
    const { storage, doc, autosaver, saved } = setup();
    expect(AUTOSAVE_DEBOUNCE_MS).toBe(800);
    for (const name of ['A', 'AB', 'ABC']) {
      doc.edit(name);
      autosaver.changed();
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(storage.writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(299);
    expect(storage.writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    await autosaver.flush();
    expect(storage.writes).toHaveLength(1);
    const record = storage.writes[0]!;
    expect(record).toMatchObject({ key: 'tab-a', layoutId: 'layout-1', name: 'ABC', dirty: true });
    expect(record.text).toBe(serializeLayout(doc.doc));
    expect(saved).toEqual([record]);
  });

  it(`a stream of edits every 400 ms for 20 s is written at least every ${AUTOSAVE_MAX_WAIT_MS} ms`, async () => {
    const storage = new FakeStorage();
    const doc = new Doc();
    // The clock follows the fake timers, so the max wait is measured in the same time as the edits.
    const autosaver = new Autosaver(
      { storage, tabId: 'tab-a', read: doc.snapshot, now: () => Date.now() },
      doc.snapshot(),
    );
    const edits: number[] = [];
    for (let i = 1; i <= 50; i++) {
      doc.edit(`Edit ${i}`);
      edits.push(Date.now());
      autosaver.changed();
      await vi.advanceTimersByTimeAsync(400);
    }
    // Without a maximum wait the debounce restarts on every edit and nothing is written.
    expect(storage.writes.length).toBeGreaterThanOrEqual(3);
    // Every edit is on disk within 5 s of being made: killing the tab loses at most 5 s of work.
    // (The edits of the last 5 s, 13 × 400 ms, may still wait: they are checked after the loop.)
    for (const at of edits.slice(0, -13)) {
      const next = storage.writes.find((w) => w.savedAt >= at);
      expect(next, `an edit at ${at - edits[0]!} ms`).toBeDefined();
      expect(next!.savedAt - at).toBeLessThanOrEqual(AUTOSAVE_MAX_WAIT_MS);
    }
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    expect(storage.writes.at(-1)!.name).toBe('Edit 50');
  });

  it('flush writes at once (the page is hidden) and the timer then writes nothing more', async () => {
    const { storage, doc, autosaver } = setup();
    doc.edit('Hidden');
    autosaver.changed();
    expect(autosaver.hasPendingChange).toBe(true);
    await autosaver.flush();
    expect(storage.writes.map((w) => w.name)).toEqual(['Hidden']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(storage.writes).toHaveLength(1);
    // A flush with nothing pending writes nothing.
    await autosaver.flush();
    expect(storage.writes).toHaveLength(1);
  });

  it('does not write the document the page opened with, but does write an undo back to it', async () => {
    const { storage, doc, autosaver } = setup();
    const opened = doc.doc;
    autosaver.changed(); // e.g. a selection-only store update
    await autosaver.flush();
    expect(storage.writes).toHaveLength(0);
    doc.edit('Edited');
    autosaver.changed();
    await autosaver.flush();
    doc.doc = opened; // undo
    autosaver.changed();
    await autosaver.flush();
    expect(storage.writes.map((w) => w.name)).toEqual(['Edited', 'Minimal campus']);
    expect(storage.writes[1]!.dirty).toBe(false);
  });

  it('writes again when only the saved state changes (saved to a file)', async () => {
    const { storage, doc, autosaver } = setup();
    doc.edit('X');
    autosaver.changed();
    await autosaver.flush();
    doc.saved = doc.doc;
    autosaver.changed();
    await autosaver.flush();
    expect(storage.writes.map((w) => w.dirty)).toEqual([true, false]);
  });

  it('writes one at a time, in order, each with the document as it is when it runs', async () => {
    const storage = new FakeStorage();
    let running = 0;
    let most = 0;
    const put = storage.put.bind(storage);
    storage.put = async (r) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 100)); // a slow disk
      running--;
      return put(r);
    };
    const { doc, autosaver } = setup('tab-a', storage);
    doc.edit('1');
    autosaver.changed();
    const first = autosaver.flush();
    await vi.advanceTimersByTimeAsync(10); // the first write has read '1' and is waiting
    doc.edit('2');
    autosaver.changed();
    const second = autosaver.flush();
    await vi.advanceTimersByTimeAsync(300);
    await Promise.all([first, second]);
    expect(storage.writes.map((w) => w.name)).toEqual(['1', '2']);
    expect(most).toBe(1);
  });

  it('resetBaseline drops a pending change; dispose stops the timer', async () => {
    const { storage, doc, autosaver } = setup();
    doc.edit('Discarded');
    autosaver.changed();
    autosaver.resetBaseline(doc.snapshot());
    await vi.advanceTimersByTimeAsync(2000);
    expect(storage.writes).toHaveLength(0);
    doc.edit('Later');
    autosaver.changed();
    autosaver.dispose();
    await vi.advanceTimersByTimeAsync(2000);
    expect(storage.writes).toHaveLength(0);
  });
});

/**
 * A requestIdleCallback whose idle periods the test hands out, with a clock of its own. Its
 * timeouts are a browser's: whole milliseconds, and 0 (or none) means no timeout at all.
 */
class FakeIdle {
  clock = 0;
  waiting = new Map<number, { cb: IdleRequestCallback; until: number }>();
  private next = 1;
  readonly impl = {
    request: (cb: IdleRequestCallback, options: IdleRequestOptions) => {
      const id = this.next++;
      const timeout = Math.floor(options.timeout ?? 0);
      this.waiting.set(id, { cb, until: timeout > 0 ? this.clock + timeout : Infinity });
      return id;
    },
    cancel: (id: number) => void this.waiting.delete(id),
    now: () => this.clock,
  };
  /** An idle period of `ms`, or the timeout of whatever waits past it. */
  period(ms: number, advance = 0) {
    this.clock += advance;
    const due = [...this.waiting];
    this.waiting.clear();
    for (const [, w] of due) w.cb({ didTimeout: this.clock >= w.until, timeRemaining: () => ms });
  }
}

describe('autosave: the write waits for an idle period', () => {
  it('writeWhenIdle runs in a long idle period, not between frames, and by its wait anyway', () => {
    const idle = new FakeIdle();
    const write = vi.fn();
    writeWhenIdle(write, 5000, idle.impl);
    // Between the frames of a pan: a few ms of idle each time.
    for (let i = 0; i < 10; i++) idle.period(8, 16);
    expect(write).not.toHaveBeenCalled();
    idle.period(AUTOSAVE_IDLE_MS);
    expect(write).toHaveBeenCalledTimes(1);
    // Frames drawn all the time: written once the wait has passed.
    const later = vi.fn();
    writeWhenIdle(later, 5000, idle.impl);
    idle.period(8, 4999);
    expect(later).not.toHaveBeenCalled();
    idle.period(8, 1);
    expect(later).toHaveBeenCalledTimes(1);
    // Less than a millisecond left when a short idle period comes: written, not asked again with
    // a timeout the browser would round to none.
    const edge = vi.fn();
    writeWhenIdle(edge, 5000, idle.impl);
    idle.period(8, 4999.5);
    expect(edge).toHaveBeenCalledTimes(1);
    // Cancelled: never.
    const never = vi.fn();
    writeWhenIdle(never, 5000, idle.impl)();
    idle.period(50, 5000);
    expect(never).not.toHaveBeenCalled();
    // No requestIdleCallback, or no time to wait: at once.
    const now = vi.fn();
    writeWhenIdle(now, 5000, null);
    writeWhenIdle(now, 0, idle.impl);
    expect(now).toHaveBeenCalledTimes(2);
  });

  it('the Autosaver hands its write to whenIdle, never past the max wait; changes meanwhile join it; flush does not wait', async () => {
    const storage = new FakeStorage();
    const doc = new Doc();
    const idle = new FakeIdle();
    const autosaver = new Autosaver(
      {
        storage,
        tabId: 'tab-a',
        read: doc.snapshot,
        now: () => Date.now(),
        whenIdle: (write, waitMs) => writeWhenIdle(write, waitMs, idle.impl),
      },
      doc.snapshot(),
    );
    const start = Date.now();
    doc.edit('A');
    autosaver.changed();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    expect(storage.writes).toHaveLength(0);
    expect(idle.waiting.size).toBe(1);
    // More edits while the write waits, and never a long idle period (a drag): they join the
    // waiting write, which does not start waiting again, so it is written within
    // AUTOSAVE_MAX_WAIT_MS of the first change. (Both clocks advance together from here.)
    for (let t = 500; Date.now() - start < AUTOSAVE_MAX_WAIT_MS + 1000; t += 500) {
      doc.edit(`Edit ${t}`);
      autosaver.changed();
      await vi.advanceTimersByTimeAsync(500);
      idle.period(5, 500);
      await vi.advanceTimersByTimeAsync(0);
      const since = Date.now() - start;
      expect(storage.writes, `at ${since} ms`).toHaveLength(since < AUTOSAVE_MAX_WAIT_MS ? 0 : 1);
    }
    const before = storage.writes.length;
    // The page is hidden while a write waits: flush writes at once and the wait is dropped.
    doc.edit('Hidden');
    autosaver.changed();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    expect(idle.waiting.size).toBe(1);
    await autosaver.flush();
    expect(storage.writes.map((w) => w.name).slice(before)).toEqual(['Hidden']);
    expect(idle.waiting.size).toBe(0);
  });

  it('a whenIdle that writes at once (no requestIdleCallback) keeps autosaving every change', async () => {
    const storage = new FakeStorage();
    const doc = new Doc();
    const autosaver = new Autosaver(
      {
        storage,
        tabId: 'tab-a',
        read: doc.snapshot,
        whenIdle: (write, waitMs) => writeWhenIdle(write, waitMs, null),
      },
      doc.snapshot(),
    );
    for (const name of ['A', 'B', 'C']) {
      doc.edit(name);
      autosaver.changed();
      await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    }
    expect(storage.writes.map((w) => w.name)).toEqual(['A', 'B', 'C']);
    expect(autosaver.hasPendingChange).toBe(false);
  });
});

describe('autosave: failures are reported, never silent', () => {
  it('a full quota (QuotaExceededError) is reported as such, and the next change retries', async () => {
    const { storage, doc, autosaver, failed, saved } = setup();
    storage.failures.push(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    doc.edit('Big');
    autosaver.changed();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    await autosaver.flush();
    expect(storage.writes).toHaveLength(0);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.quota).toBe(true);
    expect(failed[0]!.message).toMatch(/storage .* is full \(QuotaExceededError\)/);
    expect(failed[0]!.message).toContain('save the layout to a file');
    expect(saved).toHaveLength(0);
    // The same document is written on the next change (it was never stored).
    autosaver.changed();
    await autosaver.flush();
    expect(storage.writes.map((w) => w.name)).toEqual(['Big']);
    expect(saved).toHaveLength(1);
  });

  it('any other write error is reported with its message', async () => {
    const { storage, doc, autosaver, failed } = setup();
    storage.failures.push(new DOMException('The disk is on fire', 'UnknownError'));
    doc.edit('Y');
    autosaver.changed();
    await autosaver.flush();
    expect(failed).toEqual([
      {
        quota: false,
        message:
          'Autosave failed: The disk is on fire. Your latest changes are not stored locally — save the layout to a file (Ctrl+S).',
      },
    ]);
  });

  it('describeFailure reads DOMExceptions, errors, strings and junk', () => {
    expect(describeFailure(new DOMException('x', 'QuotaExceededError')).quota).toBe(true);
    expect(describeFailure({ name: 'Error', message: 'Quota exceeded' }).quota).toBe(true);
    expect(describeFailure(new Error('boom')).message).toContain('Autosave failed: boom.');
    expect(describeFailure('nope').message).toContain('Autosave failed: nope.');
    expect(describeFailure(null).message).toMatch(/^Autosave failed\. /);
    expect(describeFailure({ message: { toString: () => 'x' } }).quota).toBe(false);
  });
});

const record = (over: Partial<AutosaveRecord> = {}): AutosaveRecord => ({
  key: 'tab-a',
  layoutId: 'layout-1',
  name: 'Minimal campus',
  savedAt: 1000,
  dirty: true,
  text: serializeLayout(minimalLayout()),
  ...over,
});

describe('autosave: reading records back', () => {
  it('a good record gives its layout', () => {
    const r = readRecord(record());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.layout).toEqual(minimalLayout());
  });

  it('corrupt records are refused with a reason, never thrown', () => {
    const cases: [unknown, RegExp, string | null][] = [
      [null, /not a record/, null],
      ['text', /not a record/, null],
      [[record()], /not a record/, null],
      [{ ...record(), key: 7 }, /no slot key/, null],
      [{ ...record(), layoutId: undefined }, /no layout id/, 'tab-a'],
      [{ ...record(), savedAt: 'yesterday' }, /no time/, 'tab-a'],
      [{ ...record(), savedAt: Number.NaN }, /no time/, 'tab-a'],
      [{ ...record(), text: 42 }, /holds no layout/, 'tab-a'],
      [{ ...record(), text: record().text.slice(0, 200) }, /not a JSON file/, 'tab-a'],
      [{ ...record(), text: '{"format":"ai-campus-layout","version":1}' }, /is required/, 'tab-a'],
      [{ ...record(), text: '{"__proto__":{"polluted":1}}' }, /not a campus layout/, 'tab-a'],
    ];
    for (const [value, reason, key] of cases) {
      const r = readRecord(value);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.reason).toMatch(reason);
      expect(r.key).toBe(key);
      expect(r.keep).toBe(false);
    }
    expect('polluted' in {}).toBe(false);
    const hostile = {
      get key(): string {
        throw new Error('trap');
      },
    };
    expect(readRecord(hostile)).toEqual({ ok: false, key: null, reason: 'trap', keep: false });
  });

  it('a record written by a newer planner is kept, not deleted', () => {
    const text = record().text.replace('"version": 2', '"version": 3');
    const r = readRecord(record({ text }));
    expect(r.ok === false && r.keep).toBe(true);
  });
});

describe('two tabs: which autosave is restored, and nothing is overwritten', () => {
  const live = (...ids: string[]) => new Set(ids);

  it("a reloaded tab restores its own slot, even when another tab's is newer", () => {
    const records = [record({ key: 'a', savedAt: 1 }), record({ key: 'b', savedAt: 9 })];
    expect(chooseRestore(records, 'a', live('a', 'b'))?.key).toBe('a');
  });

  it('a new tab restores the newest slot of a closed tab, else the newest of an open one', () => {
    const records = [
      record({ key: 'closed-old', savedAt: 1 }),
      record({ key: 'closed-new', savedAt: 5 }),
      record({ key: 'open', savedAt: 9 }),
    ];
    expect(chooseRestore(records, 'new', live('open'))?.key).toBe('closed-new');
    expect(chooseRestore(records.slice(2), 'new', live('open'))?.key).toBe('open');
    expect(chooseRestore([], 'new', live())).toBeNull();
  });

  it('prunes the oldest slots of closed tabs only', () => {
    const records = Array.from({ length: 6 }, (_, i) => record({ key: `t${i}`, savedAt: i }));
    expect(slotsToPrune(records, 't0', live('t1'), 3).sort()).toEqual(['t2']);
    expect(slotsToPrune(records, 'x', live(), 10)).toEqual([]);
  });

  it('two tabs editing the same layout each write their own slot', async () => {
    const storage = new FakeStorage();
    const a = setup('tab-a', storage);
    const b = setup('tab-b', storage);
    a.doc.edit('Edited in A');
    a.autosaver.changed();
    b.doc.edit('Edited in B');
    b.autosaver.changed();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    await Promise.all([a.autosaver.flush(), b.autosaver.flush()]);
    a.doc.edit('A again');
    a.autosaver.changed();
    await a.autosaver.flush();
    const stored = (await storage.readAll()) as AutosaveRecord[];
    expect(stored.map((r) => [r.key, r.name]).sort()).toEqual([
      ['tab-a', 'A again'],
      ['tab-b', 'Edited in B'],
    ]);
    expect(stored.every((r) => r.layoutId === 'layout-1')).toBe(true);
  });
});

/** An in-memory broadcast: every bus but the sender hears each message, like BroadcastChannel. */
function memoryBuses(n: number): MessageBus[] {
  const listeners: ((m: unknown) => void)[][] = Array.from({ length: n }, () => []);
  return listeners.map((mine, i) => ({
    post: (m: TabMessage) =>
      listeners.forEach((ls, j) => {
        if (j !== i) for (const l of ls) l(structuredClone(m));
      }),
    subscribe: (l) => {
      mine.push(l);
      return () => mine.splice(mine.indexOf(l), 1);
    },
    close: () => undefined,
  }));
}

describe('two tabs: the warning over BroadcastChannel', () => {
  function tabs(layoutA: string, layoutB: string) {
    const [busA, busB] = memoryBuses(2);
    const heard = { a: [] as TabMessage[], b: [] as TabMessage[] };
    const a = new TabSync({
      bus: busA!,
      tabId: 'a',
      current: () => ({ layoutId: layoutA, name: 'A' }),
      onConflict: (m) => heard.a.push(m),
    });
    const b = new TabSync({
      bus: busB!,
      tabId: 'b',
      current: () => ({ layoutId: layoutB, name: 'B' }),
      onConflict: (m) => heard.b.push(m),
    });
    return { a, b, heard };
  }

  it('a second tab opening the same layout warns both tabs', () => {
    const { a, heard } = tabs('L', 'L');
    a.announceOpen();
    expect(heard.b.map((m) => m.type)).toEqual(['open']);
    expect(heard.a.map((m) => m.type)).toEqual(['here']);
  });

  it('an autosave in one tab warns the other tab with the same layout', () => {
    const { a, heard } = tabs('L', 'L');
    a.announceEdit();
    expect(heard.b).toEqual([
      { app: 'campus-planner', type: 'edit', tabId: 'a', layoutId: 'L', name: 'A' },
    ]);
    expect(heard.a).toEqual([]);
  });

  it('tabs with different layouts say nothing to each other', () => {
    const { a, b, heard } = tabs('L', 'M');
    a.announceOpen();
    b.announceEdit();
    expect(heard).toEqual({ a: [], b: [] });
  });

  it('messages are checked before use', () => {
    for (const junk of [
      null,
      'open',
      {},
      { app: 'other', type: 'open' },
      { app: 'campus-planner', type: 'nuke', tabId: 'x', layoutId: 'L' },
      { app: 'campus-planner', type: 'edit', tabId: 1, layoutId: 'L' },
    ]) {
      expect(readTabMessage(junk)).toBeNull();
    }
    expect(
      readTabMessage({ app: 'campus-planner', type: 'edit', tabId: 'x', layoutId: 'L', name: 3 }),
    ).toEqual({ app: 'campus-planner', type: 'edit', tabId: 'x', layoutId: 'L', name: '' });
  });
});

describe('autosave: the layout’s scenarios', () => {
  const scenario = (name: string): Scenario => ({ name, savedAt: 5, layout: minimalLayout() });

  it('writes the scenarios beside the layout and reads them back', async () => {
    const doc = new Doc();
    let scenarios: readonly Scenario[] = [];
    const read = () => ({ ...doc.snapshot(), scenarios });
    const storage = new FakeStorage();
    const autosaver = new Autosaver({ storage, tabId: 'tab-a', read }, read());
    // Saving a scenario alone (the document unchanged) is written.
    scenarios = [scenario('Plan A')];
    autosaver.changed();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    expect(storage.writes).toHaveLength(1);
    const written = storage.writes[0]!;
    // The layout's text is the layout file alone: the scenarios are apart.
    expect(written.text).toBe(serializeLayout(minimalLayout()));
    expect(written.scenarios).toBe(serializeScenarios(scenarios));
    const r = readRecord(storage.slots.get('tab-a'));
    expect(r.ok && r.scenarios.map((s) => s.name)).toEqual(['Plan A']);
    expect(r.ok && r.scenariosProblem).toBe(null);
    // Nothing changed: nothing written.
    autosaver.changed();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    expect(storage.writes).toHaveLength(1);
  });

  it('a record without scenarios reads as none', () => {
    const r = readRecord(record());
    expect(r.ok && r.scenarios).toEqual([]);
    expect(r.ok && r.scenariosProblem).toBe(null);
  });

  it('damaged scenarios: the layout still reads, the problem is named, nothing else taken', () => {
    const cases: [unknown, RegExp][] = [
      ['{', /not JSON/],
      [42, /not text/],
      [
        serializeScenarios([scenario('A')]).replace('"savedAt": 5', '"savedAt": -1'),
        /“A”.*savedAt/,
      ],
    ];
    for (const [scenarios, problem] of cases) {
      const r = readRecord({ ...record(), scenarios });
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(r.layout).toEqual(minimalLayout());
      expect(r.scenarios).toEqual([]);
      expect(r.scenariosProblem).toMatch(problem);
    }
  });

  it('writes unread scenarios back unchanged while the layout has none of its own', async () => {
    const doc = new Doc();
    let scenarios: readonly Scenario[] = [];
    const read = () => ({ ...doc.snapshot(), scenarios, unreadScenarios: '{ damaged' });
    const storage = new FakeStorage();
    const autosaver = new Autosaver({ storage, tabId: 'tab-a', read }, read());
    doc.edit('Edited');
    autosaver.changed();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    expect(storage.writes.at(-1)!.scenarios).toBe('{ damaged');
    scenarios = [scenario('New')];
    autosaver.changed();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    expect(storage.writes.at(-1)!.scenarios).toBe(serializeScenarios(scenarios));
  });
});
