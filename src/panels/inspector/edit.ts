import type { Draft } from 'immer';
import { freshId } from '../../editor/tools/context';
import { KINDS, type Layout } from '../../domain';
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

/** The element of `t` in a draft (checked by id: the draft is of the document `t` was found in). */
function draftElement(draft: Draft<Layout>, t: Target): Record<string, unknown> | null {
  const e = (draft[t.collection] as unknown as Record<string, unknown>[])[t.index];
  return e && e.id === t.id ? e : null;
}

/** A recipe setting one property on each target. */
export function setProperty(
  targets: readonly Target[],
  key: string,
  value: unknown,
): (draft: Draft<Layout>) => void {
  return (draft) => {
    for (const t of targets) {
      const e = draftElement(draft, t);
      if (e) e[key] = value;
    }
  };
}

/** A recipe setting one coordinate of one vertex of a polyline element. */
export function setVertex(
  target: Target,
  key: string,
  vertex: number,
  axis: 0 | 1,
  value: number,
): (draft: Draft<Layout>) => void {
  return (draft) => {
    const e = draftElement(draft, target);
    const points = e?.[key] as number[][] | undefined;
    const p = points?.[vertex];
    if (p) p[axis] = value;
  };
}

/** "Set width", "Set width of 2 halls", "Set rotation of 3 elements". */
export function editLabel(label: string, targets: readonly Pick<Located, 'collection'>[]): string {
  const what = label.toLowerCase();
  if (targets.length <= 1) return `Set ${what}`;
  const kinds = new Set(targets.map((t) => t.collection));
  const [only] = kinds;
  const noun = kinds.size === 1 && only ? `${KINDS[only].label.toLowerCase()}s` : 'elements';
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
