// `streamrec recommend --user ID [--genres A,B] [-n N] FILES…`: trains the app's default
// model on the files (as the app does on load) and prints that dataset user's top-N as JSON.
// An id not in the ratings exits with status 2; an unknown genre lists the known ones.

import { Session } from '../engine/session';
import { trainModel } from '../engine/training';
import { trainEase } from '../model/ease';
import { backendOption, BACKEND_OPTION } from './backend-option';
import { CliError } from './cli-error';
import { writeJson } from './cli-io';
import { loadFiles } from './load-files';
import { initNodeBackend } from './node-backend';
import { recommendForUser } from './recommend-for-user';
import { intOption, listOption, stringOption } from './verb-args';
import type { Verb } from './verb';

/** The share of ratings the app holds out to report validation RMSE while training (Model page default). */
const APP_HOLDOUT = 0.1;

/** Each requested genre as the catalogue spells it, matched case-insensitively. */
export function matchGenres(requested: readonly string[], known: readonly string[]): string[] {
  const byLower = new Map(known.map((g) => [g.toLowerCase(), g]));
  const unknown = requested.filter((g) => !byLower.has(g.toLowerCase()));
  if (unknown.length) {
    const list = known.length ? known.join(', ') : '(none: the catalogue has no genres)';
    throw new CliError('input', `unknown genre${unknown.length > 1 ? 's' : ''} ${unknown.map((g) => `"${g}"`).join(', ')}; the dataset's genres are: ${list}`);
  }
  return [...new Set(requested.map((g) => byLower.get(g.toLowerCase())!))];
}

/** "943 users, ids 1–943": what a mistyped id can be checked against. */
function describeIds(ids: Int32Array): string {
  if (ids.length === 0) return 'no users';
  let min = ids[0]!, max = ids[0]!;
  for (const id of ids) { min = Math.min(min, id); max = Math.max(max, id); }
  return `${ids.length} users, ids ${min}–${max}`;
}

export const recommendVerb: Verb = {
  name: 'recommend',
  operands: 'FILES…',
  summary: 'Trains the default model on the files and prints the top-N for one user of the dataset (title, year, genres, predicted rating, score, reason) as JSON. Exit status 2 when the user is not in the ratings.',
  options: {
    user: { type: 'string', value: 'ID', help: 'the user’s id as in the ratings file (required)' },
    genres: { type: 'string', value: 'A,B', help: 'only films of these genres (comma-separated, any case)' },
    'genre-mode': { type: 'string', value: 'any|all', help: 'a film needs any of the genres (default) or all of them' },
    count: { type: 'string', short: 'n', value: 'N', help: 'how many films, 1–1000 (default 10)' },
    backend: BACKEND_OPTION,
  },
  async run(args, io) {
    if (stringOption(args, 'user') === undefined) throw new CliError('usage', 'recommend: --user ID is required (see streamrec recommend --help)');
    const userId = intOption(args, 'user', 0, -(2 ** 31), 2 ** 31 - 1);
    const n = intOption(args, 'count', 10, 1, 1000);
    const genreMode = stringOption(args, 'genre-mode') ?? 'any';
    if (genreMode !== 'any' && genreMode !== 'all') throw new CliError('usage', `--genre-mode expects any or all, got "${genreMode}"`);
    const preferred = backendOption(args);
    const { dataset, report } = await loadFiles(args.files, io);
    const genres = matchGenres(listOption(args, 'genres'), dataset.catalog.genreNames);
    const inner = dataset.userRawIds.indexOf(userId);
    if (inner < 0) throw new CliError('unknown-user', `user ${userId} is not in ${report.name}'s ratings (${describeIds(dataset.userRawIds)})`);
    let rated = 0;
    for (let j = 0; j < dataset.ratings.length; j++) if (dataset.ratings.users[j] === inner) rated++;
    const backend = await initNodeBackend(preferred);
    io.err(`backend ${backend.backend}; training the default model on ${dataset.ratings.length} ratings\n`);
    const session = new Session(dataset, false);
    const { model, result: trained } = await trainModel(session, backend.backend, { holdout: APP_HOLDOUT }, (e) => {
      io.err(`sweep ${e.epoch + 1}/${e.nEpochs}: train MSE ${e.trainLoss.toFixed(4)}${e.validRmse === undefined ? '' : `, validation RMSE ${e.validRmse.toFixed(4)}`}, ${Math.round(e.ms)} ms\n`);
    }, new AbortController().signal);
    session.setModel(model);
    // As the worker's load does: the top-N ranker orders the list, the SVD gives the stars.
    const ranker = trainEase(dataset.ratings, dataset.catalog.size);
    session.setRanker(ranker);
    const list = recommendForUser(session, { userId, n, genres, genreMode });
    writeJson(io, {
      dataset: report.name,
      user: userId,
      ratedByUser: rated,
      query: { n, genres, genreMode },
      backend: { name: backend.backend, simd: backend.simd, threads: backend.threadCount },
      orderedBy: list.orderedBy,
      ranker: { name: 'ease', items: ranker.items.length, lambda: ranker.params.lambda },
      model: {
        name: 'svd',
        nFactors: trained.params.nFactors,
        sweeps: trained.params.nEpochs,
        validRmse: trained.validRmse === null ? null : Number(trained.validRmse.toFixed(4)),
        fitMs: Math.round(trained.fitMs),
      },
      personalised: list.personalised,
      items: list.items.map((item, rank) => ({ rank: rank + 1, ...item })),
    });
    return 0;
  },
};
