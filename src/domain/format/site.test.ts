import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Layout } from '../model';
import { parseLayoutText, parseLayoutValue } from './parse';
import { KEY_ORDER, serializeLayout } from './serialize';
import { minimalLayout } from './testing';

/** settings.site: the optional site anchor (where the campus sits on the Earth). */

const withSite = (site: unknown): Layout =>
  ({ ...minimalLayout(), settings: { ...minimalLayout().settings, site } }) as Layout;
const fileWithSite = (site: unknown) => {
  const doc = JSON.parse(serializeLayout(minimalLayout())) as { settings: Record<string, unknown> };
  doc.settings.site = site;
  return doc;
};
const ASHBURN = { latitude: 39.0438, longitude: -77.4874, bearingDeg: 20 };

describe('settings.site', () => {
  test('a layout with a site round-trips, written as its own object after the other settings', () => {
    const layout = withSite(ASHBURN);
    const text = serializeLayout(layout);
    expect(text).toContain(
      '\n    "costs": {},\n    "site": {\n      "latitude": 39.0438,\n      "longitude": -77.4874,\n      "bearingDeg": 20\n    }\n  },\n',
    );
    expect(parseLayoutText(text)).toEqual({ ok: true, layout, migratedFrom: null });
    expect(KEY_ORDER.settings.at(-1)).toBe('site');
    expect(KEY_ORDER.site).toEqual(['latitude', 'longitude', 'bearingDeg']);
  });

  test('the site keys are written in a stable order, whatever the order in memory', () => {
    const reversed = withSite({ bearingDeg: 20, longitude: -77.4874, latitude: 39.0438 });
    expect(serializeLayout(reversed)).toBe(serializeLayout(withSite(ASHBURN)));
  });

  test('null or missing means "not placed" and is not written: files without a site stay identical', () => {
    const plain = serializeLayout(minimalLayout());
    expect(plain).not.toContain('site');
    expect(serializeLayout(withSite(null))).toBe(plain);
    expect(serializeLayout(withSite(undefined))).toBe(plain);
    const fromNull = parseLayoutValue(fileWithSite(null));
    expect(fromNull.ok && fromNull.layout.settings.site).toBe(null);
    const missing = parseLayoutText(plain);
    expect(missing.ok && Object.hasOwn(missing.layout.settings, 'site')).toBe(false);
  });

  test('every seed still serializes byte-identically', () => {
    const dir = join(import.meta.dirname, '..', '..', '..', 'seeds');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      const r = parseLayoutText(text);
      expect(r.ok && serializeLayout(r.layout)).toBe(text);
    }
  });

  test('the bearing defaults to 0', () => {
    const r = parseLayoutValue(fileWithSite({ latitude: 1, longitude: 2 }));
    expect(r.ok && r.layout.settings.site).toEqual({ latitude: 1, longitude: 2, bearingDeg: 0 });
  });

  test('bad values are refused with their path, and nothing is loaded', () => {
    const cases: [unknown, { path: string; message: string }[]][] = [
      [
        { latitude: 91, longitude: 0 },
        [{ path: 'settings.site.latitude', message: 'must be a latitude from -90 to 90 degrees' }],
      ],
      [
        { latitude: 0, longitude: 180.5 },
        [
          {
            path: 'settings.site.longitude',
            message: 'must be a longitude from -180 to 180 degrees',
          },
        ],
      ],
      [
        { latitude: 0, longitude: 0, bearingDeg: -5 },
        [{ path: 'settings.site.bearingDeg', message: 'must be a bearing from 0 to 360 degrees' }],
      ],
      [
        { latitude: 'NaN', longitude: 0 },
        [{ path: 'settings.site.latitude', message: 'must be a latitude from -90 to 90 degrees' }],
      ],
      [
        { latitude: 1e308, longitude: -1e308 },
        [
          { path: 'settings.site.latitude', message: 'must be a latitude from -90 to 90 degrees' },
          {
            path: 'settings.site.longitude',
            message: 'must be a longitude from -180 to 180 degrees',
          },
        ],
      ],
      [{ latitude: 10 }, [{ path: 'settings.site.longitude', message: 'is required' }]],
      [
        'Ashburn',
        [
          {
            path: 'settings.site',
            message: 'must be a site anchor object (latitude, longitude, bearingDeg)',
          },
        ],
      ],
      [
        [39, -77],
        [
          {
            path: 'settings.site',
            message: 'must be a site anchor object (latitude, longitude, bearingDeg)',
          },
        ],
      ],
    ];
    for (const [site, issues] of cases) {
      const r = parseLayoutValue(fileWithSite(site));
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(Object.keys(r)).toEqual(['ok', 'error']);
      expect(r.error.kind).toBe('invalid');
      expect(r.error.issues).toEqual(issues);
    }
  });

  test('unknown keys inside the site are dropped, "__proto__" included', () => {
    const text = serializeLayout(minimalLayout()).replace(
      '"setbackM": 0',
      '"setbackM": 0, "site": {"__proto__": {"polluted": true}, "latitude": 1, "longitude": 2, "elevation": 40}',
    );
    const r = parseLayoutText(text);
    expect(r.ok && r.layout.settings.site).toEqual({ latitude: 1, longitude: 2, bearingDeg: 0 });
    expect('polluted' in {}).toBe(false);
  });
});
