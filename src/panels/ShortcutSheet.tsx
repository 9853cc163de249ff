import { ModalDialog } from './ModalDialog';
import './ShortcutSheet.css';

/** A shortcut as the sheet lists it: an action of the app's one registry (src/app/actions.ts). */
export interface SheetEntry {
  readonly id: string;
  readonly label: string;
  readonly shortcut: string;
}

export interface SheetGroup {
  readonly title: string;
  readonly entries: readonly SheetEntry[];
}

/** What the pointer and trackpad do on the canvas (gestures, not keys: not in the action registry). */
const GESTURES: readonly SheetEntry[] = [
  { id: 'gesture.pan-space', label: 'Pan', shortcut: 'Space + drag' },
  { id: 'gesture.pan-middle', label: 'Pan', shortcut: 'Middle-drag' },
  { id: 'gesture.pan-trackpad', label: 'Pan', shortcut: 'Two-finger scroll' },
  { id: 'gesture.zoom-wheel', label: 'Zoom about the pointer', shortcut: 'Wheel' },
  { id: 'gesture.zoom-pinch', label: 'Zoom about the pointer', shortcut: 'Pinch / Ctrl + wheel' },
  { id: 'gesture.add', label: 'Add to the selection', shortcut: 'Shift + click' },
  { id: 'gesture.snap', label: 'Move without snapping', shortcut: 'Alt + drag' },
];

/**
 * The keyboard shortcut sheet (`?` or the Help button): every action of the registry that has a
 * shortcut, by area, read from the actions themselves so it never drifts from what the keys do.
 */
export function ShortcutSheet({
  groups,
  onClose,
}: {
  readonly groups: readonly SheetGroup[];
  readonly onClose: () => void;
}) {
  const all = [...groups, { title: 'Pointer', entries: GESTURES }];
  return (
    <ModalDialog
      title="Keyboard shortcuts"
      testId="shortcut-sheet"
      wide
      onClose={onClose}
      footer={
        <button type="button" className="file-button" onClick={onClose} autoFocus>
          Close
        </button>
      }
    >
      <div className="shortcut-groups">
        {all.map((g) => (
          <section key={g.title} className="shortcut-group" aria-label={g.title}>
            <h3 className="shortcut-group-title">{g.title}</h3>
            <dl className="shortcut-list">
              {g.entries
                .filter((e) => e.shortcut !== '')
                .map((e) => (
                  <div key={e.id} className="shortcut-row" data-action={e.id}>
                    <dt className="shortcut-label">{e.label}</dt>
                    <dd className="shortcut-keys">
                      <kbd>{e.shortcut}</kbd>
                    </dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
      </div>
    </ModalDialog>
  );
}
