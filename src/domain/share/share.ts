import {
  MAX_FILE_BYTES,
  parseLayoutText,
  serializeLayout,
  type LoadErrorKind,
  type LoadResult,
} from '../format';
import type { Layout } from '../model';
import { base64UrlToBytes, bytesToBase64Url } from './base64url';

/**
 * Share links: the whole layout in the URL fragment, so that nothing goes to a server (the part
 * after "#" is never sent in a request). The fragment is
 *
 *     #layout=v1.<base64url, unpadded, of deflate-raw(serializeLayout(layout)) as UTF-8>
 *
 * "v1" is the version of this encoding, not of the layout format: the compressed text is a layout
 * file of any format version, read by parseLayoutText like an opened file (so old links migrate).
 * A change of compression or encoding would be "v2".
 */

/** The fragment key. */
export const SHARE_KEY = 'layout';
/** The encoding version this code writes and reads. */
export const SHARE_VERSION = 1;
const PREFIX = `#${SHARE_KEY}=v${SHARE_VERSION}.`;

/**
 * Above this many characters, a fragment is flagged `tooLongForUrl`. Browser URL limits: Chromium
 * refuses URLs over 2 MiB (url::kMaxURLChars = 2,097,152) and Firefox over 1 MiB (the pref
 * network.standard-url.max-length = 1,048,576); Safari has no documented limit. 1,000,000 leaves
 * ~48,000 characters of the smaller limit for the page's origin and path. (Figures from the
 * browsers' sources, not tried here in each browser.) Chat apps, e-mail and URL shorteners often
 * cut links far shorter — tens of thousands of characters or less — so a long link is better sent
 * as a file.
 */
export const SHARE_FRAGMENT_MAX_CHARS = 1_000_000;

/**
 * The largest layout text a link may inflate to: the same 50 MiB the planner opens as a file.
 * Decompression stops as soon as it passes this (a small link can inflate to gigabytes).
 */
export const MAX_SHARE_TEXT_BYTES = MAX_FILE_BYTES;

/** Fragments longer than this are refused before decoding (base64 of 50 MiB, plus the prefix). */
export const MAX_SHARE_FRAGMENT_CHARS = Math.ceil((MAX_SHARE_TEXT_BYTES * 4) / 3) + 64;

export interface ShareEncoding {
  /** "#layout=v1.…", ready to append to the page URL. */
  fragment: string;
  /** UTF-8 bytes of the layout file text that was compressed. */
  textBytes: number;
  /** Bytes after deflate-raw, before base64url. */
  compressedBytes: number;
  /** fragment.length > SHARE_FRAGMENT_MAX_CHARS: the link may not open in every browser. */
  tooLongForUrl: boolean;
}

/** Compress a layout into a share fragment, with its sizes and the too-long flag. */
export async function encodeShare(layout: Layout): Promise<ShareEncoding> {
  const text = new TextEncoder().encode(serializeLayout(layout));
  const compressed = await deflateRaw(text);
  const fragment = PREFIX + bytesToBase64Url(compressed);
  return {
    fragment,
    textBytes: text.length,
    compressedBytes: compressed.length,
    tooLongForUrl: isTooLongForUrl(fragment),
  };
}

/** The layout as a URL fragment, "#layout=v1.<base64url of deflate-raw(serializeLayout(layout))>". */
export async function encodeShareFragment(layout: Layout): Promise<string> {
  return (await encodeShare(layout)).fragment;
}

/** Would this fragment (or whole URL) be too long to open in every browser? */
export function isTooLongForUrl(fragmentOrUrl: string): boolean {
  return fragmentOrUrl.length > SHARE_FRAGMENT_MAX_CHARS;
}

const fail = (kind: LoadErrorKind, message: string): LoadResult => ({
  ok: false,
  error: { kind, message, issues: [] },
});
const damaged = (why: string) =>
  fail('not-a-layout', `this share link is damaged or incomplete: ${why}`);

/**
 * Read a share fragment back into a layout. Takes "#layout=v1.…", the same without "#", a whole
 * URL holding such a fragment, or a fragment with other "&"-separated keys; surrounding whitespace
 * is ignored. Never throws; every failure is a LoadResult error:
 *
 * - not a share link / damaged (bad base64url, bad deflate data, not UTF-8) → 'not-a-layout'
 * - a newer encoding ("v2.") → 'too-new'
 * - inflating past 50 MiB, or a fragment too long to hold less → 'too-large'
 * - the text itself → whatever parseLayoutText says ('not-json', 'invalid' with field paths, …);
 *   an older layout format is migrated as for a file (`migratedFrom`).
 */
export async function decodeShareFragment(fragment: string): Promise<LoadResult> {
  try {
    if (typeof fragment !== 'string') return fail('not-a-layout', 'not a campus share link');
    if (fragment.length > MAX_SHARE_FRAGMENT_CHARS) {
      return fail('too-large', `this share link is too long to hold a layout the planner opens`);
    }
    const value = findShareValue(fragment.trim());
    if (value === null) {
      return fail('not-a-layout', `not a campus share link (it has no "${SHARE_KEY}=" part)`);
    }
    const m = /^v(\d{1,6})\.([\s\S]*)$/.exec(value);
    if (!m) return fail('not-a-layout', 'not a campus share link (unknown encoding)');
    const version = Number(m[1]);
    if (version > SHARE_VERSION) {
      return fail(
        'too-new',
        `this share link uses encoding version ${version}; this planner reads version ${SHARE_VERSION} — update the planner`,
      );
    }
    if (version !== SHARE_VERSION) {
      return fail('not-a-layout', `not a campus share link (unknown encoding version ${version})`);
    }
    const payload = m[2]!;
    if (payload.length === 0) return damaged('it holds no data');

    const decoded = base64UrlToBytes(payload);
    if (!decoded.ok) return damaged(decoded.message);

    const inflated = await inflateRawCapped(decoded.bytes, MAX_SHARE_TEXT_BYTES);
    if (inflated.status === 'too-large') {
      const mb = MAX_SHARE_TEXT_BYTES / (1024 * 1024);
      return fail(
        'too-large',
        `this share link holds a layout over ${mb} MB, the largest the planner opens`,
      );
    }
    if (inflated.status === 'error')
      return damaged(`its compressed data is invalid (${inflated.message})`);

    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
    } catch {
      return damaged('its data is not UTF-8 text');
    }
    return parseLayoutText(text);
  } catch (e) {
    // Defensive: nothing above should throw, but a share link must never break the page.
    return damaged(e instanceof Error ? e.message : String(e));
  }
}

/** The value of the "layout" key in a fragment, a "#…" string or a whole URL; null if absent. */
function findShareValue(input: string): string | null {
  const hash = input.indexOf('#');
  const fragment = hash >= 0 ? input.slice(hash + 1) : input;
  for (const part of fragment.split('&')) {
    if (part.startsWith(`${SHARE_KEY}=`)) return part.slice(SHARE_KEY.length + 1);
  }
  return null;
}

/** deflate-raw (RFC 1951) with the platform's CompressionStream. */
async function deflateRaw(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

type Inflated =
  | { status: 'ok'; bytes: Uint8Array }
  | { status: 'too-large' }
  | { status: 'error'; message: string };

/**
 * Inflate deflate-raw data, reading the output chunk by chunk and stopping (cancelling the
 * stream) as soon as it passes `maxBytes`, so a decompression bomb costs at most that much memory.
 */
export async function inflateRawCapped(bytes: Uint8Array, maxBytes: number): Promise<Inflated> {
  const input = new Uint8Array(bytes); // an own, ArrayBuffer-backed copy for the Blob
  const stream = new Blob([input]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { status: 'too-large' };
      }
      chunks.push(value);
    }
  } catch (e) {
    return { status: 'error', message: e instanceof Error ? e.message : String(e) };
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.byteLength;
  }
  return { status: 'ok', bytes: out };
}
