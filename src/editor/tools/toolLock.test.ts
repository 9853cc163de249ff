import { describe, expect, it } from 'vitest';
import { createHall, type Layout } from '../../domain';
import { emptyLayout } from '../../state/documentStore';
import { createCoolingZoneTool } from './coolingZoneTool';
import { createHallTool } from './hallTool';
import { createRackRowTool } from './rackRowTool';
import { createSubstationTool } from './substationTool';
import { toolHarness } from './testing';
import { createTrenchTool } from './trenchTool';
import type { Tool } from './types';

const withHall = (): Layout => ({
  ...emptyLayout(),
  halls: [createHall('hall-1', { x: 100, y: 100 }, { width: 60, depth: 40 })],
});

/** Each creation tool and how to make one element with it (at campus metres, scale 10 px/m). */
const TOOLS: readonly {
  name: string;
  make: () => Tool;
  layout: () => Layout;
  createOne: (h: ReturnType<typeof toolHarness>) => void;
  count: (doc: Layout) => number;
}[] = [
  {
    name: 'hall',
    make: createHallTool,
    layout: emptyLayout,
    createOne: (h) => h.drag(0, 0, 30, 20),
    count: (d) => d.halls.length,
  },
  {
    name: 'rackRow',
    make: createRackRowTool,
    layout: withHall,
    createOne: (h) => h.click(100, 100),
    count: (d) => d.rackRows.length,
  },
  {
    name: 'coolingZone',
    make: createCoolingZoneTool,
    layout: emptyLayout,
    createOne: (h) => h.drag(300, 300, 340, 330),
    count: (d) => d.coolingZones.length,
  },
  {
    name: 'substation',
    make: createSubstationTool,
    layout: emptyLayout,
    createOne: (h) => h.click(500, 500),
    count: (d) => d.substations.length,
  },
  {
    name: 'fiberTrench',
    make: createTrenchTool,
    layout: emptyLayout,
    createOne: (h) => {
      h.click(10, 10);
      h.click(60, 10);
      h.key('Enter');
    },
    count: (d) => d.fiberTrenches.length,
  },
];

describe('creation tools and the tool lock', () => {
  for (const t of TOOLS) {
    it(`${t.name}: one element, then back to select`, () => {
      const tool = t.make();
      const h = toolHarness(tool, t.layout());
      t.createOne(h);
      expect(t.count(h.doc())).toBe(1);
      expect(h.activeTool()).toBe('select');
    });

    it(`${t.name}: with the lock on, the tool stays for the next`, () => {
      const tool = t.make();
      const h = toolHarness(tool, t.layout());
      h.sessionStore.getState().setToolLocked(true);
      t.createOne(h);
      expect(h.activeTool()).toBe(tool.id);
      t.createOne(h);
      expect(t.count(h.doc())).toBe(2);
      expect(h.activeTool()).toBe(tool.id);
    });
  }

  it('the trench tool stays while the polyline is being drawn, and leaves when it ends', () => {
    const h = toolHarness(createTrenchTool());
    h.click(10, 10);
    h.click(60, 10);
    expect(h.activeTool()).toBe('fiberTrench');
    h.doubleClick(90, 10);
    expect(h.doc().fiberTrenches).toHaveLength(1);
    expect(h.activeTool()).toBe('select');
  });
});
