// Vite plugin for what the static site needs beyond bundling: the TensorFlow.js
// wasm binaries served from the site itself (never a CDN), cross-origin
// isolation headers so wasm threads can run, and the optional real-data
// directory (STREAMREC_DATA_DIR) served read-only under /data/ in dev and preview.
// At build it also writes the CSP and version into index.html, draws the PNG
// icons, bundles STREAMREC_SITE_DATA into dist/data/, and builds the service
// worker (src/sw/sw.ts → dist/sw.js) with the precache manifest of the finished dist/.
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import type { Connect, Plugin, ResolvedConfig } from 'vite';
import { APP_ICONS, iconPng } from './app-icons.ts';
import { buildPrecache } from './precache.ts';
import { CONTENT_SECURITY_POLICY, FRAMING_HEADERS, HEADER_CONTENT_SECURITY_POLICY, ISOLATION_HEADERS, SERVER_HEADERS } from './security.ts';
import { bundleSiteData, listDataFiles } from './site-files.ts';

export { CONTENT_SECURITY_POLICY, ISOLATION_HEADERS, SERVER_HEADERS, listDataFiles };

const require = createRequire(import.meta.url);

/** The wasm binaries tfjs-backend-wasm picks from at run time (plain, SIMD, threaded SIMD). */
export const WASM_FILES = [
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
] as const;

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

const CONTENT_TYPES: Record<string, string> = {
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
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
    for (const [k, v] of Object.entries(SERVER_HEADERS)) res.setHeader(k, v);
    const url = decodeURIComponent((req.url ?? '').split('?')[0]);
    const icon = APP_ICONS.find((i) => url.endsWith(`/${i.fileName}`));
    if (icon) {
      res.setHeader('Content-Type', 'image/png');
      res.end(iconPng(icon));
      return;
    }
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

/** The service worker's source and its fixed output name (its URL is its identity). */
export const SW_SOURCE = resolve(import.meta.dirname, '../../src/sw/sw.ts');
export const SW_FILE = 'sw.js';
/** The token in src/sw/sw.ts replaced by the precache manifest after the bundle is written. */
const SW_CONFIG_TOKEN = /(["'`])__STREAMREC_SW_CONFIG__\1/;

/** STREAMREC_VERSION (CI sets it to the commit), else package.json's version. */
export function appVersion(root: string = process.cwd()): string {
  const fromEnv = process.env.STREAMREC_VERSION;
  if (fromEnv) return fromEnv;
  return (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }).version;
}

export function streamrec(): Plugin {
  const dataDir = resolveDataDir();
  let config: ResolvedConfig;
  return {
    name: 'streamrec',
    configResolved(resolved) {
      config = resolved;
    },
    configureServer(server) {
      server.middlewares.use(staticMiddleware(dataDir));
    },
    configurePreviewServer(server) {
      server.middlewares.use(staticMiddleware(dataDir));
    },
    transformIndexHtml(html) {
      const attr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
      const version = `<meta name="streamrec-version" content="${attr(appVersion(config.root))}" />`;
      // Build only: the dev server injects inline <style> for CSS and an HMR client the policy would block.
      // The policy must precede every script, so it goes right after <meta charset>.
      const csp = config.command === 'build' ? `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />` : '';
      const charset = /<meta charset="[^"]*"\s*\/?>/i;
      if (!charset.test(html)) this.error?.('index.html needs a <meta charset> for the CSP to follow.');
      return html.replace(charset, (tag) => `${tag}\n    ${[csp, version].filter(Boolean).join('\n    ')}`);
    },
    buildStart() {
      if (config.command !== 'build') return;
      this.emitFile({ type: 'chunk', id: SW_SOURCE, fileName: SW_FILE });
    },
    generateBundle() {
      for (const name of WASM_FILES) {
        this.emitFile({ type: 'asset', fileName: `tfjs/${name}`, source: readFileSync(join(wasmDir(), name)) });
      }
      for (const icon of APP_ICONS) {
        this.emitFile({ type: 'asset', fileName: icon.fileName, source: iconPng(icon) });
      }
    },
    writeBundle(options) {
      const outDir = options.dir ?? resolve(config.root, config.build.outDir);
      const siteData = process.env.STREAMREC_SITE_DATA;
      if (siteData) {
        if (!existsSync(siteData)) this.error(`STREAMREC_SITE_DATA=${siteData} does not exist.`);
        const files = bundleSiteData(resolve(siteData), outDir);
        config.logger.info(`streamrec: bundled ${files.length} data files from ${siteData} into data/`);
      } else {
        // An empty listing rather than a 404: the app then offers the embedded demo only.
        mkdirSync(join(outDir, 'data'), { recursive: true });
        writeFileSync(join(outDir, 'data/index.json'), `${JSON.stringify({ files: [] })}\n`);
      }
      const swPath = join(outDir, SW_FILE);
      const source = readFileSync(swPath, 'utf8');
      if (!SW_CONFIG_TOKEN.test(source)) this.error(`${SW_FILE} has no __STREAMREC_SW_CONFIG__ token to fill in.`);
      const precache = buildPrecache(outDir, SW_FILE, appVersion(config.root), HEADER_CONTENT_SECURITY_POLICY, { ...ISOLATION_HEADERS, ...FRAMING_HEADERS });
      // A JSON string literal, parsed by the worker with JSON.parse (minifiers leave that alone).
      writeFileSync(swPath, source.replace(SW_CONFIG_TOKEN, () => JSON.stringify(JSON.stringify(precache))));
      const eager = precache.entries.filter((e) => !e.lazy);
      const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
      config.logger.info(
        `streamrec: ${SW_FILE} ${precache.version} precaches ${eager.length} files (${kb(eager.reduce((s, e) => s + e.size, 0))}) at install, ` +
          `${precache.entries.length - eager.length} on first use`,
      );
    },
  };
}
