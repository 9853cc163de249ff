import { memo, useCallback, useEffect } from 'react';
import './toast.css';
import { useNotifications } from '../editor/EditorProvider';
import { noticeOf, TOAST_KEY, type ToastTone } from '../state/notifications';

/** How long a toast stays up, ms. */
export const TOAST_MS = 4000;

/** The session's transient message over the canvas ("Rack rows go inside a hall"). */
export const Toast = memo(function Toast() {
  const notice = useNotifications((s) => noticeOf(s, TOAST_KEY));
  const dismissKey = useNotifications((s) => s.dismiss);
  const dismiss = useCallback(() => dismissKey(TOAST_KEY), [dismissKey]);
  const toast = notice && { ...notice, tone: notice.tone as ToastTone };
  const id = toast?.id;
  useEffect(() => {
    if (id === undefined) return;
    const timer = window.setTimeout(dismiss, TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [id, dismiss]);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div
          key={toast.id}
          className={`toast is-${toast.tone}`}
          data-testid="toast"
          data-tone={toast.tone}
        >
          <span className="toast-icon" aria-hidden="true">
            {toast.tone === 'info' ? 'i' : '!'}
          </span>
          <span className="toast-text">{toast.text}</span>
          <button type="button" className="toast-close" aria-label="Dismiss" onClick={dismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
});
