import { defineConfig, type Alias, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * index.html's Content-Security-Policy forbids inline scripts and styles. The dev server alone needs
 * them (React Fast Refresh's preamble, CSS injected as <style> for hot reload) and its websocket:
 * allow them there, never in a build.
 */
const devServerCsp: Plugin = {
  name: 'campus-planner:dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html
      .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
      .replace("connect-src 'self'", "connect-src 'self' ws: wss:"),
};

/**
 * React's API, run by Preact (preact/compat, about 5 KB gzip where react-dom is 64 KB). The code is
 * written (and type-checked, with @types/react) against React; every import of react / react-dom,
 * including the JSX runtime and those of libraries (zustand, vitest-browser-react), resolves to
 * preact/compat. Exact matches, so no other package whose name starts with "react" is caught. The
 * Vitest config uses the same list, so the browser tests run what users run.
 */
export const PREACT_ALIASES: Alias[] = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom\/test-utils$/, replacement: 'preact/test-utils' },
];

export default defineConfig({
  // React Fast Refresh needs React itself: on Preact it would accept an edit and show nothing new.
  // Without it, the dev server reloads the page on an edit.
  plugins: [react({ refreshExclude: /./ }), devServerCsp],
  resolve: { alias: PREACT_ALIASES },
  // Seeds live at the top level (seeds/) and are bundled as JSON imports, one chunk each. The
  // Learn view, the exports and the print report load on demand (dynamic import()); the libraries
  // are chunks of their own, so the app's code can change without invalidating them.
  build: {
    target: 'es2022',
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'preact',
              test: /node_modules[\\/]preact[\\/]/,
              priority: 20,
            },
            { name: 'konva', test: /node_modules[\\/]konva[\\/]/, priority: 15 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: { port: 5173 },
});
