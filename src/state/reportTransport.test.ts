import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { computeReport, createReportMemo } from '../domain/report';
import { benchCampus } from '../domain/report/benchCampus';
import type { Layout } from '../domain';
import {
  applyLayoutPatch,
  applyList,
  applyReportPatch,
  applyTree,
  createReportServer,
  diffLayout,
  diffList,
  diffTree,
  settleReceived,
  PRACTICE_MOVES_M,
  PRACTICE_STEPS,
  practiceEdit,
  serveReports,
  type DocumentRequest,
  type ReportReply,
  type ReportRequest,
  type ReportScope,
} from './reportTransport';

/** Every part of `after` deep-equal to the same part of `before` is that very object. */
function expectSharedWhereEqual(before: unknown, after: unknown, path = '$'): void {
  if (typeof after !== 'object' || after === null) return;
  if (typeof before !== 'object' || before === null) return;
  if (isDeepStrictEqual(before, after)) {
    expect(after, path).toBe(before);
    return;
  }
  for (const key of Object.keys(after))
    expectSharedWhereEqual(
      (before as Record<string, unknown>)[key],
      (after as Record<string, unknown>)[key],
      `${path}.${key}`,
    );
}

describe('list patches', () => {
  it('send what changed, keep the identity of the rest, and round-trip any list', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 5 }))),
        fc.boolean(),
        (values, changes, grow) => {
          const prev = values.map((v) => ({ v }));
          const next = prev.slice();
          for (const [i, v] of changes) if (next.length > 0) next[i % next.length] = { v };
          if (grow) next.push({ v: 9 });
          const patch = diffList(prev, next);
          const back = applyList(prev, patch);
          expect(back).toEqual(next);
          back.forEach((e, i) => expect(e).toBe(next[i]));
          if (!('all' in patch))
            expect(patch.set.length).toBe(next.filter((e, i) => e !== prev[i]).length);
        },
      ),
    );
  });

  it('a document patch of a moved hall holds that hall only', () => {
    const a = benchCampus({ racks: 2000 });
    const halls = a.halls.slice();
    halls[3] = { ...halls[3]!, x: halls[3]!.x + 5 };
    const b: Layout = { ...a, halls };
    const patch = diffLayout(a, b);
    expect(Object.keys(patch.fields)).toEqual([]);
    expect(patch.lists).toEqual({ halls: { length: halls.length, set: [[3, halls[3]]] } });
    const back = applyLayoutPatch(a, patch);
    expect(back).toEqual(b);
    expect(back.rackRows).toBe(a.rackRows);
    // The first patch is the whole document.
    expect(applyLayoutPatch(null, diffLayout(null, a))).toEqual(a);
  });
});

describe('tree patches', () => {
  /** A value and an edit of it that keeps most of it (shared, as an immutable update would). */
  const edited = fc
    .tuple(fc.jsonValue({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 3 }), fc.array(fc.nat()))
    .map(([prev, insert, path]) => {
      const edit = (v: unknown, depth: number): unknown => {
        if (depth >= path.length || typeof v !== 'object' || v === null) return insert;
        const keys = Object.keys(v);
        if (keys.length === 0) return insert;
        const key = keys[path[depth]! % keys.length]!;
        const copy: Record<string, unknown> = Array.isArray(v)
          ? (v.slice() as unknown as Record<string, unknown>)
          : { ...(v as Record<string, unknown>) };
        copy[key] = edit((v as Record<string, unknown>)[key], depth + 1);
        return copy;
      };
      return { prev, next: edit(prev, 0) };
    });

  it('round-trip any value through a copy (as postMessage makes) and keep what did not change', () => {
    fc.assert(
      fc.property(edited, fc.jsonValue({ maxDepth: 3 }), ({ prev, next }, other) => {
        for (const [a, b] of [
          [prev, next],
          [prev, other],
          [other, next],
        ] as const) {
          const patch = diffTree(a, b);
          const back = applyTree(a, structuredClone(patch));
          expect(back).toEqual(b);
          // Keys in the same order too (the ⓘ lists a record's entries in its order).
          expect(JSON.stringify(back)).toBe(JSON.stringify(b));
          expect(patch === null).toBe(isDeepStrictEqual(a, b));
          expectSharedWhereEqual(a, back);
        }
      }),
    );
  });

  it('an own "__proto__" key (JSON may hold one) is patched as a key, never as the prototype', () => {
    const prev = JSON.parse('{"__proto__": null, "a": 1}') as unknown;
    const next = JSON.parse('{"__proto__": "", "a": 1}') as unknown;
    const moved = JSON.parse('{"a": 1, "__proto__": {"x": 2}}') as unknown;
    for (const [a, b] of [
      [prev, next],
      [next, moved],
    ]) {
      const back = applyTree(a, structuredClone(diffTree(a, b)));
      expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
      expect(JSON.stringify(back)).toBe(JSON.stringify(b));
    }
  });

  it('say what changed only', () => {
    const prev = { a: [1, 2, { x: 1 }], b: { c: 'same' }, gone: true };
    const next = { a: [1, 5, { x: 1 }, 4], b: { c: 'same' }, added: null };
    expect(diffTree(prev, next)).toEqual({
      o: {
        a: {
          a: [
            [1, { v: 5 }],
            [3, { v: 4 }],
          ],
          n: 4,
        },
        added: { v: null },
      },
      d: ['gone'],
      k: ['a', 'b', 'added'],
    });
    // Same keys in another order: nothing changed but the order, which is sent.
    const moved = applyTree({ x: 1, y: 2 }, diffTree({ x: 1, y: 2 }, { y: 2, x: 1 }));
    expect(Object.keys(moved as object)).toEqual(['y', 'x']);
    expect(diffTree([1, 2, 3], [1, 2])).toEqual({ a: [], n: 2 });
    expect(diffTree({ n: NaN }, { n: NaN })).toBeNull();
    expect(() => applyTree(3, { a: [], n: 0 })).toThrow(/array patch/);
    expect(() => applyTree([], { o: {} })).toThrow(/object patch/);
  });
});

describe('the report server (the worker without the worker)', () => {
  it('gives, edit after edit, exactly the report computed here, as patches', () => {
    let layout = benchCampus({ racks: 3000 });
    const memo = createReportMemo();
    const serve = createReportServer((doc) => computeReport(doc, { memo }));
    let sent: Layout | null = null;
    let report = null as ReturnType<typeof computeReport> | null;
    for (let i = 0; i < 6; i++) {
      // Both ways through a copy, as postMessage makes.
      const reply = structuredClone(
        serve(structuredClone({ seq: i, patch: diffLayout(sent, layout) })),
      );
      sent = layout;
      if (!reply.ok) throw new Error(reply.error);
      const before = report;
      report = applyReportPatch(report, reply.patch);
      expect(report).toEqual(computeReport(layout));
      if (before && i > 0) {
        // A moved hall: a small patch, and every record it left as it was is the one already here.
        expect(JSON.stringify(reply.patch).length).toBeLessThan(JSON.stringify(report).length / 50);
        expectSharedWhereEqual(before, report);
        const kept = report.rows.filter((r, k) => r === before.rows[k]).length;
        expect(kept).toBeGreaterThan(report.rows.length / 2);
      }
      const halls = layout.halls.slice();
      const h = (i * 7) % halls.length;
      halls[h] = { ...halls[h]!, x: halls[h]!.x + 3 };
      layout = { ...layout, halls };
    }
  });

  it('says why when the report cannot be computed, and goes on after', () => {
    const serve = createReportServer((doc) => {
      if (doc.name === 'Broken') throw new Error('no rows');
      return computeReport(doc);
    });
    const a = benchCampus({ racks: 200 });
    const b = { ...a, name: 'Broken' };
    expect(serve({ seq: 1, patch: diffLayout(null, a) }).ok).toBe(true);
    expect(serve({ seq: 2, patch: diffLayout(a, b) })).toEqual({
      seq: 2,
      ok: false,
      error: 'no rows',
    });
    const r = serve({ seq: 3, patch: diffLayout(b, a) });
    expect(r.ok).toBe(true);
  });

  it('practises after a document is opened, and replies exactly as without practice', () => {
    let layout = benchCampus({ racks: 3000 });
    const practisedMemo = createReportMemo();
    const practised = createReportServer((doc) => computeReport(doc, { memo: practisedMemo }));
    const plainMemo = createReportMemo();
    const plain = createReportServer((doc) => computeReport(doc, { memo: plainMemo }));
    expect(practised.practise()).toBe(false); // nothing to practise on yet
    let sent: Layout | null = null;
    for (let i = 0; i < 4; i++) {
      const request = { seq: i, patch: diffLayout(sent, layout), opened: i === 0 };
      sent = layout;
      expect(practised(structuredClone(request))).toEqual(plain(structuredClone(request)));
      // A few steps between requests: the memo now holds practice documents.
      for (let k = 0; k < 5; k++) practised.practise();
      const halls = layout.halls.slice();
      const h = (i * 5) % halls.length;
      halls[h] = { ...halls[h]!, x: halls[h]!.x - 2 };
      layout = { ...layout, halls };
    }
    // The steps run out (counted from the opened document, the first request).
    let steps = 0;
    while (practised.practise()) steps++;
    expect(steps).toBe(PRACTICE_STEPS - 4 * 5 - 1);
    // An edit opens nothing: nothing more to practise.
    practised({ seq: 9, patch: diffLayout(sent, layout) });
    expect(practised.practise()).toBe(false);
    practised({ seq: 10, patch: diffLayout(layout, layout), opened: true });
    expect(practised.practise()).toBe(true);
  });

  it('practice edits move one hall or one row, alternately, by each practice move in turn', () => {
    const doc = benchCampus({ racks: 600 });
    const moved = <T extends { readonly x: number }>(after: readonly T[], before: readonly T[]) =>
      after.flatMap((e, i) => (e === before[i] ? [] : [{ after: e, before: before[i]! }]));
    for (let k = 0; k < 2 * PRACTICE_MOVES_M.length; k++) {
      const edited = practiceEdit(doc, k);
      const dx = PRACTICE_MOVES_M[k >> 1]!;
      const [changed, same] =
        k % 2 === 0
          ? [moved(edited.halls, doc.halls), edited.rackRows === doc.rackRows]
          : [moved(edited.rackRows, doc.rackRows), edited.halls === doc.halls];
      expect(same).toBe(true);
      expect(changed).toHaveLength(1);
      expect(changed[0]!.after).toEqual({ ...changed[0]!.before, x: changed[0]!.before.x + dx });
    }
    expect(doc.halls[0]!.x).toBe(benchCampus({ racks: 600 }).halls[0]!.x);
  });

  it('practice reaches what a drag runs into: halls that overlap, a row out of its hall', () => {
    const doc = benchCampus({ racks: 600 });
    const failing = (layout: Layout) =>
      computeReport(layout)
        .checks.filter((c) => c.status === 'fail')
        .map((c) => c.id);
    expect(failing(doc)).toEqual([]);
    const reached = new Set<string>();
    for (let k = 0; k < 2 * PRACTICE_MOVES_M.length; k++)
      for (const id of failing(practiceEdit(doc, k))) reached.add(id);
    expect(reached).toContain('overlap');
    expect(reached).toContain('geometry');
  });
});

describe('serveReports', () => {
  /** A server on a fake scope: replies and queued steps kept for the test. */
  function served() {
    const memo = createReportMemo();
    const server = createReportServer((doc) => computeReport(doc, { memo }));
    let practised = 0;
    const counted = Object.assign((r: DocumentRequest) => server(r), {
      practise: () => {
        practised++;
        return server.practise();
      },
    });
    const replies: ReportReply[] = [];
    const steps: (() => void)[] = [];
    const scope: ReportScope = { postMessage: (r) => void replies.push(r), onmessage: null };
    serveReports(scope, counted, (step) => steps.push(step));
    const send = (data: ReportRequest) => scope.onmessage?.({ data });
    return { replies, steps, send, practised: () => practised };
  }

  it('answers each request at once, and practises one step per task only with leave', () => {
    const { replies, steps, send, practised } = served();
    const doc = benchCampus({ racks: 600 });
    send({ practise: true }); // nothing opened yet: no step, "over" said
    expect(steps).toHaveLength(1);
    steps.shift()!();
    expect(replies).toEqual([{ practised: true, seq: -1 }]);
    replies.length = 0;
    send({ seq: 0, patch: diffLayout(null, doc), opened: true });
    expect(replies).toMatchObject([{ seq: 0, ok: true }]);
    expect(steps).toHaveLength(0); // no leave yet
    send({ practise: true });
    send({ practise: true }); // given twice: still one step at a time
    expect(steps).toHaveLength(1);
    steps.shift()!();
    expect(practised()).toBe(2);
    expect(steps).toHaveLength(1);
    // Leave taken back: the step already queued does nothing.
    send({ practise: false });
    steps.shift()!();
    expect(practised()).toBe(2);
    expect(steps).toHaveLength(0);
    // A request takes the leave back too.
    send({ practise: true });
    const edited = practiceEdit(doc, 1);
    send({ seq: 1, patch: diffLayout(doc, edited) });
    steps.shift()!();
    expect(practised()).toBe(2);
    // With leave, to the end: "over" is said once, for the document of the last request.
    send({ practise: true });
    while (steps.length > 0) steps.shift()!();
    expect(practised()).toBe(PRACTICE_STEPS + 1);
    expect(replies.slice(1)).toMatchObject([
      { seq: 1, ok: true },
      { practised: true, seq: 1 },
    ]);
    expect(replies).toHaveLength(3);
  });
});

describe('settleReceived', () => {
  it('keeps every value as it was (through a copy, as a message brings it)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = structuredClone(value);
        expect(settleReceived(copy)).toEqual(value);
      }),
    );
  });

  it('keeps an own "__proto__" key a key', () => {
    const value = JSON.parse('{"__proto__": {"x": 1}, "y": "z"}') as Record<string, unknown>;
    const settled = settleReceived(structuredClone(value));
    expect(Object.getPrototypeOf(settled)).toBe(Object.prototype);
    expect(Object.keys(settled)).toEqual(['__proto__', 'y']);
    expect(settled).toEqual(value);
  });

  it('keeps objects that are not plain as they are', () => {
    const numbers = new Float64Array([1, 2]);
    const when = new Date(0);
    const settled = settleReceived({ numbers, when, list: [numbers] });
    expect(settled.numbers).toBe(numbers);
    expect(settled.when).toBe(when);
    expect(settled.list[0]).toBe(numbers);
  });

  it('leaves frozen objects alone (a document of this thread, never a message)', () => {
    const frozen = Object.freeze({ type: 'rdhx', list: Object.freeze(['a']) });
    expect(() => settleReceived({ inner: frozen })).not.toThrow();
    expect(settleReceived({ inner: frozen }).inner).toBe(frozen);
  });
});
