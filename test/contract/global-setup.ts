import type { TestProject } from 'vitest/node';
import { startPrism } from '../../scripts/lib/prism.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

// One Prism mock for the contract project: ephemeral loopback port, killed on teardown.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const prism = await startPrism({ mode: 'mock' });
  project.provide('prismUrl', prism.url);
  return () => prism.stop();
}
