import {
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
import { Layer, Stage } from './konva';
import { useShallow } from 'zustand/react/shallow';
import { useDocumentStore } from '../state/documentStore';
import { useSessionStore, type Camera, type SessionState } from '../state/sessionStore';
import { panBy, screenToWorld, visibleWorld, wheelZoomFactor, zoomBy } from './camera';
import { zoomToFit } from './cameraActions';
import { CullIndex } from './culling';
import { deferHitWhileMoving } from './deferHit';
import { CullContext, registerCullIndex } from './cullContext';
import { GridShape, ParcelFill, ParcelOutline } from './nodes/BackgroundNodes';
import { HallNode } from './nodes/HallNode';
import { CoolingZoneNode, SubstationNode } from './nodes/RectNodes';
import { TrenchNode } from './nodes/TrenchNode';

/** Elements this far (screen px) outside the view are kept drawn, so a small pan shows no pop-in. */
const CULL_MARGIN_PX = 48;

const ids = (list: readonly { id: string }[]) => list.map((e) => e.id);

/** Drawing order: zones under halls (their tint frames the hall), then halls with rows, yards, trenches. */
const ContentNodes = memo(function ContentNodes() {
  const zoneIds = useDocumentStore(useShallow((s) => ids(s.doc.coolingZones)));
  const hallIds = useDocumentStore(useShallow((s) => ids(s.doc.halls)));
  const substationIds = useDocumentStore(useShallow((s) => ids(s.doc.substations)));
  const trenchIds = useDocumentStore(useShallow((s) => ids(s.doc.fiberTrenches)));
  return (
    <>
      {zoneIds.map((id) => (
        <CoolingZoneNode key={id} id={id} />
      ))}
      {hallIds.map((id) => (
        <HallNode key={id} id={id} />
      ))}
      {substationIds.map((id) => (
        <SubstationNode key={id} id={id} />
      ))}
      {trenchIds.map((id) => (
        <TrenchNode key={id} id={id} />
      ))}
    </>
  );
});

/**
 * The layers. Three only (each Konva layer is two canvases): a non-listening background (parcel,
 * grid), the content, and a UI layer for the editor's handles and guides. Memoised with no props,
 * so resizing the stage or moving the camera never re-renders an element component.
 */
const Scene = memo(function Scene({
  cull,
  contentRef,
}: {
  cull: CullIndex;
  contentRef: RefObject<Konva.Layer | null>;
}) {
  return (
    <CullContext.Provider value={cull}>
      <Layer name="background" listening={false}>
        <ParcelFill />
        <GridShape />
        <ParcelOutline />
      </Layer>
      <Layer name="content" ref={contentRef}>
        <ContentNodes />
      </Layer>
      <Layer name="ui" />
    </CullContext.Provider>
  );
});

interface PanState {
  readonly pointerId: number;
  readonly startX: number;
  readonly startY: number;
  readonly camera: Camera;
}

/**
 * The campus canvas. The camera lives in the session store and is applied to the Konva stage
 * imperatively (position and scale), with culling, on every camera change: no React render.
 */
export function CampusCanvas({ className }: { className?: string }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<Konva.Stage>(null);
  const contentRef = useRef<Konva.Layer>(null);
  const panRef = useRef<PanState | null>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [panning, setPanning] = useState(false);
  const cull = useMemo(() => new CullIndex(), []);

  useLayoutEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const measure = () => {
      const width = Math.floor(el.clientWidth);
      const height = Math.floor(el.clientHeight);
      setSize((prev) =>
        prev.width === width && prev.height === height ? prev : { width, height },
      );
      useSessionStore.getState().setViewport(width, height);
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useLayoutEffect(() => {
    const stage = stageRef.current;
    if (!stage) return;
    registerCullIndex(stage, cull);
    const hit = contentRef.current ? deferHitWhileMoving(contentRef.current) : null;
    const apply = (s: SessionState) => {
      hit?.moved();
      const { camera, viewport } = s;
      stage.position({ x: camera.x, y: camera.y });
      stage.scale({ x: camera.scale, y: camera.scale });
      cull.cull(visibleWorld(camera, viewport, CULL_MARGIN_PX));
      stage.batchDraw();
    };
    apply(useSessionStore.getState());
    const unsubscribe = useSessionStore.subscribe((s, prev) => {
      if (s.camera !== prev.camera || s.viewport !== prev.viewport) apply(s);
    });
    return () => {
      unsubscribe();
      hit?.dispose();
    };
  }, [cull]);

  const loadGeneration = useDocumentStore((s) => s.loadGeneration);
  const hasSize = size.width > 0 && size.height > 0;
  useEffect(() => {
    if (hasSize) zoomToFit();
  }, [loadGeneration, hasSize]);

  // Wheel zooms about the cursor. A native listener: React's wheel listener is passive.
  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const rect = el.getBoundingClientRect();
      const anchor = { x: e.clientX - rect.left, y: e.clientY - rect.top };
      const { camera, setCamera } = useSessionStore.getState();
      setCamera(zoomBy(camera, anchor, wheelZoomFactor(e.deltaY, e.deltaMode)));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);

  const localPoint = (e: ReactPointerEvent) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    // For now any primary or middle drag pans; the select tool will claim drags that start on elements.
    if (e.button !== 0 && e.button !== 1) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    panRef.current = {
      pointerId: e.pointerId,
      startX: e.clientX,
      startY: e.clientY,
      camera: useSessionStore.getState().camera,
    };
    setPanning(true);
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const session = useSessionStore.getState();
    const pan = panRef.current;
    if (pan && pan.pointerId === e.pointerId) {
      session.setCamera(panBy(pan.camera, e.clientX - pan.startX, e.clientY - pan.startY));
    }
    session.setPointer(screenToWorld(useSessionStore.getState().camera, localPoint(e)));
  };
  const endPan = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (panRef.current?.pointerId !== e.pointerId) return;
    panRef.current = null;
    setPanning(false);
  };

  return (
    <div
      ref={containerRef}
      className={`campus-canvas${panning ? ' is-panning' : ''}${className ? ` ${className}` : ''}`}
      data-testid="campus-canvas"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endPan}
      onPointerCancel={endPan}
      onPointerLeave={() => useSessionStore.getState().setPointer(null)}
    >
      <Stage ref={stageRef} width={size.width} height={size.height}>
        <Scene cull={cull} contentRef={contentRef} />
      </Stage>
    </div>
  );
}
