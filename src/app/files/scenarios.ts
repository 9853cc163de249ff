import { addScenario, serializeScenarios, uniqueScenarioName } from '../../domain/format';
import { isolate } from '../../domain/text';
import type { Editor } from '../../editor/editor';
import { downloadText } from './download';
import { fileNameFor } from './fileNames';

/**
 * Scenarios of the open layout: "Save as scenario" snapshots the document under a name (kept in
 * the editor's files state and, with the layout, in the autosave); "Export scenarios" downloads
 * them as a JSON file of their own. The layout file never holds them (format version 2 is
 * unchanged): a layout handed on carries its scenarios only when the user exports them too.
 */

const notices = (editor: Editor) => editor.notifications.getState();

/** Save the open document as a scenario; returns the name it was saved under. */
export function saveScenario(editor: Editor, wanted: string, now = Date.now()): string {
  const { scenarios } = editor.files.getState();
  const name = uniqueScenarioName(wanted, scenarios);
  const layout = editor.document.getState().doc;
  editor.files.setState({
    scenarios: addScenario(scenarios, { name, savedAt: now, layout }),
    unreadScenarios: null,
  });
  notices(editor).setNotice({
    key: 'scenario',
    tone: 'success',
    text: `Saved scenario “${isolate(name)}”. Compare… (Shift+C) puts it beside the layout.`,
  });
  return name;
}

/** Forget a scenario by name. */
export function deleteScenario(editor: Editor, name: string): void {
  const { scenarios } = editor.files.getState();
  editor.files.setState({ scenarios: scenarios.filter((s) => s.name !== name) });
}

/** "Save as scenario…": ask for a name (the dialog saves it). */
export function askSaveScenario(editor: Editor): void {
  editor.files.getState().openDialog({ kind: 'save-scenario' });
}

/** "Compare…": the compare dialog (loaded on first use). */
export function openCompare(editor: Editor): void {
  editor.files.getState().openDialog({ kind: 'compare' });
}

/** Download the layout's scenarios as `<layout>-scenarios.json`; null when there are none. */
export function exportScenarios(editor: Editor): string | null {
  const { scenarios } = editor.files.getState();
  if (scenarios.length === 0) {
    notices(editor).setNotice({
      key: 'scenario',
      tone: 'info',
      text: 'This layout has no scenarios to export. Save one first (File → Save as scenario…).',
    });
    return null;
  }
  const name = editor.document.getState().doc.name || 'campus layout';
  const fileName = fileNameFor(name, 'json', 'scenarios');
  downloadText(serializeScenarios(scenarios), fileName, 'application/json');
  notices(editor).setNotice({
    key: 'scenario',
    tone: 'success',
    text: `Exported ${scenarios.length} scenario${scenarios.length === 1 ? '' : 's'} to ${isolate(fileName)}.`,
  });
  return fileName;
}
