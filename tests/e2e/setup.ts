/// <reference types="node" />
import type { TestProject } from 'vitest/node';
import { buildApp, previewApp } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the production build is served, e.g. http://127.0.0.1:41234 */
    appUrl: string;
  }
}

/** Build the app once (vite build → dist/), serve it with vite preview, and tell the tests where. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await buildApp();
  const app = await previewApp();
  project.provide('appUrl', app.url);
  return () => app.close();
}
