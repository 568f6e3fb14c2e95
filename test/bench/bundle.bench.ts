// bundle: what the built site weighs (dist/ of `npm run bench`'s build). Metrics:
// main_js_gzip_kb (the main thread's initial JS: the index entry and its static
// imports, gzipped; budget 150), worker_js_gzip_kb (the engine worker and its
// static imports, gzipped; the webgl/webgpu backends it imports lazily are not
// counted), wasm_kb (the three tfjs wasm builds, raw; one is loaded), and
// precache_kb (what the service worker downloads at install). Prints every file.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { listDataFiles } from '../../scripts/vite/site-files';
import { REPO_ROOT } from '../support/data-dir';
import type { Benchmark } from './harness';

export const MAIN_JS_BUDGET_GZIP_KB = 150;

const DIST = resolve(REPO_ROOT, 'dist');

interface Asset {
  path: string;
  kb: number;
  gzip_kb: number;
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const read = (path: string) => readFileSync(resolve(DIST, path));

/** Relative static imports and re-exports of an ES module (dynamic import() excluded). */
export function staticImports(code: string): string[] {
  const found: string[] = [];
  const pattern = /\b(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;
  for (const match of code.matchAll(pattern)) found.push(match[1]);
  return found;
}

/** The file and every file it statically imports, transitively (paths relative to dist/). */
export function staticClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const dir = path.slice(0, path.lastIndexOf('/') + 1);
    for (const spec of staticImports(read(path).toString('utf8'))) {
      visit(new URL(spec, `file:///${dir}`).pathname.slice(1));
    }
  };
  visit(entry);
  return [...seen];
}

const gzipKb = (paths: string[]) => kb(paths.reduce((sum, p) => sum + gzipSync(read(p)).length, 0));

export function measureBundle(): { metrics: Record<string, number>; assets: Asset[]; main: string[]; worker: string[] } {
  const html = read('index.html').toString('utf8');
  const entries = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]);
  if (entries.length === 0) throw new Error('No module script found in dist/index.html: run `npm run build`.');
  const main = [...new Set(entries.flatMap(staticClosure))];
  const files = listDataFiles(DIST).filter((f) => !f.path.endsWith('.map'));
  const workerEntry = files.find((f) => /^assets\/[\w-]*\.worker-[\w-]+\.js$/.test(f.path));
  if (!workerEntry) throw new Error('No assets/*.worker-*.js in dist/.');
  const worker = staticClosure(workerEntry.path);
  const assets = files.map((f) => ({ path: f.path, kb: kb(f.size), gzip_kb: kb(gzipSync(read(f.path)).length) }));
  const sw = read('sw.js').toString('utf8');
  const config = JSON.parse(JSON.parse(/JSON\.parse\(("(?:[^"\\]|\\.)*")\)/.exec(sw)![1]) as string) as { entries: { size: number; lazy?: true }[] };
  return {
    metrics: {
      main_js_gzip_kb: gzipKb(main),
      worker_js_gzip_kb: gzipKb(worker),
      wasm_kb: kb(files.filter((f) => f.path.endsWith('.wasm')).reduce((s, f) => s + f.size, 0)),
      precache_kb: kb(config.entries.filter((e) => !e.lazy).reduce((s, e) => s + e.size, 0)),
      dist_kb: kb(files.reduce((s, f) => s + f.size, 0)),
    },
    assets,
    main,
    worker,
  };
}

export const bundle: Benchmark = {
  name: 'bundle',
  description: 'sizes of the built site: initial main-thread JS, worker JS, wasm, every asset',
  // Deterministic; the harness asks for at least 5 runs.
  repeats: 5,
  async setup() {
    const { assets, main, worker, metrics } = measureBundle();
    console.log('\nbundle — every emitted file (source maps excluded)');
    console.table(assets);
    console.log(`main thread, initial: ${main.join(', ')}`);
    console.log(`engine worker, static: ${worker.join(', ')}`);
    if (metrics.main_js_gzip_kb > MAIN_JS_BUDGET_GZIP_KB) {
      throw new Error(`Budget: the main thread's initial JS is ${metrics.main_js_gzip_kb} KB gzipped, over ${MAIN_JS_BUDGET_GZIP_KB} KB.`);
    }
  },
  async run() {
    return measureBundle().metrics;
  },
};
