import { useEffect } from 'react';
import { handleShortcut } from './actions';

/** Listen for the app's keyboard shortcuts while mounted. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => void handleShortcut(e);
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
