// Vite plugin for what the static site needs beyond bundling: the TensorFlow.js
// wasm binaries served from the site itself (never a CDN), cross-origin
// isolation headers so wasm threads can run, and the optional real-data
// directory (STREAMREC_DATA_DIR) served read-only under /data/ in dev and preview.
import { createReadStream, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import type { Connect, Plugin } from 'vite';

const require = createRequire(import.meta.url);

/** The wasm binaries tfjs-backend-wasm picks from at run time (plain, SIMD, threaded SIMD). */
export const WASM_FILES = [
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
] as const;

export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

function wasmDir(): string {
  return dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
}

/** The configured real-data directory: STREAMREC_DATA_DIR, else ../shared/data when it exists. */
export function resolveDataDir(root: string = process.cwd()): string | undefined {
  const configured = process.env.STREAMREC_DATA_DIR;
  if (configured) return existsSync(configured) ? resolve(configured) : undefined;
  const fallback = resolve(root, '../shared/data');
  return existsSync(fallback) ? fallback : undefined;
}

/** Lists every file under dir (relative paths, '/'-separated) with its size. */
export function listDataFiles(dir: string): { path: string; size: number }[] {
  const out: { path: string; size: number }[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) out.push({ path: child, size: statSync(join(dir, child)).size });
    }
  };
  walk('');
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

const CONTENT_TYPES: Record<string, string> = {
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
};

function contentType(path: string): string {
  const dot = path.lastIndexOf('.');
  return CONTENT_TYPES[dot >= 0 ? path.slice(dot) : ''] ?? 'application/octet-stream';
}

/** Where benchmarks write generated datasets (git-ignored); served under /generated/ in dev and preview. */
export const GENERATED_DIR = resolve(process.cwd(), '.cache/generated');

/** Serves wasm under /tfjs/, the data directory under /data/ (index.json lists it) and generated data under /generated/. */
export function staticMiddleware(dataDir: string | undefined, generatedDir: string = GENERATED_DIR): Connect.NextHandleFunction {
  const wasm = wasmDir();
  return (req, res, next) => {
    for (const [k, v] of Object.entries(ISOLATION_HEADERS)) res.setHeader(k, v);
    const url = decodeURIComponent((req.url ?? '').split('?')[0]);
    const wasmMatch = /\/tfjs\/([\w.-]+\.wasm)$/.exec(url);
    if (wasmMatch && (WASM_FILES as readonly string[]).includes(wasmMatch[1])) {
      res.setHeader('Content-Type', 'application/wasm');
      createReadStream(join(wasm, wasmMatch[1])).pipe(res);
      return;
    }
    const dataMatch = /\/(data|generated)\/(.+)$/.exec(url);
    const root = dataMatch?.[1] === 'data' ? dataDir : generatedDir;
    if (dataMatch && root && existsSync(root)) {
      if (dataMatch[2] === 'index.json') {
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ files: listDataFiles(root) }));
        return;
      }
      const file = resolve(root, dataMatch[2]);
      if (file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile()) {
        res.setHeader('Content-Type', contentType(file));
        res.setHeader('Content-Length', String(statSync(file).size));
        createReadStream(file).pipe(res);
        return;
      }
    }
    next();
  };
}

export function streamrec(): Plugin {
  const dataDir = resolveDataDir();
  return {
    name: 'streamrec',
    configureServer(server) {
      server.middlewares.use(staticMiddleware(dataDir));
    },
    configurePreviewServer(server) {
      server.middlewares.use(staticMiddleware(dataDir));
    },
    generateBundle() {
      for (const name of WASM_FILES) {
        this.emitFile({ type: 'asset', fileName: `tfjs/${name}`, source: readFileSync(join(wasmDir(), name)) });
      }
    },
  };
}
