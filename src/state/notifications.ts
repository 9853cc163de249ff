import { create } from 'zustand';

/**
 * Every message the app shows the user, in one place: the toast over the canvas ("Rack rows go
 * inside a hall"), the file notices under the top bar ("Saved …", "Restored …", "Autosave failed")
 * and the banner about the sample that could not be opened. Each has a key: a new notice with
 * the same key replaces the old one. Session state: never exported, never undoable.
 */

/** Where a notice shows: the toast over the canvas, the file notices, or the top banner. */
export type NoticeKind = 'toast' | 'file' | 'banner';
export type NoticeTone = 'info' | 'success' | 'warning' | 'error';
export type ToastTone = 'info' | 'warning' | 'error';

export interface NoticeAction {
  readonly label: string;
  readonly run: () => void;
}

export interface NoticeInput {
  /** One notice per key: a new notice with the same key replaces the old one. */
  readonly key: string;
  readonly kind: NoticeKind;
  readonly tone: NoticeTone;
  readonly text: string;
  readonly actions?: readonly NoticeAction[];
}

export interface Notice extends NoticeInput {
  /** New for every notice shown (a repeated toast restarts its timer). */
  readonly id: number;
}

/** A file notice as the file commands give it (its kind is 'file'). */
export type FileNotice = Omit<NoticeInput, 'kind'>;

/** The toast's key: there is one toast at a time. */
export const TOAST_KEY = 'toast';

export interface NotificationsState {
  /** In the order shown (the newest last). */
  readonly notices: readonly Notice[];
  readonly lastId: number;
  notify: (notice: NoticeInput) => void;
  dismiss: (key: string) => void;
  /** A file notice (kind 'file'). */
  setNotice: (notice: FileNotice) => void;
  showToast: (text: string, tone?: ToastTone) => void;
}

export function createNotificationsStore() {
  return create<NotificationsState>()((set, get) => ({
    notices: [],
    lastId: 0,
    notify: (notice) =>
      set((s) => ({
        lastId: s.lastId + 1,
        notices: [
          ...s.notices.filter((n) => n.key !== notice.key),
          { ...notice, id: s.lastId + 1 },
        ],
      })),
    dismiss: (key) => {
      const notices = get().notices;
      if (notices.some((n) => n.key === key))
        set({ notices: notices.filter((n) => n.key !== key) });
    },
    setNotice: (notice) => get().notify({ ...notice, kind: 'file' }),
    showToast: (text, tone = 'info') => get().notify({ key: TOAST_KEY, kind: 'toast', tone, text }),
  }));
}

export type NotificationsStore = ReturnType<typeof createNotificationsStore>;

/** The notice with `key`, if shown. */
export const noticeOf = (s: NotificationsState, key: string): Notice | undefined =>
  s.notices.find((n) => n.key === key);
