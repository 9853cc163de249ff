/**
 * Tabs of the planner tell each other, over the BroadcastChannel "campus-planner", which layout
 * they have open and when they autosave it. A tab that hears of the same layout (same layoutId)
 * in another tab is told so (`onConflict`): the two copies are edited separately and never merged
 * (each tab autosaves into its own slot, so neither overwrites the other).
 */
export const CHANNEL_NAME = 'campus-planner';

export type TabMessageType = 'open' | 'here' | 'edit';

export interface TabMessage {
  readonly app: 'campus-planner';
  readonly type: TabMessageType;
  readonly tabId: string;
  readonly layoutId: string;
  readonly name: string;
}

/** A message bus: a BroadcastChannel in the app, an in-memory bus in tests. */
export interface MessageBus {
  post(message: TabMessage): void;
  subscribe(listener: (message: unknown) => void): () => void;
  close(): void;
}

export function broadcastBus(name = CHANNEL_NAME): MessageBus | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const channel = new BroadcastChannel(name);
  return {
    post: (m) => channel.postMessage(m),
    subscribe: (listener) => {
      const on = (e: MessageEvent) => listener(e.data);
      channel.addEventListener('message', on);
      return () => channel.removeEventListener('message', on);
    },
    close: () => channel.close(),
  };
}

/** Messages come from other pages: check their shape before use. */
export function readTabMessage(value: unknown): TabMessage | null {
  if (typeof value !== 'object' || value === null) return null;
  const m = value as Record<string, unknown>;
  if (m.app !== 'campus-planner') return null;
  if (m.type !== 'open' && m.type !== 'here' && m.type !== 'edit') return null;
  if (typeof m.tabId !== 'string' || typeof m.layoutId !== 'string') return null;
  return {
    app: 'campus-planner',
    type: m.type,
    tabId: m.tabId,
    layoutId: m.layoutId,
    name: typeof m.name === 'string' ? m.name : '',
  };
}

export interface TabSyncOptions {
  readonly bus: MessageBus;
  readonly tabId: string;
  /** The layout this tab has open now. */
  readonly current: () => { layoutId: string; name: string };
  /** Another tab has the same layout open (it opened it, answered, or saved it). */
  readonly onConflict: (other: TabMessage) => void;
}

export class TabSync {
  private readonly unsubscribe: () => void;

  constructor(private readonly options: TabSyncOptions) {
    this.unsubscribe = options.bus.subscribe((value) => this.receive(value));
  }

  /** Say which layout this tab has open (at start and after opening another). */
  announceOpen(): void {
    this.send('open');
  }

  /** Say that this tab has saved its copy of the layout. */
  announceEdit(): void {
    this.send('edit');
  }

  dispose(): void {
    this.unsubscribe();
  }

  private send(type: TabMessageType): void {
    const { layoutId, name } = this.options.current();
    this.options.bus.post({
      app: 'campus-planner',
      type,
      tabId: this.options.tabId,
      layoutId,
      name,
    });
  }

  private receive(value: unknown): void {
    const m = readTabMessage(value);
    if (!m || m.tabId === this.options.tabId) return;
    if (m.layoutId !== this.options.current().layoutId) return;
    if (m.type === 'open') this.send('here');
    this.options.onConflict(m);
  }
}
