// Seeded train/test splits over a RatingsCoo, as Surprise's model_selection:
// shuffle rating indices once, then cut (train_test_split) or deal into k folds (KFold).

import type { RatingsCoo } from '../dataset/dataset';
import { mulberry32, shuffleInPlace } from '../model/rng';

export interface TrainTest { train: RatingsCoo; test: RatingsCoo }

/** The rows of `coo` at `rows`, in that order, in arrays of the same kinds as coo's. */
export function subsetCoo(coo: RatingsCoo, rows: Int32Array): RatingsCoo {
  const n = rows.length;
  const { users, items, ratings, days } = coo;
  const outUsers = new Int32Array(n);
  const outItems = new (items.constructor as new (n: number) => typeof items)(n);
  const outRatings = new (ratings.constructor as new (n: number) => typeof ratings)(n);
  for (let j = 0; j < n; j++) {
    const r = rows[j]!;
    outUsers[j] = users[r]!; outItems[j] = items[r]!; outRatings[j] = ratings[r]!;
  }
  const out: RatingsCoo = { length: n, users: outUsers, items: outItems, ratings: outRatings };
  if (days) {
    const outDays = new Uint16Array(n);
    for (let j = 0; j < n; j++) outDays[j] = days[rows[j]!]!;
    out.days = outDays;
  }
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
