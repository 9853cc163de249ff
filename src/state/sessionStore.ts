import { create } from 'zustand';
import { EMPTY_OVERLAY, type Overlay } from './overlay';
import {
  POWER_FEEDER_DEFAULTS,
  type CoolingTypeId,
  type PlantTypeId,
  type RackProfileId,
} from '../domain';

/**
 * The session: how the user is looking at the document. Never exported, never undoable
 * (tldraw keeps "session" records apart from "document" records for the same reason).
 */
/**
 * World (metres, campus frame) → screen (CSS px): screen = world × scale + (x, y).
 * `scale` is pixels per metre. The maths lives in src/canvas/camera.ts.
 */
export interface Camera {
  readonly x: number;
  readonly y: number;
  readonly scale: number;
}

export type ToolId =
  | 'select'
  | 'hall'
  | 'rackRow'
  | 'coolingZone'
  | 'substation'
  | 'fiberTrench'
  | 'generatorYard'
  | 'batteryYard'
  | 'coolingPlant'
  | 'powerFeeder'
  | 'parcel';
export type Units = 'metric' | 'imperial';

/** What the creation tools make (the toolbar's options strip edits these). */
export interface ToolOptions {
  readonly profile: RackProfileId;
  readonly rackCount: number;
  /** kW per rack for new rows; null = the profile's default. */
  readonly kwPerRack: number | null;
  readonly coolingType: CoolingTypeId;
  readonly zoneCapacityMw: number;
  readonly fiberCount: number;
  /** Type of new cooling plants. */
  readonly plantType: PlantTypeId;
  /** Capacity of new power feeders, MVA. */
  readonly feederMva: number;
}

/**
 * Screen pixels along each edge of the canvas that overlays cover (the toolbar on the left, the
 * legend along the bottom): fitting the view keeps the campus clear of them.
 */
export interface ViewInsets {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

export const NO_INSETS: ViewInsets = { top: 0, right: 0, bottom: 0, left: 0 };

export const DEFAULT_TOOL_OPTIONS: ToolOptions = {
  profile: 'gb300-nvl72',
  rackCount: 8,
  kwPerRack: null,
  coolingType: 'dlc',
  zoneCapacityMw: 20,
  fiberCount: 1728,
  plantType: 'dry-cooler',
  feederMva: POWER_FEEDER_DEFAULTS.capacityMva,
};

export interface SessionState {
  readonly camera: Camera;
  /** Size of the canvas in CSS px (0 × 0 until measured). */
  readonly viewport: { readonly width: number; readonly height: number };
  /** What the overlays cover of the canvas, px (set by the overlays as they lay out). */
  readonly viewInsets: ViewInsets;
  readonly selection: readonly string[];
  readonly hover: string | null;
  readonly tool: ToolId;
  readonly units: Units;
  /** The pointer's campus position in metres, or null when the pointer is off the canvas. */
  readonly pointer: { readonly x: number; readonly y: number } | null;
  /** What the active tool draws on the UI layer (ghosts, guides, marquee). */
  readonly overlay: Overlay;
  readonly toolOptions: ToolOptions;
  /**
   * Tool lock (Q): creation tools stay active after making an element. Off, they hand back to
   * select after one (Excalidraw's habit).
   */
  readonly toolLocked: boolean;
  /** The element the user has entered (a hall, double-clicked): clicks and boxes pick its children. */
  readonly entered: string | null;
  /** The land parcel is selected (it is not an element: the selection is then empty). */
  readonly parcelSelected: boolean;
  /**
   * The phase slider: show the campus as of phase k (0-based; later phases ghosted, the
   * calculators showing phase k's cumulative figures). null: the last phase, everything.
   */
  readonly asOfPhase: number | null;
  /**
   * The camera a jump set (zoom to fit, zoom to elements), while it is the camera: no step of a
   * gesture follows it, so the canvas draws it at its own zoom at once, where during a zoom
   * gesture it stretches the last zoom's tiles until the zoom settles (src/canvas/tiles.ts).
   */
  readonly jumpedTo: Camera | null;

  /** `jump`: the view jumps there (fit, zoom to elements), rather than a step of a gesture. */
  setCamera: (camera: Camera, jump?: boolean) => void;
  /**
   * The canvas's new size. The view keeps its centre: the campus point in the middle of the canvas
   * stays there when the canvas grows or shrinks (a panel opens, the window resizes).
   */
  setViewport: (width: number, height: number) => void;
  setViewInsets: (side: keyof ViewInsets, px: number) => void;
  setSelection: (ids: readonly string[]) => void;
  setHover: (id: string | null) => void;
  setTool: (tool: ToolId) => void;
  setUnits: (units: Units) => void;
  setPointer: (p: { x: number; y: number } | null) => void;
  setOverlay: (overlay: Overlay) => void;
  setToolOptions: (partial: Partial<ToolOptions>) => void;
  setToolLocked: (locked: boolean) => void;
  setEntered: (id: string | null) => void;
  /** Select the parcel (clears the element selection). */
  selectParcel: () => void;
  setAsOfPhase: (k: number | null) => void;
}

export const INITIAL_CAMERA: Camera = { x: 0, y: 0, scale: 1 };

/**
 * Whether a session change is one of those that come frame after frame while the user works the
 * canvas: the view panned or zoomed, a tool's preview (ghost, guides, marquee), the hover. A
 * selection, a tool or an option changes once per click and is not counted.
 */
export function movedOnCanvas(s: SessionState, prev: SessionState): boolean {
  return s.camera !== prev.camera || s.overlay !== prev.overlay || s.hover !== prev.hover;
}

export function createSessionStore() {
  return create<SessionState>()((set, get) => ({
    camera: INITIAL_CAMERA,
    viewport: { width: 0, height: 0 },
    viewInsets: NO_INSETS,
    selection: [],
    hover: null,
    tool: 'select',
    units: 'metric',
    pointer: null,
    overlay: EMPTY_OVERLAY,
    toolOptions: DEFAULT_TOOL_OPTIONS,
    toolLocked: false,
    entered: null,
    parcelSelected: false,
    asOfPhase: null,
    jumpedTo: null,
    setCamera: (camera, jump = false) => {
      const c = get().camera;
      if (c.x !== camera.x || c.y !== camera.y || c.scale !== camera.scale)
        set({ camera, jumpedTo: jump ? camera : null });
    },
    setViewport: (width, height) => {
      const v = get().viewport;
      if (v.width === width && v.height === height) return;
      const c = get().camera;
      const measured = v.width > 0 && v.height > 0;
      set({
        viewport: { width, height },
        ...(measured && {
          jumpedTo: null,
          camera: {
            x: c.x + (width - v.width) / 2,
            y: c.y + (height - v.height) / 2,
            scale: c.scale,
          },
        }),
      });
    },
    setViewInsets: (side, px) => {
      const insets = get().viewInsets;
      const value = Math.max(0, Math.round(px));
      if (insets[side] !== value) set({ viewInsets: { ...insets, [side]: value } });
    },
    setSelection: (ids) =>
      set(get().parcelSelected ? { selection: ids, parcelSelected: false } : { selection: ids }),
    setHover: (hover) => {
      if (get().hover !== hover) set({ hover });
    },
    setTool: (tool) => set({ tool }),
    setAsOfPhase: (k) => {
      const next = k === null || !Number.isFinite(k) ? null : Math.max(0, Math.floor(k));
      if (get().asOfPhase !== next) set({ asOfPhase: next });
    },
    setUnits: (units) => set({ units }),
    setPointer: (pointer) => set({ pointer }),
    setOverlay: (overlay) => {
      if (overlay !== get().overlay) set({ overlay });
    },
    setToolOptions: (partial) => set((s) => ({ toolOptions: { ...s.toolOptions, ...partial } })),
    setToolLocked: (toolLocked) => set({ toolLocked }),
    setEntered: (entered) => {
      if (get().entered !== entered) set({ entered });
    },
    selectParcel: () => set({ selection: [], parcelSelected: true, entered: null }),
  }));
}

export type SessionStore = ReturnType<typeof createSessionStore>;
