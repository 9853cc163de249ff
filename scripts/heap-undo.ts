/**
 * The heap the undo history costs on a big campus: the 50,000-rack bench campus in an editor,
 * 500 edits (each moves a hall by a metre, one undo step) each followed by a read of the report
 * as the calculators panel would, then a full GC. Prints heapUsed before and after, MB.
 *
 *   node --expose-gc --import tsx scripts/heap-undo.ts [--racks 50000] [--edits 500]
 *
 * Target (issue 9): under 150 MB after 500 steps — only the current document keeps a report.
 */
import { createEditor } from '../src/editor/editor';
import { benchCampus } from '../src/domain/report/benchCampus';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = (): number => {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

/** Heap used after `edits` edits of a `racks`-rack campus, MB; and before them. */
export function undoHeap(racks: number, edits: number): { beforeMb: number; afterMb: number } {
  const editor = createEditor({ layout: benchCampus({ racks }) });
  // The panel's read of the first document.
  editor.reportOf(editor.document.getState().doc);
  const beforeMb = heapMb();
  const halls = editor.document.getState().doc.halls.length;
  for (let i = 0; i < edits; i++) {
    editor.document.getState().apply((d) => {
      const h = d.halls[i % halls];
      if (h) h.x += 1;
    }, 'Move hall');
    // As the panel would: the report of the document as it is now.
    editor.reportOf(editor.document.getState().doc);
  }
  const afterMb = heapMb();
  // Keep the editor (and its history) alive until measured.
  if (editor.document.getState().doc.halls.length !== halls) throw new Error('unexpected');
  return { beforeMb, afterMb };
}

const isMain = import.meta.url === `file://${process.argv[1] ?? ''}`;
if (isMain) {
  if (!gc) console.warn('No gc(): run with node --expose-gc for figures that mean something.');
  const racks = arg('racks', 50000);
  const edits = arg('edits', 500);
  const { beforeMb, afterMb } = undoHeap(racks, edits);
  console.log(
    `undo heap, ${racks.toLocaleString('en-US')} racks, ${edits} edits: heapUsed before ${beforeMb.toFixed(1)} MB, after ${afterMb.toFixed(1)} MB (target < 150 MB)`,
  );
}
