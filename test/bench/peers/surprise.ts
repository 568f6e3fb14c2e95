// The peer library in the benchmarks: Surprise 1.1.4, built from ../shared/peers with
// Debian's Python, run on exactly the folds StreamRec's engine cross-validates on (the same
// ETL and the same seeded kFold, computed here in Node and written out by raw ids).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { ratingValues, type Dataset, type RatingsCoo } from '../../../src/dataset/dataset';
import { loadDataset } from '../../../src/etl/load-dataset';
import { sourceFromBlob } from '../../../src/etl/source';
import { kFold } from '../../../src/eval/split';
import { REPO_ROOT } from '../../support/data-dir';

const PYTHON = '/usr/bin/python3';
const PEERS_DIR = resolve(REPO_ROOT, '../shared/peers');
const BUILD_DIR = resolve(REPO_ROOT, '.cache/peers');
const SURPRISE_SRC = resolve(BUILD_DIR, 'Surprise-1.1.4');

export interface SurpriseSpec {
  /** Column name in the benchmark's metrics. */
  name: string;
  algo: 'SVD' | 'SVDpp' | 'BaselineOnly' | 'KNNBaseline';
  params?: Record<string, unknown>;
}

export interface SurpriseFold {
  rmse: number;
  mae: number;
  fit_s: number;
}

/** Builds Surprise once (about 20 s); returns why it cannot run here, or null when it can. */
export function prepareSurprise(): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} is missing`;
  if (!existsSync(resolve(PEERS_DIR, 'build-surprise.sh'))) return `${PEERS_DIR}/build-surprise.sh is missing`;
  const build = spawnSync('bash', [resolve(PEERS_DIR, 'build-surprise.sh'), BUILD_DIR], { encoding: 'utf8' });
  if (build.status !== 0) return `building Surprise failed: ${(build.stderr || build.stdout).trim().split('\n').slice(-3).join(' / ')}`;
  return null;
}

/** The dataset exactly as the engine's ETL reads these files. */
export async function loadForPeers(files: string[]): Promise<Dataset> {
  const sources = files.map((f) => sourceFromBlob(new Blob([readFileSync(f)]), basename(f)));
  return (await loadDataset(sources)).dataset;
}

function writeFold(path: string, dataset: Dataset, coo: RatingsCoo): void {
  const values = ratingValues(coo.ratings);
  const users = dataset.userRawIds;
  const items = dataset.catalog.rawIds;
  const lines: string[] = new Array(coo.length);
  for (let j = 0; j < coo.length; j++) lines[j] = `${users[coo.users[j]!]}\t${items[coo.items[j]!]}\t${values[j]}`;
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/** Writes the engine's k folds (seeded kFold over the ETL's rows) for Surprise to read. */
export function writeFolds(name: string, dataset: Dataset, nFolds: number, seed: number): string {
  const dir = resolve(REPO_ROOT, '.cache/folds', `${name}-k${nFolds}-s${seed}`);
  mkdirSync(dir, { recursive: true });
  kFold(dataset.ratings, nFolds, seed).forEach(({ train, test }, k) => {
    writeFold(resolve(dir, `fold${k}.train`), dataset, train);
    writeFold(resolve(dir, `fold${k}.test`), dataset, test);
  });
  return dir;
}

/** Runs each spec on every fold; per spec, one entry per fold. */
export function runSurprise(foldDir: string, nFolds: number, scale: readonly [number, number], specs: SurpriseSpec[]): Record<string, SurpriseFold[]> {
  const out = execFileSync(PYTHON, [resolve(import.meta.dirname, 'surprise_cv.py'), foldDir, String(nFolds), String(scale[0]), String(scale[1]), JSON.stringify(specs)], {
    encoding: 'utf8',
    env: { ...process.env, PYTHONPATH: SURPRISE_SRC },
    maxBuffer: 1 << 26,
  });
  return JSON.parse(out) as Record<string, SurpriseFold[]>;
}

export const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
