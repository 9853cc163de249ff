import type { ToolId } from '../state/sessionStore';
import type { Editor } from '../editor/editor';
import type { Action } from '../editor/action';
import type { ToolButton } from '../panels/Toolbar';
import { letter } from './keys';

/** The tools in toolbar order: what users call each and its one-key shortcut. */
export const TOOLS: readonly {
  readonly tool: ToolId;
  readonly name: string;
  readonly key: string;
}[] = [
  { tool: 'select', name: 'Select', key: 'V' },
  { tool: 'hall', name: 'Hall', key: 'H' },
  { tool: 'rackRow', name: 'Rack row', key: 'R' },
  { tool: 'coolingZone', name: 'Cooling zone', key: 'C' },
  { tool: 'substation', name: 'Substation', key: 'S' },
  { tool: 'fiberTrench', name: 'Fiber trench', key: 'F' },
  { tool: 'generatorYard', name: 'Generator yard', key: 'G' },
  { tool: 'batteryYard', name: 'Battery yard', key: 'B' },
  { tool: 'coolingPlant', name: 'Cooling plant', key: 'K' },
  { tool: 'powerFeeder', name: 'Power feeder', key: 'E' },
  { tool: 'parcel', name: 'Parcel', key: 'P' },
];

export const toolActionId = (tool: ToolId): string => `tool.${tool}`;

/**
 * Switch tools (V, H, R, C, S, F, G, B, K, E, P; on a Cyrillic layout the same physical keys). Plain keys only:
 * with Ctrl/Cmd, Alt or Shift the key belongs to another shortcut (Ctrl+C copies, Shift+R is free
 * for others).
 */
export const toolActions = (editor: Editor): readonly Action[] => [
  ...TOOLS.map(({ tool, name, key }) => ({
    id: toolActionId(tool),
    label: `${name} tool`,
    shortcut: key,
    matches: (e: KeyboardEvent) =>
      !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey && letter(e, key.toLowerCase()),
    perform: () => editor.session.getState().setTool(tool),
  })),
  toolLockAction(editor),
];

/** The tool lock's key (Excalidraw's): creation tools stay active after making an element. */
export const TOOL_LOCK_KEY = 'Q';

/** Q: the tool lock on or off (the toolbar's lock button does the same). */
export const toolLockAction = (editor: Editor): Action => ({
  id: 'tool.lock',
  label: 'Tool lock',
  shortcut: TOOL_LOCK_KEY,
  matches: (e: KeyboardEvent) =>
    !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey && letter(e, 'q'),
  perform: () => {
    const s = editor.session.getState();
    s.setToolLocked(!s.toolLocked);
  },
});

/** The toolbar's buttons: each runs the same action as its key. */
export const toolButtons = (actions: readonly Action[]): readonly ToolButton[] =>
  TOOLS.map((t, i) => ({
    ...t,
    perform: actions[i]!.perform,
  }));
