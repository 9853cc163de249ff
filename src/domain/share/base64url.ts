/**
 * base64url (RFC 4648 §5) without padding, written out rather than through btoa/atob: no binary
 * strings, no exceptions, linear time on megabyte inputs, and a precise message for a bad input.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const ENCODE = new Uint8Array(64);
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) {
  ENCODE[i] = ALPHABET.charCodeAt(i);
  DECODE[ALPHABET.charCodeAt(i)] = i;
}

/** Bytes → base64url text, unpadded. */
export function bytesToBase64Url(bytes: Uint8Array): string {
  const n = bytes.length;
  const out = new Uint8Array(Math.ceil((n * 4) / 3));
  let o = 0;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = ENCODE[v >>> 18]!;
    out[o++] = ENCODE[(v >>> 12) & 63]!;
    out[o++] = ENCODE[(v >>> 6) & 63]!;
    out[o++] = ENCODE[v & 63]!;
  }
  if (n - i === 1) {
    const v = bytes[i]! << 16;
    out[o++] = ENCODE[v >>> 18]!;
    out[o++] = ENCODE[(v >>> 12) & 63]!;
  } else if (n - i === 2) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out[o++] = ENCODE[v >>> 18]!;
    out[o++] = ENCODE[(v >>> 12) & 63]!;
    out[o++] = ENCODE[(v >>> 6) & 63]!;
  }
  // The output is ASCII, which UTF-8 decodes one byte to one character.
  return new TextDecoder().decode(out.subarray(0, o));
}

export type Base64Result = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

/**
 * base64url text → bytes. Accepts optional trailing "=" padding; refuses any character outside
 * the alphabet (including "+", "/" and whitespace) and a length no encoder produces.
 */
export function base64UrlToBytes(text: string): Base64Result {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */ && text.length - end < 2) end--;
  if (end % 4 === 1) {
    return { ok: false, message: 'its data has a length no encoder produces (cut short?)' };
  }
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? DECODE[c]! : -1;
    if (v < 0) {
      const ch = JSON.stringify(text[i]);
      return { ok: false, message: `its data holds the character ${ch} (at ${i + 1})` };
    }
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >>> bits) & 0xff;
    }
  }
  return { ok: true, bytes: out.subarray(0, o) };
}
