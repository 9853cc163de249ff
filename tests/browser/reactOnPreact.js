/**
 * `react` for the browser tests: preact/compat (what the app runs, see vite.config.ts) plus `act`,
 * which React 19 exports from 'react' and preact/compat does not. vitest-browser-react renders,
 * re-renders and unmounts inside `React.act` when there is one, so that effects have run (the App
 * loads its initial layout in an effect) and pending renders are committed when `render()`
 * resolves, as the tests were written to expect. Preact's own `act` (preact/test-utils) does that.
 * The app's code never calls `act`: this changes nothing but the test harness. (JavaScript:
 * preact/compat's types are `export =`, which TypeScript will not re-export with `export *`.)
 */
import * as compat from 'preact/compat';
import { act } from 'preact/test-utils';

export * from 'preact/compat';
export { act };
export default { ...compat.default, act };
