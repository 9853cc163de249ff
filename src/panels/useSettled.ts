import { useEffect, useState } from 'react';

/**
 * `value` once it has stopped changing for `ms` (the first value at once): expensive work that
 * follows typing (a generated preview, another tier's report) runs when the typing pauses, not on
 * every keystroke. The UI runs on preact/compat, whose useDeferredValue does not defer; this is
 * what the planner uses instead. Compare with the live value to know whether what is shown is
 * behind (`useSettled(v) !== v`).
 */
export function useSettled<T>(value: T, ms = 120): T {
  const [settled, setSettled] = useState(() => value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    const timer = setTimeout(() => setSettled(() => value), ms);
    return () => clearTimeout(timer);
  }, [value, settled, ms]);
  return settled;
}
