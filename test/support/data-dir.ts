// The one place tests and benchmarks find the real datasets:
// STREAMREC_DATA_DIR, defaulting to ../shared/data beside the repository.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const DATA_DIR = resolve(REPO_ROOT, process.env.STREAMREC_DATA_DIR ?? '../shared/data');
export const HAS_DATA = existsSync(DATA_DIR);
export const NO_DATA_REASON = `real datasets not found at ${DATA_DIR} (set STREAMREC_DATA_DIR or place ../shared/data beside the repository)`;

export function dataPath(...parts: string[]): string {
  return resolve(DATA_DIR, ...parts);
}
