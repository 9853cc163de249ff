import { SEEDS } from '../../../seeds';
import type { Action } from '../../editor/action';
import type { Editor } from '../../editor/editor';
import type { MenuGroup } from '../../panels/FileMenu';
import { letter, mod } from '../keys';
import {
  exportGeoJson,
  exportPng,
  exportSvg,
  editSiteLocation,
  openFilePicker,
  printReport,
} from './commands';
import { EMPTY_TEMPLATE, newFromTemplate, saveLayoutJson } from './documentFiles';
import { askSaveScenario, exportScenarios, openCompare } from './scenarios';
import { copyShareLink } from './shareLink';

/**
 * The File menu's actions, in the app's action registry: the menu, the keyboard (Ctrl/Cmd+O,
 * Ctrl/Cmd+S) and tests all run these. Actions without a shortcut never match a key.
 */

const never = () => false;

export const FILE_ACTION_IDS = {
  open: 'file.open',
  save: 'file.save',
  exportGeoJson: 'file.exportGeoJson',
  exportPngView: 'file.exportPngView',
  exportPngCampus: 'file.exportPngCampus',
  exportSvg: 'file.exportSvg',
  print: 'file.print',
  share: 'file.copyShareLink',
  site: 'file.siteLocation',
  generate: 'file.generate',
  generateInto: 'file.generateInto',
  saveScenario: 'file.saveScenario',
  compare: 'file.compare',
  exportScenarios: 'file.exportScenarios',
} as const;

export const templateActionId = (id: string): string => `file.new.${id}`;

/** New from template: each sample in seeds/, then an empty parcel. */
export const TEMPLATES: readonly { readonly id: string; readonly label: string }[] = [
  ...SEEDS.map((s) => ({ id: s.id, label: s.title })),
  { id: EMPTY_TEMPLATE, label: 'Empty parcel' },
];

/** The file actions of an editor. */
export const fileActions = (editor: Editor): readonly Action[] => [
  {
    id: FILE_ACTION_IDS.open,
    label: 'Open…',
    shortcut: 'Ctrl+O',
    matches: (e) => mod(e) && !e.shiftKey && !e.altKey && letter(e, 'o'),
    perform: openFilePicker,
  },
  {
    id: FILE_ACTION_IDS.save,
    label: 'Save (download JSON)',
    shortcut: 'Ctrl+S',
    // Ctrl+S and Ctrl+Shift+S both save: there is no "save as" apart from the download itself.
    matches: (e) => mod(e) && !e.altKey && letter(e, 's'),
    perform: () => void saveLayoutJson(editor),
  },
  {
    id: FILE_ACTION_IDS.exportGeoJson,
    label: 'Export GeoJSON…',
    shortcut: '',
    matches: never,
    perform: () => void exportGeoJson(editor),
  },
  {
    id: FILE_ACTION_IDS.exportPngView,
    label: 'Export PNG (current view)',
    shortcut: '',
    matches: never,
    perform: () => void exportPng(editor, 'view'),
  },
  {
    id: FILE_ACTION_IDS.exportPngCampus,
    label: 'Export PNG (whole campus, 4,096 px)',
    shortcut: '',
    matches: never,
    perform: () => void exportPng(editor, 'campus'),
  },
  {
    id: FILE_ACTION_IDS.exportSvg,
    label: 'Export SVG',
    shortcut: '',
    matches: never,
    perform: () => void exportSvg(editor),
  },
  {
    id: FILE_ACTION_IDS.print,
    label: 'Print report…',
    shortcut: '',
    matches: never,
    perform: () => void printReport(editor),
  },
  {
    id: FILE_ACTION_IDS.share,
    label: 'Copy share link',
    shortcut: '',
    matches: never,
    perform: () => void copyShareLink(editor),
  },
  {
    id: FILE_ACTION_IDS.site,
    label: 'Site location…',
    shortcut: '',
    matches: never,
    perform: () => void editSiteLocation(editor),
  },
  {
    id: FILE_ACTION_IDS.generate,
    label: 'Generate campus…',
    shortcut: '',
    matches: never,
    perform: () => editor.files.getState().openDialog({ kind: 'generate', into: false }),
  },
  {
    id: FILE_ACTION_IDS.generateInto,
    label: 'Generate into this parcel…',
    shortcut: '',
    matches: never,
    perform: () => editor.files.getState().openDialog({ kind: 'generate', into: true }),
  },
  {
    id: FILE_ACTION_IDS.saveScenario,
    label: 'Save as scenario…',
    shortcut: '',
    matches: never,
    perform: () => askSaveScenario(editor),
  },
  {
    id: FILE_ACTION_IDS.compare,
    label: 'Compare…',
    shortcut: 'Shift+C',
    matches: (e) => e.shiftKey && !mod(e) && !e.altKey && letter(e, 'c'),
    perform: () => openCompare(editor),
  },
  {
    id: FILE_ACTION_IDS.exportScenarios,
    label: 'Export scenarios (JSON)',
    shortcut: '',
    matches: never,
    perform: () => void exportScenarios(editor),
  },
  ...TEMPLATES.map((t): Action => ({
    id: templateActionId(t.id),
    label: `New: ${t.label}`,
    shortcut: '',
    matches: never,
    perform: () => void newFromTemplate(editor, t.id),
  })),
];

/** The File menu's groups, in order (template items read as their title: "New" is the heading). */
export function fileMenuGroups(actions: readonly Action[]): readonly MenuGroup[] {
  const actionById = new Map(actions.map((a) => [a.id, a]));
  const item = (id: string, label?: string) => {
    const a = actionById.get(id)!;
    return { id, label: label ?? a.label, shortcut: a.shortcut, perform: a.perform };
  };
  return [
    {
      heading: 'New',
      items: [
        ...TEMPLATES.map((t) => item(templateActionId(t.id), t.label)),
        item(FILE_ACTION_IDS.generate),
        item(FILE_ACTION_IDS.generateInto),
      ],
    },
    { items: [item(FILE_ACTION_IDS.open), item(FILE_ACTION_IDS.save)] },
    {
      heading: 'Scenarios',
      items: [
        item(FILE_ACTION_IDS.saveScenario),
        item(FILE_ACTION_IDS.compare),
        item(FILE_ACTION_IDS.exportScenarios),
      ],
    },
    {
      heading: 'Export',
      items: [
        item(FILE_ACTION_IDS.exportGeoJson),
        item(FILE_ACTION_IDS.exportPngView),
        item(FILE_ACTION_IDS.exportPngCampus),
        item(FILE_ACTION_IDS.exportSvg),
      ],
    },
    {
      items: [item(FILE_ACTION_IDS.print), item(FILE_ACTION_IDS.share), item(FILE_ACTION_IDS.site)],
    },
  ];
}

/** Run a file action of an editor by id (tests). */
export function performFileAction(editor: Editor, id: string): void {
  fileActions(editor)
    .find((a) => a.id === id)
    ?.perform();
}
