// `streamrec evaluate --folds 2` run as a child process on the demo data: the JSON's shape,
// each fold's RMSE well below the ratings' own standard deviation (the RMSE of predicting
// their mean, computed here from ratings.csv: 0.996), and the mean as the folds' mean.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/data-dir';
import { jsonOf, runStreamrec } from './run-streamrec';

interface EvaluateOutput {
  dataset: string;
  ratings: number;
  protocol: { folds: number; seed: number };
  model: { name: string; params: { nFactors: number; nEpochs: number; solver: string } };
  backend: { name: string; simd: boolean };
  folds: { fold: number; rmse: number; mae: number; fcp: number; fitMs: number; testMs: number }[];
  mean: { rmse: number; mae: number; fcp: number; fitMs: number };
  std: { rmse: number; mae: number; fcp: number };
}

function ratingStd(path: string): number {
  const values = readFileSync(path, 'utf8').split(/\r?\n/).slice(1).filter(Boolean).map((l) => Number(l.split(',')[2]));
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
}

describe('evaluate on the demo data (public/demo)', () => {
  it('2-fold cross-validation of the default model: per-fold and mean RMSE, MAE, FCP and fit time', async () => {
    const std = ratingStd(`${REPO_ROOT}/public/demo/ratings.csv`);
    expect(std).toBeCloseTo(0.996, 3);
    const run = await runStreamrec('evaluate', '--folds', '2', '--seed', '0', 'public/demo');
    const out = jsonOf<EvaluateOutput>(run);
    expect(out).toMatchObject({ dataset: 'demo', ratings: 59198, protocol: { folds: 2, seed: 0 }, backend: { name: 'wasm', simd: true } });
    expect(out.model).toMatchObject({ name: 'svd', params: { nFactors: 100, nEpochs: 7, solver: 'als' } });
    expect(out.folds.map((f) => f.fold)).toEqual([1, 2]);
    for (const f of out.folds) {
      expect(f.rmse).toBeGreaterThan(0.5);
      expect(f.rmse).toBeLessThan(0.9 * std);
      expect(f.mae).toBeGreaterThan(0.3);
      expect(f.mae).toBeLessThan(f.rmse);
      expect(f.fcp).toBeGreaterThan(0.5);
      expect(f.fitMs).toBeGreaterThan(0);
    }
    expect(out.mean.rmse).toBeCloseTo((out.folds[0]!.rmse + out.folds[1]!.rmse) / 2, 3);
    expect(out.mean.mae).toBeCloseTo((out.folds[0]!.mae + out.folds[1]!.mae) / 2, 3);
    expect(run.stderr).toContain('fold 2/2: fitted in');
  });
});
