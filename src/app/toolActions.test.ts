import { beforeEach, describe, expect, it } from 'vitest';
import { createEditor, type Editor } from '../editor/editor';
import { ALL_TOOLS } from '../editor/tools';
import { createActions, type Action } from './actions';
import { TOOLS } from './toolActions';

let editor: Editor;
let ACTIONS: readonly Action[];
let TOOL_ACTIONS: readonly Action[];

beforeEach(() => {
  editor = createEditor({ tools: ALL_TOOLS });
  const actions = createActions(editor);
  ACTIONS = actions.all;
  TOOL_ACTIONS = actions.tools;
});

const key = (k: string, mods: Partial<KeyboardEvent> = {}) =>
  ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...mods,
  }) as KeyboardEvent;

describe('tool actions', () => {
  it('are in the action registry, one per tool, with the README shortcuts', () => {
    expect(TOOL_ACTIONS.map((a) => [a.id, a.label, a.shortcut])).toEqual([
      ['tool.select', 'Select tool', 'V'],
      ['tool.hall', 'Hall tool', 'H'],
      ['tool.rackRow', 'Rack row tool', 'R'],
      ['tool.coolingZone', 'Cooling zone tool', 'C'],
      ['tool.substation', 'Substation tool', 'S'],
      ['tool.fiberTrench', 'Fiber trench tool', 'F'],
      ['tool.generatorYard', 'Generator yard tool', 'G'],
      ['tool.batteryYard', 'Battery yard tool', 'B'],
      ['tool.coolingPlant', 'Cooling plant tool', 'K'],
      ['tool.powerFeeder', 'Power feeder tool', 'E'],
      ['tool.parcel', 'Parcel tool', 'P'],
      ['tool.lock', 'Tool lock', 'Q'],
    ]);
    for (const a of TOOL_ACTIONS) expect(ACTIONS).toContain(a);
  });

  it('switch tools on plain keys, either case, and not with modifiers', () => {
    for (const { tool, key: k } of TOOLS) {
      const action = ACTIONS.find((a) => a.matches(key(k.toLowerCase())));
      expect(action?.id).toBe(`tool.${tool}`);
      action!.perform();
      expect(editor.session.getState().tool).toBe(tool);
    }
    const hall = TOOL_ACTIONS.find((a) => a.id === 'tool.hall')!;
    expect(hall.matches(key('H', { shiftKey: true }))).toBe(false);
    expect(hall.matches(key('h', { ctrlKey: true }))).toBe(false);
    expect(hall.matches(key('h', { metaKey: true }))).toBe(false);
    expect(hall.matches(key('h', { altKey: true }))).toBe(false);
  });

  it('Q turns the tool lock on and off', () => {
    const lock = ACTIONS.find((a) => a.matches(key('q')));
    expect(lock?.id).toBe('tool.lock');
    lock!.perform();
    expect(editor.session.getState().toolLocked).toBe(true);
    lock!.perform();
    expect(editor.session.getState().toolLocked).toBe(false);
    expect(lock!.matches(key('q', { ctrlKey: true }))).toBe(false);
  });
});
