import { describe, expect, it } from 'vitest';
import { serializeLayout } from '../../domain/format';
import { minimalLayout } from '../../domain/format/testing';
import { encodeShare, encodeShareFragment } from '../../domain/share';
import { decodeShareHash, hasShareFragment } from './shareLink';

describe('share links through the URL fragment', () => {
  it('a layout survives encode → page URL → location.hash → decode, byte for byte', async () => {
    const layout = {
      ...minimalLayout(),
      name: 'Ashburn “phase 2” — ünïcode & <b>tags</b>',
      settings: {
        ...minimalLayout().settings,
        site: { latitude: 39.04, longitude: -77.49, bearingDeg: 20 },
      },
    };
    const fragment = await encodeShareFragment(layout);
    const url = new URL(`https://planner.example/campus/${fragment}`);
    expect(url.hash).toBe(fragment);
    expect(hasShareFragment(url.hash)).toBe(true);
    const r = await decodeShareHash(url.hash);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(serializeLayout(r.layout)).toBe(serializeLayout(layout));
    // The whole URL decodes too (a link pasted into the dialog).
    const whole = await decodeShareHash(url.href);
    expect(whole.ok && serializeLayout(whole.layout)).toBe(serializeLayout(layout));
  });

  it('tells share fragments from other hashes', () => {
    expect(hasShareFragment('')).toBe(false);
    expect(hasShareFragment('#')).toBe(false);
    expect(hasShareFragment('#section-2')).toBe(false);
    expect(hasShareFragment('#layouts=v1.abc')).toBe(false);
    expect(hasShareFragment('#layout=v1.abc')).toBe(true);
    expect(hasShareFragment('#x=1&layout=v1.abc')).toBe(true);
  });

  it('a damaged or truncated fragment gives an error to show, never a layout', async () => {
    const fragment = await encodeShareFragment(minimalLayout());
    for (const bad of [
      fragment.slice(0, fragment.length / 2),
      `${fragment.slice(0, -4)}!!!!`,
      '#layout=v1.',
      '#layout=v9.abc',
    ]) {
      const r = await decodeShareHash(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message.length).toBeGreaterThan(0);
    }
  });

  it('small layouts make links well under the too-long limit', async () => {
    const enc = await encodeShare(minimalLayout());
    expect(enc.tooLongForUrl).toBe(false);
    expect(enc.fragment.length).toBeLessThan(2000);
  });
});
