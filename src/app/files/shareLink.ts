import { decodeShareFragment, encodeShare, SHARE_KEY } from '../../domain/share';
import type { LoadResult } from '../../domain/format';
import type { Editor } from '../../editor/editor';

/** "https://host/path#layout=v1.…" for the open document. */
export async function shareUrl(editor: Editor): Promise<{ url: string; tooLong: boolean }> {
  const enc = await encodeShare(editor.document.getState().doc);
  const { origin, pathname } = window.location;
  const url = `${origin}${pathname}${enc.fragment}`;
  return { url, tooLong: enc.tooLongForUrl };
}

const chars = (n: number) => n.toLocaleString('en-US');

/**
 * Copy share link: the whole layout in the link's fragment (never sent to a server). Copied with
 * the clipboard API where the browser allows it; otherwise, or when the link is too long for
 * some browsers, the link is shown in a dialog to copy by hand.
 */
export async function copyShareLink(editor: Editor): Promise<void> {
  const files = editor.files.getState();
  const notices = editor.notifications.getState();
  let link: { url: string; tooLong: boolean };
  try {
    link = await shareUrl(editor);
  } catch (e) {
    notices.setNotice({
      key: 'share',
      tone: 'error',
      text: `Could not make a share link: ${e instanceof Error ? e.message : String(e)}`,
    });
    return;
  }
  let copied = false;
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(link.url);
      copied = true;
    }
  } catch {
    copied = false; // not allowed here (no focus, no permission): show it instead
  }
  if (copied && !link.tooLong) {
    notices.setNotice({
      key: 'share',
      tone: 'success',
      text: `Share link copied (${chars(link.url.length)} characters). Anyone who opens it gets an editable copy of this layout; nothing is uploaded.`,
    });
    return;
  }
  files.openDialog({ kind: 'share-link', url: link.url, copied, tooLong: link.tooLong });
}

/** The "#layout=…" part of a URL hash, if it holds one. */
export function hasShareFragment(hash: string): boolean {
  return hash
    .replace(/^#/, '')
    .split('&')
    .some((p) => p.startsWith(`${SHARE_KEY}=`));
}

export function decodeShareHash(hash: string): Promise<LoadResult> {
  return decodeShareFragment(hash);
}

/** Take the share fragment out of the address bar (a reload then restores the edited copy). */
export function clearShareFragment(): void {
  try {
    const { pathname, search } = window.location;
    history.replaceState(history.state, '', `${pathname}${search}`);
  } catch {
    // Not allowed (sandboxed frame): harmless.
  }
}
