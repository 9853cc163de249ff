import { useState } from 'react';
import { parcelAreaM2, parcelSchema, type Layout, type PointsField } from '../../domain';
import { formatCount, formatQuantity, type UnitSystem } from '../../domain/units';
import { parcelWithVertex } from '../../editor/tools/parcelTool';
import { useEditor } from '../../editor/EditorProvider';
import { FieldView } from './FieldView';

/** The parcel's vertices as a points field (each coordinate validated as a campus coordinate). */
const PARCEL_POINTS_FIELD: PointsField<Layout['parcel']> = {
  id: 'parcel-points',
  key: 'points',
  label: 'Vertices',
  type: 'points',
  coordSchema: parcelSchema.shape.points.def.element.def.items[0],
  wide: true,
};

/**
 * The selected parcel (a click on its edge): its area and its vertices, typed in the current unit.
 * A vertex that would make the parcel cross itself is refused with a message; nothing changes.
 */
export function ParcelSection({ doc, system }: { doc: Layout; system: UnitSystem }) {
  const { document: store } = useEditor();
  const [message, setMessage] = useState<string | null>(null);
  const parcel = doc.parcel;
  const onVertex = (index: number, axis: 0 | 1, value: number) => {
    const result = parcelWithVertex(store.getState().doc.parcel.points, index, axis, value);
    if (!result.ok) {
      setMessage(result.message);
      return;
    }
    setMessage(null);
    store.getState().apply(
      (d) => {
        d.parcel.points = result.points.map(([x, y]) => [x, y]);
      },
      `Move parcel vertex ${index + 1}`,
    );
  };
  return (
    <>
      <header className="insp-head">
        <span className="insp-kind">Parcel</span>
        <h2 className="insp-title" data-testid="inspector-title">
          Land parcel
        </h2>
      </header>
      <p className="insp-summary" data-testid="inspector-summary">
        {formatQuantity(parcelAreaM2(parcel), 'area', system).text} ·{' '}
        {formatCount(parcel.points.length)} vertices. Drag its vertices with the Parcel tool (P).
      </p>
      {message && (
        <p className="insp-error" role="alert" data-testid="parcel-error">
          {message}
        </p>
      )}
      <div className="insp-grid" key={system}>
        <FieldView
          def={PARCEL_POINTS_FIELD}
          values={[parcel.points]}
          sample={parcel}
          system={system}
          doc={doc}
          onCommit={() => undefined}
          onVertex={onVertex}
        />
      </div>
    </>
  );
}
