import { DUPLICATE_OFFSET_M, isEmptySet, type ElementSet } from './editOps';
import type { Vec2 } from '../domain';

/**
 * The editor's clipboard: in memory, so that copy and paste work without any permission. A copy is
 * also written to the system clipboard as JSON text when the browser allows it (for pasting into a
 * text editor or a bug report); paste never reads it back, and a refusal is not an error.
 */

export const CLIPBOARD_FORMAT = 'ai-campus-layout-clipboard';

let content: ElementSet | null = null;
/** Pastes since the last copy: each lands one offset further, so repeated pastes fan out. */
let pastes = 0;

export function clipboardText(set: ElementSet): string {
  return JSON.stringify({ format: CLIPBOARD_FORMAT, version: 1, ...set }, null, 2);
}

/** Put elements on the clipboard (they are immutable document values: no copy is needed). */
export function copyToClipboard(set: ElementSet): void {
  if (isEmptySet(set)) return;
  content = set;
  pastes = 0;
  try {
    const system = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
    system?.writeText(clipboardText(set)).catch(() => {
      // No permission or no focus: the in-memory clipboard still holds the copy.
    });
  } catch {
    // Some browsers throw synchronously outside a user gesture; same as above.
  }
}

export function clipboardContent(): ElementSet | null {
  return content;
}

export function hasClipboardContent(): boolean {
  return content !== null;
}

/** The offset of the next paste (campus frame, metres), counting it. */
export function nextPasteOffset(): Vec2 {
  pastes += 1;
  return { x: DUPLICATE_OFFSET_M * pastes, y: DUPLICATE_OFFSET_M * pastes };
}

/** Empty the clipboard (tests). */
export function clearClipboard(): void {
  content = null;
  pastes = 0;
}
