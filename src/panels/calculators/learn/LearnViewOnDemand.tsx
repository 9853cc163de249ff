import { lazy, Suspense, useEffect } from 'react';
import { useEditor, useUi } from '../../../editor/EditorProvider';
import type { LearnViewProps } from './LearnView';

const LearnView = lazy(() => import('./LearnView').then((m) => ({ default: m.LearnView })));

/**
 * The Learn view, loaded the first time it opens: the lessons' calculations, charts and what-if
 * stay out of the initial JavaScript. The lesson named by the URL opens on mount, as in LearnView.
 */
export function LearnViewOnDemand({ initialLesson, openSeed }: LearnViewProps) {
  const editor = useEditor();
  const open = useUi((s) => s.learnOpen);
  useEffect(() => {
    if (initialLesson) editor.ui.getState().openLesson(initialLesson);
  }, [editor, initialLesson]);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <LearnView openSeed={openSeed} />
    </Suspense>
  );
}
