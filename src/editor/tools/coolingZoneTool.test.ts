import { describe, expect, it } from 'vitest';
import { createHall } from '../../domain';
import { emptyLayout } from '../../state/documentStore';
import { createCoolingZoneTool, ZONE_MARGIN_M } from './coolingZoneTool';
import { toolHarness } from './testing';

describe('cooling zone tool', () => {
  it('a drag makes a zone of the tool options’ type and capacity, as one undo step', () => {
    const h = toolHarness(createCoolingZoneTool());
    h.sessionStore.getState().setToolOptions({ coolingType: 'immersion', zoneCapacityMw: 35 });
    h.drag(100, 100, 180, 140);
    expect(h.doc().coolingZones).toEqual([
      {
        id: 'cz-1',
        name: 'Zone 1',
        x: 140,
        y: 120,
        width: 80,
        depth: 40,
        rotation: 0,
        type: 'immersion',
        capacityMw: 35,
      },
    ]);
    expect(h.undoSteps()).toBe(1);
    expect(h.selection()).toEqual(['cz-1']);
    expect(h.activeTool()).toBe('select');
  });

  it('a click on a hall wraps that hall, turned with it', () => {
    const hall = createHall('hall-1', { x: 300, y: 200 }, { width: 80, depth: 40, rotation: 30 });
    const h = toolHarness(createCoolingZoneTool(), { ...emptyLayout(), halls: [hall] });
    h.click(295, 203);
    expect(h.doc().coolingZones[0]).toMatchObject({
      x: 300,
      y: 200,
      width: 80 + 2 * ZONE_MARGIN_M,
      depth: 40 + 2 * ZONE_MARGIN_M,
      rotation: 30,
      type: 'dlc',
    });
  });

  it('a click away from halls makes a default-size zone centred there', () => {
    const h = toolHarness(createCoolingZoneTool());
    h.click(600, 500);
    expect(h.doc().coolingZones[0]).toMatchObject({ x: 600, y: 500, width: 130, depth: 70 });
  });
});
