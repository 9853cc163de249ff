import { describe, expect, it } from 'vitest';
import { createSessionStore } from './sessionStore';

describe('session: the view when the canvas resizes', () => {
  it('keeps the campus point at the centre of the canvas where it is', () => {
    const s = createSessionStore();
    s.getState().setViewport(800, 600);
    s.getState().setCamera({ x: 100, y: 50, scale: 2 });
    const centre = (st = s.getState()) => ({
      x: (st.viewport.width / 2 - st.camera.x) / st.camera.scale,
      y: (st.viewport.height / 2 - st.camera.y) / st.camera.scale,
    });
    const before = centre();
    s.getState().setViewport(500, 700);
    expect(centre()).toEqual(before);
    expect(s.getState().camera.scale).toBe(2);
  });

  it('the first measurement sets the size only', () => {
    const s = createSessionStore();
    s.getState().setViewport(800, 600);
    expect(s.getState().camera).toEqual({ x: 0, y: 0, scale: 1 });
  });

  it('records what overlays cover, rounded, never negative', () => {
    const s = createSessionStore();
    s.getState().setViewInsets('left', 65.6);
    s.getState().setViewInsets('bottom', -3);
    expect(s.getState().viewInsets).toEqual({ top: 0, right: 0, bottom: 0, left: 66 });
  });
});
