import type { Layout } from '../../domain';
import { formatUpTo } from '../../domain/units';

const NAMES = [
  ['halls', 'hall', 'halls'],
  ['rackRows', 'row', 'rows'],
  ['coolingZones', 'cooling zone', 'cooling zones'],
  ['substations', 'substation', 'substations'],
  ['fiberTrenches', 'trench', 'trenches'],
] as const;

/** Each element id's index into NAMES, built once per document version. */
const kindIndex = new WeakMap<Layout, ReadonlyMap<string, number>>();

function kindsOf(layout: Layout): ReadonlyMap<string, number> {
  let m = kindIndex.get(layout);
  if (!m) {
    const built = new Map<string, number>();
    NAMES.forEach(([collection], k) => {
      for (const e of layout[collection]) built.set(e.id, k);
    });
    m = built;
    kindIndex.set(layout, m);
  }
  return m;
}

/** What a list of element ids names, counted by kind: "5 halls", "1 hall, 3 rows". */
export function describeElements(layout: Layout, ids: readonly string[]): string {
  if (ids.length === 0) return '';
  const kinds = kindsOf(layout);
  const counts = NAMES.map(() => 0);
  let missing = 0;
  for (const id of new Set(ids)) {
    const k = kinds.get(id);
    if (k === undefined) missing++;
    else counts[k]!++;
  }
  const parts: string[] = [];
  NAMES.forEach(([, one, many], k) => {
    const n = counts[k]!;
    if (n > 0) parts.push(`${formatUpTo(n, 0)} ${n === 1 ? one : many}`);
  });
  if (missing > 0) parts.push(`${missing} other${missing === 1 ? '' : 's'}`);
  return parts.join(', ');
}
