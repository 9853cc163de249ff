import { useCallback, useRef } from 'react';

/**
 * A getter, the same function for the component's life, that reads the latest `value`: for
 * callbacks that need the current figures when they run (an ⓘ opened) without being a new prop
 * on every render, which would re-render every memoised child each time the value changes.
 */
export function useLatest<T>(value: T): () => T {
  const ref = useRef(value);
  // Set while rendering, not in an effect: a child rendered in the same pass (an open ⓘ that a
  // new report re-renders) reads this value, not the one before.
  ref.current = value;
  return useCallback(() => ref.current, []);
}
