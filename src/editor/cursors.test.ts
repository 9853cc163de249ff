import { describe, expect, it } from 'vitest';
import { resizeCursor, ROTATE_CURSOR } from './cursors';

describe('cursors', () => {
  it('a resize cursor follows the handle direction on screen, turned with the element', () => {
    expect(resizeCursor('e', 0)).toBe('ew-resize');
    expect(resizeCursor('w', 0)).toBe('ew-resize');
    expect(resizeCursor('n', 0)).toBe('ns-resize');
    expect(resizeCursor('se', 0)).toBe('nwse-resize');
    expect(resizeCursor('ne', 0)).toBe('nesw-resize');
    // Turned a quarter: the east handle points down.
    expect(resizeCursor('e', 90)).toBe('ns-resize');
    // Turned 45°: the east handle points down-right; 30° rounds to the nearer 45°.
    expect(resizeCursor('e', 45)).toBe('nwse-resize');
    expect(resizeCursor('e', 30)).toBe('nwse-resize');
    expect(resizeCursor('e', 20)).toBe('ew-resize');
  });

  it('the rotate cursor is an image with a fallback', () => {
    expect(ROTATE_CURSOR).toMatch(/^url\("data:image\/svg\+xml,.+"\) 12 12, crosshair$/);
  });
});
