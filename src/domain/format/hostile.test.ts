import { afterEach, describe, expect, test } from 'vitest';
import { parseLayoutText, parseLayoutValue, MAX_LISTED_ISSUES } from './parse';
import { KEY_ORDER, serializeLayout } from './serialize';
import { minimalLayout } from './testing';

const minimalText = () => serializeLayout(minimalLayout());
/** The minimal layout's text with `insert` spliced in after the element's opening brace. */
const injectAfter = (text: string, marker: string, insert: string) => {
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`no ${marker}`);
  return text.slice(0, at) + insert + text.slice(at);
};

function expectPrototypesClean() {
  for (const key of ['polluted', 'isAdmin', 'x']) {
    expect(key in {}).toBe(false);
    expect(key in Object.prototype).toBe(false);
    expect(key in Array.prototype).toBe(false);
  }
}

describe('hostile files', () => {
  afterEach(() => {
    // Belt and braces: a failure must not leak into the next test.
    for (const key of ['polluted', 'isAdmin', 'x'])
      delete (Object.prototype as Record<string, unknown>)[key];
  });

  test('"__proto__", "constructor" and "prototype" keys are dropped and pollute nothing', () => {
    const evil =
      '"__proto__": {"polluted": true, "isAdmin": true}, "constructor": {"prototype": {"polluted": true}}, "prototype": {"x": 1}, ';
    let text = minimalText();
    text = text.replace('{\n  "format"', `{ ${evil}\n  "format"`);
    text = injectAfter(text, '"id": "hall-1"', evil);
    text = injectAfter(text, '"id": "row-2"', evil);
    text = injectAfter(text, '"targetTier"', evil);
    text = injectAfter(text, '"points": [\n      [0, 0]', evil);
    const r = parseLayoutText(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.layout).toEqual(minimalLayout());
    for (const obj of [
      r.layout,
      r.layout.settings,
      r.layout.parcel,
      r.layout.halls[0]!,
      r.layout.rackRows[1]!,
    ]) {
      expect(Object.getPrototypeOf(obj)).toBe(Object.prototype);
      expect(Object.hasOwn(obj, '__proto__')).toBe(false);
      expect(Object.hasOwn(obj, 'constructor')).toBe(false);
      expect(Object.hasOwn(obj, 'prototype')).toBe(false);
      expect((obj as { polluted?: unknown }).polluted).toBeUndefined();
    }
    // Every key of the schema but the optional ones the file does not give (v2-ready hall fields,
    // the phase).
    const optional = ['whiteSpaceFraction', 'pointLoadRatingKn', 'phaseId'];
    expect(Object.keys(r.layout.halls[0]!)).toEqual(
      KEY_ORDER.halls.filter((k) => !optional.includes(k)),
    );
    expectPrototypesClean();
    expect(serializeLayout(r.layout)).toBe(minimalText());
  });

  test('the same keys in a version 0 file are dropped by the migration', () => {
    const text = `{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}},
      "format": "ai-campus-layout", "version": 0, "parcel": [[0, 0], [10, 0], [10, 10]],
      "halls": [{"__proto__": {"polluted": true}, "id": "h", "x": 1, "y": 1, "width": 2, "depth": 2, "floorKpa": 12, "rowMw": 1}],
      "rows": [], "cooling": [], "substations": [], "trenches": []}`;
    const r = parseLayoutText(text);
    expect(r.ok && r.migratedFrom).toBe(0);
    if (!r.ok) return;
    expect(Object.getPrototypeOf(r.layout.halls[0])).toBe(Object.prototype);
    expect(Object.hasOwn(r.layout.halls[0]!, '__proto__')).toBe(false);
    expectPrototypesClean();
  });

  test('ids such as "__proto__" and "constructor" are ordinary text', () => {
    const layout = minimalLayout();
    const text = serializeLayout({
      ...layout,
      halls: [{ ...layout.halls[0]!, id: '__proto__' }],
      rackRows: layout.rackRows.map((r, i) => ({
        ...r,
        hallId: '__proto__',
        id: i === 0 ? 'constructor' : 'hasOwnProperty',
      })),
    });
    const r = parseLayoutText(text);
    expect(r.ok && r.layout.rackRows.map((row) => row.id)).toEqual([
      'constructor',
      'hasOwnProperty',
    ]);
    // A dangling reference to an inherited name is still dangling.
    const dangling = parseLayoutText(text.replace(/"hallId": "__proto__"/, '"hallId": "toString"'));
    expect(!dangling.ok && dangling.error.issues).toEqual([
      { path: 'rackRows[0].hallId', message: 'no hall has the id "toString"' },
    ]);
    expectPrototypesClean();
  });

  test('HTML in names stays literal text', () => {
    const html = '<img src=x onerror="alert(1)"><script>alert(2)</script>&amp;';
    const layout = { ...minimalLayout(), name: html };
    layout.halls = [{ ...layout.halls[0]!, name: html }];
    const r = parseLayoutText(serializeLayout(layout));
    expect(r.ok && r.layout.name).toBe(html);
    expect(r.ok && r.layout.halls[0]!.name).toBe(html);
  });

  test('a deeply nested array (100,000 levels) gives an error, not an exception', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(() => parseLayoutText(deep)).not.toThrow();
    expect(!parseLayoutText(deep).ok && parseLayoutText(deep)).toMatchObject({
      error: { kind: 'not-a-layout' },
    });

    const envelope = (rest: string) => `{"format": "ai-campus-layout", "version": 1, ${rest}}`;
    const inName = parseLayoutText(
      envelope(`"name": ${deep}, "parcel": {"points": [[0,0],[1,0],[0,1]]},
      "halls": [], "rackRows": [], "coolingZones": [], "substations": [], "fiberTrenches": []`),
    );
    expect(!inName.ok && inName.error.issues).toEqual([{ path: 'name', message: 'must be text' }]);

    const inHalls = parseLayoutText(
      envelope(`"parcel": {"points": [[0,0],[1,0],[0,1]]},
      "halls": [${deep}], "rackRows": [], "coolingZones": [], "substations": [], "fiberTrenches": []`),
    );
    expect(!inHalls.ok && inHalls.error.issues).toEqual([
      { path: 'halls[0]', message: 'must be a hall object' },
    ]);

    const deepObject = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    const inV0 = parseLayoutText(
      `{"format": "ai-campus-layout", "version": 0, "parcel": ${deepObject}, "halls": [${deepObject}]}`,
    );
    expect(inV0.ok).toBe(false);
  });

  test('a million-element halls array is refused with a clear message', () => {
    const text = `{"format": "ai-campus-layout", "version": 2, "halls": [${Array<string>(1_000_000).fill('{}').join(',')}]}`;
    const r = parseLayoutText(text);
    expect(!r.ok && r.error).toEqual({
      kind: 'invalid',
      message: 'halls: has 1,000,000 elements; at most 200,000 are allowed',
      issues: [{ path: 'halls', message: 'has 1,000,000 elements; at most 200,000 are allowed' }],
      total: 1,
      totalIsLowerBound: false,
    });
  });

  test('a parcel or trench with a million points is refused without checking each point', () => {
    const doc = JSON.parse(serializeLayout(minimalLayout())) as {
      parcel: { points: unknown[] };
      fiberTrenches: { points: unknown[] }[];
    };
    doc.parcel.points = Array<unknown>(1_000_000).fill('x');
    doc.fiberTrenches[0]!.points = Array<unknown>(1_000_000).fill(null);
    const r = parseLayoutValue(doc);
    expect(!r.ok && r.error.issues).toEqual([
      { path: 'parcel.points', message: 'has 1,000,000 points; at most 10,000 are allowed' },
      {
        path: 'fiberTrenches[0].points',
        message: 'has 1,000,000 points; at most 10,000 are allowed',
      },
    ]);
  });

  test('a file full of bad elements stops checking after 1,000 problems', () => {
    // Rows: 200,000 halls would be over LIMITS.halls (and 200,000 rows over the total), refused unchecked.
    const rackRows = Array.from({ length: 199_000 }, () => ({}));
    const r = parseLayoutValue({ ...(JSON.parse(minimalText()) as object), rackRows });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(/^at least 1,00\d problems: rackRows\[0\]\.id: is required; /);
    expect(r.error.issues).toHaveLength(MAX_LISTED_ISSUES + 1);
    expect(r.error.issues.at(-1)!.message).toMatch(
      /^…and at least 9\d\d more \(checking stopped after 1,00\d problems\)$/,
    );
    expect(r.error.totalIsLowerBound).toBe(true);
    expect(r.error.total).toBeGreaterThanOrEqual(1000);
    expect(r.error.total).toBeLessThan(1010);
  });

  test('values with throwing getters or odd prototypes give an error, not an exception', () => {
    const throwingFormat = {
      get format(): string {
        throw new Error('no');
      },
    };
    expect(parseLayoutValue(throwingFormat)).toEqual({
      ok: false,
      error: { kind: 'invalid', message: 'could not read the layout: no', issues: [] },
    });
    const doc = JSON.parse(minimalText()) as Record<string, unknown>;
    Object.defineProperty(doc, 'halls', {
      get() {
        throw new RangeError('Maximum call stack size exceeded');
      },
    });
    const r = parseLayoutValue(doc);
    expect(!r.ok && r.error.message).toBe(
      'could not read the layout: the file is nested too deeply',
    );
    expect(parseLayoutValue(Object.create(null)).ok).toBe(false);
    expect(
      parseLayoutValue(
        new Proxy(
          {},
          {
            get: () => {
              throw new Error('trap');
            },
          },
        ),
      ).ok,
    ).toBe(false);
    // A non-string passed to parseLayoutText by untyped code.
    expect(parseLayoutText(undefined as unknown as string).ok).toBe(false);
  });

  test('the returned layout shares nothing with the input', () => {
    const input = JSON.parse(minimalText()) as { halls: { width: number }[] };
    const r = parseLayoutValue(input);
    input.halls[0]!.width = 999;
    expect(r.ok && r.layout.halls[0]!.width).toBe(160);
  });
});

describe('ids refuse control, bidi and zero-width characters', () => {
  test.each(['hall-1\u200b', 'a\u202eb', 'x\u0007', '\ufeffh'])('%j', (bad) => {
    const doc = JSON.parse(minimalText()) as { halls: { id: string }[] };
    doc.halls[0]!.id = bad;
    const r = parseLayoutValue(doc);
    expect(!r.ok && r.error.issues.map((i) => `${i.path}: ${i.message}`)).toContain(
      'halls[0].id: must not contain control, bidi or zero-width characters',
    );
  });
});
