import { panBy } from '../camera';
import type { Camera, SessionStore } from '../../state/sessionStore';
import type { ToolPointerEvent } from './types';

/**
 * Panning (Space-drag, middle-drag): moves the camera, never the document. Kept outside the tool
 * registry because it interrupts whatever tool is active and hands back to it.
 */
export class PanGesture {
  private start: { screen: { x: number; y: number }; camera: Camera } | null = null;

  constructor(private readonly session: SessionStore) {}

  get active(): boolean {
    return this.start !== null;
  }

  begin(e: ToolPointerEvent): void {
    this.start = { screen: e.screen, camera: this.session.getState().camera };
  }

  move(e: ToolPointerEvent): void {
    if (!this.start) return;
    const { screen, camera } = this.start;
    this.session.getState().setCamera(panBy(camera, e.screen.x - screen.x, e.screen.y - screen.y));
  }

  end(): void {
    this.start = null;
  }
}
