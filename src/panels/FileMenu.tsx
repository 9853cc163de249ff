import { memo, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Action } from '../editor/action';
import './FileMenu.css';
import { useDocument, useFiles } from '../editor/EditorProvider';

/** A group of the File menu: an optional heading and its items, each an action. */
export interface MenuGroup {
  readonly heading?: string;
  readonly items: readonly Pick<Action, 'id' | 'label' | 'shortcut' | 'perform'>[];
}

/** "Unsaved changes" next to the menu, with when the browser last autosaved. */
const SaveState = memo(function SaveState() {
  const savedDoc = useFiles((s) => s.savedDoc);
  // A boolean: an edit (every frame of a drag) re-renders this only when it changes.
  const dirty = useDocument((s) => s.doc !== savedDoc);
  const autosavedAt = useFiles((s) => s.autosavedAt);
  if (!dirty) return null;
  const when =
    autosavedAt === null
      ? 'Not yet autosaved in this browser.'
      : `Autosaved in this browser at ${new Date(autosavedAt).toLocaleTimeString()}.`;
  return (
    <span
      className="save-state"
      data-testid="save-state"
      title={`${when} Save a file with Ctrl+S.`}
    >
      <span className="save-state-dot" aria-hidden="true" />
      Unsaved changes
    </span>
  );
});

/**
 * The File menu of the top bar: new from a template, open, save, exports, print, share link and
 * the site location. Each item runs the same action as its keyboard shortcut.
 */
export const FileMenu = memo(function FileMenu({ groups }: { groups: readonly MenuGroup[] }) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const items = () => [
    ...(menuRef.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? []),
  ];

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const onPointerDown = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [open]);

  const close = (focusButton: boolean) => {
    setOpen(false);
    if (focusButton) buttonRef.current?.focus();
  };

  const onMenuKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const focus = (i: number) => list[(i + list.length) % list.length]?.focus();
    switch (e.key) {
      case 'ArrowDown':
        focus(at + 1);
        break;
      case 'ArrowUp':
        focus(at - 1);
        break;
      case 'Home':
        focus(0);
        break;
      case 'End':
        focus(list.length - 1);
        break;
      case 'Escape':
        close(true);
        break;
      case 'Tab':
        setOpen(false);
        return;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  const run = (perform: () => void) => {
    close(false);
    perform();
  };

  return (
    <div className="file-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={`file-menu-button${open ? ' is-open' : ''}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        data-testid="file-menu-button"
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        File
        <svg className="file-menu-caret" viewBox="0 0 10 6" aria-hidden="true">
          <path d="M1 1l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label="File"
          className="file-menu-list"
          data-testid="file-menu"
          onKeyDown={onMenuKeyDown}
        >
          {groups.map((group, g) => (
            <div key={g} role="group" aria-label={group.heading} className="file-menu-group">
              {group.heading && (
                <div className="file-menu-heading" aria-hidden="true">
                  {group.heading}
                </div>
              )}
              {group.items.map(({ id, label, shortcut, perform }) => (
                <button
                  key={id}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className="file-menu-item"
                  data-action={id}
                  onClick={() => run(perform)}
                >
                  <span className="file-menu-label">{label}</span>
                  {shortcut && <kbd className="file-menu-kbd">{shortcut}</kbd>}
                </button>
              ))}
            </div>
          ))}
        </div>
      )}
      <SaveState />
    </div>
  );
});
