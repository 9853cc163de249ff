import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { PREACT_ALIASES } from './vite.config.ts';

/** Debian's Chromium; never a browser download. Flags keep it off the (closed) network. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        extends: true,
        // The app runs React's API on Preact (see vite.config.ts): so do the browser tests, with
        // `act` added for vitest-browser-react (tests/browser/reactOnPreact.js). The e2e tests
        // build the app with vite.config.ts, aliases included.
        resolve: {
          alias: [
            {
              find: /^react$/,
              replacement: fileURLToPath(
                new URL('./tests/browser/reactOnPreact.js', import.meta.url),
              ),
            },
            ...PREACT_ALIASES.filter((a) => String(a.find) !== String(/^react$/)),
          ],
        },
        // Pre-bundle what the app and tests import, so that a first run on a fresh cache does not
        // discover new dependencies, re-optimise and reload the page in the middle of the tests.
        optimizeDeps: {
          include: [
            'immer',
            'konva',
            'konva/lib/Core',
            'konva/lib/shapes/Line',
            'preact',
            'preact/compat',
            'preact/compat/client',
            'preact/compat/jsx-dev-runtime',
            'preact/compat/jsx-runtime',
            'preact/hooks',
            'vitest-browser-react',
            'zod',
            'zustand',
            'zustand/react/shallow',
          ],
        },
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.{ts,tsx}', 'src/**/*.browser.test.{ts,tsx}'],
          // Opening a file goes through a Web Worker, whose first start (the dev server bundles
          // it on demand) can take seconds on a loaded machine: polls wait up to 10 s.
          expect: { poll: { timeout: 10_000 } },
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
            }),
            instances: [{ browser: 'chromium', viewport: { width: 1280, height: 800 } }],
          },
        },
      },
      {
        // End to end: the production build (vite build → dist/, served by vite preview from the
        // global setup) driven in Debian's Chromium by playwright-core.
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/e2e/setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
