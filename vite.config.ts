import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // Seeds live at the top level (seeds/) and are bundled as JSON imports.
  build: { target: 'es2022', chunkSizeWarningLimit: 1200 },
  server: { port: 5173 },
});
