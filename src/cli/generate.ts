/**
 * `npm run -s generate -- --parcel <layout.json> (--mw N | --max) [options]`: a thin wrapper that
 * hands the arguments, the file system and the standard streams to runGenerate.
 */
import { statSync } from 'node:fs';
import { readBounded } from './readBounded';
import { runGenerate } from './generateCommand';

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
});

process.exitCode = runGenerate(process.argv.slice(2), {
  readFile: (path) => readBounded(path),
  fileSize: (path) => statSync(path).size,
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
});
