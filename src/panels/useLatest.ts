import { useCallback, useLayoutEffect, useRef } from 'react';

/**
 * A getter, the same function for the component's life, that reads the latest `value`: for
 * callbacks that need the current figures when they run (an ⓘ opened) without being a new prop
 * on every render, which would re-render every memoised child each time the value changes.
 */
export function useLatest<T>(value: T): () => T {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return useCallback(() => ref.current, []);
}
