/**
 * The action registry (Excalidraw's habit): one place that names each command, its shortcut and
 * what it does, so that keys, buttons and tests all call the same thing.
 */
export interface Action {
  readonly id: string;
  readonly label: string;
  /** As shown in tooltips. */
  readonly shortcut: string;
  readonly matches: (e: KeyboardEvent) => boolean;
  readonly perform: () => void;
}
