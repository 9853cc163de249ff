/**
 * Text from the user (a layout, hall or file name, an element id) inside text of ours, where it
 * can only be a plain string (a title attribute, a notice, a check message): isolated between
 * FIRST STRONG ISOLATE (U+2068) and POP DIRECTIONAL ISOLATE (U+2069), so that a right-to-left
 * name, or one holding a direction override (U+202E), cannot reorder the words around it. In JSX,
 * render user text in a <bdi> instead. One function, used everywhere.
 */
export const FSI = '\u2068';
export const PDI = '\u2069';

export function isolate(text: string): string {
  return `${FSI}${text}${PDI}`;
}

/**
 * The name for a copy of an element called `name`, given the names `taken` in its collection: the
 * next free number after its stem ("Hall 2" with Halls 1–4 taken → "Hall 5"; "Liquid loop A" →
 * "Liquid loop A 2"). One convention for every kind. An empty name stays empty.
 */
export function nextFreeName(name: string, taken: ReadonlySet<string>): string {
  const trimmed = name.trim();
  if (trimmed === '') return name;
  const m = /^(.*\S)\s+(\d+)$/.exec(trimmed);
  const stem = m ? m[1]! : trimmed;
  let n = 2;
  if (m) {
    // Count on from the highest number this stem has, so copies line up after the originals.
    for (const t of taken) {
      const tm = /^(.*\S)\s+(\d+)$/.exec(t.trim());
      if (tm && tm[1] === stem) n = Math.max(n, Number(tm[2]) + 1);
    }
  }
  while (taken.has(`${stem} ${n}`)) n += 1;
  return `${stem} ${n}`;
}
