import { useLayoutEffect, useRef } from 'react';
import type { SessionState } from '../state/sessionStore';
import { useEditor } from '../editor/EditorProvider';

/**
 * Keep a piece of DOM in step with the session without React: `paint` is called once at mount and
 * then at most once per animation frame after the session changed, with the latest state. For
 * read-outs that follow the pointer and the camera (cursor position, zoom %, scale bar): a pointer
 * move or a camera step never re-renders a component, it only writes text and attributes.
 */
export function useSessionFrame(paint: (s: SessionState) => void): void {
  const { session } = useEditor();
  const latest = useRef(paint);
  useLayoutEffect(() => {
    latest.current = paint;
  });
  useLayoutEffect(() => {
    latest.current(session.getState());
    let frame = 0;
    const unsubscribe = session.subscribe(() => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        latest.current(session.getState());
      });
    });
    return () => {
      unsubscribe();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [session]);
}

/** Set an element's text only when it differs (a write that changes nothing still costs layout). */
export function setText(el: Element | null, text: string): void {
  if (el && el.textContent !== text) el.textContent = text;
}

/** Set an attribute only when it differs. */
export function setAttr(el: Element | null, name: string, value: string): void {
  if (el && el.getAttribute(name) !== value) el.setAttribute(name, value);
}
