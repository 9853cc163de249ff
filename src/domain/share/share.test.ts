import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, parseLayoutText, serializeLayout, type LoadResult } from '../format';
import { minimalLayout } from '../format/testing';
import { createHall, createRackRow } from '../kinds';
import type { Layout } from '../model';
import {
  base64UrlToBytes,
  bytesToBase64Url,
  decodeShareFragment,
  encodeShare,
  encodeShareFragment,
  inflateRawCapped,
  isTooLongForUrl,
  MAX_SHARE_FRAGMENT_CHARS,
  SHARE_FRAGMENT_MAX_CHARS,
} from '.';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const utf8 = (s: string) => new TextEncoder().encode(s);

async function deflateRaw(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
/** A share fragment holding any bytes, compressed as the encoder does. */
async function fragmentOfBytes(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return `#layout=v1.${bytesToBase64Url(await deflateRaw(bytes))}`;
}
const fragmentOfText = (text: string) => fragmentOfBytes(utf8(text));

function expectError(r: LoadResult, kind: string, message: RegExp) {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.kind).toBe(kind);
  expect(r.error.message).toMatch(message);
}

/** A layout with names that need UTF-8 and escaping, and every kind. */
function unicodeLayout(): Layout {
  const base = minimalLayout();
  return {
    ...base,
    name: 'Campus “Nord” — Ålesund ⚡ 数据中心 <b>bold</b> "quoted" \\ \u2028',
    halls: [{ ...base.halls[0]!, name: 'Hall 🏭 1', rotation: 17.25 }],
  };
}

/** `halls` halls of 100 rows each: 5,000 rows for 50. Regular, like "Fill hall with rows". */
function bigLayout(halls: number): Layout {
  const base = minimalLayout();
  const hallList = [];
  const rows = [];
  for (let h = 0; h < halls; h++) {
    const id = `hall-${h + 1}`;
    hallList.push(
      createHall(
        id,
        { x: 200 + (h % 10) * 180, y: 150 + Math.floor(h / 10) * 90 },
        { width: 160, depth: 70 },
      ),
    );
    for (let r = 0; r < 100; r++) {
      rows.push(
        createRackRow(
          `row-${h * 100 + r + 1}`,
          id,
          {
            x: 10 + (r % 10) * 15,
            y: 5 + Math.floor(r / 10) * 6.5,
          },
          { kwPerRack: r % 3 === 0 ? 132.5 : null },
        ),
      );
    }
  }
  return {
    ...base,
    parcel: {
      points: [
        [0, 0],
        [2000, 0],
        [2000, 600],
        [0, 600],
      ],
    },
    halls: hallList,
    rackRows: rows,
  };
}

describe('base64url', () => {
  it('round-trips any bytes and matches btoa with the URL alphabet', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = bytesToBase64Url(bytes);
        const viaBtoa = btoa(String.fromCharCode(...bytes))
          .replace(/\+/g, '-')
          .replace(/\//g, '_')
          .replace(/=+$/, '');
        expect(text).toBe(viaBtoa);
        const back = base64UrlToBytes(text);
        expect(back.ok && [...back.bytes]).toEqual([...bytes]);
        // Padding, as other encoders write it, is accepted.
        const padded = base64UrlToBytes(text + '='.repeat((4 - (text.length % 4)) % 4));
        expect(padded.ok && [...padded.bytes]).toEqual([...bytes]);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses characters outside the alphabet and impossible lengths', () => {
    for (const bad of ['ab+c', 'ab/c', 'ab c', 'abé', 'abcd\n', 'abcde', '===', 'ab=c']) {
      const r = base64UrlToBytes(bad);
      expect(r.ok, bad).toBe(false);
    }
    expect(base64UrlToBytes('ab$d')).toEqual({
      ok: false,
      message: 'its data holds the character "$" (at 3)',
    });
  });
});

describe('share fragment round trip', () => {
  it('gives back the identical layout, byte for byte', async () => {
    for (const layout of [minimalLayout(), unicodeLayout()]) {
      const fragment = await encodeShareFragment(layout);
      expect(fragment).toMatch(/^#layout=v1\.[A-Za-z0-9_-]+$/);
      const r = await decodeShareFragment(fragment);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.migratedFrom).toBeNull();
      expect(r.layout).toEqual(layout);
      expect(serializeLayout(r.layout)).toBe(serializeLayout(layout));
    }
  });

  it('is deterministic: the same layout gives the same link', async () => {
    expect(await encodeShareFragment(minimalLayout())).toBe(
      await encodeShareFragment(minimalLayout()),
    );
  });

  it('reads the fragment without "#", inside a whole URL, among other keys, with whitespace', async () => {
    const fragment = await encodeShareFragment(minimalLayout());
    const body = fragment.slice(1);
    for (const form of [
      body,
      `https://planner.example/?seed=x${fragment}`,
      `#zoom=2&${body}&sel=hall-1`,
      `  ${fragment}\n`,
    ]) {
      const r = await decodeShareFragment(form);
      expect(r.ok, form.slice(0, 40)).toBe(true);
    }
  });

  it('reports sizes and the too-long flag', async () => {
    const layout = minimalLayout();
    const enc = await encodeShare(layout);
    expect(enc.textBytes).toBe(utf8(serializeLayout(layout)).length);
    expect(enc.fragment.length).toBe(
      '#layout=v1.'.length + Math.ceil((enc.compressedBytes * 4) / 3),
    );
    expect(enc.tooLongForUrl).toBe(false);
    expect(SHARE_FRAGMENT_MAX_CHARS).toBe(1_000_000);
    expect(isTooLongForUrl('#'.padEnd(1_000_000, 'A'))).toBe(false);
    expect(isTooLongForUrl('#'.padEnd(1_000_001, 'A'))).toBe(true);
  });

  it('migrates a link holding an older file format, like opening the file', async () => {
    const v0 = {
      format: 'ai-campus-layout',
      version: 0,
      name: 'Old',
      tier: 'hopper',
      redundancy: '2N',
      parcel: [
        [0, 0],
        [100, 0],
        [100, 100],
      ],
      halls: [],
      rows: [],
      cooling: [],
      substations: [],
      trenches: [],
    };
    const r = await decodeShareFragment(await fragmentOfText(JSON.stringify(v0)));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(0);
    expect(r.layout.settings.targetTier).toBe('hopper');
  });

  it('compresses a 5,000-row layout to well under a fifth of its JSON', async () => {
    const layout = bigLayout(50);
    expect(layout.rackRows).toHaveLength(5000);
    const json = serializeLayout(layout);
    const t0 = performance.now();
    const enc = await encodeShare(layout);
    const t1 = performance.now();
    const r = await decodeShareFragment(enc.fragment);
    const t2 = performance.now();
    expect(r.ok).toBe(true);
    if (r.ok) expect(serializeLayout(r.layout)).toBe(json);
    const ratio = enc.fragment.length / enc.textBytes;
    console.log(
      `5,000 rows: JSON ${enc.textBytes.toLocaleString('en-US')} B, deflate-raw ` +
        `${enc.compressedBytes.toLocaleString('en-US')} B, fragment ` +
        `${enc.fragment.length.toLocaleString('en-US')} chars (${(ratio * 100).toFixed(2)} % of ` +
        `the JSON); encode ${(t1 - t0).toFixed(0)} ms, decode ${(t2 - t1).toFixed(0)} ms`,
    );
    expect(enc.fragment.length).toBeLessThan(enc.textBytes / 10);
    expect(enc.tooLongForUrl).toBe(false);
  });
});

describe('damaged, foreign and hostile fragments', () => {
  it('return a clear error for each kind of damage, never a throw', async () => {
    const good = await encodeShareFragment(minimalLayout());
    const payload = good.slice('#layout=v1.'.length);
    const cases: [string, string, RegExp][] = [
      ['', 'not-a-layout', /not a campus share link \(it has no "layout=" part\)/],
      ['#', 'not-a-layout', /no "layout=" part/],
      ['#seed=blackwell', 'not-a-layout', /no "layout=" part/],
      ['#layout=', 'not-a-layout', /unknown encoding/],
      ['#layout=hello', 'not-a-layout', /unknown encoding/],
      ['#layout=v0.abcd', 'not-a-layout', /unknown encoding version 0/],
      ['#layout=v2.abcd', 'too-new', /encoding version 2; this planner reads version 1/],
      ['#layout=v1.', 'not-a-layout', /damaged or incomplete: it holds no data/],
      [
        '#layout=v1.ab$d',
        'not-a-layout',
        /damaged or incomplete: its data holds the character "\$"/,
      ],
      [`#layout=v1.${payload}%20`, 'not-a-layout', /character "%"/],
      [`#layout=v1.${payload.replace(/^(.{40})./, '$1+')}`, 'not-a-layout', /character "\+"/],
      ['#layout=v1.A', 'not-a-layout', /length no encoder produces/],
      // Cut short: the usual damage from a chat app or a bad copy.
      [good.slice(0, Math.floor(good.length / 2)), 'not-a-layout', /damaged or incomplete/],
      [good.slice(0, good.length - 4), 'not-a-layout', /compressed data is invalid/],
      // Valid base64url, not deflate data.
      [
        `#layout=v1.${bytesToBase64Url(utf8('{"format":"ai-campus-layout"}'))}`,
        'not-a-layout',
        /compressed data is invalid/,
      ],
    ];
    for (const [fragment, kind, message] of cases) {
      const r = await decodeShareFragment(fragment);
      expect(r.ok, fragment.slice(0, 60)).toBe(false);
      if (r.ok) continue;
      expect(r.error.kind, fragment.slice(0, 60)).toBe(kind);
      expect(r.error.message, fragment.slice(0, 60)).toMatch(message);
      expect(r.error.issues).toEqual([]);
    }
  });

  it('passes text problems on from parseLayoutText, with field paths', async () => {
    expectError(
      await decodeShareFragment(await fragmentOfText('not json')),
      'not-json',
      /not a JSON file/,
    );
    expectError(
      await decodeShareFragment(await fragmentOfText('{"hello":"world"}')),
      'not-a-layout',
      /not a campus layout file/,
    );
    expectError(
      await decodeShareFragment(await fragmentOfText('{"format":"ai-campus-layout","version":9}')),
      'too-new',
      /version 9/,
    );
    const bad = JSON.parse(serializeLayout(minimalLayout())) as { halls: { width: number }[] };
    bad.halls[0]!.width = -5;
    const r = await decodeShareFragment(await fragmentOfText(JSON.stringify(bad)));
    expectError(r, 'invalid', /halls\[0\]\.width: must be a positive number/);
    if (!r.ok)
      expect(r.error.issues).toEqual([
        { path: 'halls[0].width', message: 'must be a positive number' },
      ]);
    // The same as opening the text as a file.
    expect(r).toEqual(parseLayoutText(JSON.stringify(bad)));
  });

  it('refuses data that is not UTF-8', async () => {
    const r = await decodeShareFragment(
      await fragmentOfBytes(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])),
    );
    expectError(r, 'not-a-layout', /not UTF-8 text/);
  });

  it('stops inflating a decompression bomb at 50 MiB', async () => {
    // 51 MiB of spaces then a valid layout: valid JSON, but over the limit a file may have.
    const size = MAX_FILE_BYTES + 1024 * 1024;
    const bytes = new Uint8Array(size).fill(0x20);
    const layoutBytes = utf8(serializeLayout(minimalLayout()));
    bytes.set(layoutBytes, size - layoutBytes.length);
    const fragment = await fragmentOfBytes(bytes);
    expect(fragment.length).toBeLessThan(100_000); // a small link...
    const t0 = performance.now();
    const r = await decodeShareFragment(fragment);
    console.log(
      `bomb: ${fragment.length.toLocaleString('en-US')}-char link of ${size.toLocaleString('en-US')} B refused in ${(performance.now() - t0).toFixed(0)} ms`,
    );
    expectError(r, 'too-large', /over 50 MB/); // ...refused once inflated past the cap

    // The cap itself, at a small size: stops at the first chunk past it.
    const small = await deflateRaw(new Uint8Array(1_000_000));
    expect((await inflateRawCapped(small, 999_999)).status).toBe('too-large');
    const exact = await inflateRawCapped(small, 1_000_000);
    expect(exact.status === 'ok' && exact.bytes.length).toBe(1_000_000);
  }, 60_000); // compresses and inflates 51 MiB: seconds on a loaded 2-core machine

  it('refuses an absurdly long fragment before decoding it', async () => {
    const r = await decodeShareFragment('#layout=v1.'.padEnd(MAX_SHARE_FRAGMENT_CHARS + 1, 'A'));
    expectError(r, 'too-large', /too long/);
  });

  it('never throws on arbitrary strings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (s) => {
        const r = await decodeShareFragment(s);
        expect(r.ok).toBe(false);
      }),
      { numRuns: 100 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('#layout=v1.', 'layout=v1.', '#layout=v2.', '#x=1&layout=v1.'),
        fc.string({ unit: fc.constantFrom(...ALPHABET, '=', '.', '%', '&'), maxLength: 400 }),
        async (prefix, body) => {
          const r = await decodeShareFragment(prefix + body);
          expect(typeof r.ok).toBe('boolean');
        },
      ),
      { numRuns: 100 },
    );
  });

  it('never throws on a real link with bytes flipped or cut', async () => {
    const good = await encodeShareFragment(unicodeLayout());
    const body = good.slice('#layout=v1.'.length);
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: body.length - 1 }),
        fc.constantFrom(...ALPHABET),
        fc.nat({ max: body.length }),
        async (at, ch, cut) => {
          const flipped = body.slice(0, at) + ch + body.slice(at + 1);
          for (const b of [flipped, body.slice(0, cut)]) {
            const r = await decodeShareFragment(`#layout=v1.${b}`);
            // Either still a whole valid layout, or an error: never a throw or a half layout.
            if (r.ok) expect(parseLayoutText(serializeLayout(r.layout)).ok).toBe(true);
            else expect(r.error.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
