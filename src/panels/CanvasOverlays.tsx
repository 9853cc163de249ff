import { memo, useRef, useState } from 'react';
import { useViewInset } from './useViewInset';
import { niceScaleBar, zoomPercent } from '../editor/camera';
import { zoomAboutCentre, zoomToFit } from '../editor/cameraActions';
import { CANVAS_COLOURS, COOLING_COLOURS, KW_BANDS } from '../canvas/palette';
import { COLLECTIONS, COOLING_TYPE_IDS } from '../domain';
import { formatExact, formatLength, M_PER_FT } from '../domain/units';
import { useDocument, useEditor } from '../editor/EditorProvider';
import type { SessionState } from '../state/sessionStore';
import { setAttr, setText, useSessionFrame } from './useSessionFrame';

/** The scale bar's length (units), width (px) and label at `scale` px/m. */
function scaleBarOf(scale: number, units: SessionState['units']) {
  const unitM = units === 'imperial' ? M_PER_FT : 1;
  const { length, px } = niceScaleBar(scale, 120, unitM);
  const label =
    units === 'imperial'
      ? `${formatExact(length, length < 1 ? 1 : 0)} ft`
      : length >= 1000
        ? `${formatExact(length / 1000)} km`
        : `${formatExact(length, length < 1 ? 1 : 0)} m`;
  return { value: String(length * unitM), px, label };
}

/**
 * Scale bar: the longest 1/2/5 × 10ⁿ length (m or ft) up to 120 px. Written once per frame from
 * the session (useSessionFrame), never by a React render while the camera moves.
 */
export const ScaleBar = memo(function ScaleBar() {
  const root = useRef<HTMLDivElement>(null);
  const line = useRef<HTMLDivElement>(null);
  const text = useRef<HTMLSpanElement>(null);
  useSessionFrame((s) => {
    const bar = scaleBarOf(s.camera.scale, s.units);
    setAttr(root.current, 'data-value', bar.value);
    setAttr(root.current, 'aria-label', `Scale bar: ${bar.label}`);
    if (line.current) line.current.style.width = `${bar.px}px`;
    setText(text.current, bar.label);
  });
  return (
    <div className="scale-bar" data-testid="scale-bar" ref={root}>
      <div className="scale-bar-line" ref={line} />
      <span className="scale-bar-label" ref={text} />
    </div>
  );
});

/** The cursor read-out's text for a session. */
function cursorText(s: SessionState): string {
  const { pointer, units } = s;
  // Enough decimals to resolve about a pixel.
  const decimals = s.camera.scale >= 10 ? 1 : 0;
  return pointer
    ? `x ${formatLength(pointer.x, units, decimals)}   y ${formatLength(pointer.y, units, decimals)}`
    : 'x —   y —';
}

/**
 * Cursor position in the campus frame, in the chosen units: written at most once per frame,
 * outside React (a pointer move re-renders nothing).
 */
const CursorReadout = memo(function CursorReadout() {
  const ref = useRef<HTMLSpanElement>(null);
  useSessionFrame((s) => setText(ref.current, cursorText(s)));
  return (
    <span
      ref={ref}
      className="readout-cursor"
      data-testid="cursor-position"
      title="Cursor position in the campus frame (x right, y down)"
    />
  );
});

/** Zoom controls and read-out: 100 % is one pixel per metre (the read-out follows the camera per frame). */
const ZoomControls = memo(function ZoomControls() {
  const editor = useEditor();
  const pctRef = useRef<HTMLSpanElement>(null);
  useSessionFrame((s) => {
    const pct = zoomPercent(s.camera);
    setAttr(pctRef.current, 'data-value', String(pct));
    setText(pctRef.current, `${formatExact(pct, pct < 10 ? 1 : 0)}%`);
  });
  return (
    <div className="zoom-controls" role="group" aria-label="Zoom">
      <button
        type="button"
        className="icon-button"
        onClick={() => zoomAboutCentre(editor, 1 / 1.25)}
        aria-label="Zoom out"
        title="Zoom out (−)"
      >
        −
      </button>
      <span
        ref={pctRef}
        className="zoom-percent"
        data-testid="zoom-percent"
        title="Zoom: 100 % = 1 pixel per metre"
      />
      <button
        type="button"
        className="icon-button"
        onClick={() => zoomAboutCentre(editor, 1.25)}
        aria-label="Zoom in"
        title="Zoom in (+)"
      >
        +
      </button>
      <button
        type="button"
        className="text-button"
        onClick={() => zoomToFit(editor)}
        aria-label="Zoom to fit"
        title="Zoom to fit (Shift+1)"
      >
        Fit
      </button>
    </div>
  );
});

/** What the colours mean: one strip at the bottom of the canvas, which can be hidden. */
export const Legend = memo(function Legend() {
  const [open, setOpen] = useState(true);
  const ref = useRef<HTMLDivElement>(null);
  useViewInset(ref, 'bottom');
  if (!open) {
    return (
      <div className="legend is-closed" ref={ref}>
        <button
          type="button"
          className="legend-show"
          onClick={() => setOpen(true)}
          aria-expanded={false}
        >
          Legend
        </button>
      </div>
    );
  }
  return (
    <div className="legend" data-testid="legend" aria-label="Legend" ref={ref}>
      <div className="legend-group">
        <span className="legend-heading">Racks, kW each</span>
        {KW_BANDS.map((b) => (
          <span key={b.label} className="legend-item">
            <span className="swatch" style={{ background: b.fill, borderColor: b.stroke }} />
            {b.label.replace(' kW', '')}
          </span>
        ))}
      </div>
      <div className="legend-group">
        <span className="legend-heading">Cooling</span>
        {COOLING_TYPE_IDS.map((id) => (
          <span key={id} className="legend-item" title={COOLING_COLOURS[id].label}>
            <span
              className="swatch is-dashed"
              style={{
                background: COOLING_COLOURS[id].fill,
                borderColor: COOLING_COLOURS[id].stroke,
              }}
            />
            {COOLING_COLOURS[id].short}
          </span>
        ))}
      </div>
      <div className="legend-group">
        <span className="legend-item">
          <span
            className="swatch is-hatched"
            style={{ borderColor: CANVAS_COLOURS.substationStroke }}
          />
          Substation
        </span>
        <span className="legend-item" title="Line width grows with the fiber count">
          <span className="swatch is-line" style={{ background: CANVAS_COLOURS.trench }} />
          Fiber trench
        </span>
      </div>
      <div className="legend-group" data-testid="legend-plant">
        <span className="legend-item" title="Generator yard (standby gensets)">
          <span
            className="swatch"
            style={{
              background: CANVAS_COLOURS.generatorFill,
              borderColor: CANVAS_COLOURS.generatorStroke,
            }}
          />
          Gensets
        </span>
        <span className="legend-item" title="Battery (BESS) yard">
          <span
            className="swatch"
            style={{
              background: CANVAS_COLOURS.batteryFill,
              borderColor: CANVAS_COLOURS.batteryStroke,
            }}
          />
          BESS
        </span>
        <span className="legend-item" title="Cooling plant (heat rejection)">
          <span
            className="swatch"
            style={{
              background: CANVAS_COLOURS.plantFill,
              borderColor: CANVAS_COLOURS.plantStroke,
            }}
          />
          Cooling plant
        </span>
        <span className="legend-item" title="Power feeder (MV duct bank); width grows with MVA">
          <span
            className="swatch is-line is-dashed-line"
            style={{ color: CANVAS_COLOURS.feeder }}
          />
          Feeder
        </span>
      </div>
      <button
        type="button"
        className="legend-hide"
        onClick={() => setOpen(false)}
        aria-label="Hide legend"
        title="Hide legend"
      >
        ×
      </button>
    </div>
  );
});

/** The strip under the canvas: scale bar, cursor position, zoom. */
export function StatusBar() {
  return (
    <div className="statusbar" data-testid="statusbar">
      <ScaleBar />
      <CursorReadout />
      <ZoomControls />
    </div>
  );
}

/**
 * Over an empty campus (nothing placed yet): the first steps, and a way to a sample instead. It
 * lets the pointer through to the canvas, except on its button.
 */
export const EmptyCanvasHint = memo(function EmptyCanvasHint({
  openSample,
}: {
  readonly openSample?: () => void;
}) {
  const empty = useDocument((s) => COLLECTIONS.every((c) => s.doc[c].length === 0));
  if (!empty) return null;
  return (
    <div className="empty-hint" data-testid="empty-hint">
      <p className="empty-hint-title">An empty campus. To start:</p>
      <ol className="empty-hint-steps">
        <li>
          Draw a hall: press <kbd>H</kbd> and drag on the canvas.
        </li>
        <li>
          Fill it with rack rows: select the hall, then “Fill hall with rows” in the inspector.
        </li>
        <li>
          Add a cooling zone over it (<kbd>C</kbd>) and a substation (<kbd>S</kbd>).
        </li>
        <li>
          Connect the halls with a fiber trench (<kbd>F</kbd>, click the vertices, Enter to end).
        </li>
      </ol>
      {openSample && (
        <p className="empty-hint-sample">
          Or{' '}
          <button type="button" className="empty-hint-button" onClick={openSample}>
            open a sample campus
          </button>{' '}
          to see a finished one. Press <kbd>?</kbd> for every shortcut.
        </p>
      )}
    </div>
  );
});
