import { DUPLICATE_OFFSET_M, isEmptySet, type ElementSet } from './editOps';
import type { Vec2 } from '../domain';

/**
 * The editor's clipboard: in memory, so that copy and paste work without any permission. A copy is
 * also written to the system clipboard as JSON text when the browser allows it (for pasting into a
 * text editor or a bug report); paste never reads it back, and a refusal is not an error. Each
 * editor has its own (createEditor).
 */

export const CLIPBOARD_FORMAT = 'ai-campus-layout-clipboard';

export function clipboardText(set: ElementSet): string {
  return JSON.stringify({ format: CLIPBOARD_FORMAT, version: 1, ...set }, null, 2);
}

export interface Clipboard {
  /** Put elements on the clipboard (they are immutable document values: no copy is needed). */
  copy(set: ElementSet): void;
  content(): ElementSet | null;
  hasContent(): boolean;
  /** The offset of the next paste (campus frame, metres), counting it. */
  nextPasteOffset(): Vec2;
  /** Empty the clipboard. */
  clear(): void;
}

export function createClipboard(): Clipboard {
  let content: ElementSet | null = null;
  /** Pastes since the last copy: each lands one offset further, so repeated pastes fan out. */
  let pastes = 0;
  return {
    copy(set) {
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
    },
    content: () => content,
    hasContent: () => content !== null,
    nextPasteOffset() {
      pastes += 1;
      return { x: DUPLICATE_OFFSET_M * pastes, y: DUPLICATE_OFFSET_M * pastes };
    },
    clear() {
      content = null;
      pastes = 0;
    },
  };
}
