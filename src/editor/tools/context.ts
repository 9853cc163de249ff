import type { Layout } from '../../domain';
import type { DocumentStore } from '../../state/documentStore';
import type { NotificationsStore } from '../../state/notifications';
import type { SessionStore } from '../../state/sessionStore';
import { elementIndex } from '../../state/selectors';
import { snapPoint } from '../snap';
import type { ToolContext } from './types';

/** A fresh id `<prefix>-<n>` not used in the document (ids are unique across the whole file). */
export function freshId(doc: Layout, prefix: string): string {
  const index = elementIndex(doc);
  let n = 1;
  const re = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)$`);
  for (const id of index.keys()) {
    const m = re.exec(id);
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  while (index.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

/** The stores a ToolContext works on (an editor has them). */
export interface ToolStores {
  readonly document: DocumentStore;
  readonly session: SessionStore;
  readonly notifications: NotificationsStore;
}

/** The ToolContext over an editor's stores. */
export function createToolContext({ document, session, notifications }: ToolStores): ToolContext {
  const d = () => document.getState();
  const s = () => session.getState();
  return {
    doc: () => d().doc,
    selection: () => s().selection,
    setSelection: (ids) => s().setSelection(ids),
    apply: (recipe, label) => d().apply(recipe, label),
    beginGesture: () => d().beginGesture(),
    updateGesture: (recipe) => d().updateGesture(recipe),
    commitGesture: (label) => d().commitGesture(label),
    cancelGesture: () => d().cancelGesture(),
    snap: (p, alt, options) => snapPoint(d().doc, p, { scale: s().camera.scale, alt, ...options }),
    scale: () => s().camera.scale,
    setOverlay: (overlay) => s().setOverlay(overlay),
    newId: (prefix) => freshId(d().doc, prefix),
    setTool: (tool) => s().setTool(tool),
    toolLocked: () => s().toolLocked,
    entered: () => s().entered,
    setEntered: (id) => s().setEntered(id),
    selectParcel: () => s().selectParcel(),
    parcelSelected: () => s().parcelSelected,
    toolOptions: () => s().toolOptions,
    showToast: (text, tone) => notifications.getState().showToast(text, tone),
  };
}
