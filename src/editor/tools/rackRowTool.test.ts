import { describe, expect, it } from 'vitest';
import { createHall, hallToCampus, RACK_PROFILES, type Layout } from '../../domain';
import { emptyLayout } from '../../state/documentStore';
import { createRackRowTool, placeRow, ROW_OUTSIDE_HALL_MESSAGE } from './rackRowTool';
import { toolHarness } from './testing';

/** A 60 × 20 m hall centred at (100, 100), turned 90° clockwise: it stands 20 wide, 60 tall. */
const turnedHall = createHall('hall-1', { x: 100, y: 100 }, { width: 60, depth: 20, rotation: 90 });
const layoutWith = (...halls: Layout['halls']): Layout => ({ ...emptyLayout(), halls });

describe('rack row tool', () => {
  it('a click in a hall turned 90° places the row at the right hall-frame coordinates', () => {
    const h = toolHarness(createRackRowTool(), layoutWith(turnedHall));
    h.sessionStore
      .getState()
      .setToolOptions({ profile: 'vr-nvl144', rackCount: 10, kwPerRack: 190 });
    // Campus (105, 90): 5 m right of and 10 m above the centre. Turning back by 90° puts it 10 m
    // before the centre along the hall's length and 5 m before it across: (30 − 10, 10 − 5).
    h.click(105, 90);
    expect(h.doc().rackRows).toEqual([
      {
        id: 'row-1',
        hallId: 'hall-1',
        x: 20,
        y: 5,
        rotation: 0,
        rackCount: 10,
        profile: 'vr-nvl144',
        kwPerRack: 190,
        massKg: null,
      },
    ]);
    const back = hallToCampus(turnedHall, h.doc().rackRows[0]!);
    expect(back.x).toBeCloseTo(105, 9);
    expect(back.y).toBeCloseTo(90, 9);
    expect(h.undoSteps()).toBe(1);
    expect(h.docStore.getState().past[0]!.label).toBe('Add rack row');
    expect(h.selection()).toEqual(['row-1']);
    // Back to select after one row; with the tool lock on, the tool stays for the next row.
    expect(h.activeTool()).toBe('select');
    h.sessionStore.getState().setToolLocked(true);
    h.sessionStore.getState().setTool('rackRow');
    h.click(95, 110);
    expect(h.activeTool()).toBe('rackRow');
    expect(h.doc().rackRows.map((r) => [r.id, r.x, r.y])).toEqual([
      ['row-1', 20, 5],
      ['row-2', 40, 15],
    ]);
  });

  it('kW per rack null (the options’ default) keeps the profile’s default', () => {
    const h = toolHarness(createRackRowTool(), layoutWith(turnedHall));
    h.click(105, 90);
    expect(h.doc().rackRows[0]).toMatchObject({
      profile: 'gb300-nvl72',
      rackCount: 8,
      kwPerRack: null,
    });
  });

  it('its ghost follows the pointer over a hall, turned with the hall', () => {
    const h = toolHarness(createRackRowTool(), layoutWith(turnedHall));
    h.sessionStore.getState().setToolOptions({ rackCount: 10 });
    h.move(105, 90);
    const [ghost] = h.overlay().rects;
    const profile = RACK_PROFILES['gb300-nvl72'];
    expect(ghost).toMatchObject({ width: 10 * profile.widthM.value, depth: profile.depthM.value });
    expect(ghost!.rotation).toBe(90);
    expect(ghost!.x).toBeCloseTo(105, 9);
    expect(ghost!.y).toBeCloseTo(90, 9);
    // Off the hall: no ghost row.
    h.move(300, 300);
    expect(h.overlay().rects).toEqual([]);
  });

  it('nudges a row placed near a wall back inside the hall', () => {
    const hall = createHall('hall-1', { x: 100, y: 100 }, { width: 60, depth: 20 });
    const placed = placeRow(
      hall,
      { x: 129, y: 109.9 },
      {
        profile: 'gb300-nvl72',
        rackCount: 10,
        kwPerRack: null,
        coolingType: 'dlc',
        zoneCapacityMw: 20,
        fiberCount: 1728,
        plantType: 'dry-cooler',
        feederMva: 60,
      },
    );
    // 10 racks × 0.6 m = 6 m long, 1.2 m deep: its centre can go no nearer the walls than that.
    expect(placed.inHall).toEqual({ x: 57, y: 19.4 });
  });

  it('a click outside every hall makes nothing and says where rows go', () => {
    const h = toolHarness(createRackRowTool(), layoutWith(turnedHall));
    const before = h.doc();
    h.click(400, 400);
    expect(h.doc()).toBe(before);
    expect(h.toast()).toMatchObject({ text: ROW_OUTSIDE_HALL_MESSAGE, tone: 'warning' });
  });

  it('goes into the topmost hall where halls overlap', () => {
    const under = createHall('hall-1', { x: 100, y: 100 }, { width: 60, depth: 40 });
    const over = createHall('hall-2', { x: 120, y: 100 }, { width: 60, depth: 40 });
    const h = toolHarness(createRackRowTool(), layoutWith(under, over));
    h.click(110, 103);
    expect(h.doc().rackRows[0]!.hallId).toBe('hall-2');
  });

  it('a drag places nothing', () => {
    const h = toolHarness(createRackRowTool(), layoutWith(turnedHall));
    const before = h.doc();
    h.drag(100, 80, 100, 120);
    expect(h.doc()).toBe(before);
  });
});
