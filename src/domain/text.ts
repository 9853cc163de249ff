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
