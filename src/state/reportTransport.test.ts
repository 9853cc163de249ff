import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeReport, createReportMemo } from '../domain/report';
import { benchCampus } from '../domain/report/benchCampus';
import type { Layout } from '../domain';
import {
  applyLayoutPatch,
  applyList,
  createReportServer,
  diffLayout,
  diffList,
} from './reportTransport';
import { applyReportPatch } from './reportTransport';

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

describe('the report server (the worker without the worker)', () => {
  it('gives, edit after edit, exactly the report computed here, as patches', () => {
    let layout = benchCampus({ racks: 3000 });
    const memo = createReportMemo();
    const serve = createReportServer((doc) => computeReport(doc, { memo }));
    let sent: Layout | null = null;
    let report = null as ReturnType<typeof computeReport> | null;
    for (let i = 0; i < 6; i++) {
      const reply = serve({ seq: i, patch: diffLayout(sent, layout) });
      sent = layout;
      if (!reply.ok) throw new Error(reply.error);
      const before = report;
      report = applyReportPatch(report, reply.patch);
      expect(report).toEqual(computeReport(layout));
      if (before && i > 0) {
        // A moved hall: most row records come back as the ones already here.
        const kept = report.rows.filter((r, k) => r === before.rows[k]).length;
        expect(kept).toBeGreaterThan(report.rows.length / 2);
        expect('all' in reply.patch.rows).toBe(false);
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
});
