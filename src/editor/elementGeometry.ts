import { kindOf, type Collection, type Layout, type RotatedRect } from '../domain';
import { elementIndex, kindContext } from '../state/selectors';

/**
 * Where each element sits in the campus frame, by id: which collection holds it, its campus
 * rectangle (rows through their hall). Pure; dispatches through the KINDS registry.
 */

/** The collection of every element, by id (the document's one index, selectors.ts). */
export function collectionOf(doc: Layout, id: string): Collection | undefined {
  return elementIndex(doc).collectionOf(id);
}

/** The campus rectangle of an element with a rectangular footprint (null for polylines and unknown ids). */
export function campusRectOf(doc: Layout, id: string): RotatedRect | null {
  const f = footprintOf(doc, id);
  return f?.kind === 'rect' ? f.rect : null;
}

/** The campus footprint of an element, or null. */
export function footprintOf(doc: Layout, id: string) {
  const l = elementIndex(doc).locate(id);
  return l ? kindOf(l.collection).footprint(l.element, kindContext(doc)) : null;
}

/** The point a moving element is snapped by: its centre (a trench: its first vertex). */
export function referencePoint(doc: Layout, id: string): { x: number; y: number } | null {
  const l = elementIndex(doc).locate(id);
  return l ? kindOf(l.collection).referencePoint(l.element, kindContext(doc)) : null;
}

/** The element's label for history entries and menus ("hall", "rack row"). */
export function kindLabel(c: Collection): string {
  return kindOf(c).label.toLowerCase();
}

/** What a history entry calls the elements: "hall", "3 elements". */
export function describeElements(doc: Layout, ids: readonly string[]): string {
  if (ids.length === 1) {
    const c = collectionOf(doc, ids[0]!);
    if (c) return kindLabel(c);
  }
  return `${ids.length} elements`;
}
