import { useLayoutEffect, useRef, type ReactNode } from 'react';
import './FileMenu.css';

/**
 * A modal dialog frame (the native <dialog> in the top layer: focus stays inside, Esc closes).
 * Everything in it is React text: names from files are never HTML.
 */
export function ModalDialog({
  title,
  onClose,
  children,
  footer,
  testId,
  wide = false,
  tone,
  className,
}: {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly footer: ReactNode;
  readonly testId: string;
  readonly wide?: boolean;
  readonly tone?: 'error' | 'warning';
  /** More classes on the <dialog> (a dialog's own size). */
  readonly className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useLayoutEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const titleId = `${testId}-title`;
  return (
    <dialog
      ref={ref}
      className={`file-dialog${wide ? ' is-wide' : ''}${tone ? ` is-${tone}` : ''}${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="file-dialog-title">
        {title}
      </h2>
      <div className="file-dialog-body">{children}</div>
      <div className="file-dialog-footer">{footer}</div>
    </dialog>
  );
}
