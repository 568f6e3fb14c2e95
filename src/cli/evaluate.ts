// `streamrec evaluate --folds 5 --seed 0 FILES…`: seeded shuffled k-fold cross-validation
// (Surprise's KFold protocol) of the model the app trains by default, on the files' ratings.
// Per-fold and mean RMSE, MAE, FCP and fit time as JSON; progress on stderr.

import { crossValidate } from '../eval/cross-validate';
import { svdPredictor } from '../model/baselines';
import { defaultSvdParams } from '../model/default-svd-params';
import { resolveSvdParams } from '../model/svd-model';
import { trainSvd } from '../model/train-svd';
import { CliError } from './cli-error';
import { writeJson } from './cli-io';
import { loadFiles } from './load-files';
import { backendOption, BACKEND_OPTION } from './backend-option';
import { initNodeBackend } from './node-backend';
import { intOption } from './verb-args';
import type { Verb } from './verb';

const round = (x: number, digits: number) => Number(x.toFixed(digits));

export const evaluateVerb: Verb = {
  name: 'evaluate',
  operands: 'FILES…',
  summary: 'Cross-validates the default model (the one the app trains) on the files’ ratings: RMSE, MAE, FCP and fit time per fold and their mean, as JSON.',
  options: {
    folds: { type: 'string', value: 'K', help: 'number of folds, 2–20 (default 5)' },
    seed: { type: 'string', value: 'S', help: 'seed of the shuffle that deals ratings into folds (default 0)' },
    backend: BACKEND_OPTION,
  },
  async run(args, io) {
    const nFolds = intOption(args, 'folds', 5, 2, 20);
    const seed = intOption(args, 'seed', 0, 0, 2 ** 31 - 1);
    const preferred = backendOption(args);
    const { dataset, report } = await loadFiles(args.files, io);
    const data = dataset.ratings;
    if (data.length < nFolds) throw new CliError('input', `${report.name}: ${data.length} ratings cannot be dealt into ${nFolds} folds (the files hold a catalogue but too few ratings)`);
    const backend = await initNodeBackend(preferred);
    const nUsers = dataset.userRawIds.length;
    const nItems = dataset.catalog.size;
    const partial = defaultSvdParams(data.length);
    io.err(`backend ${backend.backend}${backend.backend === 'wasm' ? ` (simd ${backend.simd}, threads ${backend.threadCount})` : ''}; ${nFolds}-fold cross-validation, seed ${seed}\n`);
    let fold = 0;
    const cv = await crossValidate(
      async (train) => {
        fold++;
        const t0 = performance.now();
        const model = await trainSvd(train, nUsers, nItems, dataset.scale, partial, {
          onEpoch: (e) => io.err(`fold ${fold}/${nFolds}: sweep ${e.epoch + 1}, train MSE ${e.trainLoss.toFixed(4)}, ${Math.round(e.ms)} ms\n`),
        });
        io.err(`fold ${fold}/${nFolds}: fitted in ${Math.round(performance.now() - t0)} ms\n`);
        return svdPredictor(model, 'svd');
      },
      data,
      { nFolds, seed },
    );
    writeJson(io, {
      dataset: report.name,
      ratings: data.length,
      users: nUsers,
      movies: nItems,
      scale: report.dataset.scale,
      protocol: { folds: nFolds, seed, split: 'shuffled k-fold (Surprise KFold): each rating is tested exactly once' },
      model: { name: 'svd', params: resolveSvdParams(partial) },
      backend: { name: backend.backend, simd: backend.simd, threads: backend.threadCount },
      folds: cv.folds.map((f) => ({ fold: f.fold + 1, rmse: round(f.rmse, 4), mae: round(f.mae, 4), fcp: round(f.fcp, 4), fitMs: Math.round(f.fitMs), testMs: Math.round(f.testMs) })),
      mean: { rmse: round(cv.mean.rmse, 4), mae: round(cv.mean.mae, 4), fcp: round(cv.mean.fcp, 4), fitMs: Math.round(cv.mean.fitMs) },
      std: { rmse: round(cv.std.rmse, 4), mae: round(cv.std.mae, 4), fcp: round(cv.std.fcp, 4) },
    });
    return 0;
  },
};
