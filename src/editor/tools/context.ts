import type { Layout } from '../../domain';
import { useDocumentStore, type DocumentStore } from '../../state/documentStore';
import { useSessionStore, type SessionStore } from '../../state/sessionStore';
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

/** The ToolContext over the app's stores (or the given ones, for tests). */
export function createToolContext(
  documentStore: DocumentStore = useDocumentStore,
  sessionStore: SessionStore = useSessionStore,
): ToolContext {
  const d = () => documentStore.getState();
  const s = () => sessionStore.getState();
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
    toolOptions: () => s().toolOptions,
    showToast: (text, tone) => s().showToast(text, tone),
  };
}
