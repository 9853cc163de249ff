import { zoomAboutCentre, zoomToFit } from '../editor/cameraActions';
import { historyTarget, stepHistory, toolKeyDown } from '../editor/tools/active';
import type { Editor } from '../editor/editor';
import { toolActions } from './toolActions';
import { editActions, editCommands, type EditAction } from './editActions';
import { fileActions } from './files/fileActions';
import { isRedoKey, isUndoKey, mod } from './keys';
import type { Action } from '../editor/action';

export type { Action } from '../editor/action';

export { letter, mod } from './keys';

const viewActions = (editor: Editor): readonly Action[] => [
  {
    id: 'zoomToFit',
    label: 'Zoom to fit',
    shortcut: 'Shift+1',
    // `code`, not `key`: Shift+1 types "!" on US keyboards and other characters elsewhere.
    matches: (e) => e.shiftKey && !mod(e) && !e.altKey && e.code === 'Digit1',
    perform: () => void zoomToFit(editor),
  },
  {
    id: 'zoomIn',
    label: 'Zoom in',
    shortcut: '+',
    matches: (e) => !mod(e) && !e.altKey && (e.key === '+' || e.key === '='),
    perform: () => zoomAboutCentre(editor, 1.25),
  },
  {
    id: 'zoomOut',
    label: 'Zoom out',
    shortcut: '−',
    matches: (e) => !mod(e) && !e.altKey && (e.key === '-' || e.key === '_'),
    perform: () => zoomAboutCentre(editor, 1 / 1.25),
  },
  {
    id: 'undo',
    label: 'Undo',
    shortcut: 'Ctrl+Z',
    matches: isUndoKey,
    // During a drag, undo (and redo) abandon the drag: the tool cancels it and goes idle.
    perform: () => stepHistory('undo', historyTarget(editor)),
  },
  {
    id: 'redo',
    label: 'Redo',
    shortcut: 'Ctrl+Shift+Z',
    matches: isRedoKey,
    perform: () => stepHistory('redo', historyTarget(editor)),
  },
];

/** An editor's actions: all of them (in match order), and each area's for its buttons and menus. */
export interface AppActions {
  /** First match wins. */
  readonly all: readonly Action[];
  readonly tools: readonly Action[];
  readonly edit: readonly EditAction[];
  readonly files: readonly Action[];
}

/**
 * Every action of an editor. Each area keeps its actions in its own module (view and history
 * here; tools, editing, files and panels in theirs) and adds one spread line here.
 */
export function createActions(editor: Editor): AppActions {
  const tools = toolActions(editor);
  const edit = editActions(editCommands(editor));
  const files = fileActions(editor);
  return { all: [...viewActions(editor), ...tools, ...edit, ...files], tools, edit, files };
}

/** Input types that take typed text: keys typed there belong to the field. */
const TEXT_INPUT_TYPES = new Set([
  'text',
  'number',
  'search',
  'email',
  'url',
  'tel',
  'password',
  // Typed as digits, segment by segment.
  'date',
  'datetime-local',
  'month',
  'time',
  'week',
]);

/** Enough of an element to tell what it does with keys (duck-typed: tests run without a DOM). */
interface KeyTarget {
  readonly tagName?: string;
  readonly type?: string;
  readonly isContentEditable?: boolean;
}

const asKeyTarget = (target: unknown): KeyTarget | null =>
  typeof target === 'object' && target !== null ? target : null;

/**
 * Whether the element takes typed text (a text-like input, a textarea, editable content): every
 * key typed there is the field's. A select, a checkbox or a button is not: shortcuts still work
 * while one of them has the focus (it keeps the focus after a mouse click).
 */
export function isTextEntry(target: unknown): boolean {
  const el = asKeyTarget(target);
  if (!el) return false;
  if (el.isContentEditable) return true;
  if (el.tagName === 'TEXTAREA') return true;
  if (el.tagName !== 'INPUT') return false;
  return TEXT_INPUT_TYPES.has((el.type || 'text').toLowerCase());
}

const SELECT_KEYS = new Set([
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  ' ',
  'Enter',
]);
const RANGE_KEYS = new Set([
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);
const RADIO_KEYS = new Set([' ', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

/**
 * Whether a focused non-text control uses the key itself: a select's arrows (and Space and Enter,
 * which open it), a checkbox's Space, a slider's arrows. Those stay with the control; any other
 * key (a tool letter, Ctrl+Z) goes to the app, which then keeps it from the control (no select
 * type-ahead).
 */
function controlUsesKey(target: EventTarget | null, e: KeyboardEvent): boolean {
  const el = asKeyTarget(target);
  if (!el || mod(e)) return false;
  if (el.tagName === 'SELECT') return SELECT_KEYS.has(e.key);
  if (el.tagName !== 'INPUT') return false;
  switch ((el.type || '').toLowerCase()) {
    case 'checkbox':
      return e.key === ' ';
    case 'radio':
      return RADIO_KEYS.has(e.key);
    case 'range':
      return RANGE_KEYS.has(e.key);
    default:
      return false;
  }
}

/** Run the action a key press names, if any. Returns whether one ran. */
export function handleShortcut(
  editor: Editor,
  actions: readonly Action[],
  e: KeyboardEvent,
): boolean {
  if (e.defaultPrevented || isTextEntry(e.target) || controlUsesKey(e.target, e)) return false;
  // The active tool sees keys first (Enter ends a trench, Esc cancels a gesture).
  if (toolKeyDown(editor, e)) {
    e.preventDefault();
    return true;
  }
  const action = actions.find((a) => a.matches(e));
  if (!action) return false;
  e.preventDefault();
  action.perform();
  return true;
}
