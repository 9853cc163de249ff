/**
 * Key matching shared by the action modules (kept apart from actions.ts, which imports them all,
 * so that they can import it without an import cycle). actions.ts re-exports these. They live in
 * the editor layer, so that the panels (the inspector's fields) match keys the same way.
 */
export { isRedoKey, isUndoKey, letter, mod } from '../editor/keys';
