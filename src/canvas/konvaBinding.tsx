/**
 * A small React binding for the Konva nodes the canvas uses (Stage, Layer, Shape, Line), in place
 * of react-konva and its second React renderer (react-reconciler, ~40 KB gzip).
 *
 * Each component owns one Konva node:
 * - The node is made when first needed, in a layout effect: its own, or a child's that adds itself
 *   to it (children's layout effects run before their parent's). Nothing Konva is made while
 *   rendering, so a render React throws away leaves nothing behind (a Konva shape registers itself
 *   globally; a stage too, in `Konva.stages`).
 * - On unmount (and in StrictMode's simulated unmount, or when hidden by Activity) the node is
 *   destroyed; it is made anew if the component's effects run again.
 * - Props are Konva attributes: the ones that changed since the last commit are set with
 *   `setAttrs`, and the ones that disappeared are reset to undefined, as react-konva does. Konva
 *   then asks the layer for a redraw (or, with `Konva.autoDrawEnabled` off, the binding does).
 * - `ref` gets the Konva node (set before the parent component's layout effects run).
 *
 * Z-order follows React's child order, as with react-konva: each component also renders an empty,
 * hidden DOM element (a marker) inside its parent's; React keeps the markers in the order of the
 * children, through mounts, unmounts and keyed moves. A node mounted later is placed after the
 * node of the nearest marker before its own; a move of existing children (bring to front) is seen
 * by a MutationObserver on the parent's markers, which puts the Konva children in marker order
 * (before the next frame is drawn) and fires `childrenReorder` on the parent.
 *
 * No Konva events are bound: the canvas listens for pointer events on its wrapper element.
 */
import {
  createContext,
  useContext,
  useImperativeHandle,
  useLayoutEffect,
  useState,
  type ReactNode,
  type Ref,
} from 'react';
import Konva from 'konva/lib/Core';
import { Line as KonvaLine, type LineConfig } from 'konva/lib/shapes/Line';
import type { Container } from 'konva/lib/Container';
import type { Node as KonvaNode } from 'konva/lib/Node';
import type { LayerConfig } from 'konva/lib/Layer';
import type { ShapeConfig } from 'konva/lib/Shape';
import type { StageConfig } from 'konva/lib/Stage';

/** Fired on a container node when the binding has reordered its children (a keyed move). */
export const CHILDREN_REORDER_EVENT = 'childrenReorder';

type Attrs = Record<string, unknown>;

/** Props that are not Konva attributes. */
const NOT_ATTRS: ReadonlySet<string> = new Set(['children', 'ref', 'key']);

/** Marker element → the binding whose place it marks. */
const bindingOfMarker = new WeakMap<Element, Binding<KonvaNode>>();

/**
 * Moves `node`, its parent's last child, back to index `want`, renumbering only the children it
 * passed: Konva's setZIndex renumbers every child, so mounting thousands of shapes before a few
 * others (a large campus opened: its halls before the zones, substations and trenches already
 * there) cost time quadratic in the shapes (about 0.5 s for 19,000 halls).
 */
function placeAt(parent: Container, node: KonvaNode, want: number): void {
  const kids = parent.children;
  const from = node.index;
  kids.splice(from, 1);
  kids.splice(want, 0, node);
  for (let k = want; k <= from; k++) kids[k]!.index = k;
  parent._notifySubtreeChange();
  parent._requestDraw();
}

/** One component's Konva node. */
class Binding<T extends KonvaNode> {
  private node: T | null = null;
  /** The attributes set by the last commit (none for a new node). */
  private applied: Attrs = {};
  private marker: Element | null = null;
  private childMarkers: Element | null = null;
  private observer: MutationObserver | null = null;

  constructor(
    private readonly make: () => T,
    readonly parent: Binding<Container> | null,
  ) {}

  /** The node, made now if there is none. */
  get(): T {
    if (!this.node) {
      this.node = this.make();
      this.applied = {};
    }
    return this.node;
  }

  /** The node if it exists (no new node). */
  current(): T | null {
    return this.node;
  }

  /** Ref for the marker element (stable, so React sets it once). */
  readonly markerRef = (el: Element | null): void => {
    if (this.marker) bindingOfMarker.delete(this.marker);
    this.marker = el;
    if (el) bindingOfMarker.set(el, this);
  };

  /** Make the node if needed and add it to its parent, in its place among its siblings. */
  mount(): void {
    const node = this.get();
    // A container keeps its children in the order of their markers (keyed moves).
    const markers = this.childMarkers;
    if (markers && !this.observer) {
      this.observer = new MutationObserver(() => this.reorder(markers));
      this.observer.observe(markers, { childList: true });
    }
    if (!this.parent) return;
    const parent = this.parent.get();
    if (node.getParent() === parent) return;
    parent.add(node);
    // Appended last; it belongs right after the node of the nearest marker before its own.
    let prev: KonvaNode | null = null;
    for (let m = this.marker?.previousElementSibling; m; m = m.previousElementSibling) {
      const n = bindingOfMarker.get(m)?.current();
      if (n && n.getParent() === parent) {
        prev = n;
        break;
      }
    }
    const want = prev ? prev.zIndex() + 1 : 0;
    if (node.zIndex() === want) return;
    // Layers: setZIndex moves their canvas elements too.
    if (parent instanceof Konva.Stage) node.zIndex(want);
    else placeAt(parent, node, want);
  }

  /** The element holding the markers of this node's children (a container node's). */
  setChildMarkers(el: Element | null): void {
    this.childMarkers = el;
  }

  /** Put this node's children in the order of their markers in `container`. */
  private reorder(container: Element): void {
    const parent = this.node as unknown as Container | null;
    if (!parent) return;
    const kids = parent.children;
    const want: KonvaNode[] = [];
    for (let m = container.firstElementChild; m; m = m.nextElementSibling) {
      const n = bindingOfMarker.get(m)?.current();
      if (n && n.getParent() === parent) want.push(n);
    }
    if (want.every((n, i) => kids[i] === n)) return;
    if (parent instanceof Konva.Stage) {
      // Layers: setZIndex moves their canvas elements too.
      want.forEach((n, i) => {
        if (kids[i] !== n) n.zIndex(i);
      });
    } else {
      const wanted = new Set(want);
      const rest = kids.filter((k) => !wanted.has(k));
      kids.splice(0, kids.length, ...want, ...rest);
      parent._setChildrenIndices();
    }
    parent.fire(CHILDREN_REORDER_EVENT);
    const drawing = parent.getLayer() ?? parent.getStage();
    drawing?.batchDraw();
  }

  /** Set the attributes that changed since the last commit; reset the ones that went away. */
  apply(props: Attrs): void {
    const node = this.get();
    const old = this.applied;
    const changed: Attrs = {};
    let any = false;
    for (const key in old) {
      if (!NOT_ATTRS.has(key) && !Object.hasOwn(props, key)) {
        changed[key] = undefined;
        any = true;
      }
    }
    for (const key in props) {
      if (!NOT_ATTRS.has(key) && props[key] !== old[key]) {
        changed[key] = props[key];
        any = true;
      }
    }
    this.applied = props;
    if (!any) return;
    node.setAttrs(changed);
    // Konva asks for a redraw itself unless auto-draw is off.
    if (!Konva.autoDrawEnabled) (node.getLayer() ?? node.getStage())?.batchDraw();
  }

  /** Destroy the node (the component unmounts, or its effects are disconnected). */
  unmount(): void {
    this.observer?.disconnect();
    this.observer = null;
    const node = this.node;
    this.node = null;
    this.applied = {};
    if (!node) return;
    const drawing = this.parent?.current();
    node.destroy();
    if (drawing && !Konva.autoDrawEnabled) (drawing.getLayer() ?? drawing.getStage())?.batchDraw();
  }
}

const ParentContext = createContext<Binding<Container> | null>(null);

function useParent(kind: string): Binding<Container> {
  const parent = useContext(ParentContext);
  if (!parent) throw new Error(`<${kind}> must be rendered inside a <Stage>.`);
  return parent;
}

/** The hooks every node component runs: mount/unmount, attributes, ref. */
function useBinding<T extends KonvaNode>(
  binding: Binding<T>,
  props: Attrs,
  ref: Ref<T> | undefined,
): void {
  useLayoutEffect(() => {
    binding.mount();
    return () => binding.unmount();
  }, [binding]);
  useLayoutEffect(() => binding.apply(props));
  useImperativeHandle(ref, () => binding.get(), [binding]);
}

type NodeProps<C, T> = Omit<C, 'container'> & { ref?: Ref<T> };

/** The stage's hidden element holding the markers of its layers (and theirs of their shapes). */
const MARKERS_STYLE = { display: 'none' } as const;

/**
 * A Konva stage in a `<div>`: its canvases go in the div, its layers come from the children. The
 * stage exists before the parent's layout effects run (its `ref` is set by then), and is destroyed
 * on unmount.
 */
export function Stage({
  ref,
  children,
  ...props
}: NodeProps<StageConfig, Konva.Stage> & { children?: ReactNode }) {
  const [s] = useState(() => {
    // Made in a detached element (a child layer may need the stage before this component's div
    // is in place), then moved into the div.
    const binding = new Binding(
      () => new Konva.Stage({ container: document.createElement('div') }),
      null,
    );
    const dom = { host: null as HTMLDivElement | null };
    return {
      binding,
      dom,
      hostRef: (el: HTMLDivElement | null) => void (dom.host = el),
      markersRef: (el: HTMLDivElement | null) => binding.setChildMarkers(el),
    };
  });
  useLayoutEffect(() => {
    const stage = s.binding.get();
    if (s.dom.host && stage.container() !== s.dom.host) stage.setContainer(s.dom.host);
  }, [s]);
  useBinding(s.binding, props, ref);
  return (
    <div ref={s.hostRef}>
      <div ref={s.markersRef} style={MARKERS_STYLE} aria-hidden="true">
        <ParentContext.Provider value={s.binding}>{children}</ParentContext.Provider>
      </div>
    </div>
  );
}

/** A Konva layer of the stage it is rendered in; its shapes come from the children. */
export function Layer({
  ref,
  children,
  ...props
}: NodeProps<LayerConfig, Konva.Layer> & { children?: ReactNode }) {
  const parent = useParent('Layer');
  const [s] = useState(() => {
    const binding = new Binding(() => new Konva.Layer(), parent);
    // Its own marker holds its children's.
    const markerRef = (el: HTMLDivElement | null) => {
      binding.markerRef(el);
      binding.setChildMarkers(el);
    };
    return { binding, markerRef };
  });
  useBinding(s.binding, props, ref);
  return (
    <div ref={s.markerRef}>
      <ParentContext.Provider value={s.binding}>{children}</ParentContext.Provider>
    </div>
  );
}

/** A Konva shape with a custom `sceneFunc`, in the layer it is rendered in. */
export function Shape({ ref, ...props }: NodeProps<ShapeConfig, Konva.Shape>) {
  const parent = useParent('Shape');
  const [binding] = useState(() => new Binding(() => new Konva.Shape(), parent));
  useBinding(binding, props, ref);
  return <i ref={binding.markerRef} />;
}

/** A Konva line (or closed polygon), in the layer it is rendered in. */
export function Line({ ref, ...props }: NodeProps<LineConfig, KonvaLine>) {
  const parent = useParent('Line');
  const [binding] = useState(() => new Binding(() => new KonvaLine(), parent));
  useBinding(binding, props, ref);
  return <i ref={binding.markerRef} />;
}
