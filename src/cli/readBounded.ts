import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_FILE_BYTES } from '../domain/format';

/**
 * Reads at most MAX_FILE_BYTES from any source (a file, a pipe, a device such as /dev/zero whose
 * size stat reports as 0), in chunks with a running count; past the limit it throws EFBIG.
 */
export function readBounded(path: string, limit = MAX_FILE_BYTES): string {
  const fd = openSync(path, 'r');
  try {
    if (fstatSync(fd).isDirectory()) throw Object.assign(new Error(path), { code: 'EISDIR' });
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(1024 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > limit) throw Object.assign(new Error(path), { code: 'EFBIG' });
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
