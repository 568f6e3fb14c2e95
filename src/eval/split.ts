// Seeded train/test splits over a RatingsCoo, as Surprise's model_selection:
// shuffle rating indices once, then cut (train_test_split) or deal into k folds (KFold).

import type { RatingsCoo } from '../dataset/dataset';
import { mulberry32, shuffleInPlace } from '../model/rng';

export interface TrainTest { train: RatingsCoo; test: RatingsCoo }

/** The rows of `coo` at `rows`, in that order. */
export function subsetCoo(coo: RatingsCoo, rows: Int32Array): RatingsCoo {
  const out: RatingsCoo = {
    length: rows.length,
    users: new Int32Array(rows.length), items: new Int32Array(rows.length), ratings: new Float32Array(rows.length),
  };
  const ts = coo.timestamps ? new Uint32Array(rows.length) : undefined;
  for (let j = 0; j < rows.length; j++) {
    const r = rows[j]!;
    out.users[j] = coo.users[r]!; out.items[j] = coo.items[r]!; out.ratings[j] = coo.ratings[r]!;
    if (ts) ts[j] = coo.timestamps![r]!;
  }
  if (ts) out.timestamps = ts;
  return out;
}

function shuffledRows(n: number, seed: number): Int32Array {
  const rows = Int32Array.from({ length: n }, (_, j) => j);
  shuffleInPlace(rows, mulberry32(seed));
  return rows;
}

/** Random split; testSize is a fraction in (0, 1) or a row count (Surprise: test_size 0.2). */
export function trainTestSplit(coo: RatingsCoo, testSize = 0.2, seed = 0): TrainTest {
  const nTest = testSize < 1 ? Math.ceil(testSize * coo.length) : Math.floor(testSize);
  if (!(nTest >= 0 && nTest <= coo.length)) throw new RangeError(`testSize ${testSize} does not fit ${coo.length} ratings`);
  const rows = shuffledRows(coo.length, seed);
  return { test: subsetCoo(coo, rows.subarray(0, nTest)), train: subsetCoo(coo, rows.subarray(nTest)) };
}

/** k folds of a seeded shuffle; the first length % k folds get one extra rating (Surprise's KFold). */
export function kFold(coo: RatingsCoo, nFolds = 5, seed = 0): TrainTest[] {
  if (!(Number.isInteger(nFolds) && nFolds >= 2 && nFolds <= coo.length)) throw new RangeError(`nFolds must be an integer in 2..${coo.length}, got ${nFolds}`);
  const rows = shuffledRows(coo.length, seed);
  const folds: TrainTest[] = [];
  let start = 0;
  for (let f = 0; f < nFolds; f++) {
    const size = Math.floor(coo.length / nFolds) + (f < coo.length % nFolds ? 1 : 0);
    const trainRows = new Int32Array(coo.length - size);
    trainRows.set(rows.subarray(0, start));
    trainRows.set(rows.subarray(start + size), start);
    folds.push({ test: subsetCoo(coo, rows.subarray(start, start + size)), train: subsetCoo(coo, trainRows) });
    start += size;
  }
  return folds;
}
