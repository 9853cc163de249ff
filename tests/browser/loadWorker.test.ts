import { describe, expect, it } from 'vitest';
import { createHall } from '../../src/domain';
import { serializeLayout } from '../../src/domain/format';
import { encodeShareFragment } from '../../src/domain/share';
import { computeReport } from '../../src/domain/report';
import { loadLayout, type LoadStage } from '../../src/app/load/loadLayout';
import { smallLayout } from './fixtures';

describe('opening a layout in a Web Worker', () => {
  it('parses, validates and reports off the main thread, stage by stage', async () => {
    const layout = smallLayout();
    const stages: LoadStage[] = [];
    const outcome = await loadLayout(
      { text: serializeLayout(layout) },
      {
        onStage: (s) => stages.push(s),
      },
    );
    expect(stages).toEqual(['checking', 'report']);
    expect(outcome.kind).toBe('loaded');
    if (outcome.kind !== 'loaded') return;
    expect(outcome.layout).toEqual(layout);
    expect(outcome.reportError).toBeNull();
    expect(outcome.report?.totals).toEqual(computeReport(layout).totals);
  });

  it('opens a share link in the worker too (decoded, inflated, checked)', async () => {
    const layout = smallLayout();
    const fragment = await encodeShareFragment(layout);
    const outcome = await loadLayout({ shareFragment: fragment });
    expect(outcome.kind).toBe('loaded');
    if (outcome.kind === 'loaded') expect(outcome.layout).toEqual(layout);
    const damaged = await loadLayout({ shareFragment: '#layout=v1.@@@' });
    expect(damaged.kind).toBe('invalid');
  });

  it('a bad file is refused with its problems, and nothing is loaded', async () => {
    const layout = smallLayout();
    const text = serializeLayout({ ...layout, halls: [{ ...layout.halls[0]!, width: -1 }] });
    const outcome = await loadLayout({ text });
    expect(outcome.kind).toBe('invalid');
    if (outcome.kind === 'invalid') expect(outcome.error.message).toMatch(/problem|invalid|width/i);
  });

  it('a load can be cancelled while the worker is busy: the main thread never waits for it', async () => {
    const halls = Array.from({ length: 60_000 }, (_, i) =>
      createHall(
        `hall-${i + 1}`,
        { x: (i % 300) * 20, y: Math.floor(i / 300) * 20 },
        { width: 10, depth: 10 },
      ),
    );
    const text = serializeLayout({
      ...smallLayout(),
      halls,
      rackRows: [],
      coolingZones: [],
      fiberTrenches: [],
    });
    const controller = new AbortController();
    const stages: LoadStage[] = [];
    const pending = loadLayout(
      { text },
      {
        signal: controller.signal,
        onStage: (stage) => {
          stages.push(stage);
          controller.abort();
        },
      },
    );
    // The main thread is free while the worker works: a timer fires on time.
    const timer = await new Promise<number>((resolve) => {
      const at = performance.now();
      setTimeout(() => resolve(performance.now() - at), 0);
    });
    expect(timer).toBeLessThan(1000);
    expect((await pending).kind).toBe('cancelled');
    // Cancelled at the first stage: the worker was stopped before it reported.
    expect(stages).toEqual(['checking']);
  });
});
