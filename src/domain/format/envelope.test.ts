import { describe, expect, test } from 'vitest';
import { FORMAT_VERSION } from '../model';
import {
  envelopeError,
  MAX_FILE_BYTES,
  parseLayoutText,
  parseLayoutValue,
  type LoadError,
  type LoadResult,
} from './parse';
import { serializeLayout } from './serialize';
import { minimalLayout, plantLayout } from './testing';

function errorOf(r: LoadResult): LoadError {
  if (r.ok) throw new Error('expected the file to be refused');
  // Never half-loaded: a refused file carries no layout at all.
  expect(Object.keys(r)).toEqual(['ok', 'error']);
  return r.error;
}
const minimalText = () => serializeLayout(minimalLayout());
const withVersion = (version: unknown) => ({ ...(JSON.parse(minimalText()) as object), version });

describe('the envelope', () => {
  test('text that is not JSON', () => {
    for (const text of [
      '',
      '{oops',
      '{"format": "ai-campus-layout",',
      'NaN',
      "{'a': 1}",
      minimalText().slice(0, -3),
    ]) {
      const e = errorOf(parseLayoutText(text));
      expect(e.kind).toBe('not-json');
      expect(e.message).toMatch(/^not a JSON file: /);
      expect(e.issues).toEqual([]);
    }
  });

  test('a UTF-8 byte order mark before the JSON is skipped (one; it is not JSON)', () => {
    const r = parseLayoutText(`\uFEFF${minimalText()}`);
    expect(r.ok && r.layout).toEqual(minimalLayout());
    // Only one, and only at the start.
    expect(errorOf(parseLayoutText(`\uFEFF\uFEFF${minimalText()}`)).kind).toBe('not-json');
    expect(errorOf(parseLayoutText(` \uFEFF${minimalText()}`)).kind).toBe('not-json');
  });

  test('JSON that is not an object: an array, a number, a string, null', () => {
    for (const text of ['[]', '[1, 2]', '42', '"ai-campus-layout"', 'null', 'true']) {
      expect(errorOf(parseLayoutText(text))).toEqual({
        kind: 'not-a-layout',
        message: 'not a campus layout file',
        issues: [],
      });
    }
  });

  test('an object of another format, or none', () => {
    for (const value of [
      {},
      { format: 'excalidraw', version: 2 },
      { type: 'excalidraw', elements: [] },
      { format: 'AI-CAMPUS-LAYOUT', version: 1 },
    ]) {
      expect(errorOf(parseLayoutValue(value)).kind).toBe('not-a-layout');
    }
  });

  test('a newer version is refused, naming it', () => {
    const e = errorOf(parseLayoutValue(withVersion(3)));
    expect(e).toEqual({
      kind: 'too-new',
      message:
        'this file is format version 3; this planner reads up to version 2 — update the planner',
      issues: [],
    });
    expect(errorOf(parseLayoutValue(withVersion(17))).message).toBe(
      'this file is format version 17; this planner reads up to version 2 — update the planner',
    );
  });

  test('a version 3 file is refused by its version alone, however broken the rest is', () => {
    // Nothing but the envelope is read: a newer file may mean anything by its other fields.
    for (const body of [{}, { halls: 'not a list', settings: 7 }, { parcel: null }]) {
      const e = errorOf(parseLayoutValue({ format: 'ai-campus-layout', version: 3, ...body }));
      expect(e.kind).toBe('too-new');
      expect(e.issues).toEqual([]);
    }
  });

  test('the version gate: a version 1 reader refuses a version 2 file by its version', () => {
    // What a reader of version 1 (this planner before format 2) does with what we now write.
    const v2 = JSON.parse(serializeLayout(plantLayout())) as unknown;
    expect(envelopeError(v2, 1)).toEqual({
      kind: 'too-new',
      message:
        'this file is format version 2; this planner reads up to version 1 — update the planner',
      issues: [],
    });
    // … and this planner reads it, and a version 1 file too.
    expect(envelopeError(v2)).toBe(null);
    expect(envelopeError(withVersion(1))).toBe(null);
    expect(envelopeError(withVersion(1), 1)).toBe(null);
  });

  test('the current version loads as is', () => {
    const r = parseLayoutText(minimalText());
    expect(r.ok && r.migratedFrom).toBe(null);
    expect(FORMAT_VERSION).toBe(2);
  });

  test('version 0 is migrated', () => {
    const v0 = {
      format: 'ai-campus-layout',
      version: 0,
      name: 'Old',
      tier: 'rubin',
      redundancy: 'N',
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
    const r = parseLayoutText(JSON.stringify(v0));
    expect(r.ok && r.migratedFrom).toBe(0);
    expect(r.ok && r.layout.settings.targetTier).toBe('rubin');
  });

  test('a version that is not a whole number is refused', () => {
    for (const version of ['1', 1.5, -1, null, [1], { v: 1 }, Infinity, 2 ** 53]) {
      const e = errorOf(parseLayoutValue(withVersion(version)));
      expect(e.kind).toBe('invalid');
      expect(e.issues).toEqual([
        { path: 'version', message: 'must be a whole number (the format version)' },
      ]);
      expect(e.message).toBe('version: must be a whole number (the format version)');
    }
    const { version: _, ...noVersion } = JSON.parse(minimalText()) as Record<string, unknown>;
    expect(errorOf(parseLayoutValue(noVersion)).message).toBe('version: is required');
  });
});

describe('file size', () => {
  test('a file over 50 MB is refused before parsing', () => {
    // Not JSON at all: if it were parsed, the error would be 'not-json'.
    const e = errorOf(parseLayoutText('x'.repeat(MAX_FILE_BYTES + 1)));
    expect(e).toEqual({
      kind: 'too-large',
      message: 'this file is over 50 MB, the largest the planner opens',
      issues: [],
    });
  });

  test('the limit counts UTF-8 bytes, not characters', () => {
    // 'é' is 2 bytes in UTF-8: 26.2 M characters but 52.4 MB.
    expect(errorOf(parseLayoutText('é'.repeat(MAX_FILE_BYTES / 2 + 1))).kind).toBe('too-large');
    // '😀' is 2 UTF-16 units and 4 bytes.
    expect(errorOf(parseLayoutText('😀'.repeat(MAX_FILE_BYTES / 4 + 1))).kind).toBe('too-large');
  });

  test('a file of exactly 50 MB is read', () => {
    const text = minimalText();
    const r = parseLayoutText(text + ' '.repeat(MAX_FILE_BYTES - text.length));
    expect(r.ok).toBe(true);
  });
});
