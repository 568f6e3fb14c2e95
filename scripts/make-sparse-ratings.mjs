// Makes the svd-sparse benchmark's dataset from MovieLens ml-latest-small: most users keep
// only one or two of their ratings, as on a young site where most visitors rated little,
// so most users and most movies end up with ≤ 2 ratings. Deterministic (seeded).
// Usage: node scripts/make-sparse-ratings.mjs ML_LATEST_SMALL_DIR OUT_DIR [KEEP_SHARE] [THIN]
// KEEP_SHARE (default 0.3): the share of users who keep many ratings; each of their ratings is
// kept with probability THIN (default 0.35), which leaves most movies with ≤ 2 ratings too.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { mulberry32 } from './lib/mulberry32.mjs';

const [source, out, keepArg] = process.argv.slice(2);
if (!source || !out) {
  console.error('usage: make-sparse-ratings.mjs ML_LATEST_SMALL_DIR OUT_DIR [KEEP_SHARE]');
  process.exit(1);
}
const keepShare = Number(keepArg ?? 0.3);
const thin = Number(process.argv[5] ?? 0.35);
const rng = mulberry32(20261201);
const [header, ...lines] = readFileSync(resolve(source, 'ratings.csv'), 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
/** Rows grouped by user, in file order (the file is sorted by user). @type {Map<string, string[]>} */
const byUser = new Map();
for (const line of lines) {
  const user = line.slice(0, line.indexOf(','));
  if (!byUser.has(user)) byUser.set(user, []);
  /** @type {string[]} */ (byUser.get(user)).push(line);
}
const kept = [];
for (const rows of byUser.values()) {
  if (rng.next() < keepShare) {
    kept.push(...rows.filter(() => rng.next() < thin));
    continue;
  }
  // One or two ratings, drawn without replacement, kept in file order.
  const n = Math.min(rows.length, 1 + rng.int(2));
  const picked = new Set();
  while (picked.size < n) picked.add(rng.int(rows.length));
  kept.push(...[...picked].sort((a, b) => a - b).map((i) => rows[i]));
}
writeFileSync(resolve(out, 'ratings.csv'), `${header}\n${kept.join('\n')}\n`);
copyFileSync(resolve(source, 'movies.csv'), resolve(out, 'movies.csv'));

/** @type {Map<string, number>} */
const perUser = new Map();
/** @type {Map<string, number>} */
const perItem = new Map();
for (const line of kept) {
  const [u, i] = line.split(',');
  perUser.set(u, (perUser.get(u) ?? 0) + 1);
  perItem.set(i, (perItem.get(i) ?? 0) + 1);
}
/** @param {Map<string, number>} m */
const share = (m) => [...m.values()].filter((c) => c <= 2).length / m.size;
console.log(`sparse ml-latest-small: ${kept.length} ratings, ${perUser.size} users (${(100 * share(perUser)).toFixed(1)}% with ≤ 2), ${perItem.size} movies (${(100 * share(perItem)).toFixed(1)}% with ≤ 2)`);
