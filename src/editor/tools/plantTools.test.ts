import { describe, expect, it } from 'vitest';
import {
  BATTERY_YARD_DEFAULTS,
  COOLING_PLANT_DEFAULTS,
  createHall,
  createSubstation,
  GENERATOR_YARD_DEFAULTS,
  PLANT_TYPES,
} from '../../domain';
import { emptyLayout } from '../../state/documentStore';
import {
  createBatteryYardTool,
  createCoolingPlantTool,
  createGeneratorYardTool,
} from './plantTools';
import { createFeederTool } from './trenchTool';
import { toolHarness } from './testing';
import { EMPTY_OVERLAY } from './types';

describe('generator yard tool (G)', () => {
  it('its ghost is a default-size yard following the pointer, snapped to the grid', () => {
    const h = toolHarness(createGeneratorYardTool());
    h.move(200.4, 150.3);
    expect(h.overlay().rects).toEqual([
      {
        x: 200,
        y: 150,
        width: GENERATOR_YARD_DEFAULTS.width,
        depth: GENERATOR_YARD_DEFAULTS.depth,
        rotation: 0,
      },
    ]);
  });

  it('a click places 12 × 3 MW gensets centred at the snapped point, one undo step; locked, the tool stays', () => {
    const h = toolHarness(createGeneratorYardTool());
    h.sessionStore.getState().setToolLocked(true);
    h.click(200.4, 150.3);
    h.click(400, 150);
    expect(h.doc().generatorYards).toEqual([
      {
        id: 'gen-1',
        name: 'Gensets 1',
        x: 200,
        y: 150,
        width: 60,
        depth: 30,
        rotation: 0,
        units: 12,
        unitMw: 3,
      },
      expect.objectContaining({ id: 'gen-2', x: 400, y: 150 }),
    ]);
    expect(h.undoSteps()).toBe(2);
    expect(h.selection()).toEqual(['gen-2']);
    expect(h.activeTool()).toBe('generatorYard');
  });

  it('a drag places nothing; Esc goes back to select', () => {
    const h = toolHarness(createGeneratorYardTool());
    const before = h.doc();
    h.drag(100, 100, 200, 150);
    expect(h.doc()).toBe(before);
    expect(h.key('Escape')).toBe(true);
    expect(h.activeTool()).toBe('select');
    expect(h.overlay()).toEqual(EMPTY_OVERLAY);
  });
});

describe('battery yard tool (B)', () => {
  it('a click places a 50 MW / 200 MWh (4 h) yard', () => {
    const h = toolHarness(createBatteryYardTool());
    h.click(300, 300);
    expect(h.doc().batteryYards).toEqual([
      {
        id: 'bess-1',
        name: 'BESS 1',
        x: 300,
        y: 300,
        width: BATTERY_YARD_DEFAULTS.width,
        depth: BATTERY_YARD_DEFAULTS.depth,
        rotation: 0,
        powerMw: 50,
        energyMwh: 200,
      },
    ]);
    expect(h.selection()).toEqual(['bess-1']);
    expect(h.undoSteps()).toBe(1);
    // One yard made: back to select (the tool lock is off).
    expect(h.activeTool()).toBe('select');
  });
});

describe('cooling plant tool (K)', () => {
  it('places a plant of the options’ type with that type’s unit size', () => {
    const h = toolHarness(createCoolingPlantTool());
    h.sessionStore.getState().setToolLocked(true);
    h.click(100, 100);
    h.sessionStore.getState().setToolOptions({ plantType: 'chiller-tower' });
    h.click(300, 100);
    const [dry, towers] = h.doc().coolingPlants;
    expect(dry).toMatchObject({
      id: 'cp-1',
      type: 'dry-cooler',
      units: COOLING_PLANT_DEFAULTS.units,
      unitMw: PLANT_TYPES['dry-cooler'].unitMw.value,
      width: COOLING_PLANT_DEFAULTS.width,
      depth: COOLING_PLANT_DEFAULTS.depth,
    });
    expect(towers).toMatchObject({
      id: 'cp-2',
      type: 'chiller-tower',
      name: 'Chillers with cooling towers 2',
      unitMw: PLANT_TYPES['chiller-tower'].unitMw.value,
    });
    expect(h.undoSteps()).toBe(2);
  });

  it('Esc while pressed abandons the click; nothing is placed', () => {
    const h = toolHarness(createCoolingPlantTool());
    h.down(100, 100);
    expect(h.key('Escape')).toBe(true);
    h.up(100, 100);
    expect(h.doc().coolingPlants).toEqual([]);
    expect(h.activeTool()).toBe('coolingPlant');
  });
});

describe('power feeder tool (E)', () => {
  /** A substation at (50, 50) 40 × 20 and a hall at (200, 50) 60 × 30. */
  function campus() {
    return {
      ...emptyLayout(),
      substations: [createSubstation('sub-1', { x: 50, y: 50 }, { width: 40, depth: 20 })],
      halls: [createHall('hall-1', { x: 200, y: 50 }, { width: 60, depth: 30 })],
    };
  }

  it('clicks + Enter make a feeder with the options’ MVA, as one undo step', () => {
    const h = toolHarness(createFeederTool(), campus());
    h.sessionStore.getState().setToolOptions({ feederMva: 80 });
    h.click(100, 100);
    h.click(150, 100);
    expect(h.doc().powerFeeders).toEqual([]);
    expect(h.key('Enter')).toBe(true);
    expect(h.doc().powerFeeders).toEqual([
      {
        id: 'fd-1',
        name: 'Feeder 1',
        points: [
          [100, 100],
          [150, 100],
        ],
        capacityMva: 80,
      },
    ]);
    expect(h.undoSteps()).toBe(1);
    expect(h.selection()).toEqual(['fd-1']);
    // One feeder made: back to select (the tool lock is off).
    expect(h.activeTool()).toBe('select');
  });

  it('vertices snap like a trench’s: to a substation’s and a hall’s edge, and to other feeders’ vertices', () => {
    const h = toolHarness(createFeederTool(), campus());
    h.sessionStore.getState().setToolLocked(true);
    // 0.3 m (3 px) outside the substation's right edge (x = 70) and the hall's left edge (x = 170).
    h.click(70.3, 52.2);
    h.click(169.7, 47.6);
    h.doubleClick(169.7, 47.6);
    const f = h.doc().powerFeeders[0]!;
    expect(f.points[0]![0]).toBeCloseTo(70, 9);
    expect(f.points[1]![0]).toBeCloseTo(170, 9);
    // A second feeder starting near the first one's end snaps onto that vertex.
    h.click(170.4, 47.9);
    h.click(170.4, 120);
    h.key('Enter');
    expect(h.doc().powerFeeders[1]!.points[0]).toEqual(f.points[1]);
  });

  it('one click then Enter makes nothing; Esc abandons with no document change', () => {
    const h = toolHarness(createFeederTool(), campus());
    const before = h.doc();
    h.click(10, 10);
    h.key('Enter');
    expect(h.doc()).toBe(before);
    h.click(10, 10);
    h.click(40, 10);
    expect(h.key('Escape')).toBe(true);
    expect(h.doc()).toBe(before);
    expect(h.overlay()).toEqual(EMPTY_OVERLAY);
  });
});
