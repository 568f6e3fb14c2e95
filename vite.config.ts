import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { SERVER_HEADERS, streamrec } from './scripts/vite/streamrec-plugin.ts';

export default defineConfig({
  // Relative base: the same dist/ works from / and from a sub-path such as /streamrec/.
  base: './',
  plugins: [svelte(), streamrec()],
  // The threaded wasm build re-creates its factory from Function.prototype.toString
  // inside pthread workers; minifying it drops its typeof guards ("e is not defined"),
  // so the worker bundle is emitted unminified (it is compressed in transit anyway).
  worker: { format: 'es', rolldownOptions: { output: { minify: false } } },
  server: { headers: { ...SERVER_HEADERS } },
  preview: { headers: { ...SERVER_HEADERS } },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 2000 },
  test: {
    // The default output, plus the attack suite's tally (prints only when attack tests ran).
    reporters: ['default', './test/support/attack-tally-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 120_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
