import { zoomToElements } from '../editor/cameraActions';
import {
  collectElements,
  deleteElements,
  duplicateElements,
  effectiveIds,
  idSequence,
  insertCopies,
  moveBy,
  reorder,
} from '../editor/editOps';
import { collectionOf, describeElements } from '../editor/elementGeometry';
import { carryGlued } from '../editor/glue';
import type { Editor } from '../editor/editor';
import type { ToolContext } from '../editor/tools/types';
import type { Action } from './actions';
import { letter, mod } from './keys';

/**
 * Editing actions on the selection: keys, the context menu and tests call these. Each edit is one
 * undo step (the document store's `apply`). The select tool sees keys first, so Esc during a drag
 * cancels the drag, and Esc with nothing in progress clears the selection there.
 */
export interface EditAction extends Action {
  /** Whether the action can run now; menus leave out the ones that cannot. */
  readonly enabled: () => boolean;
  /** Listed in the canvas context menu. */
  readonly menu: boolean;
}

const plain = (e: KeyboardEvent) => !mod(e) && !e.altKey;

/** Arrow-key moves, metres: 1, or 10 with Shift. */
export const NUDGE_M = 1;
export const NUDGE_FAR_M = 10;

/** A live selection: ids that are still in the document. */
function selected(ctx: ToolContext): string[] {
  const doc = ctx.doc();
  return ctx.selection().filter((id) => collectionOf(doc, id) !== undefined);
}

function hasTextSelection(): boolean {
  if (typeof window === 'undefined' || typeof window.getSelection !== 'function') return false;
  const s = window.getSelection();
  return !!s && !s.isCollapsed && s.toString().length > 0;
}

/** The edit commands of an editor (its tool context and clipboard). */
export function editCommands(
  editor: Editor,
  zoomTo: (ids: readonly string[]) => boolean = (ids) => zoomToElements(editor, ids),
) {
  const { toolContext: ctx, clipboard } = editor;
  const moveSelection = (dx: number, dy: number) => {
    const ids = selected(ctx);
    if (ids.length === 0) return;
    const doc = ctx.doc();
    const moving = [...effectiveIds(doc, ids)];
    // A moved hall takes its glued zone and trench vertices along, in the same step.
    ctx.apply(
      (d) => {
        moveBy(d, moving, { x: dx, y: dy });
        carryGlued(d, doc, moving);
      },
      `Move ${describeElements(doc, moving)}`,
    );
  };
  const deleteSelection = () => {
    const ids = selected(ctx);
    if (ids.length === 0) return;
    const doc = ctx.doc();
    ctx.apply((d) => deleteElements(d, ids), `Delete ${describeElements(doc, ids)}`);
    ctx.setSelection([]);
  };
  const duplicateSelection = () => {
    const ids = selected(ctx);
    if (ids.length === 0) return;
    const doc = ctx.doc();
    let added: string[] = [];
    const newId = idSequence(ctx.newId);
    ctx.apply(
      (d) => {
        added = duplicateElements(d, doc, ids, newId);
      },
      `Duplicate ${describeElements(doc, ids)}`,
    );
    if (added.length > 0) ctx.setSelection(added);
  };
  const copySelection = () => {
    const ids = selected(ctx);
    if (ids.length === 0) return;
    const doc = ctx.doc();
    clipboard.copy(collectElements(doc, effectiveIds(doc, ids)));
  };
  const paste = () => {
    const content = clipboard.content();
    if (!content) return;
    const offset = clipboard.nextPasteOffset();
    const newId = idSequence(ctx.newId);
    let added: string[] = [];
    ctx.apply((d) => {
      added = insertCopies(d, content, newId, offset);
    }, 'Paste');
    if (added.length > 0) ctx.setSelection(added);
  };
  const selectAll = () => {
    // Every element but rows: a hall brings its rows along in every edit.
    const doc = ctx.doc();
    ctx.setSelection([
      ...doc.halls.map((e) => e.id),
      ...doc.coolingZones.map((e) => e.id),
      ...doc.substations.map((e) => e.id),
      ...doc.fiberTrenches.map((e) => e.id),
    ]);
  };
  const arrange = (to: 'front' | 'back') => {
    const ids = selected(ctx);
    if (ids.length === 0) return;
    const doc = ctx.doc();
    ctx.apply(
      (d) => reorder(d, ids, to),
      `${to === 'front' ? 'Bring' : 'Send'} ${describeElements(doc, ids)} to ${to}`,
    );
  };
  return {
    moveSelection,
    deleteSelection,
    duplicateSelection,
    copySelection,
    paste,
    selectAll,
    clearSelection: () => ctx.setSelection([]),
    bringToFront: () => arrange('front'),
    sendToBack: () => arrange('back'),
    zoomToSelection: () => void zoomTo(selected(ctx)),
    hasSelection: () => selected(ctx).length > 0,
    hasClipboardContent: () => clipboard.hasContent(),
  };
}

export type EditCommands = ReturnType<typeof editCommands>;

const ARROWS = [
  { key: 'ArrowLeft', name: 'left', glyph: '←', dx: -1, dy: 0 },
  { key: 'ArrowRight', name: 'right', glyph: '→', dx: 1, dy: 0 },
  { key: 'ArrowUp', name: 'up', glyph: '↑', dx: 0, dy: -1 },
  { key: 'ArrowDown', name: 'down', glyph: '↓', dx: 0, dy: 1 },
] as const;

/** The edit actions over a set of commands. */
export function editActions(cmd: EditCommands): EditAction[] {
  const some = cmd.hasSelection;
  const always = () => true;
  const nudges: EditAction[] = ARROWS.flatMap(({ key, name, glyph, dx, dy }) =>
    (
      [
        [false, NUDGE_M],
        [true, NUDGE_FAR_M],
      ] as const
    ).map(([shift, m]) => ({
      id: `move.${name}${shift ? '.far' : ''}`,
      label: `Move ${name} ${m} m`,
      shortcut: `${shift ? 'Shift+' : ''}${glyph}`,
      matches: (e: KeyboardEvent) => plain(e) && e.shiftKey === shift && e.key === key && some(),
      perform: () => cmd.moveSelection(dx * m, dy * m),
      enabled: some,
      menu: false,
    })),
  );
  return [
    ...nudges,
    {
      id: 'duplicate',
      label: 'Duplicate',
      shortcut: 'Ctrl+D',
      matches: (e) => mod(e) && !e.shiftKey && !e.altKey && letter(e, 'd') && some(),
      perform: cmd.duplicateSelection,
      enabled: some,
      menu: true,
    },
    {
      id: 'copy',
      label: 'Copy',
      shortcut: 'Ctrl+C',
      // A text selection on the page (a total, a message) is the browser's to copy.
      matches: (e) =>
        mod(e) && !e.shiftKey && !e.altKey && letter(e, 'c') && some() && !hasTextSelection(),
      perform: cmd.copySelection,
      enabled: some,
      menu: true,
    },
    {
      id: 'paste',
      label: 'Paste',
      shortcut: 'Ctrl+V',
      matches: (e) =>
        mod(e) && !e.shiftKey && !e.altKey && letter(e, 'v') && cmd.hasClipboardContent(),
      perform: cmd.paste,
      enabled: cmd.hasClipboardContent,
      menu: true,
    },
    {
      id: 'delete',
      label: 'Delete',
      shortcut: 'Delete',
      matches: (e) => plain(e) && (e.key === 'Delete' || e.key === 'Backspace') && some(),
      perform: cmd.deleteSelection,
      enabled: some,
      menu: true,
    },
    {
      id: 'bringToFront',
      label: 'Bring to front',
      shortcut: 'Ctrl+Shift+]',
      matches: (e) => mod(e) && e.shiftKey && e.code === 'BracketRight' && some(),
      perform: cmd.bringToFront,
      enabled: some,
      menu: true,
    },
    {
      id: 'sendToBack',
      label: 'Send to back',
      shortcut: 'Ctrl+Shift+[',
      matches: (e) => mod(e) && e.shiftKey && e.code === 'BracketLeft' && some(),
      perform: cmd.sendToBack,
      enabled: some,
      menu: true,
    },
    {
      id: 'zoomToSelection',
      label: 'Zoom to selection',
      shortcut: 'Shift+2',
      // `code`, not `key`: Shift+2 types "@" on US keyboards and other characters elsewhere.
      matches: (e) => e.shiftKey && !mod(e) && !e.altKey && e.code === 'Digit2' && some(),
      perform: cmd.zoomToSelection,
      enabled: some,
      menu: true,
    },
    {
      id: 'selectAll',
      label: 'Select all',
      shortcut: 'Ctrl+A',
      matches: (e) => mod(e) && !e.shiftKey && !e.altKey && letter(e, 'a'),
      perform: cmd.selectAll,
      enabled: always,
      menu: true,
    },
    {
      id: 'deselect',
      label: 'Deselect',
      shortcut: 'Esc',
      matches: (e) => plain(e) && e.key === 'Escape' && some(),
      perform: cmd.clearSelection,
      enabled: some,
      menu: false,
    },
  ];
}

/** What the canvas context menu lists, in order. */
export const contextMenuActions = (actions: readonly EditAction[]): readonly EditAction[] =>
  actions.filter((a) => a.menu);
