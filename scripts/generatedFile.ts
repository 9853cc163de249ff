import { readFileSync, writeFileSync } from 'node:fs';

/** A file's text, or null when it cannot be read (not there yet). */
export function readIfPresent(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/**
 * The two modes of a script that generates a committed file: write it, or (`check`) only say
 * whether the committed file is what the script would write. Returns the exit status.
 */
export function writeOrCheck(
  path: string,
  text: string,
  opts: { readonly check: boolean; readonly name: string; readonly command: string },
): number {
  if (opts.check) {
    if (readIfPresent(path) !== text) {
      console.error(`${opts.name} is not current (run ${opts.command})`);
      return 1;
    }
    console.log(`${opts.name} is current`);
    return 0;
  }
  writeFileSync(path, text);
  console.log(`wrote ${opts.name} (${(text.length / 1024).toFixed(1)} KB)`);
  return 0;
}
