import type { Layout, TierId } from '../domain';
import type { Scenario } from '../domain/format';
import type { Report } from '../domain/report/types';
import {
  createCalculatorsUi,
  createContextMenuStore,
  type CalculatorsUiStore,
  type ContextMenuStore,
} from '../state/calculatorsUi';
import { createDocumentStore, emptyLayout, type DocumentStore } from '../state/documentStore';
import { createFilesStore, newLayoutId, type FilesStore } from '../state/filesStore';
import { createNotificationsStore, type NotificationsStore } from '../state/notifications';
import { createHallRows, type HallRows } from '../state/selectors';
import { createElementChannel, type ElementChannel } from '../state/elementChannel';
import {
  createSessionStore,
  movedOnCanvas,
  type SessionStore,
  type ToolId,
} from '../state/sessionStore';
import {
  createPhaseReportCache,
  createReportCache,
  createReportSource,
  OFF_THREAD_MIN_ROWS,
  type WorkerPort,
  createRetargetCache,
  type ReportSource,
  type ReportState,
} from '../state/useReport';
import { createClipboard, type Clipboard } from './clipboard';
import { createToolContext } from './tools/context';
import type { Tool, ToolContext, ToolFactory } from './tools/types';

/**
 * One editor: the open document and everything about how it is being edited — its stores, tools,
 * clipboard and caches. The app makes one (src/app/App.tsx) and gives it to React through
 * EditorProvider; tests make their own. Nothing of it is module-global.
 */
export interface LoadOptions {
  /** Keep this layout id (a restored autosave continues its lineage); default: a new one. */
  readonly layoutId?: string;
  /** False: the document has never been saved to a file (a restored autosave). Default true. */
  readonly saved?: boolean;
  /** The layout's saved scenarios (a restored autosave's); default none. */
  readonly scenarios?: readonly Scenario[];
}

export interface EditorOptions {
  /** The document open at the start (counts as saved); default an empty layout. */
  readonly layout?: Layout;
  /** The tools, by factory (each editor has its own tool instances). */
  readonly tools?: readonly ToolFactory[];
  /** How a report is computed; default computeReport (tests inject one that fails). */
  readonly computeReport?: (doc: Layout) => Report;
  /**
   * Starts the report worker (src/app/report/reportWorker.ts): the reports of large documents
   * are then computed off the main thread. Without it (tests, Node) every report is computed here.
   */
  readonly reportWorker?: () => WorkerPort | null;
}

export interface Editor {
  readonly document: DocumentStore;
  readonly session: SessionStore;
  readonly files: FilesStore;
  /** The calculators panel's view state (tab, Learn view, highlighted checks). */
  readonly ui: CalculatorsUiStore;
  readonly contextMenu: ContextMenuStore;
  readonly notifications: NotificationsStore;
  readonly clipboard: Clipboard;
  /** The context the tools act through, over this editor's stores. */
  readonly toolContext: ToolContext;
  /** The tool with this id, if the editor has one (an id without a tool pans on drag). */
  tool(id: ToolId): Tool | undefined;
  /** The active tool. */
  activeTool(): Tool | undefined;
  /**
   * Replace the open document (a file opened, a seed loaded) and clear the history; the files
   * state follows: the loaded document counts as saved (unless `saved: false`) under a new
   * layout id (unless one is given).
   */
  load(layout: Layout, options?: LoadOptions): void;
  /**
   * The report of a document of this editor, or why there is none; memoised for the latest
   * document only (the undo history does not keep a report per document).
   */
  reportOf(doc: Layout): ReportState;
  /** The live report of the document, at most once per frame (useReport reads it). */
  readonly reports: ReportSource;
  /** The report of a document as of phase k (the phase slider), memoised for the latest only. */
  phaseReportOf(doc: Layout, k: number): ReportState;
  /** The document checked against another tier (the what-if), memoised. */
  retargetedReport(doc: Layout, tier: TierId): Report;
  /** The rows of each hall; an unchanged hall keeps its rows array (so it does not re-render). */
  readonly rows: HallRows;
  /** Subscriptions to single elements (the canvas's element nodes: useElement). */
  readonly elements: ElementChannel;
}

export function createEditor({
  layout = emptyLayout(),
  tools = [],
  computeReport,
  reportWorker,
}: EditorOptions = {}): Editor {
  const document = createDocumentStore(layout);
  const session = createSessionStore();
  const files = createFilesStore(document.getState().doc);
  const notifications = createNotificationsStore();
  const toolsById = new Map<ToolId, Tool>();
  for (const make of tools) {
    const tool = make();
    toolsById.set(tool.id, tool);
  }
  const reportOf = createReportCache(computeReport);
  const tool = (id: ToolId) => toolsById.get(id);
  return {
    document,
    session,
    files,
    ui: createCalculatorsUi(),
    contextMenu: createContextMenuStore(),
    notifications,
    clipboard: createClipboard(),
    toolContext: createToolContext({ document, session, notifications }),
    tool,
    activeTool: () => tool(session.getState().tool),
    load(next, { layoutId = newLayoutId(), saved = true, scenarios = [] } = {}) {
      // The files state first: whoever reacts to the load sees the new lineage.
      files.setState({ savedDoc: saved ? next : null, layoutId, scenarios, unreadScenarios: null });
      // The store deep-freezes the very object it is given, so `next` is the open document.
      document.getState().load(next);
      // Another campus: the slider shows all of it.
      session.getState().setAsOfPhase(null);
    },
    reportOf,
    reports: createReportSource(
      document,
      reportOf,
      undefined,
      undefined,
      reportWorker
        ? {
            connect: reportWorker,
            minRows: OFF_THREAD_MIN_ROWS,
            activity: (moved) => session.subscribe((s, prev) => movedOnCanvas(s, prev) && moved()),
          }
        : undefined,
    ),
    phaseReportOf: createPhaseReportCache(computeReport),
    retargetedReport: createRetargetCache(),
    rows: createHallRows(),
    elements: createElementChannel(document),
  };
}
