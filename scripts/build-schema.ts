/**
 * Writes the published JSON Schema of the layout file, schema/ai-campus-layout.v1.schema.json,
 * from the same zod schema the planner's parser uses (layoutJsonSchema in src/domain/format).
 *
 *   npx tsx scripts/build-schema.ts           write the file   (npm run schema)
 *   npx tsx scripts/build-schema.ts --check   only say whether the committed file is current
 *
 * The output is stable: the same schema gives the same bytes (2-space JSON, a trailing newline).
 * scripts/schema.test.ts checks that the committed file equals a fresh build.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FORMAT_VERSION } from '../src/domain';
import { layoutJsonSchema } from '../src/domain/format';
import { writeOrCheck } from './generatedFile';

export const SCHEMA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'schema');
export const SCHEMA_FILE = `ai-campus-layout.v${FORMAT_VERSION}.schema.json`;
export const SCHEMA_PATH = join(SCHEMA_DIR, SCHEMA_FILE);

/** The text of the schema file. */
export function schemaText(): string {
  return `${JSON.stringify(layoutJsonSchema(), null, 2)}\n`;
}

function main(args: readonly string[]): number {
  return writeOrCheck(SCHEMA_PATH, schemaText(), {
    check: args.includes('--check'),
    name: `schema/${SCHEMA_FILE}`,
    command: 'npx tsx scripts/build-schema.ts',
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
