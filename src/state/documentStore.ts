import { create } from 'zustand';
import { freeze, produce, type Draft } from 'immer';
import { defaultParcel, defaultSettings, FORMAT_ID, FORMAT_VERSION, type Layout } from '../domain';
import * as H from './history';

/**
 * The document store: the open `Layout` (immutable; edits go through immer `produce`) and its
 * undo history. It holds only what is exported; camera, selection and tool live in the session store.
 */
export interface DocumentState extends H.HistoryState<Layout> {
  /** Counts `load` calls: the canvas fits the view when it changes. */
  readonly loadGeneration: number;

  /** Replace the document (a file opened, a seed loaded) and clear the history. */
  load: (layout: Layout) => void;
  /** One edit, one undo step. A recipe that changes nothing records nothing. */
  apply(recipe: (draft: Draft<Layout>) => void, label: string): void;
  undo: () => void;
  redo: () => void;
  /** Mark the start of a gesture (drag, resize, rotate). */
  beginGesture: () => void;
  /** Change the document during the gesture, without history. Without an open gesture: nothing. */
  updateGesture(recipe: (draft: Draft<Layout>) => void): void;
  /** End the gesture as one undo step (none when the document is unchanged). */
  commitGesture: (label: string) => void;
  /** End the gesture and restore exactly the document at its start (Esc). */
  cancelGesture: () => void;
}

export function emptyLayout(name = 'Untitled campus'): Layout {
  return {
    format: FORMAT_ID,
    version: FORMAT_VERSION,
    name,
    settings: defaultSettings(),
    parcel: defaultParcel(),
    halls: [],
    rackRows: [],
    coolingZones: [],
    substations: [],
    fiberTrenches: [],
    generatorYards: [],
    batteryYards: [],
    coolingPlants: [],
    powerFeeders: [],
  };
}

function historyOf(s: DocumentState): H.HistoryState<Layout> {
  return { doc: s.doc, past: s.past, future: s.future, mark: s.mark };
}

export function createDocumentStore(initial: Layout = emptyLayout()) {
  return create<DocumentState>()((set, get) => {
    const step = (f: (h: H.HistoryState<Layout>) => H.HistoryState<Layout>) => {
      const before = historyOf(get());
      const after = f(before);
      if (after !== before) set(after);
    };
    return {
      ...H.initialHistory(freeze(initial, true)),
      loadGeneration: 0,
      load: (layout) =>
        // Deep-freezing once makes later `produce` calls skip untouched subtrees.
        set((s) => ({
          ...H.initialHistory(freeze(layout, true)),
          loadGeneration: s.loadGeneration + 1,
        })),
      apply: (recipe, label) => step((h) => H.applyEdit(h, produce(h.doc, recipe), label)),
      undo: () => step(H.undo),
      redo: () => step((h) => H.redo(h)),
      beginGesture: () => step(H.beginGesture),
      updateGesture: (recipe) =>
        step((h) => (h.mark === null ? h : H.updateGesture(h, produce(h.doc, recipe)))),
      commitGesture: (label) => step((h) => H.commitGesture(h, label)),
      cancelGesture: () => step(H.cancelGesture),
    };
  });
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;
