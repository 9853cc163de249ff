import type { Draft } from 'immer';
import {
  createFiberTrench,
  createPowerFeeder,
  KINDS,
  type Layout,
  type Vec2,
  type XY,
} from '../../domain';
import type { ToolId } from '../../state/sessionStore';
import { cursorOverlay, doneCreating, escapeToSelect, overlayOf, roundMm } from './creation';
import { EMPTY_OVERLAY, pxToM, type Tool, type ToolContext, type ToolPointerEvent } from './types';

/** A click this close (screen px) to the last vertex adds none (the second click of a double-click). */
const SAME_VERTEX_PX = 4;

type State =
  | { readonly name: 'idle' }
  | {
      readonly name: 'drawing';
      readonly points: readonly Vec2[];
      /** Where the pointer is (snapped), for the rubber-band segment. */
      readonly cursor: Vec2 | null;
    };

const IDLE: State = { name: 'idle' };

/** What a polyline tool draws: its id, and the edit that adds the finished polyline. */
export interface PolylineToolSpec {
  readonly id: ToolId;
  readonly idPrefix: string;
  /** The undo step's label ("Add fiber trench"). */
  readonly label: string;
  readonly add: (d: Draft<Layout>, id: string, points: XY[], ctx: ToolContext) => void;
}

/**
 * Fiber trench (F): click each vertex (snapped as a trench vertex: to other trenches' vertices and
 * hall edges); a rubber-band segment follows the pointer. Double-click or Enter ends the trench
 * (at least 2 distinct points, else nothing is made), Esc abandons it, Backspace removes the last
 * vertex. The trench is one undo step, made only when it ends, so abandoning it never touches the
 * document. Back to select once a trench is made, unless the tool lock is on (Q).
 */
export function createTrenchTool(): Tool {
  return createPolylineTool({
    id: 'fiberTrench',
    idPrefix: KINDS.fiberTrenches.idPrefix,
    label: 'Add fiber trench',
    add: (d, id, points, ctx) => {
      d.fiberTrenches.push(
        createFiberTrench(id, points, { fiberCount: ctx.toolOptions().fiberCount }),
      );
    },
  });
}

/**
 * Power feeder (E): drawn like a trench, vertex by vertex (format version 2's MV duct banks); its
 * vertices snap like a trench's, also to substation edges, where a feeder starts.
 */
export function createFeederTool(): Tool {
  return createPolylineTool({
    id: 'powerFeeder',
    idPrefix: KINDS.powerFeeders.idPrefix,
    label: 'Add power feeder',
    add: (d, id, points, ctx) => {
      d.powerFeeders.push(
        createPowerFeeder(id, points, { capacityMva: ctx.toolOptions().feederMva }),
      );
    },
  });
}

/** A tool that draws a polyline vertex by vertex (trenches, feeders): see createTrenchTool. */
export function createPolylineTool(spec: PolylineToolSpec): Tool {
  let state: State = IDLE;

  const snapVertex = (ctx: ToolContext, e: { world: Vec2; alt: boolean }) =>
    ctx.snap(e.world, e.alt, { kind: 'trench-vertex' });

  /** The vertices, the rubber band to the pointer and (given the pointer event) its snap guides. */
  const draw = (ctx: ToolContext, e?: ToolPointerEvent) => {
    if (state.name !== 'drawing') return;
    const { points, cursor } = state;
    const s = e ? snapVertex(ctx, e) : null;
    ctx.setOverlay(
      overlayOf({
        polylines: [cursor ? [...points, cursor] : points],
        points,
        guides: s?.guides ?? [],
      }),
    );
  };

  const finish = (ctx: ToolContext) => {
    if (state.name !== 'drawing') return;
    const points = state.points;
    state = IDLE;
    ctx.setOverlay(EMPTY_OVERLAY);
    if (points.length < 2) return;
    const id = ctx.newId(spec.idPrefix);
    const xy: XY[] = points.map((p) => [roundMm(p.x), roundMm(p.y)]);
    ctx.apply((d) => spec.add(d, id, xy, ctx), spec.label);
    ctx.setSelection([id]);
    doneCreating(ctx);
  };

  return {
    id: spec.id,
    cursor: 'crosshair',
    onPointerDown(e, ctx) {
      if (e.button !== 0) return;
      const p = snapVertex(ctx, e).point;
      if (state.name === 'idle') {
        state = { name: 'drawing', points: [p], cursor: p };
      } else {
        const last = state.points[state.points.length - 1]!;
        if (Math.hypot(p.x - last.x, p.y - last.y) <= pxToM(ctx, SAME_VERTEX_PX)) return;
        state = { ...state, points: [...state.points, p], cursor: p };
      }
      draw(ctx, e);
    },
    onPointerMove(e, ctx) {
      if (state.name === 'idle') {
        ctx.setOverlay(cursorOverlay(ctx, e.world, e.alt));
        return;
      }
      state = { ...state, cursor: snapVertex(ctx, e).point };
      draw(ctx, e);
    },
    onPointerUp() {},
    onDoubleClick(_e, ctx) {
      finish(ctx);
    },
    onKeyDown(e, ctx) {
      if (state.name === 'idle') return escapeToSelect(e, ctx);
      switch (e.key) {
        case 'Enter':
          finish(ctx);
          return true;
        case 'Escape':
          this.cancel(ctx);
          return true;
        case 'Backspace':
        case 'Delete': {
          const points = state.points.slice(0, -1);
          if (points.length === 0) this.cancel(ctx);
          else {
            state = { ...state, points };
            draw(ctx);
          }
          return true;
        }
        default:
          return false;
      }
    },
    cancel(ctx) {
      state = IDLE;
      ctx.setOverlay(EMPTY_OVERLAY);
    },
  };
}
