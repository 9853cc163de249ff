import { describe, expect, it } from 'vitest';
import { nextFreeName } from './text';

describe('nextFreeName: copies take the next free number', () => {
  it('counts on from the highest number of the same stem', () => {
    const taken = new Set(['Hall 1', 'Hall 2', 'Hall 3', 'Hall 4']);
    expect(nextFreeName('Hall 2', taken)).toBe('Hall 5');
    expect(nextFreeName('Hall 4', taken)).toBe('Hall 5');
  });

  it('numbers a name without one from 2, skipping names in use', () => {
    expect(nextFreeName('Liquid loop A', new Set(['Liquid loop A']))).toBe('Liquid loop A 2');
    expect(nextFreeName('Yard', new Set(['Yard', 'Yard 2']))).toBe('Yard 3');
  });

  it('leaves an empty name empty', () => {
    expect(nextFreeName('', new Set(['']))).toBe('');
  });
});
