import { zoomAboutCentre, zoomToFit } from '../canvas/cameraActions';
import { useDocumentStore } from '../state/documentStore';
import { toolKeyDown } from '../canvas/tools/active';
import { TOOL_ACTIONS } from './toolActions';
import { EDIT_ACTIONS } from './editActions';
import { FILE_ACTIONS } from './files/fileActions';

/**
 * The action registry (Excalidraw's habit): one place that names each command, its shortcut and
 * what it does, so that keys, buttons and tests all call the same thing.
 */
export interface Action {
  readonly id: string;
  readonly label: string;
  /** As shown in tooltips. */
  readonly shortcut: string;
  readonly matches: (e: KeyboardEvent) => boolean;
  readonly perform: () => void;
}

const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;

const VIEW_ACTIONS: readonly Action[] = [
  {
    id: 'zoomToFit',
    label: 'Zoom to fit',
    shortcut: 'Shift+1',
    // `code`, not `key`: Shift+1 types "!" on US keyboards and other characters elsewhere.
    matches: (e) => e.shiftKey && !mod(e) && !e.altKey && e.code === 'Digit1',
    perform: () => void zoomToFit(),
  },
  {
    id: 'zoomIn',
    label: 'Zoom in',
    shortcut: '+',
    matches: (e) => !mod(e) && !e.altKey && (e.key === '+' || e.key === '='),
    perform: () => zoomAboutCentre(1.25),
  },
  {
    id: 'zoomOut',
    label: 'Zoom out',
    shortcut: '−',
    matches: (e) => !mod(e) && !e.altKey && (e.key === '-' || e.key === '_'),
    perform: () => zoomAboutCentre(1 / 1.25),
  },
  {
    id: 'undo',
    label: 'Undo',
    shortcut: 'Ctrl+Z',
    matches: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'z',
    perform: () => useDocumentStore.getState().undo(),
  },
  {
    id: 'redo',
    label: 'Redo',
    shortcut: 'Ctrl+Shift+Z',
    matches: (e) =>
      mod(e) &&
      ((e.shiftKey && e.key.toLowerCase() === 'z') || (!e.shiftKey && e.key.toLowerCase() === 'y')),
    perform: () => useDocumentStore.getState().redo(),
  },
];

/**
 * Every action. Each area keeps its actions in its own module (view and history here; tools,
 * editing, files and panels in theirs) and adds one spread line here. First match wins.
 */
export const ACTIONS: readonly Action[] = [
  ...VIEW_ACTIONS,
  ...TOOL_ACTIONS,
  ...EDIT_ACTIONS,
  ...FILE_ACTIONS,
];

/** Keys typed into a field belong to the field. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Run the action a key press names, if any. Returns whether one ran. */
export function handleShortcut(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || isTyping(e.target)) return false;
  // The active tool sees keys first (Enter ends a trench, Esc cancels a gesture).
  if (toolKeyDown(e)) {
    e.preventDefault();
    return true;
  }
  const action = ACTIONS.find((a) => a.matches(e));
  if (!action) return false;
  e.preventDefault();
  action.perform();
  return true;
}
