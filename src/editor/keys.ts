/** Key matching: the app's shortcuts (src/app/keys.ts re-exports it) and the inspector's fields. */

/** Ctrl, or Cmd on a Mac. */
export const mod = (e: KeyboardEvent): boolean => e.ctrlKey || e.metaKey;

const LATIN_LETTER = /^[a-z]$/i;
const ANY_LETTER = /^\p{L}$/u;

/**
 * Whether the key is the letter `l` (lower case, "z"). The typed character decides, so AZERTY and
 * Dvorak users press the letter they see; only when the key types a letter of another script
 * (Cyrillic, Greek, Hebrew …) does the physical key decide (`code` "KeyZ"): Ctrl+Я is Ctrl+Z on a
 * Russian keyboard. Punctuation never falls back (Dvorak's ";" sits
 * at KeyZ and is not Z).
 */
export function letter(e: Pick<KeyboardEvent, 'key' | 'code'>, l: string): boolean {
  const key = e.key ?? '';
  if (LATIN_LETTER.test(key)) return key.toLowerCase() === l;
  return ANY_LETTER.test(key) && e.code === `Key${l.toUpperCase()}`;
}

/** Ctrl/Cmd+Z: undo. */
export const isUndoKey = (e: KeyboardEvent): boolean => mod(e) && !e.shiftKey && letter(e, 'z');

/** Ctrl/Cmd+Shift+Z or Ctrl/Cmd+Y: redo. */
export const isRedoKey = (e: KeyboardEvent): boolean =>
  mod(e) && ((e.shiftKey && letter(e, 'z')) || (!e.shiftKey && letter(e, 'y')));
