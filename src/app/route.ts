import { lessonById, type LessonId } from '../domain/lessons/lessons';
import { confirmDiscard, openDocument } from './files/documentFiles';
import type { Editor } from '../editor/editor';
import { loadSeed } from './seeds';

/**
 * The app's URL parameters beyond `seed` (src/app/seeds.ts): `lesson=<id>` opens a lesson of the
 * Learn view (`/?seed=traditional-20mw&lesson=density`, see lessonHref).
 */
export function lessonFromSearch(search: string): LessonId | null {
  const value = new URLSearchParams(search).get('lesson')?.trim();
  if (!value) return null;
  return lessonById(value)?.id ?? null;
}

/**
 * Open the sample layout `name` (seeds/) in place of the open one: the lessons' "open its sample".
 * Unsaved changes are never dropped silently: the user is asked first, as for File ▸ New.
 */
export async function openSeedIntoDocument(
  editor: Editor,
  name: string,
): Promise<{ readonly ok: true } | { readonly ok: false; readonly message: string }> {
  if (!(await confirmDiscard(editor, 'open the sample')))
    return { ok: false, message: 'Kept your unsaved changes.' };
  const result = await loadSeed(name);
  if (!result.ok) return { ok: false, message: result.message };
  openDocument(editor, result.layout);
  return { ok: true };
}
