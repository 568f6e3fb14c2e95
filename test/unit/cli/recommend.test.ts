// `streamrec recommend` run as a child process on the demo data (and ml-100k when
// ../shared/data is there): N films, none the user rated (checked against the ratings file
// itself, read here), genres respected, ordered by score, and exit status 2 for an unknown user
// (an unknown genre is tested in-process, in run-cli.test.ts).

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataPath, HAS_DATA, NO_DATA_REASON, REPO_ROOT } from '../../support/data-dir';
import { jsonOf, runStreamrec, type CliRun } from './run-streamrec';
import { describeIf } from '../../support/skip';

interface RecommendOutput {
  dataset: string;
  user: number;
  ratedByUser: number;
  query: { n: number; genres: string[]; genreMode: string };
  backend: { name: string };
  model: { nFactors: number; validRmse: number | null };
  personalised: boolean;
  items: { rank: number; key: string; title: string; year: number; genres: string[]; predicted: number | null; score: number | null; reason: string }[];
}

/** Rows of a headered or headerless delimited text file, split on `sep`. */
function rows(path: string, sep: string, header: boolean): string[][] {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).filter(Boolean);
  return (header ? lines.slice(1) : lines).map((l) => l.split(sep));
}

/** The movie ids a user rated in a ratings file (user id in column 0, movie id in column 1). */
function ratedBy(path: string, sep: string, header: boolean, user: number): string[] {
  return rows(path, sep, header).filter((r) => Number(r[0]) === user).map((r) => r[1]!);
}

describe('recommend on the demo data (public/demo), user 7', () => {
  const demo = `${REPO_ROOT}/public/demo`;
  // The demo's catalogue is keyed by TMDB id; its ratings name MovieLens-style movieIds, mapped through links.csv.
  const tmdbOf = new Map(rows(`${demo}/links.csv`, ',', true).map((r) => [r[0]!, r[2]!]));
  const rated = new Set(ratedBy(`${demo}/ratings.csv`, ',', true, 7).map((m) => `tmdb:${tmdbOf.get(m)}`));
  let top: RecommendOutput;
  let byGenre: RecommendOutput;
  beforeAll(async () => {
    const runs = await Promise.all([
      runStreamrec('recommend', '--user', '7', '-n', '10', 'public/demo'),
      runStreamrec('recommend', '--user', '7', '--genres', 'drama,COMEDY', '-n', '8', 'public/demo'),
    ]);
    top = jsonOf(runs[0]);
    byGenre = jsonOf(runs[1]);
  }, 120_000);

  it('trains on wasm and returns 10 films, none of which user 7 rated', () => {
    expect(rated.size).toBe(195);
    expect(top).toMatchObject({ dataset: 'demo', user: 7, ratedByUser: 195, personalised: true, backend: { name: 'wasm' }, model: { nFactors: 100 } });
    expect(top.items.map((i) => i.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(top.items.map((i) => i.key)).size).toBe(10);
    for (const item of top.items) {
      expect(item.key).toMatch(/^tmdb:\d+$/);
      expect(rated.has(item.key)).toBe(false);
    }
  });

  it('gives each film a title, year, genres, a predicted rating on the 0.5–5 scale, a score and a reason, ordered by score', () => {
    for (const item of top.items) {
      expect(item.title.length).toBeGreaterThan(0);
      expect(item.year).toBeGreaterThan(1900);
      expect(item.genres.length).toBeGreaterThan(0);
      expect(item.predicted).toBeGreaterThanOrEqual(0.5);
      expect(item.predicted).toBeLessThanOrEqual(5);
      expect(item.reason).toBe('Predicted from this user’s own ratings');
    }
    const scores = top.items.map((i) => i.score!);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('keeps only films of the genres asked for, matched case-insensitively', () => {
    expect(byGenre.query.genres).toEqual(['Drama', 'Comedy']);
    expect(byGenre.items).toHaveLength(8);
    for (const item of byGenre.items) {
      expect(item.genres.some((g) => g === 'Drama' || g === 'Comedy')).toBe(true);
      expect(rated.has(item.key)).toBe(false);
    }
  });

  it('exits with status 2 and says so on stderr for a user who is not in the ratings', async () => {
    const run: CliRun = await runStreamrec('recommend', '--user', '601', 'public/demo');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('streamrec: user 601 is not in demo\'s ratings (600 users, ids 1–600)');
  });
});

describeIf(HAS_DATA, NO_DATA_REASON)('recommend on ml-100k', () => {
  it('user 7 (the original query) gets 10 films they did not rate in u.data', async () => {
    const rated = new Set(ratedBy(dataPath('ml-100k/u.data'), '\t', false, 7));
    expect(rated.size).toBe(403);
    const out = jsonOf<RecommendOutput>(await runStreamrec('recommend', '--user', '7', dataPath('ml-100k')));
    expect(out).toMatchObject({ dataset: 'ml-100k', ratedByUser: 403, personalised: true });
    expect(out.items).toHaveLength(10);
    for (const item of out.items) {
      // ml-100k's item ids are MovieLens ids: its films are keyed ml:ID.
      expect(item.key).toMatch(/^ml:\d+$/);
      expect(rated.has(item.key.slice('ml:'.length))).toBe(false);
    }
  });
});
