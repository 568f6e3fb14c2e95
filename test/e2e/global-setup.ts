// Serves dist/ once for every e2e test file (npm run test:e2e builds it first).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { REPO_ROOT } from '../support/data-dir';
import { serveDist } from '../support/serve';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(resolve(REPO_ROOT, 'dist/index.html'))) {
    throw new Error('dist/ is missing: run `npm run build` first (npm run test:e2e does it).');
  }
  const server = await serveDist();
  project.provide('baseUrl', server.url);
  return () => server.close();
}
