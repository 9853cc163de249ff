import {
  distanceToPolyline,
  kindOf,
  sub,
  type AABB,
  type Layout,
  type Vec2,
  type XY,
} from '../../domain';
import { formatUpTo } from '../../domain/units';
import {
  effectiveIds,
  moveBy,
  resizeTo,
  rotateTo,
  movePolylineVertex,
  snapRotation,
  transformElements,
  HANDLE_VECTORS,
  type HandleDir,
} from '../editOps';
import { campusRectOf, collectionOf, describeElements, referencePoint } from '../elementGeometry';
import { elementsBounds } from '../elementBounds';
import { resizeCursor, ROTATE_CURSOR } from '../cursors';
import { carryGlued, gluedTo, type Carried } from '../glue';
import { GROUP_HANDLE_ID, handleAt, handlesOf, handleTarget, type Handle } from '../handles';
import {
  boxOf,
  canEnter,
  elementsInBoxScoped,
  hitInScope,
  hitTest,
  HIT_TOLERANCE_PX,
  liveScope,
  parentIdOf,
} from '../hitTest';
import { elementIndex, kindContext } from '../../state/selectors';
import { snapRect } from '../snap';
import {
  EMPTY_OVERLAY,
  pxToM,
  type Guide,
  type Tool,
  type ToolContext,
  type ToolKeyEvent,
  type ToolPointerEvent,
} from './types';

/**
 * The select tool, a small state machine (tldraw's SelectTool habit):
 *
 *   idle ─down─▶ pointing ─move past DRAG_PX─▶ translating | marquee | resizing | rotating | vertex
 *                   └─up─▶ idle (a click: select, toggle, clear)
 *
 * Every drag is one gesture, one undo step: beginGesture when it starts, updateGesture at most once
 * per animation frame, commitGesture on release, cancelGesture on Esc (the document returns to
 * exactly what it was). Drags compute from the document at their start plus the total pointer
 * displacement, so a frame never accumulates rounding from the last.
 */

/** A press becomes a drag after this many screen pixels. */
export const DRAG_PX = 3;

type Press = { readonly world: Vec2; readonly screen: Vec2; readonly shift: boolean };

type State =
  | { readonly name: 'idle' }
  | {
      readonly name: 'pointing';
      readonly press: Press;
      readonly target:
        | { readonly kind: 'empty' }
        /** The parcel's edge with nothing else there: a click selects the parcel. */
        | { readonly kind: 'parcel' }
        | {
            readonly kind: 'element';
            readonly id: string;
            /** Shift-click on a selected element: deselect it if the press ends as a click. */
            readonly toggleOnUp: boolean;
            /** A click on one of several selected elements selects just it. */
            readonly reselectOnUp: boolean;
          }
        | { readonly kind: 'handle'; readonly handle: Handle };
    }
  | {
      readonly name: 'translating';
      readonly press: Press;
      readonly start: Layout;
      readonly ids: readonly string[];
      readonly exclude: ReadonlySet<string>;
      /** The pressed element's centre at the start: it snaps to the grid. */
      readonly ref: Vec2;
      /** The moving elements' campus box at the start. */
      readonly box: AABB | null;
      readonly label: string;
      /** What the moving halls carry along (Alt held: nothing). */
      readonly glued: ReadonlyMap<string, Carried>;
      moved: boolean;
    }
  | {
      readonly name: 'marquee';
      readonly press: Press;
      /** What the box adds to: the selection before it with Shift, else nothing. */
      readonly base: readonly string[];
      /** The selection before the marquee: Esc restores it. */
      readonly before: readonly string[];
    }
  | {
      readonly name: 'resizing';
      readonly start: Layout;
      readonly id: string;
      readonly dir: HandleDir;
      /** Handle position minus press position: the handle follows the pointer without a jump. */
      readonly grab: Vec2;
      readonly label: string;
      readonly snaps: boolean;
      readonly glued: ReadonlyMap<string, Carried>;
    }
  | {
      readonly name: 'rotating';
      readonly start: Layout;
      readonly id: string;
      readonly centre: Vec2;
      readonly startAngle: number;
      readonly startRotation: number;
      /** The frame the rotation snaps in: a row snaps relative to its hall. */
      readonly parentRotation: number;
      readonly label: string;
      readonly glued: ReadonlyMap<string, Carried>;
    }
  | {
      /** A handle of the box around several elements: they scale or turn together. */
      readonly name: 'groupResizing' | 'groupRotating';
      readonly start: Layout;
      readonly ids: readonly string[];
      /** The box at the start. */
      readonly box: AABB;
      readonly dir: HandleDir | null;
      readonly grab: Vec2;
      readonly startAngle: number;
      readonly label: string;
      readonly glued: ReadonlyMap<string, Carried>;
    }
  | {
      readonly name: 'vertex';
      readonly start: Layout;
      readonly id: string;
      readonly index: number;
      readonly grab: Vec2;
    };

const inside = (box: AABB, p: Vec2) =>
  p.x >= box.minX && p.x <= box.maxX && p.y >= box.minY && p.y <= box.maxY;

/** Whether `p` is within `tolerance` of the parcel's boundary. */
function parcelEdgeAt(doc: Layout, p: Vec2, tolerance: number): boolean {
  const pts = doc.parcel.points;
  if (pts.length < 2) return false;
  const ring: XY[] = [...pts, pts[0]!];
  return distanceToPolyline(ring, p) <= tolerance;
}

/** The smallest a group's box is scaled to, metres: it never flips through its anchor. */
const MIN_GROUP_SIDE_M = 1;

/**
 * The scale factors of a group resize and the point that stays (the box's corner or side opposite
 * the handle). Shift on a corner keeps the box's proportions.
 */
function groupScale(
  s: { readonly box: AABB; readonly dir: HandleDir | null; readonly grab: Vec2 },
  e: ToolPointerEvent,
): { sx: number; sy: number; anchor: Vec2 } {
  const b = s.box;
  const v = HANDLE_VECTORS[s.dir ?? 'se'];
  const w = b.maxX - b.minX;
  const h = b.maxY - b.minY;
  const anchor = {
    x: v.x > 0 ? b.minX : v.x < 0 ? b.maxX : (b.minX + b.maxX) / 2,
    y: v.y > 0 ? b.minY : v.y < 0 ? b.maxY : (b.minY + b.maxY) / 2,
  };
  const p = { x: e.world.x + s.grab.x, y: e.world.y + s.grab.y };
  // The box's new extent from the anchor towards the handle, over its old extent.
  const factor = (extent: number, size: number) =>
    size > 0 ? Math.max(MIN_GROUP_SIDE_M, extent) / size : 1;
  let sx = v.x === 0 ? 1 : factor((p.x - anchor.x) * v.x, w);
  let sy = v.y === 0 ? 1 : factor((p.y - anchor.y) * v.y, h);
  if (e.shift && v.x !== 0 && v.y !== 0) sx = sy = Math.max(sx, sy);
  return { sx, sy, anchor };
}

/** Schedules a callback for the next animation frame. */
export type FrameScheduler = (cb: () => void) => void;

const defaultScheduler: FrameScheduler =
  typeof requestAnimationFrame === 'function'
    ? (cb) => void requestAnimationFrame(cb)
    : (cb) => void setTimeout(cb, 16);

const angleDeg = (from: Vec2, to: Vec2) =>
  (Math.atan2(to.y - from.y, to.x - from.x) * 180) / Math.PI;

export class SelectTool implements Tool {
  readonly id = 'select' as const;
  readonly cursor = 'default';
  private state: State = { name: 'idle' };
  private pending: ToolPointerEvent | null = null;
  private scheduled = false;

  constructor(private readonly schedule: FrameScheduler = defaultScheduler) {}

  cursorAt(e: ToolPointerEvent, ctx: ToolContext): string {
    const s = this.state;
    const doc = ctx.doc();
    switch (s.name) {
      case 'translating':
      case 'vertex':
        return 'move';
      case 'rotating':
      case 'groupRotating':
        return ROTATE_CURSOR;
      case 'resizing':
        return resizeCursor(s.dir, campusRectOf(s.start, s.id)?.rotation ?? 0);
      case 'groupResizing':
        return s.dir ? resizeCursor(s.dir, 0) : 'default';
      case 'marquee':
        return 'default';
      default:
        break;
    }
    const scale = ctx.scale();
    const selection = ctx.selection();
    const target = handleTarget(doc, selection);
    const handle = target ? handleAt(target, handlesOf(target, scale), e.world, scale) : null;
    if (handle?.kind === 'rotate') return ROTATE_CURSOR;
    if (handle?.kind === 'vertex') return 'move';
    if (handle?.kind === 'resize') {
      return resizeCursor(
        handle.dir,
        target && target.kind !== 'trench' ? target.rect.rotation : 0,
      );
    }
    const { hit } = hitInScope(doc, e.world, pxToM(ctx, HIT_TOLERANCE_PX), ctx.entered());
    if (hit) return 'move';
    const box = selection.length > 1 ? elementsBounds(doc, selection) : null;
    return box && inside(box, e.world) ? 'move' : 'default';
  }

  /** The state's name, for tests and the status bar. */
  get stateName(): State['name'] {
    return this.state.name;
  }

  onPointerDown(e: ToolPointerEvent, ctx: ToolContext): void {
    if (e.button !== 0) return;
    if (this.state.name !== 'idle') this.cancel(ctx);
    const press: Press = { world: e.world, screen: e.screen, shift: e.shift };
    const doc = ctx.doc();
    const selection = ctx.selection();
    const scale = ctx.scale();

    const target = handleTarget(doc, selection);
    const handle = target ? handleAt(target, handlesOf(target, scale), e.world, scale) : null;
    if (handle) {
      this.state = { name: 'pointing', press, target: { kind: 'handle', handle } };
      return;
    }

    const tolerance = pxToM(ctx, HIT_TOLERANCE_PX);
    const { hit, scope } = hitInScope(doc, e.world, tolerance, ctx.entered());
    if (scope !== ctx.entered()) ctx.setEntered(scope);
    if (!hit) {
      // Inside the box around several selected elements: a drag moves them all.
      const box = selection.length > 1 ? elementsBounds(doc, selection) : null;
      if (box && inside(box, e.world)) {
        this.state = {
          name: 'pointing',
          press,
          target: { kind: 'element', id: selection[0]!, toggleOnUp: false, reselectOnUp: false },
        };
        return;
      }
      const onParcel = scope === null && parcelEdgeAt(doc, e.world, tolerance);
      this.state = { name: 'pointing', press, target: { kind: onParcel ? 'parcel' : 'empty' } };
      return;
    }
    const selected = selection.includes(hit.id);
    if (!selected) ctx.setSelection(e.shift ? [...selection, hit.id] : [hit.id]);
    this.state = {
      name: 'pointing',
      press,
      target: {
        kind: 'element',
        id: hit.id,
        toggleOnUp: selected && e.shift,
        reselectOnUp: selected && !e.shift && selection.length > 1,
      },
    };
  }

  onPointerMove(e: ToolPointerEvent, ctx: ToolContext): void {
    const s = this.state;
    if (s.name === 'idle') return;
    if (s.name === 'pointing') {
      const d = Math.hypot(e.screen.x - s.press.screen.x, e.screen.y - s.press.screen.y);
      if (d < DRAG_PX) return;
      this.startDrag(s, ctx);
    }
    this.pending = e;
    if (!this.scheduled) {
      this.scheduled = true;
      this.schedule(() => {
        this.scheduled = false;
        this.flush(ctx);
      });
    }
  }

  onPointerUp(e: ToolPointerEvent, ctx: ToolContext): void {
    const s = this.state;
    if (s.name === 'idle') return;
    if (s.name === 'pointing') {
      this.state = { name: 'idle' };
      this.click(s, ctx);
      return;
    }
    this.pending = e;
    this.flush(ctx);
    this.state = { name: 'idle' };
    ctx.setOverlay(EMPTY_OVERLAY);
    switch (s.name) {
      case 'translating':
        if (s.moved) ctx.commitGesture(`Move ${s.label}`);
        else ctx.cancelGesture();
        break;
      case 'resizing':
        ctx.commitGesture(`Resize ${s.label}`);
        break;
      case 'rotating':
      case 'groupRotating':
        ctx.commitGesture(`Rotate ${s.label}`);
        break;
      case 'groupResizing':
        ctx.commitGesture(`Scale ${s.label}`);
        break;
      case 'vertex':
        ctx.commitGesture('Move trench vertex');
        break;
      case 'marquee':
        break;
    }
  }

  /**
   * Double-click enters an element with children (a hall with rows: Figma's groups) and selects
   * the child under the pointer; clicks then pick its children until Esc or Shift+Enter.
   */
  onDoubleClick(e: ToolPointerEvent, ctx: ToolContext): void {
    if (this.state.name !== 'idle') return;
    const doc = ctx.doc();
    const hit = hitTest(doc, e.world, pxToM(ctx, HIT_TOLERANCE_PX));
    if (!hit) return;
    const parent = parentIdOf(doc, hit.id);
    const top = parent ?? hit.id;
    if (parent === undefined && !canEnter(doc, top)) return;
    if (liveScope(doc, ctx.entered()) === top && parent === undefined) return;
    ctx.setEntered(top);
    ctx.setSelection(parent !== undefined ? [hit.id] : [top]);
  }

  onKeyDown(e: ToolKeyEvent, ctx: ToolContext): boolean {
    const up = e.key === 'Escape' || (e.key === 'Enter' && e.shift);
    if (!up) return false;
    if (this.state.name !== 'idle') {
      if (e.key !== 'Escape') return false;
      this.cancel(ctx);
      return true;
    }
    // Inside a hall: back up to it, selected (Figma's Esc / Shift+Enter).
    const scope = liveScope(ctx.doc(), ctx.entered());
    if (scope !== null) {
      ctx.setEntered(null);
      ctx.setSelection([scope]);
      return true;
    }
    if (e.key !== 'Escape') return false;
    // No gesture: Esc clears the selection (the app's "Deselect" action does the same).
    if (ctx.selection().length > 0 || ctx.parcelSelected()) {
      ctx.setSelection([]);
      return true;
    }
    return false;
  }

  cancel(ctx: ToolContext): void {
    const s = this.state;
    this.state = { name: 'idle' };
    this.pending = null;
    switch (s.name) {
      case 'translating':
      case 'resizing':
      case 'rotating':
      case 'groupResizing':
      case 'groupRotating':
      case 'vertex':
        ctx.cancelGesture();
        ctx.setOverlay(EMPTY_OVERLAY);
        break;
      case 'marquee':
        ctx.setSelection(s.before);
        ctx.setOverlay(EMPTY_OVERLAY);
        break;
      default:
        break;
    }
  }

  /** A press released without dragging. */
  private click(s: Extract<State, { name: 'pointing' }>, ctx: ToolContext): void {
    const t = s.target;
    if (t.kind === 'parcel') {
      ctx.selectParcel();
    } else if (t.kind === 'empty') {
      if (!s.press.shift) ctx.setSelection([]);
    } else if (t.kind === 'element') {
      if (t.toggleOnUp) ctx.setSelection(ctx.selection().filter((id) => id !== t.id));
      else if (t.reselectOnUp) ctx.setSelection([t.id]);
    }
  }

  private startDrag(s: Extract<State, { name: 'pointing' }>, ctx: ToolContext): void {
    const doc = ctx.doc();
    const t = s.target;
    if (t.kind === 'empty' || t.kind === 'parcel') {
      this.state = {
        name: 'marquee',
        press: s.press,
        base: s.press.shift ? ctx.selection() : [],
        before: ctx.selection(),
      };
      return;
    }
    if (t.kind === 'element') {
      const ids = [...effectiveIds(doc, ctx.selection())];
      const exclude = new Set(ids);
      for (const id of ids) {
        const c = collectionOf(doc, id);
        if (c) for (const r of kindOf(c).childrenOf(kindContext(doc), id)) exclude.add(r.id);
      }
      const ref = referencePoint(doc, t.id) ?? s.press.world;
      const glued = gluedTo(doc, ids, new Set(ids));
      // What moves along is not snapped to either.
      for (const c of glued.values()) {
        for (const w of c.wrappers) exclude.add(w.id);
        for (const v of c.vertices) exclude.add(v.id);
      }
      ctx.beginGesture();
      this.state = {
        name: 'translating',
        press: s.press,
        start: doc,
        ids,
        exclude,
        ref,
        box: elementsBounds(doc, ids),
        label: describeElements(doc, ids),
        glued,
        moved: false,
      };
      return;
    }
    const h = t.handle;
    if (h.id === GROUP_HANDLE_ID) {
      const target = handleTarget(doc, ctx.selection());
      if (target?.kind !== 'group' || h.kind === 'vertex') return;
      const r = target.rect;
      const box = {
        minX: r.x - r.width / 2,
        minY: r.y - r.depth / 2,
        maxX: r.x + r.width / 2,
        maxY: r.y + r.depth / 2,
      };
      ctx.beginGesture();
      this.state = {
        name: h.kind === 'resize' ? 'groupResizing' : 'groupRotating',
        start: doc,
        ids: target.ids,
        box,
        dir: h.kind === 'resize' ? h.dir : null,
        grab: sub(h.point, s.press.world),
        startAngle: angleDeg(r, s.press.world),
        label: describeElements(doc, target.ids),
        glued: gluedTo(doc, target.ids, new Set(target.ids)),
      };
      return;
    }
    const label = describeElements(doc, [h.id]);
    const glued = gluedTo(doc, [h.id], new Set([h.id]));
    ctx.beginGesture();
    if (h.kind === 'resize') {
      this.state = {
        name: 'resizing',
        start: doc,
        id: h.id,
        dir: h.dir,
        grab: sub(h.point, s.press.world),
        label,
        snaps: kindOf(collectionOf(doc, h.id)!).resizeSnaps,
        glued,
      };
    } else if (h.kind === 'rotate') {
      const rect = campusRectOf(doc, h.id)!;
      const located = elementIndex(doc).locate(h.id);
      const parentId = located && kindOf(located.collection).parentOf(located.element);
      const parent = parentId ? campusRectOf(doc, parentId) : null;
      this.state = {
        name: 'rotating',
        start: doc,
        id: h.id,
        centre: { x: rect.x, y: rect.y },
        startAngle: angleDeg(rect, s.press.world),
        startRotation: rect.rotation,
        parentRotation: parent?.rotation ?? 0,
        label,
        glued,
      };
    } else {
      this.state = {
        name: 'vertex',
        start: doc,
        id: h.id,
        index: h.index,
        grab: sub(h.point, s.press.world),
      };
    }
  }

  /**
   * Snap a move: the selection's box at the start plus the raw delta, its edges and centre to
   * other elements' (snapRect), else the pressed element's centre to the grid. Without a box
   * (unknown ids), the reference point alone through ctx.snap.
   */
  private snapMove(
    s: Extract<State, { name: 'translating' }>,
    raw: Vec2,
    alt: boolean,
    ctx: ToolContext,
  ): { dx: number; dy: number; guides: readonly Guide[] } {
    if (alt) return { dx: 0, dy: 0, guides: [] };
    const anchor = { x: s.ref.x + raw.x, y: s.ref.y + raw.y };
    if (s.box) {
      const box = {
        minX: s.box.minX + raw.x,
        minY: s.box.minY + raw.y,
        maxX: s.box.maxX + raw.x,
        maxY: s.box.maxY + raw.y,
      };
      return snapRect(ctx.doc(), box, {
        scale: ctx.scale(),
        alt,
        exclude: s.exclude,
        gridAnchor: anchor,
      });
    }
    const r = ctx.snap(anchor, alt, { exclude: s.exclude });
    return { dx: r.point.x - anchor.x, dy: r.point.y - anchor.y, guides: r.guides };
  }

  /** Apply the latest pointer position to the gesture (once per frame, and on release). */
  private flush(ctx: ToolContext): void {
    const e = this.pending;
    this.pending = null;
    if (!e) return;
    const s = this.state;
    switch (s.name) {
      case 'translating': {
        const raw = sub(e.world, s.press.world);
        const snapped = this.snapMove(s, raw, e.alt, ctx);
        const delta = { x: raw.x + snapped.dx, y: raw.y + snapped.dy };
        s.moved = delta.x !== 0 || delta.y !== 0;
        // Alt detaches: the halls move alone (what they carry stays where it was).
        ctx.updateGesture((d) => {
          moveBy(d, s.ids, delta, s.start);
          carryGlued(d, s.start, s.ids, s.glued, e.alt);
        });
        ctx.setOverlay({ ...EMPTY_OVERLAY, guides: snapped.guides });
        break;
      }
      case 'marquee': {
        const box = boxOf(s.press.world, e.world);
        const inside = elementsInBoxScoped(ctx.doc(), box, liveScope(ctx.doc(), ctx.entered()));
        const next = [...s.base];
        const ids = new Set(next);
        for (const id of inside) {
          if (ids.has(id)) continue;
          ids.add(id);
          next.push(id);
        }
        // A write re-renders the inspector, the selection shape and the hall table: only when the
        // set of ids changes, not on every frame of the drag.
        const current = new Set(ctx.selection());
        if (current.size !== ids.size || next.some((id) => !current.has(id))) {
          ctx.setSelection(next);
        }
        ctx.setOverlay({ ...EMPTY_OVERLAY, marquee: { a: s.press.world, b: e.world } });
        break;
      }
      case 'resizing': {
        const p = { x: e.world.x + s.grab.x, y: e.world.y + s.grab.y };
        const snapped = s.snaps
          ? ctx.snap(p, e.alt, { exclude: new Set([s.id]) })
          : { point: p, guides: [] };
        ctx.updateGesture((d) => {
          resizeTo(d, s.id, s.dir, snapped.point, s.start);
          carryGlued(d, s.start, [s.id], s.glued, e.alt);
        });
        ctx.setOverlay({ ...EMPTY_OVERLAY, guides: snapped.guides });
        break;
      }
      case 'rotating': {
        const angle = s.startRotation + angleDeg(s.centre, e.world) - s.startAngle;
        const deg = s.parentRotation + snapRotation(angle - s.parentRotation, e.shift);
        ctx.updateGesture((d) => {
          rotateTo(d, s.id, deg);
          carryGlued(d, s.start, [s.id], s.glued, e.alt);
        });
        // The angle by the pointer (the element's own, relative to its hall for a row).
        const shown = snapRotation(deg - s.parentRotation, true);
        ctx.setOverlay({
          ...EMPTY_OVERLAY,
          label: { at: e.world, text: `${formatUpTo(shown, 1)}°` },
        });
        break;
      }
      case 'groupRotating': {
        const b = s.box;
        const centre = { x: (b.minX + b.maxX) / 2, y: (b.minY + b.maxY) / 2 };
        const raw = angleDeg(centre, e.world) - s.startAngle;
        const turn = snapRotation(raw, e.shift);
        const signed = turn > 180 ? turn - 360 : turn;
        const rad = (signed * Math.PI) / 180;
        const cos = Math.cos(rad);
        const sin = Math.sin(rad);
        const map = (p: Vec2): Vec2 => {
          const dx = p.x - centre.x;
          const dy = p.y - centre.y;
          return { x: centre.x + dx * cos - dy * sin, y: centre.y + dx * sin + dy * cos };
        };
        ctx.updateGesture((d) => {
          transformElements(d, s.ids, { map, turn: signed, scale: null }, s.start);
          carryGlued(d, s.start, s.ids, s.glued, e.alt);
        });
        ctx.setOverlay({
          ...EMPTY_OVERLAY,
          label: { at: e.world, text: `${formatUpTo(signed, 1)}°` },
        });
        break;
      }
      case 'groupResizing': {
        const { sx, sy, anchor } = groupScale(s, e);
        const map = (p: Vec2): Vec2 => ({
          x: anchor.x + (p.x - anchor.x) * sx,
          y: anchor.y + (p.y - anchor.y) * sy,
        });
        ctx.updateGesture((d) => {
          transformElements(d, s.ids, { map, turn: 0, scale: { sx, sy } }, s.start);
          carryGlued(d, s.start, s.ids, s.glued, e.alt);
        });
        const pct = (f: number) => `${formatUpTo(f * 100, 0)} %`;
        ctx.setOverlay({
          ...EMPTY_OVERLAY,
          label: { at: e.world, text: sx === sy ? pct(sx) : `${pct(sx)} × ${pct(sy)}` },
        });
        break;
      }
      case 'vertex': {
        const p = { x: e.world.x + s.grab.x, y: e.world.y + s.grab.y };
        const snapped = ctx.snap(p, e.alt, { exclude: new Set([s.id]), kind: 'trench-vertex' });
        ctx.updateGesture((d) => movePolylineVertex(d, s.id, s.index, snapped.point));
        ctx.setOverlay({ ...EMPTY_OVERLAY, guides: snapped.guides });
        break;
      }
      default:
        break;
    }
  }
}

/** A select tool (each editor makes its own). */
export const createSelectTool = (): SelectTool => new SelectTool();
