import type * as z from 'zod/mini';
import {
  normalizeDeg,
  rectAabb,
  rectContainsPoint,
  rectCorners,
  rotate,
  toRectLocal,
  type AABB,
  type RotatedRect,
  type Vec2,
  type XY,
} from '../geometry';
import type { Layout } from '../model';
import type { FieldDef } from './fieldDefs';
import type { AnyElement, Collection, ElementOf } from './index';
import type { RackRow } from './rackRow';
import { rectOf } from './rectKind';

/**
 * What every element kind is, in one place (tldraw's ShapeUtil, without a class tree): one
 * `KindDef` per kind module, collected in the KINDS registry (index.ts). Code outside the kind
 * modules dispatches through the registry and never names a kind.
 */

/** Round to the millimetre: no floating-point residue (59.99999999 m) in stored coordinates. */
export const mm = (v: number): number => Math.round(v * 1000) / 1000 || 0;

/** The smallest width or depth a resize leaves, metres. */
export const MIN_SIZE_M = 1;

/** A resize handle by compass direction in the element's own (unrotated) frame: n is its top. */
export type HandleDir = 'n' | 'ne' | 'e' | 'se' | 's' | 'sw' | 'w' | 'nw';
export const HANDLE_DIRS: readonly HandleDir[] = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'];
/** Which way each handle points in the element's frame (−1, 0, +1 per axis). */
export const HANDLE_VECTORS: Readonly<Record<HandleDir, Vec2>> = {
  n: { x: 0, y: -1 },
  ne: { x: 1, y: -1 },
  e: { x: 1, y: 0 },
  se: { x: 1, y: 1 },
  s: { x: 0, y: 1 },
  sw: { x: -1, y: 1 },
  w: { x: -1, y: 0 },
  nw: { x: -1, y: -1 },
};

/**
 * What a kind's geometry may look up in the layout. Rack rows live in their hall's frame, so
 * their geometry needs the hall; the editor builds one context per document version.
 */
export interface KindContext {
  readonly doc: Layout;
  /** Any element by id. */
  readonly byId: (id: string) => AnyElement | undefined;
  /** The rows of a hall, in file order. */
  readonly rowsOfHall: (hallId: string) => readonly RackRow[];
}

/** The kinds' names in exports (GeoJSON's `kind` property). */
export type ExportKind =
  | 'hall'
  | 'rackRow'
  | 'coolingZone'
  | 'substation'
  | 'fiberTrench'
  | 'generatorYard'
  | 'batteryYard'
  | 'coolingPlant'
  | 'powerFeeder';

/** Export properties: plain values only (GeoJSON feature properties). */
export type ExportProperties = { readonly name: string | null } & Readonly<
  Record<string, string | number | null>
>;

/** Derived figures in exports are rounded to 3 decimals to hide float noise. */
export const round3 = (v: number): number => Math.round(v * 1000) / 1000;

/** An element's campus footprint: a rotated rectangle or a polyline. */
export type Footprint =
  | { readonly kind: 'rect'; readonly rect: RotatedRect }
  | { readonly kind: 'polyline'; readonly points: readonly XY[] };

/** What resize handles an element gets: both sizes, its length only (rows), or none (vertices). */
export type ResizeMode = 'both' | 'length';

/** A mutable element (an immer draft of one). */
export type Mutable<T> = {
  -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K];
};

/** What copying an element needs: a fresh id, the offset, and where copied parents went. */
export interface CopyContext extends KindContext {
  readonly newId: () => string;
  readonly offset: Vec2;
  /** Old id → id of its copy, for elements copied earlier in the same edit. */
  readonly copies: ReadonlyMap<string, string>;
}

export interface KindDef<C extends Collection> {
  readonly collection: C;
  /** The kind's name as users read it, capitalised ("Hall", "Rack row"). */
  readonly label: string;
  /** How a count of them reads: "1 hall", "3 rows". */
  readonly noun: { readonly one: string; readonly many: string };
  readonly idPrefix: string;
  /** The element's schema (an object schema: its shape gives the key order of files). */
  readonly schema: z.ZodMiniType<ElementOf[C]> & { readonly shape: object };
  /** Hit order, top first (lower is picked first). */
  readonly hitRank: number;
  readonly resize: ResizeMode | null;
  /** Whether a resize snaps to other elements (a row's length snaps to whole racks instead). */
  readonly resizeSnaps: boolean;
  /**
   * A rectangle placed on the parcel in the campus frame (halls, zones, substations, yards,
   * plants): rule 7's `geometry` and `setback` checks hold it inside the parcel and its setback.
   */
  readonly onParcel?: true;
  /**
   * What the inspector shows and edits of an element of this kind, in its order: one field per
   * property of the schema (src/domain/kinds/fieldDefs.ts).
   */
  readonly fields: readonly FieldDef<ElementOf[C]>[];
  /** The kind's name in exports (GeoJSON's `kind` property): "hall", "rackRow". */
  readonly exportKind: ExportKind;
  /**
   * What exports say of an element besides its kind, id and geometry (GeoJSON properties): its
   * name, its fields without its placement, and derived figures with their unit in the name.
   */
  exportProperties(e: ElementOf[C], ctx: KindContext): ExportProperties;

  /** The element whose frame this one lives in (a row's hall), if any. */
  parentOf(e: ElementOf[C]): string | undefined;
  /** The elements that live in this one's frame (a hall's rows). */
  childrenOf(ctx: KindContext, id: string): readonly AnyElement[];
  /** The campus footprint, or null (a row whose hall is missing). */
  footprint(e: ElementOf[C], ctx: KindContext): Footprint | null;
  /** The point a moving element is snapped by. */
  referencePoint(e: ElementOf[C], ctx: KindContext): Vec2 | null;
  bounds(e: ElementOf[C], ctx: KindContext): AABB | null;
  /** The topmost element of this kind at `p` (the later in the file wins), or undefined. */
  topmostAt(ctx: KindContext, p: Vec2, tolerance: number): string | undefined;
  /** The elements lying wholly inside `box`, leaving out children of `picked` elements. */
  inBox(ctx: KindContext, box: AABB, picked: ReadonlySet<string>): string[];

  /** Move `e` from `base` by a campus-frame delta. */
  move(e: Mutable<ElementOf[C]>, base: ElementOf[C], delta: Vec2, ctx: KindContext): void;
  /** Shift a child by `delta` in its parent's frame (its parent's frame origin moved). */
  shiftInParent(e: Mutable<ElementOf[C]>, base: ElementOf[C], delta: Vec2): void;
  /** Turn `e` about its centre to a campus angle. */
  rotateTo(e: Mutable<ElementOf[C]>, campusDeg: number, ctx: KindContext): void;
  /**
   * Drag handle `dir` of `base` to campus point `p`, writing `e`. Returns how far the element's
   * own frame origin moved (in its own axes), so that its children can keep their campus places.
   */
  resizeTo(
    e: Mutable<ElementOf[C]>,
    base: ElementOf[C],
    dir: HandleDir,
    p: Vec2,
    ctx: KindContext,
  ): Vec2 | undefined;
  /** A copy for paste and duplicate, or null when it cannot be placed. */
  copy(e: ElementOf[C], ctx: CopyContext): ElementOf[C] | null;
  /**
   * Kinds whose footprint is a polyline: replace vertex `index` by `update` of it (no change when
   * there is no such vertex). Vertex handles and the inspector's vertex list edit through this.
   */
  moveVertex?(e: Mutable<ElementOf[C]>, index: number, update: (p: XY) => XY): void;
  /**
   * Whether elements of this kind carry glued elements along when they move, turn or are resized
   * (halls do). The editor's glue (src/editor/glue.ts) finds what each carries.
   */
  readonly carriesGlued?: boolean;
  /**
   * How an element of this kind is glued to a carrier (a hall), if at all:
   * - `vertices` (a polyline kind with `moveVertex`): its vertices inside the carrier or within
   *   GLUE_REACH_M of its edge follow the carrier; the others stay, so the line stretches.
   * - `wrapper` (a rectangle kind): an element that holds the carrier and no other carrier follows
   *   it whole; `place` writes its new rectangle.
   */
  readonly glue?: GlueDef<C>;
}

/** How far outside a carrier's edge a polyline vertex is still glued to it, metres. */
export const GLUE_REACH_M = 1;

/** See KindDef.glue. */
export type GlueDef<C extends Collection> =
  | { readonly kind: 'vertices' }
  | {
      readonly kind: 'wrapper';
      place(e: Mutable<ElementOf[C]>, rect: RotatedRect): void;
    };

/** The wrapper glue of a rectangle placed by its centre (x, y, width, depth, rotation). */
export function rectWrapperGlue<C extends CampusRectCollection>(): GlueDef<C> {
  return {
    kind: 'wrapper',
    place(e, r) {
      const m = e as unknown as {
        x: number;
        y: number;
        width: number;
        depth: number;
        rotation: number;
      };
      m.x = mm(r.x);
      m.y = mm(r.y);
      m.width = mm(r.width);
      m.depth = mm(r.depth);
      m.rotation = normalizeDeg(mm(r.rotation));
    },
  };
}

const inBoxTest = (box: AABB, x: number, y: number) =>
  x >= box.minX && x <= box.maxX && y >= box.minY && y <= box.maxY;

/** Do all the points lie inside `box`? */
export function pointsInBox(box: AABB, points: readonly Vec2[]): boolean {
  return points.every((p) => inBoxTest(box, p.x, p.y));
}

/** Does the rectangle lie wholly inside `box`? */
export function rectInBox(box: AABB, r: RotatedRect): boolean {
  return pointsInBox(box, rectCorners(r));
}

/**
 * The new extents, in the rectangle's own frame (centred on its old centre), when handle `dir`
 * is dragged to `local` (a point in that frame). The opposite edge or corner stays where it is.
 */
export function dragExtents(
  w: number,
  h: number,
  dir: HandleDir,
  local: Vec2,
  minW: number,
  minH: number,
): { x0: number; x1: number; y0: number; y1: number } {
  let x0 = -w / 2;
  let x1 = w / 2;
  let y0 = -h / 2;
  let y1 = h / 2;
  const v = HANDLE_VECTORS[dir];
  if (v.x > 0) x1 = Math.max(local.x, x0 + minW);
  if (v.x < 0) x0 = Math.min(local.x, x1 - minW);
  if (v.y > 0) y1 = Math.max(local.y, y0 + minH);
  if (v.y < 0) y0 = Math.min(local.y, y1 - minH);
  return { x0, x1, y0, y1 };
}

/** A rectangle placed in the campus frame by its centre (halls, zones, substations, yards, plants). */
type CampusRect = RotatedRect & { readonly id: string };

/** The collections of rectangles placed in the campus frame by their centre. */
export type CampusRectCollection =
  'halls' | 'coolingZones' | 'substations' | 'generatorYards' | 'batteryYards' | 'coolingPlants';

/**
 * The geometry shared by the kinds that are rectangles in the campus frame. `hitTolerance`:
 * whether a hit reaches `tolerance` beyond the edge (zones are picked on their border).
 */
export function campusRectGeometry<C extends CampusRectCollection>(
  collection: C,
  hitTolerance: boolean,
): Pick<
  KindDef<C>,
  | 'parentOf'
  | 'childrenOf'
  | 'footprint'
  | 'referencePoint'
  | 'bounds'
  | 'topmostAt'
  | 'inBox'
  | 'move'
  | 'shiftInParent'
  | 'rotateTo'
  | 'resizeTo'
  | 'copy'
  | 'onParcel'
> {
  type E = ElementOf[C] & CampusRect;
  type M = { x: number; y: number; width: number; depth: number; rotation: number };
  const list = (ctx: KindContext) => ctx.doc[collection] as unknown as readonly E[];
  return {
    onParcel: true,
    parentOf: () => undefined,
    childrenOf: () => [],
    footprint: (e) => ({ kind: 'rect', rect: rectOf(e) }),
    referencePoint: (e) => ({ x: (e as E).x, y: (e as E).y }),
    bounds: (e) => rectAabb(e),
    topmostAt(ctx, p, tolerance) {
      const l = list(ctx);
      for (let i = l.length - 1; i >= 0; i--) {
        const e = l[i]!;
        if (rectContainsPoint(e, p, hitTolerance ? tolerance : 0)) return e.id;
      }
      return undefined;
    },
    inBox: (ctx, box) =>
      list(ctx)
        .filter((e) => rectInBox(box, e))
        .map((e) => e.id),
    move(e, base, delta) {
      const m = e as unknown as M;
      m.x = mm((base as E).x + delta.x);
      m.y = mm((base as E).y + delta.y);
    },
    shiftInParent: () => undefined,
    rotateTo(e, campusDeg) {
      (e as unknown as M).rotation = normalizeDeg(campusDeg);
    },
    resizeTo(e, base, dir, p) {
      const b = base as E;
      const m = e as unknown as M;
      const local = toRectLocal(b, p);
      const { x0, x1, y0, y1 } = dragExtents(b.width, b.depth, dir, local, MIN_SIZE_M, MIN_SIZE_M);
      const centre = rotate({ x: (x0 + x1) / 2, y: (y0 + y1) / 2 }, b.rotation);
      m.x = mm(b.x + centre.x);
      m.y = mm(b.y + centre.y);
      m.width = mm(x1 - x0);
      m.depth = mm(y1 - y0);
      // The frame's origin (top-left corner before rotation) moved by this, along its axes.
      return { x: x0 + b.width / 2, y: y0 + b.depth / 2 };
    },
    copy: (e, ctx) => ({
      ...e,
      id: ctx.newId(),
      x: mm((e as E).x + ctx.offset.x),
      y: mm((e as E).y + ctx.offset.y),
    }),
  };
}
