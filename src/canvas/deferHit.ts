import type Konva from 'konva';

/**
 * Konva redraws a listening layer's hit canvas (one colour-keyed copy of every shape, used for
 * pointer picking) whenever it draws the scene. While the camera moves nobody is picking, so the
 * hit redraw waits until the camera has been still for `idleMs`: a pan or zoom frame then costs
 * the scene only. Konva itself skips hit drawing during drags for the same reason.
 */
export function deferHitWhileMoving(
  layer: Konva.Layer,
  idleMs = 120,
): { moved(): void; dispose(): void } {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- re-bound with call() below
  const base = layer.drawHit;
  let moving = false;
  let pending = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  layer.drawHit = function (this: Konva.Layer, can, top) {
    // A caller-supplied canvas (caching, export) is always drawn.
    if (moving && !can) {
      pending = true;
      return this;
    }
    return base.call(this, can, top);
  };
  return {
    moved() {
      moving = true;
      clearTimeout(timer);
      timer = setTimeout(() => {
        moving = false;
        if (pending) {
          pending = false;
          layer.drawHit();
        }
      }, idleMs);
    },
    dispose() {
      clearTimeout(timer);
      layer.drawHit = base;
    },
  };
}
