import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { LAYERS, layerConfigs } from '../eslint.layers.js';

/**
 * The lint rule that keeps src/ layered, run on fixture sources: every import from a layer above
 * is an error, every import from the same layer or below is not.
 */
const eslint = new ESLint({
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } },
    ...layerConfigs,
  ],
});

async function restrictedImports(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: file });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('layers import only downward (npm run lint)', () => {
  for (const [i, layer] of LAYERS.entries()) {
    const file = `src/${layer}/deeper/fixture.ts`;
    for (const [j, other] of LAYERS.entries()) {
      if (other === layer) continue;
      const spec = `../../${other}/deeper/module`;
      if (j > i) {
        it(`src/${layer} importing src/${other} is a lint error`, async () => {
          const messages = await restrictedImports(
            file,
            `import { x } from '${spec}';\nexport const y = x;\n`,
          );
          expect(messages).toHaveLength(1);
          expect(messages[0]).toContain(`src/${layer} may not import src/${other}`);
        });
      } else {
        it(`src/${layer} importing src/${other} is allowed`, async () => {
          expect(
            await restrictedImports(file, `import { x } from '${spec}';\nexport const y = x;\n`),
          ).toEqual([]);
        });
      }
    }
  }

  it('src/cli builds on src/domain alone', async () => {
    const source =
      "import { a } from '../domain/report';\nimport { b } from '../state/documentStore';\nexport const c = [a, b];\n";
    const messages = await restrictedImports('src/cli/fixture.ts', source);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('src/cli builds on src/domain alone, not src/state');
  });

  it('src/domain may not use React, Konva or zustand', async () => {
    const source =
      "import { useState } from 'react';\nimport Konva from 'konva';\nimport { create } from 'zustand';\nexport const d = [useState, Konva, create];\n";
    expect(await restrictedImports('src/domain/fixture.ts', source)).toHaveLength(3);
  });
});
