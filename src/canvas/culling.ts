import { aabbOverlap, type AABB } from '../domain';

/** What culling needs of a node (a Konva node fits). */
export interface Cullable {
  visible(): boolean;
  visible(v: boolean): unknown;
}

interface Entry {
  readonly node: Cullable;
  /** Campus-frame box of everything the node draws. */
  readonly aabb: AABB;
}

/**
 * Which elements are on screen. Each element node registers its campus box; culling hides the
 * nodes whose box misses the view (Konva skips invisible nodes when drawing) and touches a node
 * only when its visibility changes. Rows are culled by their hall while it draws (rows.ts).
 */
export class CullIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly boxes = new WeakMap<Cullable, AABB>();
  private view: AABB | null = null;
  /**
   * Told the campus box of what changed on screen: an element's old box when it is forgotten,
   * its new box when it is set (the tile cache redraws only the tiles there), with its node.
   */
  onChange: (aabb: AABB, node: Cullable) => void = () => {};

  /**
   * Add or update an element, and cull it against the last view. Element nodes call this after
   * every render (a render means their drawing changed), after `delete` of the previous box.
   */
  set(key: string, node: Cullable, aabb: AABB): void {
    this.entries.set(key, { node, aabb });
    this.boxes.set(node, aabb);
    if (this.view) setVisible(node, aabbOverlap(aabb, this.view));
    this.onChange(aabb, node);
  }

  /** Forget an element (only if `node` is still the one registered under `key`). */
  delete(key: string, node?: Cullable): void {
    const e = this.entries.get(key);
    if (e && (!node || e.node === node)) {
      this.entries.delete(key);
      this.boxes.delete(e.node);
      this.onChange(e.aabb, e.node);
    }
  }

  /** The campus box registered for `node`, if it is an element's node. */
  boxOf(node: Cullable): AABB | undefined {
    return this.boxes.get(node);
  }

  /** Show what overlaps `view` (campus frame), hide the rest. */
  cull(view: AABB): void {
    this.view = view;
    for (const e of this.entries.values()) setVisible(e.node, aabbOverlap(e.aabb, view));
  }

  /** Counts for tests and benchmarks. */
  stats(): { entries: number; visible: number } {
    let visible = 0;
    for (const e of this.entries.values()) if (e.node.visible()) visible++;
    return { entries: this.entries.size, visible };
  }
}

function setVisible(node: Cullable, on: boolean): void {
  if (node.visible() !== on) node.visible(on);
}
