// Directory listings shared by the dev server (/data/index.json), the build
// (dist/data/index.json for a bundled dataset) and the precache manifest.
import { cpSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Copies a directory of datasets (STREAMREC_SITE_DATA, e.g. the unzipped MovieLens
 * ml-latest-small) into outDir/data/ and writes data/index.json in the dev server's
 * shape ({ files: [{ path, size }] }), which src/ui/state/catalogs.ts reads.
 */
export function bundleSiteData(sourceDir: string, outDir: string): { path: string; size: number }[] {
  const target = join(outDir, 'data');
  mkdirSync(target, { recursive: true });
  cpSync(sourceDir, target, { recursive: true });
  const files = listDataFiles(target).filter((f) => f.path !== 'index.json');
  writeFileSync(join(target, 'index.json'), `${JSON.stringify({ files })}\n`);
  return files;
}
