import { useLayoutEffect, type RefObject } from 'react';
import { useEditor } from '../editor/EditorProvider';
import type { ViewInsets } from '../state/sessionStore';

/** Gap kept between an overlay and the campus when the view is fitted, px. */
const GAP_PX = 8;

/**
 * Tell the session how much of the canvas's `side` edge the overlay `ref` covers (its far edge
 * measured from that side of its container, plus a small gap), while it is mounted, so that
 * "fit" keeps the campus clear of it. Back to 0 when it unmounts.
 */
export function useViewInset(ref: RefObject<HTMLElement | null>, side: keyof ViewInsets): void {
  const { session } = useEditor();
  useLayoutEffect(() => {
    const el = ref.current;
    const parent = el?.offsetParent;
    if (!el || !(parent instanceof HTMLElement)) return;
    const measure = () => {
      const a = el.getBoundingClientRect();
      const p = parent.getBoundingClientRect();
      const px =
        side === 'left'
          ? a.right - p.left
          : side === 'right'
            ? p.right - a.left
            : side === 'top'
              ? a.bottom - p.top
              : p.bottom - a.top;
      session.getState().setViewInsets(side, a.width > 0 && a.height > 0 ? px + GAP_PX : 0);
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    ro.observe(parent);
    return () => {
      ro.disconnect();
      session.getState().setViewInsets(side, 0);
    };
  }, [ref, side, session]);
}
