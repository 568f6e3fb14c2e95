// Hyperparameter search as Surprise's GridSearchCV / RandomizedSearchCV: every candidate
// is cross-validated on the same seeded folds, and the table is sorted by mean RMSE.

import type { RatingsCoo } from '../dataset/dataset';
import { mulberry32 } from '../model/rng';
import { crossValidate, type CrossValidateOptions, type FitPredictor } from './cross-validate';

export type ParamGrid<P> = { [K in keyof P]?: readonly P[K][] };

export interface SearchRow<P> { params: Partial<P>; rmse: number; rmseStd: number; mae: number; fitMs: number }

/** Every combination of the grid's values, in row-major order of its keys. */
export function gridCandidates<P>(grid: ParamGrid<P>): Partial<P>[] {
  let out: Partial<P>[] = [{}];
  for (const key of Object.keys(grid) as (keyof P)[]) {
    const values = grid[key] ?? [];
    out = out.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
  }
  return out;
}

/** nCandidates seeded draws, each key's value picked uniformly from its list (duplicates removed). */
export function randomCandidates<P>(grid: ParamGrid<P>, nCandidates: number, seed = 0): Partial<P>[] {
  const uniform = mulberry32(seed);
  const seen = new Map<string, Partial<P>>();
  const total = gridCandidates(grid).length;
  for (let tries = 0; seen.size < Math.min(nCandidates, total) && tries < nCandidates * 20; tries++) {
    const c: Partial<P> = {};
    for (const key of Object.keys(grid) as (keyof P)[]) {
      const values = grid[key] ?? [];
      if (values.length) c[key] = values[Math.floor(uniform() * values.length)]!;
    }
    seen.set(JSON.stringify(c), c);
  }
  return [...seen.values()];
}

/** Cross-validates each candidate; returns the table best-first. */
export async function searchParams<P>(
  candidates: Partial<P>[], fitWith: (params: Partial<P>) => FitPredictor, data: RatingsCoo,
  options: CrossValidateOptions & { onRow?: (row: SearchRow<P>) => void } = {},
): Promise<SearchRow<P>[]> {
  const rows: SearchRow<P>[] = [];
  for (const params of candidates) {
    const cv = await crossValidate(fitWith(params), data, { ...options, skipFcp: options.skipFcp ?? true });
    const row = { params, rmse: cv.mean.rmse, rmseStd: cv.std.rmse, mae: cv.mean.mae, fitMs: cv.mean.fitMs };
    rows.push(row);
    options.onRow?.(row);
  }
  return rows.sort((a, b) => a.rmse - b.rmse);
}
