import { describe, expect, it } from 'vitest';
import { CullIndex, type Cullable } from './culling';

class FakeNode implements Cullable {
  sets = 0;
  private on = true;
  visible(): boolean;
  visible(v: boolean): this;
  visible(v?: boolean): boolean | this {
    if (v === undefined) return this.on;
    this.on = v;
    this.sets++;
    return this;
  }
}

const box = (minX: number, minY: number, maxX: number, maxY: number) => ({
  minX,
  minY,
  maxX,
  maxY,
});

describe('culling', () => {
  it('hides what is off screen and shows it again when it comes back', () => {
    const cull = new CullIndex();
    const a = new FakeNode();
    const b = new FakeNode();
    cull.set('a', a, box(0, 0, 10, 10));
    cull.set('b', b, box(500, 500, 510, 510));
    cull.cull(box(-5, -5, 100, 100));
    expect(a.visible()).toBe(true);
    expect(b.visible()).toBe(false);
    cull.cull(box(400, 400, 600, 600));
    expect(a.visible()).toBe(false);
    expect(b.visible()).toBe(true);
    expect(cull.stats()).toEqual({ entries: 2, visible: 1 });
  });

  it('touches a node only when its visibility changes', () => {
    const cull = new CullIndex();
    const a = new FakeNode();
    cull.set('a', a, box(0, 0, 10, 10));
    for (let i = 0; i < 5; i++) cull.cull(box(0, 0, 100, 100));
    expect(a.sets).toBe(0);
  });

  it('a new or moved element is culled against the last view at once', () => {
    const cull = new CullIndex();
    cull.cull(box(0, 0, 100, 100));
    const a = new FakeNode();
    cull.set('a', a, box(200, 200, 210, 210));
    expect(a.visible()).toBe(false);
    cull.set('a', a, box(50, 50, 60, 60));
    expect(a.visible()).toBe(true);
  });

  it('delete forgets an element only if the node matches', () => {
    const cull = new CullIndex();
    const a = new FakeNode();
    const a2 = new FakeNode();
    cull.set('a', a, box(0, 0, 1, 1));
    cull.set('a', a2, box(0, 0, 1, 1));
    cull.delete('a', a); // a stale cleanup after a re-register
    expect(cull.stats().entries).toBe(1);
    cull.delete('a', a2);
    expect(cull.stats().entries).toBe(0);
  });
});
