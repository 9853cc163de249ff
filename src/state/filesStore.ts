import { create } from 'zustand';
import type { LoadError, Scenario } from '../domain/format';
import type { SiteAnchor } from '../domain/geo';
import type { Layout } from '../domain';

/**
 * What the file features keep about the open document and the page, apart from the document
 * itself: the document as last saved or opened (for "unsaved changes"), which document lineage
 * it is (for the two-tab warning) and the dialogs. Session state: never exported.
 */

export type FileDialog =
  | {
      readonly kind: 'confirm-discard';
      readonly name: string;
      /** What happens on "Discard", e.g. "open another file". */
      readonly doing: string;
      readonly resolve: (discard: boolean) => void;
    }
  | {
      readonly kind: 'import-errors';
      /** "Could not open hall.json". */
      readonly title: string;
      readonly error: LoadError;
    }
  | {
      readonly kind: 'share-link';
      readonly url: string;
      /** The link was copied to the clipboard already. */
      readonly copied: boolean;
      readonly tooLong: boolean;
    }
  | { readonly kind: 'save-scenario' }
  | { readonly kind: 'compare' }
  | {
      /** "Generate campus…": on a new empty parcel, or (`into`) on the open layout's parcel. */
      readonly kind: 'generate';
      readonly into: boolean;
    }
  | {
      readonly kind: 'site-anchor';
      readonly initial: SiteAnchor | null;
      readonly resolve: (anchor: SiteAnchor | null) => void;
    };

/** Where opening a layout is: checking the file (parse, migrate, validate), then its first report. */
export type LoadStage = 'checking' | 'report';

/** A layout being opened off the main thread (shown with a progress bar once it takes a while). */
export interface LoadingLayout {
  /** What is being opened: "hall.json", "the share link". */
  readonly label: string;
  readonly stage: LoadStage;
  /** Stop opening it; the open layout stays as it was. */
  readonly cancel: () => void;
}

export interface FilesState {
  /**
   * The document as it was when last saved to a file or opened (a file, sample, template or share
   * link); null when the open document has never been saved (a restored autosave). The document
   * has unsaved changes when it is not this very object (documents are immutable, so an edit
   * undone back to the saved state is clean again).
   */
  readonly savedDoc: Layout | null;
  /**
   * Identifies the open document's lineage across tabs: new for every opened file, sample,
   * template or share link; kept when an autosave is restored. Two tabs with the same layoutId
   * are editing the same layout.
   */
  readonly layoutId: string;
  /** When this tab last wrote its autosave (ms since 1970), or null. */
  readonly autosavedAt: number | null;
  readonly dialog: FileDialog | null;
  /** A file is being dragged over the window. */
  readonly dragging: boolean;
  /**
   * The print view, while printing: the campus picture, and whether the app asked to print
   * (the File menu) rather than the browser (Ctrl+P, which prints without waiting).
   */
  readonly print: { readonly png: string | null; readonly requested: boolean } | null;
  /** A slow open in progress (past LOAD_PROGRESS_AFTER_MS), or null. */
  readonly loading: LoadingLayout | null;
  /**
   * The open layout's scenarios ("Save as scenario"), oldest first: kept in the autosave with the
   * layout, never in its file (src/domain/format/scenarios.ts). Opening another layout clears them.
   */
  readonly scenarios: readonly Scenario[];
  /**
   * The autosave's scenarios text when it could not be read: written back unchanged (not lost)
   * until the layout has scenarios of its own again. Null when there is none.
   */
  readonly unreadScenarios: string | null;

  openDialog: (dialog: FileDialog) => void;
  closeDialog: () => void;
}

export const newLayoutId = (): string =>
  typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** The files state of one editor; `savedDoc` is the document open at the start. */
export const createFilesStore = (savedDoc: Layout | null = null) =>
  create<FilesState>()((set, get) => ({
    savedDoc,
    layoutId: newLayoutId(),
    autosavedAt: null,
    dialog: null,
    dragging: false,
    print: null,
    loading: null,
    scenarios: [],
    unreadScenarios: null,
    openDialog: (dialog) => {
      // A dialog that waits for an answer gets "no" when another replaces it.
      settle(get().dialog);
      set({ dialog });
    },
    closeDialog: () => {
      settle(get().dialog);
      set({ dialog: null });
    },
  }));

export type FilesStore = ReturnType<typeof createFilesStore>;

function settle(dialog: FileDialog | null): void {
  if (dialog?.kind === 'confirm-discard') dialog.resolve(false);
  else if (dialog?.kind === 'site-anchor') dialog.resolve(null);
}
