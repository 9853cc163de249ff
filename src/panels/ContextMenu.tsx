import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type MouseEvent as ReactMouseEvent,
} from 'react';
import { useStore } from 'zustand';
import { screenToWorld } from '../editor/camera';
import { hitTest, HIT_TOLERANCE_PX } from '../editor/hitTest';
import './ContextMenu.css';
import type { Editor } from '../editor/editor';
import { useEditor } from '../editor/EditorProvider';

/** An entry of the menu: an action of the app's registry. */
export interface MenuAction {
  readonly id: string;
  readonly label: string;
  readonly shortcut: string;
  readonly perform: () => void;
  readonly enabled: () => boolean;
}

/**
 * Right-click on the canvas: select what is under the pointer (keeping the selection when it is
 * already part of it; clearing it on empty ground), then open the menu there. Elsewhere (legend,
 * toolbar) the browser's own menu stays.
 */
export function openCanvasContextMenu(editor: Editor, e: ReactMouseEvent): void {
  const canvas =
    e.target instanceof Element ? e.target.closest('[data-testid=campus-canvas]') : null;
  if (!canvas) return;
  e.preventDefault();
  const rect = canvas.getBoundingClientRect();
  const session = editor.session.getState();
  const world = screenToWorld(session.camera, {
    x: e.clientX - rect.left,
    y: e.clientY - rect.top,
  });
  const hit = hitTest(
    editor.document.getState().doc,
    world,
    HIT_TOLERANCE_PX / session.camera.scale,
  );
  if (!hit) session.setSelection([]);
  else if (!session.selection.includes(hit.id)) session.setSelection([hit.id]);
  editor.contextMenu.setState({ at: { x: e.clientX, y: e.clientY }, world });
}

/** Keep the menu inside the window. */
const MARGIN_PX = 6;

/**
 * The canvas context menu: the registry's actions that apply now (the same ones the keys run),
 * with their shortcuts. Arrow keys move between entries, Enter runs one, Esc or a click outside
 * closes it.
 */
export const ContextMenu = memo(function ContextMenu({
  actions,
}: {
  actions: readonly MenuAction[];
}) {
  const { contextMenu } = useEditor();
  // Where the menu is open (client px), or null. Not the document, not the session: UI only.
  const at = useStore(contextMenu, (s) => s.at);
  const closeContextMenu = useCallback(
    () => contextMenu.setState({ at: null, world: null }),
    [contextMenu],
  );
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null);
  const [items, setItems] = useState<readonly MenuAction[]>([]);

  // What applies is decided when the menu opens.
  useLayoutEffect(() => {
    setItems(at ? actions.filter((a) => a.enabled()) : []);
    setPlace(at ? { left: at.x, top: at.y } : null);
  }, [at, actions]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !at) return;
    const r = el.getBoundingClientRect();
    const left = Math.max(MARGIN_PX, Math.min(at.x, window.innerWidth - r.width - MARGIN_PX));
    const top = Math.max(MARGIN_PX, Math.min(at.y, window.innerHeight - r.height - MARGIN_PX));
    setPlace((p) => (p && p.left === left && p.top === top ? p : { left, top }));
    // Keys go to the menu; the first arrow press picks an entry (a mouse user sees none picked).
    el.focus();
  }, [at, items]);

  useEffect(() => {
    if (!at) return;
    const outside = (e: Event) => {
      if (!(e.target instanceof Node) || !ref.current?.contains(e.target)) closeContextMenu();
    };
    window.addEventListener('pointerdown', outside, true);
    window.addEventListener('wheel', closeContextMenu, { passive: true });
    window.addEventListener('resize', closeContextMenu);
    window.addEventListener('blur', closeContextMenu);
    return () => {
      window.removeEventListener('pointerdown', outside, true);
      window.removeEventListener('wheel', closeContextMenu);
      window.removeEventListener('resize', closeContextMenu);
      window.removeEventListener('blur', closeContextMenu);
    };
  }, [at, closeContextMenu]);

  if (!at || !place) return null;

  const onKeyDown = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    // Keys in the menu are the menu's: arrows must not also move the selection.
    e.stopPropagation();
    const buttons = [
      ...(ref.current?.querySelectorAll<HTMLButtonElement>('[role=menuitem]') ?? []),
    ];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      closeContextMenu();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const down = e.key === 'ArrowDown';
      const next = i < 0 ? (down ? 0 : buttons.length - 1) : i + (down ? 1 : -1);
      buttons[(next + buttons.length) % buttons.length]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      (e.key === 'Home' ? buttons[0] : buttons.at(-1))?.focus();
    }
  };

  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label="Selection"
      data-testid="context-menu"
      tabIndex={-1}
      style={{ left: place.left, top: place.top }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {items.length === 0 && <div className="context-menu-empty">Nothing to do here</div>}
      {items.map((a) => (
        <button
          key={a.id}
          type="button"
          role="menuitem"
          className="context-menu-item"
          data-action={a.id}
          onClick={() => {
            // The campus point stays for the entry's own use (Paste lands there), then goes.
            contextMenu.setState({ at: null });
            a.perform();
            contextMenu.setState({ world: null });
          }}
        >
          <span className="context-menu-label">{a.label}</span>
          <kbd className="context-menu-shortcut">{a.shortcut}</kbd>
        </button>
      ))}
    </div>
  );
});
