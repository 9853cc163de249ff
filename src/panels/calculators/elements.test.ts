import { describe, expect, it } from 'vitest';
import { smallTraditionalCampus } from '../../domain/lessons/testLayout';
import { describeElements } from './elements';

describe('describeElements', () => {
  const layout = smallTraditionalCampus();
  it('counts ids by kind', () => {
    const halls = layout.halls.map((h) => h.id);
    expect(describeElements(layout, [])).toBe('');
    expect(describeElements(layout, halls.slice(0, 1))).toBe('1 hall');
    const row = layout.rackRows[0]!.id;
    const trench = layout.fiberTrenches[0]!.id;
    expect(describeElements(layout, [trench, row, halls[0]!])).toBe('1 hall, 1 row, 1 trench');
    expect(describeElements(layout, ['gone'])).toBe('1 other');
  });
});
