import { create } from 'zustand';
import { lessonById, type LessonId } from '../domain/lessons/lessons';
import type { CheckId } from '../domain/report/types';

/**
 * The calculators' own view state (not the document, not undoable, never exported): which tab of
 * the right panel shows, whether the Learn view is open and on which lesson, and the checks a
 * lesson points at (the checklist highlights them).
 */
export type PanelTab = 'totals' | 'checks' | 'halls';

export interface CalculatorsUi {
  readonly tab: PanelTab;
  readonly learnOpen: boolean;
  readonly lessonId: LessonId;
  /** What the Learn view shows: the open lesson, or the Sources page. */
  readonly learnPage: 'lesson' | 'sources';
  /** The Sources page entry to scroll to and mark (an anchor id), or null. */
  readonly sourceAnchor: string | null;
  /** Checks the open lesson points at; the checklist marks them. */
  readonly highlighted: readonly CheckId[];
  setTab: (tab: PanelTab) => void;
  /** Open the Learn view on `id`, highlight its checks and show the checklist. */
  openLesson: (id: LessonId) => void;
  closeLearn: () => void;
  /** Open the Learn view on the Sources page, at `anchor` when given. */
  openSources: (anchor?: string | null) => void;
  clearHighlight: () => void;
}

export const createCalculatorsUi = () =>
  create<CalculatorsUi>()((set) => ({
    tab: 'totals',
    learnOpen: false,
    lessonId: 'density',
    learnPage: 'lesson',
    sourceAnchor: null,
    highlighted: [],
    setTab: (tab) => set({ tab }),
    openLesson: (id) =>
      set({
        learnOpen: true,
        learnPage: 'lesson',
        lessonId: id,
        highlighted: lessonById(id)?.checks ?? [],
        tab: 'checks',
      }),
    closeLearn: () => set({ learnOpen: false }),
    openSources: (anchor = null) =>
      set({ learnOpen: true, learnPage: 'sources', sourceAnchor: anchor }),
    clearHighlight: () => set({ highlighted: [] }),
  }));

export type CalculatorsUiStore = ReturnType<typeof createCalculatorsUi>;

/** Where the canvas context menu is open (client px), or null. UI only. */
export const createContextMenuStore = () =>
  create<{ readonly at: { readonly x: number; readonly y: number } | null }>()(() => ({
    at: null,
  }));

export type ContextMenuStore = ReturnType<typeof createContextMenuStore>;
