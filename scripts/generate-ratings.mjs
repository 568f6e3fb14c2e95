// Synthetic MovieLens-style ratings at full size (Kaggle's 26M ratings.csv, ML-25M, ML-1M's
// ratings.dat) for the training and ETL benchmarks. A latent-factor model gives training
// real signal; item popularity and user activity follow power laws; rows come out sorted
// by userId then movieId, as in the real files. Streams in large batches, bounded memory.
//
// Usage: node scripts/generate-ratings.mjs --out FILE [--ratings 26024289] [--users N]
//          [--items M] [--schema kaggle|ml25m] [--format csv|ml1m] [--links links.csv] [--seed 1]

import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AsciiSink } from './lib/ascii-sink.mjs';
import { intFlag, isMainModule, parseArgs } from './lib/cli-args.mjs';
import { aliasSampler, mulberry32 } from './lib/mulberry32.mjs';

/**
 * Options, each with its default.
 * @typedef {object} RatingsOptions
 * @property {string} out output file
 * @property {'csv' | 'ml1m'} [format] csv: `userId,movieId,rating,timestamp` with a header, half
 *   stars; ml1m: ML-1M's `UserID::MovieID::Rating::Timestamp`, no header, whole stars ('csv')
 * @property {'kaggle' | 'ml25m'} [schema] which real file the csv defaults imitate ('kaggle')
 * @property {number} [ratings] rows (kaggle 26,024,289; ml25m 25,000,095; ml1m 1,000,209)
 * @property {number} [users] (kaggle 270,000; ml25m 162,541; ml1m 6,040)
 * @property {number} [items] distinct movies (kaggle 45,000; ml25m 59,047; ml1m 3,706)
 * @property {string} [links] a links.csv whose movieId column supplies the movie ids (so
 *   ratings join to a generated movies dataset); otherwise ids are sparse like MovieLens'
 * @property {number} [seed] RNG seed (1)
 * @property {number} [factors] latent dimensions of the generating model (8)
 */

/** @typedef {{ file: string, rows: number, users: number, items: number, bytes: number, seconds: number, mean: number }} RatingsSummary */

const PRESETS = {
  kaggle: { ratings: 26024289, users: 270000, items: 45000, from: Date.UTC(1995, 0, 9), to: Date.UTC(2017, 7, 4), maxId: 176275 },
  ml25m: { ratings: 25000095, users: 162541, items: 59047, from: Date.UTC(1995, 0, 9), to: Date.UTC(2019, 10, 21), maxId: 209171 },
  ml1m: { ratings: 1000209, users: 6040, items: 3706, from: Date.UTC(2000, 3, 25), to: Date.UTC(2003, 1, 28), maxId: 3952 },
};

/**
 * Movie ids: from a links.csv when given, else `items` sorted ids spread over 1..maxId.
 * @param {import('./lib/mulberry32.mjs').Rng} rng
 * @param {number} items
 * @param {number} maxId
 * @param {string} [links]
 * @returns {Int32Array}
 */
function movieIds(rng, items, maxId, links) {
  if (links) {
    const ids = readFileSync(links, 'utf8')
      .split(/\r?\n/)
      .slice(1)
      .map((line) => Number(line.slice(0, line.indexOf(','))))
      .filter((id) => Number.isInteger(id) && id > 0);
    return Int32Array.from(ids.slice(0, items || ids.length));
  }
  const ids = new Int32Array(items);
  const meanGap = Math.max(1, maxId / items);
  let id = 0;
  for (let i = 0; i < items; i++) {
    id += i < items * 0.2 ? 1 : 1 + Math.floor(-Math.log(1 - rng.next()) * (meanGap - 1) * 1.25);
    ids[i] = id;
  }
  return ids;
}

/**
 * Ratings per user: a Pareto with the requested mean and a floor of 20 (MovieLens keeps only
 * users with ≥ 20 ratings), capped at a quarter of the catalogue, then nudged to sum exactly
 * to `ratings`.
 * @param {import('./lib/mulberry32.mjs').Rng} rng
 * @param {number} users
 * @param {number} items
 * @param {number} ratings
 * @returns {Int32Array}
 */
export function userActivity(rng, users, items, ratings) {
  const mean = ratings / users;
  const cap = Math.max(1, Math.min(items, Math.max(Math.ceil(mean * 3), Math.floor(items / 4))));
  if (mean > cap) throw new Error(`${ratings} ratings need more than ${items} items per user on average`);
  const floor = Math.max(1, Math.min(20, Math.floor(mean * 0.4)));
  const alpha = mean / Math.max(mean - floor, 1e-9);
  const counts = new Int32Array(users);
  let total = 0;
  for (let u = 0; u < users; u++) {
    const x = floor / Math.pow(1 - rng.next(), 1 / alpha);
    counts[u] = Math.max(floor, Math.min(cap, Math.floor(x)));
    total += counts[u];
  }
  // Spread the difference evenly, one rating at a time, over users that have room.
  let diff = ratings - total;
  for (let pass = 0; diff !== 0 && pass < 1000; pass++) {
    const step = diff > 0 ? 1 : -1;
    const per = Math.max(1, Math.floor(Math.abs(diff) / users));
    for (let u = 0; u < users && diff !== 0; u++) {
      const next = counts[u] + step * Math.min(per, Math.abs(diff));
      if (next < 1 || next > cap) continue;
      diff -= next - counts[u];
      counts[u] = next;
    }
  }
  if (diff !== 0) throw new Error(`cannot place ${ratings} ratings on ${users} users × ${items} items`);
  return counts;
}

/**
 * @param {RatingsOptions} options
 * @returns {Promise<RatingsSummary>}
 */
export async function generateRatings(options) {
  const started = performance.now();
  const format = options.format ?? 'csv';
  const preset = format === 'ml1m' ? PRESETS.ml1m : PRESETS[options.schema ?? 'kaggle'];
  const rng = mulberry32(options.seed ?? 1);
  const k = options.factors ?? 8;
  const ids = movieIds(rng, options.items ?? preset.items, preset.maxId, options.links);
  const items = ids.length;
  const users = options.users ?? preset.users;
  const ratings = options.ratings ?? preset.ratings;
  const activity = userActivity(rng, users, items, ratings);

  // Item side: popularity rank is a random permutation of the catalogue; Zipf weights with
  // exponent 0.9 put ~half the ratings on the top 5% of films, as in MovieLens.
  const rankOf = new Int32Array(items);
  for (let i = 0; i < items; i++) rankOf[i] = i;
  for (let i = items - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = rankOf[i];
    rankOf[i] = rankOf[j];
    rankOf[j] = t;
  }
  const weights = new Float64Array(items);
  for (let i = 0; i < items; i++) weights[i] = 1 / Math.pow(rankOf[i] + 10, 0.9);
  const drawItem = aliasSampler(weights);
  // Popular films are rated a little higher (bias rises 0.25 from tail to head).
  const itemBias = new Float32Array(items);
  const itemFactors = new Float32Array(items * k);
  const factorScale = 0.9 / Math.sqrt(k);
  for (let i = 0; i < items; i++) {
    itemBias[i] = 0.4 * rng.normal() + 0.25 * (1 - rankOf[i] / items) - 0.12;
    for (let f = 0; f < k; f++) itemFactors[i * k + f] = factorScale * rng.normal();
  }

  mkdirSync(dirname(resolve(options.out)), { recursive: true });
  const sink = new AsciiSink(options.out);
  const ml1m = format === 'ml1m';
  if (!ml1m) sink.put(AsciiSink.encode('userId,movieId,rating,timestamp\n'));
  const sep = ml1m ? '::' : ',';
  // Pre-encoded pieces: ",movieId," per item and "r,"/"r::" per rating in half stars (1 = 0.5 … 10 = 5.0).
  const ratingBytes = Array.from({ length: 11 }, (_, h) => AsciiSink.encode((ml1m ? String(h / 2) : (h / 2).toFixed(1)) + sep));
  const idBytes = Array.from(ids, (id) => AsciiSink.encode(sep + id + sep));
  const seen = new Int32Array(items).fill(-1);
  const chosen = new Int32Array(activity.reduce((a, b) => Math.max(a, b), 0));
  const userFactors = new Float32Array(k);
  const from = preset.from / 1000;
  const range = (preset.to - preset.from) / 1000;
  let sum = 0;
  let rows = 0;

  for (let u = 0; u < users; u++) {
    const n = activity[u];
    // Distinct items: alias draws with a per-user stamp; heavy users that exhaust the popular
    // head fall back to a scan for the remainder.
    let m = 0;
    for (let tries = 0; m < n && tries < n * 20; tries++) {
      const i = drawItem(rng);
      if (seen[i] === u) continue;
      seen[i] = u;
      chosen[m++] = i;
    }
    for (let i = rng.int(items); m < n; i = (i + 1) % items) {
      if (seen[i] === u) continue;
      seen[i] = u;
      chosen[m++] = i;
    }
    const list = chosen.subarray(0, n).sort();
    const userBias = 0.4 * rng.normal();
    for (let f = 0; f < k; f++) userFactors[f] = factorScale * rng.normal();
    const halfStars = ml1m ? 0 : 0.3 + 0.3 * rng.next();
    const start = from + rng.next() * range * 0.97;
    const span = Math.min(from + range - start, 86400 * Math.pow(10, rng.next() * 3.3));
    for (let r = 0; r < n; r++) {
      const i = list[r];
      let dot = 0;
      for (let f = 0, o = i * k; f < k; f++, o++) dot += userFactors[f] * itemFactors[o];
      const raw = 3.53 + userBias + itemBias[i] + dot + 0.5 * rng.normal();
      // Half-star users round a share of their ratings to halves, everyone else to whole stars.
      let h = rng.next() < halfStars ? Math.round(raw * 2) : 2 * Math.round(raw);
      h = h < (ml1m ? 2 : 1) ? (ml1m ? 2 : 1) : h > 10 ? 10 : h;
      sum += h;
      sink.putInt(u + 1);
      sink.put(idBytes[i]);
      sink.put(ratingBytes[h]);
      sink.putInt(Math.floor(start + rng.next() * span));
      sink.putByte(10);
      if (sink.pos + 64 > sink.chunkBytes) {
        const p = sink.flush();
        if (p) await p;
      }
    }
    rows += n;
  }
  const bytes = await sink.close();
  return { file: options.out, rows, users, items, bytes, seconds: (performance.now() - started) / 1000, mean: sum / 2 / rows };
}

if (isMainModule(import.meta.url)) {
  const flags = parseArgs(process.argv.slice(2));
  const format = flags.get('format') ?? 'csv';
  const schema = flags.get('schema') ?? 'kaggle';
  const out = flags.get('out') ?? (format === 'ml1m' ? 'ratings.dat' : undefined);
  if (!out || (format !== 'csv' && format !== 'ml1m') || (schema !== 'kaggle' && schema !== 'ml25m')) {
    console.error('usage: node scripts/generate-ratings.mjs --out FILE [--ratings N] [--users N] [--items M] [--schema kaggle|ml25m] [--format csv|ml1m] [--links links.csv] [--seed 1]');
    process.exit(2);
  }
  const preset = format === 'ml1m' ? PRESETS.ml1m : PRESETS[schema];
  const summary = await generateRatings({
    out,
    format,
    schema,
    ratings: intFlag(flags, 'ratings', preset.ratings),
    users: intFlag(flags, 'users', preset.users),
    items: flags.has('items') ? intFlag(flags, 'items', preset.items) : flags.has('links') ? 0 : preset.items,
    links: flags.get('links'),
    seed: intFlag(flags, 'seed', 1),
  });
  const mb = summary.bytes / 1e6;
  console.log(`ratings (synthetic): ${summary.rows} rows, ${summary.users} users, ${summary.items} items, mean ${summary.mean.toFixed(2)}, ${mb.toFixed(0)} MB → ${out} in ${summary.seconds.toFixed(1)} s`);
}
