// Shared test helpers: fixture and real-data paths, sources from files/text, a small seeded RNG.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDataset, type EtlProgress } from '../../../src/etl/load-dataset';
import { sourceFromBytes, sourceFromText, type DataSource } from '../../../src/etl/source';
import type { FileReport } from '../../../src/etl/report';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');
export const fixtureDir = path.join(repoRoot, 'test/fixtures/etl');
export const dataDir = process.env.STREAMREC_DATA_DIR ?? path.resolve(repoRoot, '../shared/data');
export const hasRealData = existsSync(path.join(dataDir, 'ml-100k/u.data'));

/** A hand-written fixture, stored as tiny-NAME (so it is never mistaken for a real dataset file). */
export function fixture(name: string, as = name, chunkSize?: number): DataSource {
  return sourceFromBytes(as, new Uint8Array(readFileSync(path.join(fixtureDir, `tiny-${name}`))), chunkSize);
}

export function realFile(rel: string, chunkSize = 1 << 16): DataSource {
  return sourceFromBytes(rel, new Uint8Array(readFileSync(path.join(dataDir, rel))), chunkSize);
}

export { sourceFromText, sourceFromBytes, loadDataset };
export type { EtlProgress };

export function fileReport(files: FileReport[], suffix: string): FileReport {
  const f = files.find((x) => x.file.endsWith(suffix));
  if (!f) throw new Error(`no report for ${suffix}: ${files.map((x) => x.file).join(', ')}`);
  return f;
}

export function counts(reasons: Record<string, { count: number }>): Record<string, number> {
  return Object.fromEntries(Object.entries(reasons).map(([k, v]) => [k, v.count]));
}

/** A small seeded RNG so property tests are reproducible (the trainers' mulberry32). */
export { mulberry32 as rng } from '../../../src/model/rng';
