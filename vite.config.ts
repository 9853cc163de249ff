import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
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
            { name: 'konva', test: /node_modules[\\/](konva|react-konva)[\\/]/, priority: 15 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: { port: 5173 },
});
