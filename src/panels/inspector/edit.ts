import type { Draft } from 'immer';
import { freshId } from '../../editor/tools/context';
import {
  elementAt,
  KINDS,
  kindOf,
  writeField,
  type AnyElement,
  type FieldKey,
  type Layout,
} from '../../domain';
import { elementIndex, type Located } from '../../state/selectors';

export type { Located } from '../../state/selectors';

/** An element by id with its collection and index, or null (the document's one index). */
export function locate(doc: Layout, id: string): Located | null {
  return elementIndex(doc).locate(id);
}

/** The selected elements that exist in the document, in selection order. */
export function locateAll(doc: Layout, ids: readonly string[]): Located[] {
  const out: Located[] = [];
  for (const id of ids) {
    const l = locate(doc, id);
    if (l) out.push(l);
  }
  return out;
}

type Target = Pick<Located, 'collection' | 'index'> & { readonly id: string };

/** A recipe setting one property (by key) on each target, through its kind's field for it. */
export function setProperty(
  targets: readonly Target[],
  key: FieldKey<AnyElement>,
  value: unknown,
): (draft: Draft<Layout>) => void {
  return (draft) => {
    for (const t of targets) {
      const e = elementAt(draft, t.collection, t.index, t.id);
      const def = kindOf(t.collection).fields.find((f) => f.key === key);
      if (e && def) writeField<AnyElement>(e, def, value);
    }
  };
}

/** A recipe setting one coordinate of one vertex of a polyline element. */
export function setVertex(
  target: Target,
  vertex: number,
  axis: 0 | 1,
  value: number,
): (draft: Draft<Layout>) => void {
  return (draft) => {
    const e = elementAt(draft, target.collection, target.index, target.id);
    if (!e) return;
    kindOf(target.collection).moveVertex?.(e, vertex, (p) =>
      axis === 0 ? [value, p[1]] : [p[0], value],
    );
  };
}

/** "Set width", "Set width of 2 halls", "Set rotation of 3 elements". */
export function editLabel(label: string, targets: readonly Pick<Located, 'collection'>[]): string {
  const what = label.toLowerCase();
  if (targets.length <= 1) return `Set ${what}`;
  const kinds = new Set(targets.map((t) => t.collection));
  const [only] = kinds;
  const noun = kinds.size === 1 && only ? KINDS[only].noun.many : 'elements';
  return `Set ${what} of ${targets.length} ${noun}`;
}

/** `count` fresh ids with the prefix, unique in the document and among themselves. */
export function freshIds(doc: Layout, prefix: string, count: number): string[] {
  if (count <= 0) return [];
  const first = freshId(doc, prefix);
  const index = elementIndex(doc);
  let n = Number(first.slice(prefix.length + 1));
  const ids = [first];
  while (ids.length < count) {
    n++;
    const id = `${prefix}-${n}`;
    if (!index.has(id)) ids.push(id);
  }
  return ids;
}
