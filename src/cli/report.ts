/**
 * `npm run -s report -- <layout.json> [--tier ID] [--text] [--strict]`: a thin wrapper that hands
 * the arguments, the file system and the standard streams to runReport (reportCommand.ts).
 */
import { statSync } from 'node:fs';
import { readBounded } from './readBounded';
import { runReport } from './reportCommand';

// A reader that stops early (`| head`) closes the pipe: that is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
});

process.exitCode = runReport(process.argv.slice(2), {
  readFile: (path) => readBounded(path),
  fileSize: (path) => statSync(path).size,
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
});
