import type { RotatedRect, Vec2 } from '../domain';

/** A guide line drawn while snapping, campus frame. */
export interface Guide {
  readonly from: Vec2;
  readonly to: Vec2;
}

/** Transient drawing on the UI layer: a ghost of what a gesture would create, and snap guides. */
export interface Overlay {
  readonly rects: readonly RotatedRect[];
  readonly polylines: readonly (readonly Vec2[])[];
  readonly points: readonly Vec2[];
  readonly guides: readonly Guide[];
  /** A selection marquee, campus frame corners. */
  readonly marquee: { readonly a: Vec2; readonly b: Vec2 } | null;
  /** A short text by the pointer (a rotation's angle), campus frame anchor, drawn in screen px. */
  readonly label?: { readonly at: Vec2; readonly text: string } | null;
}

export const EMPTY_OVERLAY: Overlay = {
  rects: [],
  polylines: [],
  points: [],
  guides: [],
  marquee: null,
};
