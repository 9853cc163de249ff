import { defineConfig, type Plugin } from 'vite';
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

export default defineConfig({
  plugins: [react(), devServerCsp],
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
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/,
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
