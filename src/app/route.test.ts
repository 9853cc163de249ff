import { describe, expect, it } from 'vitest';
import { LESSONS, lessonHref } from '../domain/lessons';
import { lessonFromSearch } from './route';

describe('lessonFromSearch', () => {
  it('reads a known lesson id', () => {
    expect(lessonFromSearch('?seed=traditional-20mw&lesson=density')).toBe('density');
    expect(lessonFromSearch('lesson=what-if')).toBe('what-if');
    expect(lessonFromSearch('?lesson=%20floor%20')).toBe('floor');
  });

  it('is null when absent, empty or unknown', () => {
    expect(lessonFromSearch('')).toBeNull();
    expect(lessonFromSearch('?seed=x&lesson=')).toBeNull();
    expect(lessonFromSearch('?lesson=nope')).toBeNull();
  });

  it('reads back every lesson link', () => {
    for (const l of LESSONS) expect(lessonFromSearch(lessonHref(l).slice(1))).toBe(l.id);
  });
});
