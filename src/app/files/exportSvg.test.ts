import { describe, expect, it } from 'vitest';
import { minimalLayout } from '../../domain/format/testing';
import { escapeXml, layoutToSvg } from './exportSvg';

describe('SVG export', () => {
  it('draws the parcel, every element with its id, and the labels', () => {
    const layout = minimalLayout();
    const svg = layoutToSvg(layout);
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('data-kind="parcel" points="0,0 1000,0 1000,800 0,800"');
    for (const e of [
      ...layout.halls,
      ...layout.rackRows,
      ...layout.coolingZones,
      ...layout.substations,
      ...layout.fiberTrenches,
    ]) {
      expect(svg).toContain(`data-id="${e.id}"`);
    }
    expect(svg).toContain('>Hall 1</text>');
    expect(svg).toContain('>345 kV yard</text>');
    expect(svg).toContain('<title>Minimal campus</title>');
    // Metres in the viewBox, pixels in width/height (long side 2,000 px by default).
    expect(svg).toMatch(/viewBox="-?[\d.]+ -?[\d.]+ [\d.]+ [\d.]+"/);
    expect(svg).toMatch(/ width="2000" /);
  });

  it("draws each hall's support band along its far side: the tier's share, or the hall's own", () => {
    const layout = minimalLayout(); // Hall 1: 160 × 70 m, Blackwell target (white-space share 0.5)
    const svg = layoutToSvg(layout);
    expect(svg).toContain('<pattern id="support-hatch"');
    expect(svg).toContain('<rect y="35" width="160" height="35"');
    const own = layoutToSvg({
      ...layout,
      halls: [{ ...layout.halls[0]!, whiteSpaceFraction: 0.6 }],
    });
    expect(own).toContain('<rect y="42" width="160" height="28"');
    // All white space: no band.
    const none = layoutToSvg({
      ...layout,
      halls: [{ ...layout.halls[0]!, whiteSpaceFraction: 1 }],
    });
    expect(none).not.toContain('data-kind="hallSupport"');
  });

  it('escapes text and drops characters XML cannot hold', () => {
    expect(escapeXml(`<script>alert("x") & 'y'</script>`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;) &amp; &apos;y&apos;&lt;/script&gt;',
    );
    expect(escapeXml('a\u0000b\u0007c\td\ne')).toBe('a\ufffdb\ufffdc\td\ne');
    expect(escapeXml('lone \ud800 surrogate, pair 😀')).toBe('lone \ufffd surrogate, pair 😀');
    const layout = minimalLayout();
    const evil = '<img src=x onerror=alert(1)>&\u0001';
    const svg = layoutToSvg({
      ...layout,
      name: evil,
      halls: [{ ...layout.halls[0]!, name: evil, id: 'hall-1' }],
    });
    expect(svg).not.toContain('<img');
    expect(svg).not.toContain('\u0001');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;&amp;\ufffd');
  });

  it('draws an empty layout', () => {
    const layout = {
      ...minimalLayout(),
      halls: [],
      rackRows: [],
      coolingZones: [],
      substations: [],
      fiberTrenches: [],
    };
    expect(layoutToSvg(layout)).toContain('data-kind="parcel"');
  });
});
