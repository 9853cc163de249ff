import { describe, expect, it } from 'vitest';
import { SUBSTATION_DEFAULTS } from '../../domain';
import { EMPTY_OVERLAY } from './types';
import { createSubstationTool } from './substationTool';
import { toolHarness } from './testing';

describe('substation tool', () => {
  it('its ghost follows the pointer, snapped', () => {
    const h = toolHarness(createSubstationTool());
    h.move(400.4, 300.3);
    expect(h.overlay().rects).toEqual([
      {
        x: 400,
        y: 300,
        width: SUBSTATION_DEFAULTS.width,
        depth: SUBSTATION_DEFAULTS.depth,
        rotation: 0,
      },
    ]);
  });

  it('a click places a default-size yard centred at the snapped point; locked, the tool stays', () => {
    const h = toolHarness(createSubstationTool());
    h.sessionStore.getState().setToolLocked(true);
    h.click(400.4, 300.3);
    h.click(600, 300);
    expect(h.doc().substations.map((s) => [s.id, s.x, s.y, s.width, s.depth])).toEqual([
      ['sub-1', 400, 300, SUBSTATION_DEFAULTS.width, SUBSTATION_DEFAULTS.depth],
      ['sub-2', 600, 300, SUBSTATION_DEFAULTS.width, SUBSTATION_DEFAULTS.depth],
    ]);
    expect(h.undoSteps()).toBe(2);
    expect(h.selection()).toEqual(['sub-2']);
    expect(h.activeTool()).toBe('substation');
  });

  it('a drag places nothing; Esc goes back to select', () => {
    const h = toolHarness(createSubstationTool());
    const before = h.doc();
    h.drag(100, 100, 200, 150);
    expect(h.doc()).toBe(before);
    expect(h.key('Escape')).toBe(true);
    expect(h.activeTool()).toBe('select');
    expect(h.overlay()).toEqual(EMPTY_OVERLAY);
  });
});
