import { describe, expect, it } from 'vitest';
import { fileNameFor, MAX_SLUG, slugify } from './fileNames';

describe('file names from layout names', () => {
  it('lower-cases words and joins them with hyphens', () => {
    expect(slugify('Sample 200 MW Blackwell campus')).toBe('sample-200-mw-blackwell-campus');
    expect(fileNameFor('Sample 200 MW Blackwell campus', 'json')).toBe(
      'sample-200-mw-blackwell-campus.json',
    );
    expect(fileNameFor('Sample 200 MW Blackwell campus', 'png', 'campus')).toBe(
      'sample-200-mw-blackwell-campus-campus.png',
    );
  });

  it('drops punctuation, symbols and repeated separators', () => {
    expect(slugify('Blackwell campus: ~207 MW IT of GB300 NVL72 (4 halls, 1,536 racks, N+1)')).toBe(
      'blackwell-campus-207-mw-it-of-gb300-nvl72-4-halls-1-536-racks-n-1',
    );
    expect(slugify('  --Hall   A / B__C--  ')).toBe('hall-a-b-c');
    expect(slugify('750 MW gross ≈ 500 MW IT')).toBe('750-mw-gross-500-mw-it');
  });

  it('folds accents and never writes path characters or HTML', () => {
    expect(slugify('Düsseldorf Süd – Phase Ⅱ')).toBe('dusseldorf-sud-phase-ii');
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
    expect(slugify('<img src=x onerror=alert(1)>')).toBe('img-src-x-onerror-alert-1');
    expect(slugify('C:\\Windows\\con')).toBe('c-windows-con');
  });

  it('is never empty', () => {
    for (const name of ['', '   ', '東京キャンパス', '🚀🚀', '---']) {
      expect(slugify(name)).toBe('campus-layout');
    }
  });

  it('cuts long names at a word boundary', () => {
    const slug = slugify('word '.repeat(100));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG);
    expect(slug.endsWith('word')).toBe(true);
    expect(slugify('x'.repeat(200)).length).toBeLessThanOrEqual(MAX_SLUG);
  });
});
