import { memo, useId, useRef, useState } from 'react';
import { useViewInset } from './useViewInset';
import {
  BATTERY_YARD_DEFAULTS,
  COOLING_PLANT_DEFAULTS,
  COOLING_TYPE_IDS,
  COOLING_TYPES,
  GENERATOR_YARD_DEFAULTS,
  HALL_DEFAULTS,
  PLANT_TYPE_IDS,
  PLANT_TYPES,
  RACK_PROFILE_IDS,
  RACK_PROFILES,
  SUBSTATION_DEFAULTS,
} from '../domain';
import { MIN_HALL_M } from '../editor/tools/hallTool';
import type { Overlay } from '../editor/tools/types';
import type { ToolId, Units } from '../state/sessionStore';
import { formatExact, formatLength, formatUpTo } from '../domain/units';
import { ToolIcon } from './toolIcons';
import {
  COMMON_FIBER_COUNTS,
  readFeederMva,
  readFiberCount,
  readKwPerRack,
  readRackCount,
  readZoneCapacityMw,
  type FieldResult,
} from './toolOptionsInput';
import './toolbar.css';
import { useEditor, useSession } from '../editor/EditorProvider';

/** A tool's button: what users call it, its one-key shortcut, and its action (the key's too). */
export interface ToolButton {
  readonly tool: ToolId;
  readonly name: string;
  readonly key: string;
  readonly perform: () => void;
}

/** Groups of the toolbar: select | halls and networks | the plant outside the halls | the land. */
const GROUP_STARTS: ReadonlySet<ToolId> = new Set(['hall', 'generatorYard', 'parcel']);

/**
 * The vertical toolbar over the left edge of the canvas, and the active tool's options strip.
 * Each button has an accessible name ("Hall tool"), its shortcut in the tooltip ("Hall (H)") and
 * aria-pressed when active.
 */
export const Toolbar = memo(function Toolbar({ tools }: { tools: readonly ToolButton[] }) {
  const active = useSession((s) => s.tool);
  const locked = useSession((s) => s.toolLocked);
  const { session } = useEditor();
  const setLocked = (on: boolean) => session.getState().setToolLocked(on);
  const ref = useRef<HTMLDivElement>(null);
  useViewInset(ref, 'left');
  return (
    <>
      <div
        ref={ref}
        className="toolbar"
        role="toolbar"
        aria-label="Tools"
        aria-orientation="vertical"
      >
        {tools.map(({ tool, name, key, perform }) => (
          <div key={tool} className="toolbar-slot">
            {GROUP_STARTS.has(tool) && <div className="toolbar-separator" aria-hidden="true" />}
            <button
              type="button"
              className="tool-button"
              aria-label={`${name} tool`}
              aria-pressed={active === tool}
              aria-keyshortcuts={key}
              title={`${name} (${key})`}
              data-tool={tool}
              onClick={perform}
              // A double-click keeps the tool (locks it), as in Excalidraw and Figma.
              onDoubleClick={tool === 'select' ? undefined : () => setLocked(true)}
            >
              <ToolIcon tool={tool} />
              <span className="tool-key" aria-hidden="true">
                {key}
              </span>
            </button>
          </div>
        ))}
        <div className="toolbar-separator" aria-hidden="true" />
        <button
          type="button"
          className="tool-button tool-lock"
          aria-label="Tool lock"
          aria-pressed={locked}
          aria-keyshortcuts="Q"
          title={
            locked
              ? 'Tool lock on: drawing tools stay active after each element (Q)'
              : 'Tool lock: keep the drawing tool after each element (Q; or double-click a tool)'
          }
          data-testid="tool-lock"
          onClick={() => setLocked(!locked)}
        >
          <LockIcon locked={locked} />
          <span className="tool-key" aria-hidden="true">
            Q
          </span>
        </button>
      </div>
      <ToolOptions key={active} tool={active} />
    </>
  );
});

/** A padlock, shut when the lock is on. */
function LockIcon({ locked }: { locked: boolean }) {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      aria-hidden="true"
    >
      <rect x="5" y="11" width="14" height="9.5" rx="1.5" />
      <path d={locked ? 'M8 11V8a4 4 0 0 1 8 0v3' : 'M8 11V8a4 4 0 0 1 7.7-1.5'} />
    </svg>
  );
}

function dims(w: number, d: number, units: Units): string {
  return `${formatLength(w, units).replace(/ (m|ft)$/, '')} × ${formatLength(d, units)}`;
}

const drawingHint = (what: string) =>
  `Double-click or Enter ends the ${what}; Backspace removes the last vertex; Esc cancels.`;

function hintFor(tool: ToolId, units: Units): string | null {
  switch (tool) {
    case 'hall':
      return `Drag to draw a hall (at least ${dims(MIN_HALL_M, MIN_HALL_M, units)}), or click for ${dims(HALL_DEFAULTS.width, HALL_DEFAULTS.depth, units)}. Alt: no snapping.`;
    case 'rackRow':
      return 'Click inside a hall to place a row.';
    case 'coolingZone':
      return 'Drag to draw a zone, or click a hall to wrap it.';
    case 'substation':
      return `Click to place a ${dims(SUBSTATION_DEFAULTS.width, SUBSTATION_DEFAULTS.depth, units)} yard.`;
    case 'fiberTrench':
      return 'Click each vertex; double-click or Enter ends, Backspace removes the last, Esc cancels.';
    case 'generatorYard':
      return `Click to place a ${dims(GENERATOR_YARD_DEFAULTS.width, GENERATOR_YARD_DEFAULTS.depth, units)} yard of ${GENERATOR_YARD_DEFAULTS.units} × ${GENERATOR_YARD_DEFAULTS.unitMw} MW gensets.`;
    case 'batteryYard':
      return `Click to place a ${dims(BATTERY_YARD_DEFAULTS.width, BATTERY_YARD_DEFAULTS.depth, units)} ${BATTERY_YARD_DEFAULTS.powerMw} MW / ${BATTERY_YARD_DEFAULTS.energyMwh} MWh yard.`;
    case 'coolingPlant':
      return `Click to place a ${dims(COOLING_PLANT_DEFAULTS.width, COOLING_PLANT_DEFAULTS.depth, units)} plant.`;
    case 'powerFeeder':
      return 'Click each vertex from a substation to a hall; double-click or Enter ends, Esc cancels.';
    case 'parcel':
      return 'Drag a vertex; click an edge to add one; Alt-click or Delete removes one.';
    default:
      return null;
  }
}

/**
 * The size of what the gesture in progress would make, for the options strip: a drawn rectangle's
 * width × depth, a trench's length so far. A string, so the strip re-renders only when it changes.
 */
export function gestureMeasure(tool: ToolId, overlay: Overlay, units: Units): string | null {
  if (tool === 'hall' || tool === 'coolingZone') {
    const r = overlay.rects[0];
    if (!r || overlay.rects.length !== 1) return null;
    const area = units === 'imperial' ? r.width * r.depth * 10.7639104 : r.width * r.depth;
    return `${tool === 'hall' ? 'Hall' : 'Zone'} ${dims(r.width, r.depth, units)} · ${formatExact(area)} ${units === 'imperial' ? 'ft²' : 'm²'}`;
  }
  if (tool === 'fiberTrench' || tool === 'powerFeeder') {
    const line = overlay.polylines[0];
    if (!line || line.length < 2) return null;
    let m = 0;
    for (let i = 1; i < line.length; i++) {
      m += Math.hypot(line[i]!.x - line[i - 1]!.x, line[i]!.y - line[i - 1]!.y);
    }
    return `Route ${formatLength(m, units)}`;
  }
  return null;
}

/** The strip of what the active tool makes, beside the toolbar. None for select. */
function ToolOptions({ tool }: { tool: ToolId }) {
  const units = useSession((s) => s.units);
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const errorId = useId();
  const hint = hintFor(tool, units);
  const measure = useSession((s) => gestureMeasure(tool, s.overlay, units));
  if (!hint) return null;
  const report = (field: string) => (message: string | null) =>
    setError((prev) => (message ? { field, message } : prev?.field === field ? null : prev));
  const fields =
    tool === 'rackRow' ? (
      <RowOptions report={report} errorId={errorId} />
    ) : tool === 'coolingZone' ? (
      <ZoneOptions report={report} errorId={errorId} />
    ) : tool === 'fiberTrench' ? (
      <TrenchOptions report={report} errorId={errorId} />
    ) : tool === 'coolingPlant' ? (
      <PlantOptions />
    ) : tool === 'powerFeeder' ? (
      <FeederOptions report={report} errorId={errorId} />
    ) : null;
  return (
    <div className="tool-options" role="group" aria-label="Tool options" data-testid="tool-options">
      <div className="tool-options-row">
        {fields}
        {measure && (
          <span className="tool-measure" data-testid="tool-measure">
            {measure}
          </span>
        )}
        {measure && (tool === 'fiberTrench' || tool === 'powerFeeder') ? (
          <span className="tool-hint">
            {drawingHint(tool === 'powerFeeder' ? 'feeder' : 'trench')}
          </span>
        ) : (
          !measure && <span className="tool-hint">{hint}</span>
        )}
      </div>
      {error && (
        <p
          className="tool-options-error"
          id={errorId}
          role="alert"
          data-testid="tool-options-error"
        >
          {error.message}
        </p>
      )}
    </div>
  );
}

type Report = (field: string) => (message: string | null) => void;

interface NumberFieldProps<T> {
  readonly label: string;
  readonly unit?: string;
  readonly value: T;
  readonly placeholder?: string;
  readonly read: (text: string) => FieldResult<T>;
  readonly onValid: (value: T) => void;
  readonly onMessage: (message: string | null) => void;
  readonly errorId: string;
  readonly width: number;
  readonly list?: string;
  readonly testId: string;
}

/**
 * A validated number field: each keystroke that reads as a valid value updates the tool options;
 * anything else shows what is allowed and leaves the options as they were.
 */
function NumberField<T extends number | null>(props: NumberFieldProps<T>) {
  const { label, unit, value, read, onValid, onMessage } = props;
  // The text being typed; null shows the stored value.
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const text = draft ?? (value === null ? '' : String(value));
  return (
    <label className="tool-field">
      <span className="tool-field-label">{label}</span>
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={text}
        placeholder={props.placeholder}
        list={props.list}
        style={{ width: `calc(${props.width}ch + 16px)` }}
        aria-invalid={invalid}
        aria-describedby={invalid ? props.errorId : undefined}
        data-testid={props.testId}
        onChange={(e) => {
          const next = e.target.value;
          setDraft(next);
          const r = read(next);
          setInvalid(!r.ok);
          onMessage(r.ok ? null : r.message);
          if (r.ok) onValid(r.value);
        }}
        onBlur={() => {
          if (!invalid) setDraft(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === 'Escape') {
            if (e.key === 'Escape') {
              setDraft(null);
              setInvalid(false);
              onMessage(null);
            }
            e.currentTarget.blur();
          }
        }}
      />
      {unit ? <span className="tool-field-unit">{unit}</span> : null}
    </label>
  );
}

function RowOptions({ report, errorId }: { report: Report; errorId: string }) {
  const options = useSession((s) => s.toolOptions);
  const set = useSession((s) => s.setToolOptions);
  const profile = RACK_PROFILES[options.profile];
  const kw = options.kwPerRack ?? profile.kwPerRack.value;
  const rowMw = (options.rackCount * kw) / 1000;
  return (
    <>
      <label className="tool-field">
        <span className="tool-field-label">Profile</span>
        <select
          value={options.profile}
          data-testid="option-profile"
          onChange={(e) => set({ profile: e.target.value as typeof options.profile })}
        >
          {RACK_PROFILE_IDS.map((id) => (
            <option key={id} value={id}>
              {RACK_PROFILES[id].label}
            </option>
          ))}
        </select>
      </label>
      <NumberField
        label="Racks"
        value={options.rackCount}
        read={readRackCount}
        onValid={(rackCount) => set({ rackCount })}
        onMessage={report('rackCount')}
        errorId={errorId}
        width={5}
        testId="option-rackCount"
      />
      <NumberField
        label="kW / rack"
        value={options.kwPerRack}
        placeholder={formatExact(profile.kwPerRack.value, profile.kwPerRack.value % 1 ? 1 : 0)}
        read={readKwPerRack}
        onValid={(kwPerRack) => set({ kwPerRack })}
        onMessage={report('kwPerRack')}
        errorId={errorId}
        width={6}
        testId="option-kwPerRack"
      />
      <span
        className="tool-readout"
        title="Row IT power: racks × kW per rack"
        data-testid="option-rowMw"
      >
        {formatExact(rowMw, rowMw < 10 ? 2 : 1)} MW / row
      </span>
    </>
  );
}

function ZoneOptions({ report, errorId }: { report: Report; errorId: string }) {
  const options = useSession((s) => s.toolOptions);
  const set = useSession((s) => s.setToolOptions);
  return (
    <>
      <label className="tool-field">
        <span className="tool-field-label">Cooling</span>
        <select
          value={options.coolingType}
          data-testid="option-coolingType"
          onChange={(e) => set({ coolingType: e.target.value as typeof options.coolingType })}
        >
          {COOLING_TYPE_IDS.map((id) => (
            <option key={id} value={id}>
              {COOLING_TYPES[id].label} (≤ {COOLING_TYPES[id].maxKwPerRack.value} kW/rack)
            </option>
          ))}
        </select>
      </label>
      <NumberField
        label="Capacity"
        unit="MW"
        value={options.zoneCapacityMw}
        read={readZoneCapacityMw}
        onValid={(zoneCapacityMw) => set({ zoneCapacityMw })}
        onMessage={report('zoneCapacityMw')}
        errorId={errorId}
        width={6}
        testId="option-zoneCapacityMw"
      />
    </>
  );
}

function TrenchOptions({ report, errorId }: { report: Report; errorId: string }) {
  const fiberCount = useSession((s) => s.toolOptions.fiberCount);
  const set = useSession((s) => s.setToolOptions);
  const listId = useId();
  return (
    <>
      <NumberField
        label="Fibers"
        value={fiberCount}
        read={readFiberCount}
        onValid={(n) => set({ fiberCount: n })}
        onMessage={report('fiberCount')}
        errorId={errorId}
        width={7}
        list={listId}
        testId="option-fiberCount"
      />
      <datalist id={listId}>
        {COMMON_FIBER_COUNTS.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
    </>
  );
}

function PlantOptions() {
  const plantType = useSession((s) => s.toolOptions.plantType);
  const set = useSession((s) => s.setToolOptions);
  const type = PLANT_TYPES[plantType];
  return (
    <>
      <label className="tool-field">
        <span className="tool-field-label">Type</span>
        <select
          value={plantType}
          data-testid="option-plantType"
          onChange={(e) => set({ plantType: e.target.value as typeof plantType })}
        >
          {PLANT_TYPE_IDS.map((id) => (
            <option key={id} value={id}>
              {PLANT_TYPES[id].label}
            </option>
          ))}
        </select>
      </label>
      <span
        className="tool-readout"
        title={`Water use ${type.wueLPerKwh.value} L per kWh of IT energy (grade ${type.wueLPerKwh.grade}: ${type.wueLPerKwh.basis})`}
        data-testid="option-plantReadout"
      >
        {COOLING_PLANT_DEFAULTS.units} × {formatUpTo(type.unitMw.value, 2)} MW · WUE{' '}
        {formatUpTo(type.wueLPerKwh.value, 2)} L/kWh
      </span>
    </>
  );
}

function FeederOptions({ report, errorId }: { report: Report; errorId: string }) {
  const feederMva = useSession((s) => s.toolOptions.feederMva);
  const set = useSession((s) => s.setToolOptions);
  return (
    <NumberField
      label="Capacity"
      unit="MVA"
      value={feederMva}
      read={readFeederMva}
      onValid={(n) => set({ feederMva: n })}
      onMessage={report('feederMva')}
      errorId={errorId}
      width={6}
      testId="option-feederMva"
    />
  );
}
