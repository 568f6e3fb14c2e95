// Test helper: a small deterministic rating problem with known low-rank structure.

import type { RatingsCoo } from '../../../src/dataset/dataset';
import { mulberry32 } from '../../../src/model/rng';

/** Ratings from a planted rank-2 model plus biases, rounded to the 1..5 scale, with ~`density` of the matrix observed. */
export function tinyProblem(nUsers = 12, nItems = 10, density = 0.6, seed = 7): RatingsCoo {
  const uniform = mulberry32(seed);
  const pu = Array.from({ length: nUsers }, () => [uniform() * 2 - 1, uniform() * 2 - 1]);
  const qi = Array.from({ length: nItems }, () => [uniform() * 2 - 1, uniform() * 2 - 1]);
  const users: number[] = [], items: number[] = [], ratings: number[] = [];
  for (let u = 0; u < nUsers; u++) for (let i = 0; i < nItems; i++) {
    if (uniform() > density) continue;
    const r = 3.2 + 0.3 * Math.sin(u) + 0.4 * Math.cos(i) + pu[u]![0]! * qi[i]![0]! * 1.5 + pu[u]![1]! * qi[i]![1]!;
    users.push(u); items.push(i); ratings.push(Math.min(5, Math.max(1, Math.round(r))));
  }
  return { length: users.length, users: Int32Array.from(users), items: Int32Array.from(items), ratings: Float32Array.from(ratings) };
}
