// The service worker's precache manifest, computed from the finished dist/:
// every file the site serves, with a SHA-256 revision the worker verifies on
// download. The app shell (HTML, JS, CSS, wasm, icons, manifest) and the embedded
// demo data are fetched at install; bundled real datasets under data/ are cached
// on first use (they are optional and the visitor may never open them).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listDataFiles } from './site-files.ts';

export interface PrecacheEntry {
  /** Path relative to the site root (= the service worker's folder). */
  url: string;
  /** Lowercase hex SHA-256 of the file's bytes. */
  sha256: string;
  size: number;
  /** Cached on first fetch instead of at install. */
  lazy?: true;
}

export interface ServiceWorkerConfig {
  /** Changes whenever any served byte changes: names the cache. */
  version: string;
  /** The human version string (STREAMREC_VERSION or package.json's version). */
  appVersion: string;
  csp: string;
  headers: Record<string, string>;
  entries: PrecacheEntry[];
}

/** Files that are never served to the app: source maps, Vite's manifest, the worker itself. */
function excluded(path: string, swFileName: string): boolean {
  return path === swFileName || path.endsWith('.map') || path.startsWith('.vite/') || path.startsWith('.');
}

export function buildPrecache(outDir: string, swFileName: string, appVersion: string, csp: string, headers: Record<string, string>): ServiceWorkerConfig {
  const entries: PrecacheEntry[] = listDataFiles(outDir)
    .filter((f) => !excluded(f.path, swFileName))
    .map((f) => {
      const sha256 = createHash('sha256').update(readFileSync(join(outDir, f.path))).digest('hex');
      return f.path.startsWith('data/') && f.path !== 'data/index.json'
        ? { url: f.path, sha256, size: f.size, lazy: true as const }
        : { url: f.path, sha256, size: f.size };
    });
  const version = createHash('sha256')
    .update(JSON.stringify({ appVersion, csp, headers, entries }))
    .digest('hex')
    .slice(0, 16);
  return { version, appVersion, csp, headers, entries };
}
