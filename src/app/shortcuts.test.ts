import { beforeEach, describe, expect, it } from 'vitest';
import { produce } from 'immer';
import { createHall, type Layout } from '../domain';
import { createEditor, type Editor } from '../editor/editor';
import { ALL_TOOLS } from '../editor/tools';
import { PARCEL_NO_VERTEX_MESSAGE } from '../editor/tools/parcelTool';
import type { ToolPointerEvent } from '../editor/tools/types';
import { emptyLayout } from '../state/documentStore';
import { noticeOf, TOAST_KEY } from '../state/notifications';
import type { ToolId } from '../state/sessionStore';
import { createActions, handleShortcut, isTextEntry, letter, type Action } from './actions';

/**
 * The keyboard over an editor with the app's tools, as the window listener drives it: the event is
 * a plain object with the fields the handlers read (node has no DOM).
 */

const SCALE = 10;

let editor: Editor;
let ACTIONS: readonly Action[];

interface KeyInit {
  code?: string;
  ctrl?: boolean;
  shift?: boolean;
  target?: unknown;
}

function press(key: string, init: KeyInit = {}) {
  let prevented = false;
  const e = {
    key,
    code: init.code ?? '',
    ctrlKey: init.ctrl ?? false,
    metaKey: false,
    altKey: false,
    shiftKey: init.shift ?? false,
    repeat: false,
    target: init.target ?? null,
    get defaultPrevented() {
      return prevented;
    },
    preventDefault() {
      prevented = true;
    },
  } as unknown as KeyboardEvent;
  const handled = handleShortcut(editor, ACTIONS, e);
  return { handled, prevented };
}

const ev = (x: number, y: number): ToolPointerEvent => ({
  world: { x, y },
  screen: { x: x * SCALE, y: y * SCALE },
  button: 0,
  shift: false,
  alt: false,
  mod: false,
});

/** Pointer events to the editor's tool of that id, through its tool context. */
function pointer(id: ToolId) {
  const tool = editor.tool(id)!;
  const appToolContext = editor.toolContext;
  return {
    down: (x: number, y: number) => tool.onPointerDown(ev(x, y), appToolContext),
    move: (x: number, y: number) => tool.onPointerMove(ev(x, y), appToolContext),
    up: (x: number, y: number) => tool.onPointerUp(ev(x, y), appToolContext),
  };
}

function layoutWithHall(): Layout {
  return produce(emptyLayout(), (d) => {
    d.halls.push(createHall('hall-1', { x: 100, y: 100 }, { width: 40, depth: 20 }));
  });
}

const docs = () => editor.document.getState();
const session = () => editor.session.getState();
const toast = () => noticeOf(editor.notifications.getState(), TOAST_KEY);

beforeEach(() => {
  editor = createEditor({ tools: ALL_TOOLS });
  ACTIONS = createActions(editor).all;
  editor.load(layoutWithHall());
  session().setCamera({ x: 0, y: 0, scale: SCALE });
  session().setSelection([]);
  session().setTool('select');
});

describe('Ctrl+Z during a gesture', () => {
  it('parcel: an inserted vertex being dragged is abandoned, and the rest of the drag moves nothing', () => {
    docs().apply((d) => {
      d.name = 'Renamed';
    }, 'Rename layout');
    const before = docs().doc;
    session().setTool('parcel');
    const p = pointer('parcel');
    // The empty layout's parcel is (0,0) (1000,0) (1000,800) (0,800): press on its top edge.
    p.down(500, 0.3);
    p.move(500, -100);
    expect(docs().doc.parcel.points).toHaveLength(5);
    expect(press('z', { ctrl: true }).handled).toBe(true);
    expect(docs().doc).toBe(before);
    expect(docs().mark).toBeNull();
    p.move(600, -200);
    p.up(600, -200);
    expect(docs().doc).toBe(before);
    expect(docs().doc.parcel.points).toEqual(emptyLayout().parcel.points);
    // The earlier step is still there: the undo cancelled the drag, it did not step back too.
    expect(docs().past.map((e) => e.label)).toEqual(['Rename layout']);
    // The tool is idle: a new press on a vertex starts a new drag as usual.
    p.down(1000, 800);
    p.move(1010, 810);
    p.up(1010, 810);
    expect(docs().doc.parcel.points[2]).toEqual([1010, 810]);
    expect(docs().past).toHaveLength(2);
  });

  it('redo during a gesture cancels it too, and keeps the redo stack', () => {
    docs().apply((d) => {
      d.name = 'Renamed';
    }, 'Rename layout');
    docs().undo();
    const before = docs().doc;
    session().setTool('parcel');
    const p = pointer('parcel');
    p.down(1000, 800);
    p.move(1100, 900);
    expect(press('z', { ctrl: true, shift: true }).handled).toBe(true);
    p.move(1200, 900);
    p.up(1200, 900);
    expect(docs().doc).toBe(before);
    expect(docs().future.map((e) => e.label)).toEqual(['Rename layout']);
    press('y', { ctrl: true });
    expect(docs().doc.name).toBe('Renamed');
  });
});

describe('the parcel tool and Delete', () => {
  it('Delete with no vertex hovered or picked deletes no halls', () => {
    session().setSelection(['hall-1']);
    session().setTool('parcel');
    const before = docs().doc;
    for (const key of ['Delete', 'Backspace']) {
      expect(press(key)).toEqual({ handled: true, prevented: true });
      expect(docs().doc).toBe(before);
      expect(session().selection).toEqual(['hall-1']);
    }
    expect(toast()?.text).toBe(PARCEL_NO_VERTEX_MESSAGE);
  });

  it('Delete with the select tool still deletes the selection', () => {
    session().setSelection(['hall-1']);
    expect(press('Delete').handled).toBe(true);
    expect(docs().doc.halls).toEqual([]);
  });
});

describe('shortcuts on non-Latin layouts', () => {
  const matching = (init: Parameters<typeof press>[1] & { key: string }) =>
    ACTIONS.find((a) =>
      a.matches({
        key: init.key,
        code: init.code ?? '',
        ctrlKey: init.ctrl ?? false,
        metaKey: false,
        altKey: false,
        shiftKey: init.shift ?? false,
      } as KeyboardEvent),
    )?.id;

  it('letter() takes the key, or the physical key when the layout types no Latin letter', () => {
    const e = (key: string, code: string) => ({ key, code }) as KeyboardEvent;
    expect(letter(e('z', 'KeyZ'), 'z')).toBe(true);
    expect(letter(e('Z', 'KeyZ'), 'z')).toBe(true);
    expect(letter(e('я', 'KeyZ'), 'z')).toBe(true);
    expect(letter(e('Я', 'KeyZ'), 'z')).toBe(true);
    // AZERTY types "w" at KeyZ, Dvorak ";": the key decides, not the position.
    expect(letter(e('w', 'KeyZ'), 'z')).toBe(false);
    expect(letter(e('z', 'KeyW'), 'z')).toBe(true);
    expect(letter(e(';', 'KeyZ'), 'z')).toBe(false);
  });

  it('Ctrl+Я (KeyZ) undoes', () => {
    docs().apply((d) => {
      d.name = 'Renamed';
    }, 'Rename layout');
    expect(matching({ key: 'я', code: 'KeyZ', ctrl: true })).toBe('undo');
    expect(press('я', { code: 'KeyZ', ctrl: true }).handled).toBe(true);
    expect(docs().doc.name).toBe(emptyLayout().name);
    expect(press('н', { code: 'KeyY', ctrl: true }).handled).toBe(true);
    expect(docs().doc.name).toBe('Renamed');
  });

  it('the other letter shortcuts and the tool keys by physical key', () => {
    session().setSelection(['hall-1']);
    expect(matching({ key: 'Я', code: 'KeyZ', ctrl: true, shift: true })).toBe('redo');
    expect(matching({ key: 'в', code: 'KeyD', ctrl: true })).toBe('duplicate');
    expect(matching({ key: 'с', code: 'KeyC', ctrl: true })).toBe('copy');
    expect(matching({ key: 'ф', code: 'KeyA', ctrl: true })).toBe('selectAll');
    expect(matching({ key: 'щ', code: 'KeyO', ctrl: true })).toBe('file.open');
    expect(matching({ key: 'ы', code: 'KeyS', ctrl: true })).toBe('file.save');
    const tools: [string, string, string][] = [
      ['м', 'KeyV', 'tool.select'],
      ['р', 'KeyH', 'tool.hall'],
      ['к', 'KeyR', 'tool.rackRow'],
      ['с', 'KeyC', 'tool.coolingZone'],
      ['ы', 'KeyS', 'tool.substation'],
      ['а', 'KeyF', 'tool.fiberTrench'],
      ['з', 'KeyP', 'tool.parcel'],
    ];
    for (const [key, code, id] of tools) expect(matching({ key, code })).toBe(id);
    // Dvorak's "p" sits at KeyR: it is the parcel tool, not the rack row tool.
    expect(matching({ key: 'p', code: 'KeyR' })).toBe('tool.parcel');
  });
});

describe('which focused elements take the keys', () => {
  const el = (tagName: string, type?: string, isContentEditable = false) => ({
    tagName,
    type,
    isContentEditable,
  });

  it('text entry: text-like inputs, textareas and editable content only', () => {
    for (const type of ['text', 'number', 'search', 'email', 'url', 'tel', 'password']) {
      expect(isTextEntry(el('INPUT', type))).toBe(true);
    }
    expect(isTextEntry(el('TEXTAREA'))).toBe(true);
    expect(isTextEntry(el('DIV', undefined, true))).toBe(true);
    for (const type of ['checkbox', 'radio', 'range', 'button', 'color']) {
      expect(isTextEntry(el('INPUT', type))).toBe(false);
    }
    expect(isTextEntry(el('SELECT'))).toBe(false);
    expect(isTextEntry(el('BUTTON'))).toBe(false);
    expect(isTextEntry(null)).toBe(false);
  });

  it('a focused select: Ctrl+Z undoes, R picks the tool (no type-ahead), arrows stay with it', () => {
    const select = el('SELECT');
    docs().apply((d) => {
      d.name = 'Renamed';
    }, 'Rename layout');
    expect(press('z', { ctrl: true, target: select }).handled).toBe(true);
    expect(docs().doc.name).toBe(emptyLayout().name);
    expect(press('r', { target: select })).toEqual({ handled: true, prevented: true });
    expect(session().tool).toBe('rackRow');
    session().setTool('select');
    session().setSelection(['hall-1']);
    expect(press('ArrowDown', { target: select })).toEqual({ handled: false, prevented: false });
    expect(docs().doc.halls[0]!.y).toBe(100);
  });

  it('a focused text field keeps every key', () => {
    const input = el('INPUT', 'text');
    docs().apply((d) => {
      d.name = 'Renamed';
    }, 'Rename layout');
    expect(press('z', { ctrl: true, target: input }).handled).toBe(false);
    expect(press('r', { target: input }).handled).toBe(false);
    expect(docs().doc.name).toBe('Renamed');
    expect(session().tool).toBe('select');
  });
});
