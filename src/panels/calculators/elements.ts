import { COLLECTIONS, KINDS, type Collection, type Layout } from '../../domain';
import { formatUpTo } from '../../domain/units';
import { elementIndex } from '../../state/selectors';

/** What a list of element ids names, counted by kind: "5 halls", "1 hall, 3 rows". */
export function describeElements(layout: Layout, ids: readonly string[]): string {
  if (ids.length === 0) return '';
  const index = elementIndex(layout);
  const counts = new Map<Collection, number>();
  let missing = 0;
  for (const id of new Set(ids)) {
    const c = index.collectionOf(id);
    if (c === undefined) missing++;
    else counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const parts: string[] = [];
  for (const c of COLLECTIONS) {
    const n = counts.get(c) ?? 0;
    const { one, many } = KINDS[c].noun;
    if (n > 0) parts.push(`${formatUpTo(n, 0)} ${n === 1 ? one : many}`);
  }
  if (missing > 0) parts.push(`${missing} other${missing === 1 ? '' : 's'}`);
  return parts.join(', ');
}
