import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fixture } from '../editor/editFixture';
import { createEditor, type Editor } from '../editor/editor';
import type { DocumentStore } from '../state/documentStore';
import type { SessionStore } from '../state/sessionStore';
import { clipboardText } from '../editor/clipboard';
import { editActions, editCommands, type EditAction } from './editActions';

let editor: Editor;
let docs: DocumentStore;
let session: SessionStore;
let actions: EditAction[];
let zoomed: string[][];

beforeEach(() => {
  editor = createEditor({ layout: fixture() });
  docs = editor.document;
  session = editor.session;
  zoomed = [];
  actions = editActions(
    editCommands(editor, (ids) => {
      zoomed.push([...ids]);
      return true;
    }),
  );
});

/** A key press as the registry sees it (only the fields the actions read). */
const key = (k: string, m: { shift?: boolean; mod?: boolean; code?: string } = {}) =>
  ({
    key: k,
    code: m.code ?? '',
    shiftKey: m.shift ?? false,
    ctrlKey: m.mod ?? false,
    metaKey: false,
    altKey: false,
  }) as KeyboardEvent;

/** Run the first action the key matches, as handleShortcut does; false when none. */
const press = (k: string, m: Parameters<typeof key>[1] = {}) => {
  const a = actions.find((x) => x.matches(key(k, m)));
  a?.perform();
  return a?.id ?? null;
};
const doc = () => docs.getState().doc;
const select = (...ids: string[]) => session.getState().setSelection(ids);

describe('edit actions', () => {
  it('arrow keys move the selection 1 m, Shift 10 m, one undo step each', () => {
    select('hall-1');
    expect(press('ArrowRight')).toBe('move.right');
    expect(press('ArrowDown', { shift: true })).toBe('move.down.far');
    expect(doc().halls[0]).toMatchObject({ x: 101, y: 110 });
    // The zone wrapping only hall-1 comes along, in the same steps.
    expect(doc().coolingZones[0]).toMatchObject({ x: 101, y: 110 });
    expect(docs.getState().past.map((p) => p.label)).toEqual(['Move hall', 'Move hall']);
    docs.getState().undo();
    expect(doc().halls[0]).toMatchObject({ x: 101, y: 100 });
    expect(doc().coolingZones[0]).toMatchObject({ x: 101, y: 100 });
  });

  it('arrow keys are left alone with nothing selected', () => {
    expect(press('ArrowRight')).toBeNull();
  });

  it('Delete and Backspace delete the selection and its rows', () => {
    select('hall-1');
    expect(press('Delete')).toBe('delete');
    expect(doc().halls.map((h) => h.id)).toEqual(['hall-2']);
    expect(doc().rackRows.map((r) => r.id)).toEqual(['row-2']);
    expect(session.getState().selection).toEqual([]);
    select('sub-1');
    expect(press('Backspace')).toBe('delete');
    expect(doc().substations).toEqual([]);
    expect(docs.getState().past).toHaveLength(2);
  });

  it('Ctrl+D duplicates and selects the copies', () => {
    select('hall-2');
    expect(press('d', { mod: true })).toBe('duplicate');
    expect(session.getState().selection).toEqual(['hall-3']);
    expect(doc().halls[2]).toMatchObject({ id: 'hall-3', x: 305, y: 105 });
    expect(doc().rackRows.at(-1)).toMatchObject({ id: 'row-3', hallId: 'hall-3' });
    expect(docs.getState().past.map((p) => p.label)).toEqual(['Duplicate hall']);
  });

  it('Ctrl+C, Ctrl+V: copies in memory, pastes offset further each time', () => {
    expect(press('v', { mod: true })).toBeNull();
    select('sub-1', 'tr-1');
    expect(press('c', { mod: true })).toBe('copy');
    expect(editor.clipboard.content()?.substations.map((s) => s.id)).toEqual(['sub-1']);
    expect(JSON.parse(clipboardText(editor.clipboard.content()!))).toMatchObject({
      format: 'ai-campus-layout-clipboard',
      substations: [{ id: 'sub-1' }],
    });
    expect(press('v', { mod: true })).toBe('paste');
    expect(session.getState().selection).toEqual(['sub-2', 'tr-2']);
    expect(doc().substations[1]).toMatchObject({ x: 205, y: 305 });
    press('v', { mod: true });
    expect(doc().substations[2]).toMatchObject({ id: 'sub-3', x: 210, y: 310 });
    expect(doc().fiberTrenches[2]!.points[0]).toEqual([70, 110]);
    expect(docs.getState().past).toHaveLength(2);
  });

  it('Ctrl+A selects every element but rows (they come with their halls)', () => {
    expect(press('a', { mod: true })).toBe('selectAll');
    expect(session.getState().selection).toEqual(['hall-1', 'hall-2', 'cz-1', 'sub-1', 'tr-1']);
  });

  it('Shift+2 zooms to the selection; arranging reorders in the array', () => {
    select('hall-1');
    expect(press('@', { shift: true, code: 'Digit2' })).toBe('zoomToSelection');
    expect(zoomed).toEqual([['hall-1']]);
    expect(press('}', { mod: true, shift: true, code: 'BracketRight' })).toBe('bringToFront');
    expect(doc().halls.map((h) => h.id)).toEqual(['hall-2', 'hall-1']);
    expect(press('{', { mod: true, shift: true, code: 'BracketLeft' })).toBe('sendToBack');
    expect(doc().halls.map((h) => h.id)).toEqual(['hall-1', 'hall-2']);
  });

  it('the context menu lists what applies now', () => {
    const menu = () => actions.filter((a) => a.menu && a.enabled()).map((a) => a.id);
    expect(menu()).toEqual(['selectAll']);
    select('hall-1');
    expect(menu()).toEqual([
      'duplicate',
      'copy',
      'delete',
      'bringToFront',
      'sendToBack',
      'zoomToSelection',
      'selectAll',
    ]);
    actions.find((a) => a.id === 'copy')!.perform();
    expect(menu()).toContain('paste');
  });

  it('writes the copy to the system clipboard when there is one, and survives a refusal', async () => {
    const writeText = vi.fn(() => Promise.reject(new Error('denied')));
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    try {
      select('hall-1');
      press('c', { mod: true });
      expect(writeText).toHaveBeenCalledTimes(1);
      await Promise.resolve();
      expect(editor.clipboard.content()?.halls).toHaveLength(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
