import type { Layout } from '../domain';
import { parseLayoutText } from '../domain/format';

/**
 * The sample layouts in seeds/, loaded on demand: each JSON file is its own small chunk fetched
 * only when opened, so the initial bundle carries none of them.
 */
const SEED_FILES = import.meta.glob<string>('../../seeds/*.json', {
  query: '?raw',
  import: 'default',
});

export const DEFAULT_SEED = 'blackwell-200mw';

const nameOf = (path: string): string => path.replace(/^.*\//, '').replace(/\.json$/, '');

const loaders = new Map<string, () => Promise<string>>(
  Object.entries(SEED_FILES).map(([path, load]) => [nameOf(path), load]),
);

/** Seed names (file names without .json), sorted. */
export const seedNames = (): string[] => [...loaders.keys()].sort();

/** The `seed` query parameter, or null when absent or empty. */
export function seedFromSearch(search: string): string | null {
  const value = new URLSearchParams(search).get('seed');
  return value ? value.trim() : null;
}

export type SeedResult =
  | { readonly ok: true; readonly name: string; readonly layout: Layout }
  | {
      readonly ok: false;
      readonly name: string;
      readonly reason: 'unknown' | 'invalid';
      readonly message: string;
    };

export async function loadSeed(name: string): Promise<SeedResult> {
  const load = loaders.get(name);
  if (!load) {
    return {
      ok: false,
      name,
      reason: 'unknown',
      message: `There is no sample layout called “${name}”.`,
    };
  }
  const text = await load();
  const result = parseLayoutText(text);
  if (result.ok) return { ok: true, name, layout: result.layout };
  const first = result.error.issues[0];
  const where = first ? ` (${first.path}: ${first.message})` : '';
  return {
    ok: false,
    name,
    reason: 'invalid',
    message: `The sample layout “${name}” could not be opened: ${result.error.message}${where}`,
  };
}

/**
 * Take `?seed=` out of the page's address (no reload, no new history entry) once the open layout is
 * no longer that sample as opened — after File ▸ New or Open, or the first edit — so that a reload
 * restores the autosave of what is open rather than opening the sample again.
 */
export function dropSeedFromUrl(): void {
  if (typeof window === 'undefined' || !window.history?.replaceState) return;
  const url = new URL(window.location.href);
  if (!url.searchParams.has('seed')) return;
  url.searchParams.delete('seed');
  window.history.replaceState(window.history.state, '', url);
}
