import { describe, expect, it } from 'vitest';
import { createDocumentStore } from '../../state/documentStore';
import { createSessionStore } from '../../state/sessionStore';
import { fixture } from '../editFixture';
import { createToolContext } from './context';
import { createNotificationsStore } from '../../state/notifications';
import { SelectTool } from './selectTool';
import type { ToolContext, ToolPointerEvent } from './types';

const SCALE = 10;
const ev = (x: number, y: number, shift = false): ToolPointerEvent => ({
  world: { x, y },
  screen: { x: x * SCALE, y: y * SCALE },
  button: 0,
  shift,
  alt: false,
  mod: false,
});

function setup() {
  const docs = createDocumentStore(fixture());
  const session = createSessionStore();
  session.getState().setCamera({ x: 0, y: 0, scale: SCALE });
  const base = createToolContext({
    document: docs,
    session,
    notifications: createNotificationsStore(),
  });
  const writes: (readonly string[])[] = [];
  const ctx: ToolContext = {
    ...base,
    setSelection: (ids) => {
      writes.push(ids);
      base.setSelection(ids);
    },
  };
  let notified = 0;
  session.subscribe((s, prev) => {
    if (s.selection !== prev.selection) notified++;
  });
  const frames: (() => void)[] = [];
  const tool = new SelectTool((cb) => frames.push(cb));
  /** One pointer move, then its frame. */
  const move = (x: number, y: number, shift = false) => {
    tool.onPointerMove(ev(x, y, shift), ctx);
    while (frames.length > 0) frames.shift()!();
  };
  return { session, ctx, tool, writes, notifications: () => notified, move };
}

describe('select tool: the marquee writes the selection only when its set of ids changes', () => {
  it('a slow 60-frame drag over a hall writes only as the hall comes and goes', () => {
    const { session, ctx, tool, writes, notifications, move } = setup();
    tool.onPointerDown(ev(290, 60), ctx);
    // 40 frames growing the box to wholly hold hall-2 (turned 90°: 20 × 40 at 300, 100)...
    for (let i = 1; i <= 40; i++) move(290 + i, 60 + 2 * i);
    expect(session.getState().selection).toEqual(['hall-2']);
    // ...20 more frames that change nothing...
    for (let i = 1; i <= 20; i++) move(330 + i / 10, 140 + i / 10);
    // (Its row is wholly inside before the hall is, but rows are not picked at the top level.)
    expect(writes).toEqual([['hall-2']]);
    // ...and shrinking it lets the hall go.
    move(300, 100);
    expect(session.getState().selection).toEqual([]);
    tool.onPointerUp(ev(300, 100), ctx);
    expect(writes).toEqual([['hall-2'], []]);
    expect(notifications()).toBe(2);
    expect(session.getState().overlay.marquee).toBeNull();
  });

  it('with Shift, the base selection stays first and an unchanged set is not written again', () => {
    const { session, ctx, tool, writes, move } = setup();
    session.getState().setSelection(['tr-1']);
    tool.onPointerDown(ev(150, 250, true), ctx);
    for (let i = 1; i <= 10; i++) move(150 + i, 250 + i, true);
    // The set is still {tr-1}: nothing written.
    expect(writes).toEqual([]);
    move(260, 340, true);
    move(261, 341, true);
    tool.onPointerUp(ev(261, 341, true), ctx);
    expect(writes).toEqual([['tr-1', 'sub-1']]);
    expect(session.getState().selection).toEqual(['tr-1', 'sub-1']);
  });
});
