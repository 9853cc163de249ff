import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Belt and braces beside the ESLint rule: src/domain imports nothing from the layers above it. */
const FORBIDDEN =
  /from\s+['"](react|react-dom|react-konva|konva|zustand|immer)(\/[^'"]*)?['"]|from\s+['"][./]*\/(state|canvas|panels|app|cli)\//;
const DOM_GLOBALS = /\b(window|document|localStorage|indexedDB|navigator)\./;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the domain layer', () => {
  const files = sources(join(import.meta.dirname, '.'));

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('imports no UI, state or DOM', () => {
    const offenders = files.filter((file) => {
      const text = readFileSync(file, 'utf8');
      return FORBIDDEN.test(text) || DOM_GLOBALS.test(text);
    });
    expect(offenders).toEqual([]);
  });
});
