import React, {
  memo,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type PointerEvent as ReactPointerEvent,
  type RefObject,
} from 'react';
import type Konva from 'konva';
import { CHILDREN_REORDER_EVENT, Konva as K, Layer, Stage } from './konva';
import type { Collection, Layout } from '../domain';
import { phaseIndexById, phaseIndexOf } from '../domain/report/phases';
import type { SessionState } from '../state/sessionStore';
import {
  panBy,
  screenToWorld,
  visibleWorld,
  WheelClassifier,
  wheelZoomFactor,
  zoomBy,
} from '../editor/camera';
import { zoomToFit } from '../editor/cameraActions';
import { CullIndex } from './culling';
import { CullContext, registerCullIndex, registerTileCache } from './cullContext';
import { TileCache } from './tiles';
import { GridShape, ParcelFill, ParcelOutline } from './nodes/BackgroundNodes';
import { DRAWN_COLLECTIONS, RENDERERS } from './nodes/renderers';
import { OverlayShape } from './nodes/OverlayNodes';
import { AttachmentShape } from './nodes/AttachmentNodes';
import { FaultShape } from './nodes/FaultNodes';
import { SelectionShape } from './nodes/SelectionNodes';
import { PanGesture } from '../editor/tools/panTool';
import { useActiveTool } from '../editor/tools/active';
import type { ToolPointerEvent } from '../editor/tools/types';
import { useDocument, useEditor } from '../editor/EditorProvider';

/**
 * Whether Space pressed with focus on `target` is the canvas's (pan): only with nothing focused (the
 * page) or focus in the canvas. On a button, link, field, select or any other focusable control
 * Space is the control's (it presses a button), so it is left alone.
 */
function spaceIsPan(target: EventTarget | null, canvas: HTMLElement | null): boolean {
  if (!(target instanceof Element)) return true;
  if (target === document.body || target === document.documentElement) return true;
  return canvas !== null && canvas.contains(target);
}

/**
 * Whether Space is held (Space-drag pans), as a ref: reading it must not re-render. `onChange` is
 * told when it changes (the cursor shows a hand).
 */
function useSpaceHeld(canvasRef: RefObject<HTMLElement | null>, onChange: () => void) {
  const held = useRef(false);
  const changed = useRef(onChange);
  useLayoutEffect(() => {
    changed.current = onChange;
  });
  useEffect(() => {
    const set = (on: boolean) => {
      if (held.current === on) return;
      held.current = on;
      changed.current();
    };
    const down = (e: KeyboardEvent) => {
      if (e.code === 'Space' && spaceIsPan(e.target, canvasRef.current)) {
        set(true);
        // No page scroll.
        e.preventDefault();
      }
    };
    const up = (e: KeyboardEvent) => {
      if (e.code === 'Space') set(false);
    };
    const blur = () => set(false);
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', blur);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', blur);
    };
  }, [canvasRef]);
  return held;
}

/**
 * Leave a form field being edited before the canvas acts on a press. The press may change the
 * selection and so unmount the Inspector field, and a field removed while focused gets no blur in
 * React: its typed value would be lost. Blurring first commits it (to the element it was typed for).
 */
function blurFieldBeingEdited(): void {
  const el = document.activeElement;
  if (!(el instanceof HTMLElement)) return;
  if (el.isContentEditable || el.matches('input, textarea, select')) el.blur();
}

/** How opaque the elements of phases after the phase slider's are drawn. */
const GHOST_ALPHA = 0.18;

const NO_IDS: ReadonlySet<string> = new Set();

/** Ids of the elements (with nodes of their own) built after phase k; none when k shows all. */
function laterPhaseIds(doc: Layout, asOfPhase: number | null): ReadonlySet<string> {
  if (asOfPhase === null || asOfPhase >= doc.settings.phases.length - 1) return NO_IDS;
  const index = phaseIndexById(doc);
  const out = new Set<string>();
  for (const c of DRAWN_COLLECTIONS) {
    for (const e of doc[c] as readonly { readonly id: string; readonly phaseId?: string }[]) {
      if (phaseIndexOf(index, e) > asOfPhase) out.add(e.id);
    }
  }
  return out;
}

const sameIds = (a: ReadonlySet<string>, b: ReadonlySet<string>) =>
  a.size === b.size && [...a].every((id) => b.has(id));

/** Elements this far (screen px) outside the view are kept drawn, so a small pan shows no pop-in. */
const CULL_MARGIN_PX = 48;

/**
 * A selector of a collection's ids: the same array for as long as the ids are the same, in the
 * same order. An edit of an element (every frame of a drag) is a new list with the same ids: one
 * comparison per element, no new array, no render.
 */
function idsSelector(collection: Collection): (s: { doc: Layout }) => readonly string[] {
  let list: readonly { readonly id: string }[] | null = null;
  let ids: readonly string[] = [];
  return (s) => {
    const next = s.doc[collection];
    if (next === list) return ids;
    list = next;
    if (next.length !== ids.length || next.some((e, i) => e.id !== ids[i]))
      ids = next.map((e) => e.id);
    return ids;
  };
}

/** One collection's nodes, drawn by its kind's renderer (renderers.ts). */
const CollectionNodes = memo(function CollectionNodes({ collection }: { collection: Collection }) {
  const select = useMemo(() => idsSelector(collection), [collection]);
  const list = useDocument(select);
  const Node = RENDERERS[collection].Node;
  if (!Node) return null;
  return list.map((id) => <Node key={id} id={id} />);
});

/** Every kind with nodes of its own, in the renderers' drawing order. */
const ContentNodes = memo(function ContentNodes() {
  return DRAWN_COLLECTIONS.map((c) => <CollectionNodes key={c} collection={c} />);
});

/**
 * The layers. Three only: the background (parcel, grid), the content, and a UI layer for the
 * editor's handles and guides. None listens: tools pick geometrically (hitTest.ts), so Konva never
 * needs a layer's hit canvas (a colour-keyed copy of every shape), and never draws one. Memoised
 * with no props, so resizing the stage or moving the camera never re-renders an element component.
 */
const Scene = memo(function Scene({ cull }: { cull: CullIndex }) {
  return (
    <CullContext.Provider value={cull}>
      <Layer name="background" listening={false}>
        <ParcelFill />
        <GridShape />
        <ParcelOutline />
      </Layer>
      <Layer name="content" listening={false}>
        <ContentNodes />
      </Layer>
      <Layer name="ui" listening={false}>
        <FaultShape />
        <AttachmentShape />
        <SelectionShape />
        <OverlayShape />
      </Layer>
    </CullContext.Provider>
  );
});

/**
 * The campus canvas. The camera lives in the session store and is applied to the Konva stage
 * imperatively (position and scale), with culling, on every camera change: no React render.
 */
export function CampusCanvas({ className }: { className?: string }) {
  const editor = useEditor();
  const { session, toolContext, document: documentStore } = editor;
  const containerRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<Konva.Stage>(null);
  const pan = useMemo(() => new PanGesture(session), [session]);
  const tool = useActiveTool();
  const lastEvent = useRef<ToolPointerEvent | null>(null);
  /**
   * The cursor, set on the element itself (no React state: a pointer move re-renders nothing):
   * grabbing while panning, a hand with Space held, else what the tool says for the pointer.
   */
  const updateCursor = () => {
    const el = containerRef.current;
    if (!el) return;
    const ev = lastEvent.current;
    const cursor = pan.active
      ? 'grabbing'
      : spaceHeld.current || !tool
        ? 'grab'
        : ev && tool.cursorAt
          ? tool.cursorAt(ev, toolContext)
          : tool.cursor;
    if (el.style.cursor !== cursor) el.style.cursor = cursor;
  };
  const spaceHeld = useSpaceHeld(containerRef, () => updateCursor());
  const [size, setSize] = useState({ width: 0, height: 0 });
  const cull = useMemo(() => new CullIndex(), []);
  // A new tool: its cursor at once, before the pointer moves.
  useLayoutEffect(() => {
    lastEvent.current = null;
    const el = containerRef.current;
    if (el) el.style.cursor = tool?.cursor ?? 'grab';
  }, [tool]);

  useLayoutEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const measure = () => {
      const width = Math.floor(el.clientWidth);
      const height = Math.floor(el.clientHeight);
      setSize((prev) =>
        prev.width === width && prev.height === height ? prev : { width, height },
      );
      session.getState().setViewport(width, height);
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [session]);

  useLayoutEffect(() => {
    const stage = stageRef.current;
    if (!stage) return;
    registerCullIndex(stage, cull);
    const background = stage.findOne<Konva.Layer>('.background');
    const content = stage.findOne<Konva.Layer>('.content');
    // Pan as a blit (tiles.ts): the background and content layers are drawn into tiles, which
    // the content layer's canvas shows; the background layer's own canvas is not used.
    // The phase slider: elements of phases after the one it shows are ghosted (their ids here).
    let ghosts = laterPhaseIds(documentStore.getState().doc, session.getState().asOfPhase);
    // What a gesture (drag, resize, rotate) changes is lifted out of the tiles while it lasts
    // (TileSource.lifted): each frame draws the moving elements on the UI layer, over the tiles,
    // and the tiles under them are redrawn once when they are lifted and once when the gesture
    // ends. In between, the tiles' canvas is not drawn at all.
    const lifted = new Set<Konva.Node>();
    const tiles =
      background && content
        ? new TileCache({
            stage,
            layers: [background, content],
            boxOf: (node) => cull.boxOf(node),
            alphaOf: (node) => (ghosts.size > 0 && ghosts.has(node.id()) ? GHOST_ALPHA : 1),
            lifted: () => lifted,
          })
        : null;
    const restore: (() => void)[] = [];
    const ui = stage.findOne<Konva.Layer>('.ui');
    // The content layer is drawn when this effect asks (an element's drawing changed, the camera
    // moved). Konva also asks on its own whenever a node's attributes change; while a gesture
    // has elements lifted, those requests come from the lifted nodes, which the UI layer draws,
    // and are left out: a frame of a drag does not redraw the tiles' canvas.
    const drawContent = () => {
      if (content) K.Layer.prototype.batchDraw.call(content);
    };
    if (content) {
      content.batchDraw = () => (lifted.size === 0 ? (drawContent(), content) : content);
      restore.push(() => delete (content as { batchDraw?: unknown }).batchDraw);
    }
    if (tiles && background && content && ui) {
      registerTileCache(stage, tiles);
      const bgDraw = background.drawScene.bind(background);
      const contentDraw = content.drawScene.bind(content);
      // A draw into another canvas (export, toCanvas) draws the shapes as before.
      background.drawScene = (can, top) => (can ? bgDraw(can, top) : background);
      content.drawScene = (can, top) => {
        if (can) return contentDraw(can, top);
        const canvas = content.getCanvas();
        canvas.getContext().clear();
        tiles.draw(canvas);
        return content;
      };
      // Left in the page (scripts look for the first canvas) but empty: cleared once, never drawn.
      background.getCanvas().getContext().clear();
      cull.onChange = (box, node) => {
        const konvaNode = node as Konva.Node;
        if (documentStore.getState().mark !== null && konvaNode.getLayer() === content) {
          // In a gesture: the first change of an element lifts it (the tiles under its old
          // drawing are redrawn without it); later ones only redraw the view.
          if (!lifted.has(konvaNode)) {
            lifted.add(konvaNode);
            tiles.invalidate(box);
            drawContent();
          }
          ui.batchDraw();
          return;
        }
        tiles.invalidate(box);
        drawContent();
      };
      // The gesture ended: the lifted elements go back into the tiles where they now are.
      const unsubscribeLift = documentStore.subscribe((s, prev) => {
        if (s.mark !== null || prev.mark === null || lifted.size === 0) return;
        for (const node of lifted) {
          const box = cull.boxOf(node);
          if (box) tiles.invalidate(box);
        }
        lifted.clear();
        drawContent();
        ui.batchDraw();
      });
      restore.push(unsubscribeLift);
      tiles.onStale = drawContent;
      // A keyed move of element nodes (bring to front, send to back) re-renders no element, so
      // the cull index hears nothing: the binding says so on the layer, and every tile is redrawn.
      const reordered = () => {
        tiles.invalidateAll();
        drawContent();
      };
      const reorderEvent = `${CHILDREN_REORDER_EVENT}.tiles`;
      background.on(reorderEvent, reordered);
      content.on(reorderEvent, reordered);
      restore.push(() => {
        background.off(reorderEvent);
        content.off(reorderEvent);
      });
      // The UI layer draws the lifted elements under its own shapes. An empty UI layer costs
      // nothing: while nothing is lifted and every shape on it says it is `empty`, its canvas is
      // cleared once and hidden, and a camera move does not draw it.
      const uiDraw = ui.drawScene.bind(ui);
      const uiCanvas = ui.getCanvas();
      ui.drawScene = (can, top) => {
        if (can) return uiDraw(can, top);
        const el = uiCanvas._canvas;
        if (
          lifted.size === 0 &&
          ui.getChildren().every((c: Konva.Node) => (c.attrs as { empty?: boolean }).empty === true)
        ) {
          if (el.style.display !== 'none') {
            uiCanvas.getContext().clear();
            el.style.display = 'none';
          }
          return ui;
        }
        if (el.style.display === 'none' && ui.visible()) el.style.display = 'block';
        if (lifted.size === 0) return uiDraw(can, top);
        uiCanvas.getContext().clear();
        tiles.drawLifted(uiCanvas);
        ui.clearBeforeDraw(false);
        try {
          return uiDraw(can, top);
        } finally {
          ui.clearBeforeDraw(true);
        }
      };
      restore.push(() => {
        delete (ui as { drawScene?: unknown }).drawScene;
        uiCanvas._canvas.style.display = ui.visible() ? 'block' : 'none';
      });
      const unsubscribeParcel = documentStore.subscribe((s, prev) => {
        if (s.doc.parcel !== prev.doc.parcel) {
          tiles.invalidateAll();
          drawContent();
        }
      });
      // A new phase k, or an edit that changes which elements are after it: redraw every tile.
      const reghost = () => {
        const next = laterPhaseIds(documentStore.getState().doc, session.getState().asOfPhase);
        if (sameIds(next, ghosts)) return;
        ghosts = next;
        tiles.invalidateAll();
        drawContent();
      };
      const unsubscribeGhostDoc = documentStore.subscribe((s, prev) => {
        if (s.doc !== prev.doc && (ghosts.size > 0 || session.getState().asOfPhase !== null))
          reghost();
      });
      const unsubscribeGhostSession = session.subscribe((s, prev) => {
        if (s.asOfPhase !== prev.asOfPhase) reghost();
      });
      restore.push(() => {
        unsubscribeParcel();
        unsubscribeGhostDoc();
        unsubscribeGhostSession();
        delete (background as { drawScene?: unknown }).drawScene;
        delete (content as { drawScene?: unknown }).drawScene;
        cull.onChange = () => {};
        tiles.dispose();
      });
    }
    const apply = (s: SessionState) => {
      const { camera, viewport } = s;
      if (s.jumpedTo === camera) tiles?.jump();
      stage.position({ x: camera.x, y: camera.y });
      stage.scale({ x: camera.scale, y: camera.scale });
      cull.cull(visibleWorld(camera, viewport, CULL_MARGIN_PX));
      // With tiles, the background layer has nothing of its own to draw.
      if (tiles) {
        drawContent();
        ui?.batchDraw();
      } else stage.batchDraw();
    };
    apply(session.getState());
    const unsubscribe = session.subscribe((s, prev) => {
      if (s.camera !== prev.camera || s.viewport !== prev.viewport) apply(s);
    });
    return () => {
      unsubscribe();
      for (const f of restore) f();
    };
  }, [cull, session, documentStore]);

  const loadGeneration = useDocument((s) => s.loadGeneration);
  const hasSize = size.width > 0 && size.height > 0;
  // A campus just opened is fitted to the view, and stays fitted while the page settles (the
  // overlays' insets change as their figures arrive, the window may be resized) until the camera
  // is moved by anything else.
  const fitted = useRef<object | null>(null);
  // Before the browser paints (and before Konva's next frame draws): the campus's first drawing
  // is already the fitted one.
  useLayoutEffect(() => {
    if (hasSize && zoomToFit(editor)) fitted.current = session.getState().camera;
  }, [editor, session, loadGeneration, hasSize]);
  useEffect(
    () =>
      session.subscribe((s, prev) => {
        if (!fitted.current) return;
        // A new size first: the viewport's change moves the camera too (it keeps the view's
        // centre), which is not the user moving it. Not a jump: a window being resized, or
        // overlays laying out, re-fit it step by step, as a gesture does.
        if (s.viewInsets !== prev.viewInsets || s.viewport !== prev.viewport) {
          if (zoomToFit(editor, undefined, false)) fitted.current = session.getState().camera;
        } else if (s.camera !== prev.camera && s.camera !== fitted.current) fitted.current = null;
      }),
    [editor, session],
  );

  // A mouse wheel, a pinch and Ctrl+wheel zoom about the cursor; a trackpad's two-finger scroll
  // pans (WheelClassifier in editor/camera.ts). A native listener: React's wheel listener is passive.
  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const wheel = new WheelClassifier();
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const { camera, setCamera } = session.getState();
      const intent = wheel.classify({
        deltaX: e.deltaX,
        deltaY: e.deltaY,
        deltaMode: e.deltaMode,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        time: e.timeStamp,
      });
      if (intent === 'pan') {
        // Shift turns a vertical scroll sideways, as in every other app.
        const [dx, dy] = e.shiftKey && e.deltaX === 0 ? [e.deltaY, 0] : [e.deltaX, e.deltaY];
        setCamera(panBy(camera, -dx, -dy));
        return;
      }
      const rect = el.getBoundingClientRect();
      const anchor = { x: e.clientX - rect.left, y: e.clientY - rect.top };
      setCamera(zoomBy(camera, anchor, wheelZoomFactor(e.deltaY, e.deltaMode)));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [session]);

  const localPoint = (e: ReactPointerEvent | React.MouseEvent) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };

  const toolEvent = (e: ReactPointerEvent | React.MouseEvent): ToolPointerEvent => {
    const screen = localPoint(e);
    return {
      world: screenToWorld(session.getState().camera, screen),
      screen,
      button: e.button,
      shift: e.shiftKey,
      alt: e.altKey,
      mod: e.ctrlKey || e.metaKey,
    };
  };

  // Pointer routing: Space-drag and middle-drag pan over any tool; everything else goes to the
  // active tool's state machine, in campus metres.
  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 && e.button !== 1) return;
    // The user has started working on the view: it is no longer kept fitted.
    fitted.current = null;
    blurFieldBeingEdited();
    e.currentTarget.setPointerCapture(e.pointerId);
    const ev = toolEvent(e);
    lastEvent.current = ev;
    if (e.button === 1 || spaceHeld.current || !tool) {
      pan.begin(ev);
      updateCursor();
      return;
    }
    tool.onPointerDown(ev, toolContext);
    updateCursor();
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const ev = toolEvent(e);
    lastEvent.current = ev;
    if (pan.active) pan.move(ev);
    else tool?.onPointerMove(ev, toolContext);
    updateCursor();
    const now = session.getState();
    now.setPointer(screenToWorld(now.camera, ev.screen));
  };
  const onPointerUp = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (pan.active) {
      pan.end();
      updateCursor();
      return;
    }
    const ev = toolEvent(e);
    lastEvent.current = ev;
    tool?.onPointerUp(ev, toolContext);
    updateCursor();
  };
  // The browser took the pointer (a touch turned into a scroll, the window lost it): whatever the
  // press started is abandoned, not committed where the pointer happened to be.
  const onPointerCancel = () => {
    if (pan.active) {
      pan.end();
      updateCursor();
      return;
    }
    tool?.cancel(toolContext);
  };
  const onDoubleClick = (e: React.MouseEvent<HTMLDivElement>) => {
    tool?.onDoubleClick?.(toolEvent(e), toolContext);
  };

  return (
    <div
      ref={containerRef}
      className={`campus-canvas${className ? ` ${className}` : ''}`}
      data-testid="campus-canvas"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerCancel}
      onDoubleClick={onDoubleClick}
      onPointerLeave={() => session.getState().setPointer(null)}
    >
      <Stage ref={stageRef} width={size.width} height={size.height}>
        <Scene cull={cull} />
      </Stage>
    </div>
  );
}
