// The large ratings generator, run small: exact row counts, sorted half-star rows,
// determinism, power-law activity, and the ML-1M ratings.dat format.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRatings, userActivity } from '../../../scripts/generate-ratings.mjs';
import { mulberry32 } from '../../../scripts/lib/mulberry32.mjs';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ratings-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('generate-ratings', () => {
  it('writes exactly the requested rows, sorted by user then movie, on the half-star grid', async () => {
    const out = join(dir, 'a.csv');
    const summary = await generateRatings({ out, ratings: 50_000, users: 500, items: 2_000, seed: 1 });
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('userId,movieId,rating,timestamp');
    expect(lines.length - 1).toBe(50_000);
    expect(summary.rows).toBe(50_000);
    const bad: string[] = [];
    const users = new Set<string>();
    const movies = new Set<string>();
    let prevUser = 0;
    let prevMovie = 0;
    for (const line of lines.slice(1)) {
      const [u, m, r, t] = line.split(',');
      const user = Number(u);
      const movie = Number(m);
      const rating = Number(r);
      const sorted = user > prevUser || (user === prevUser && movie > prevMovie);
      if (!sorted || !/^\d\.[05]$/.test(r) || rating < 0.5 || rating > 5 || !/^\d{9,10}$/.test(t)) bad.push(line);
      prevUser = user;
      prevMovie = movie;
      users.add(u);
      movies.add(m);
    }
    expect(bad).toEqual([]);
    expect(users.size).toBe(500);
    expect(movies.size).toBeLessThanOrEqual(2_000);
    expect(summary.mean).toBeGreaterThan(3.2);
    expect(summary.mean).toBeLessThan(3.9);
  });

  it('is byte-identical for the same seed and differs for another', async () => {
    const a = join(dir, 'same-a.csv');
    const b = join(dir, 'same-b.csv');
    const c = join(dir, 'other.csv');
    await generateRatings({ out: a, ratings: 20_000, users: 200, items: 1_000, seed: 7 });
    await generateRatings({ out: b, ratings: 20_000, users: 200, items: 1_000, seed: 7 });
    await generateRatings({ out: c, ratings: 20_000, users: 200, items: 1_000, seed: 8 });
    expect(sha(b)).toBe(sha(a));
    expect(sha(c)).not.toBe(sha(a));
  });

  it('gives users power-law activity that sums exactly to the requested total', () => {
    const counts = userActivity(mulberry32(1), 10_000, 45_000, 960_000);
    const sorted = Array.from(counts).sort((x, y) => x - y);
    expect(sorted.reduce((s, n) => s + n, 0)).toBe(960_000);
    expect(sorted[0]).toBeGreaterThanOrEqual(20);
    const median = sorted[5_000];
    expect(median).toBeLessThan(96); // skewed: median well under the mean
    expect(sorted[9_999]).toBeGreaterThan(10 * median);
  });

  it('writes ML-1M ratings.dat: UserID::MovieID::Rating::Timestamp with whole stars', async () => {
    const out = join(dir, 'ratings.dat');
    await generateRatings({ out, format: 'ml1m', ratings: 30_000, users: 300, seed: 1 });
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(30_000);
    for (const line of lines.slice(0, 2000)) expect(line).toMatch(/^\d+::\d+::[1-5]::\d{9,10}$/);
    const ids = new Set(lines.map((l) => Number(l.split('::')[1])));
    expect(Math.max(...ids)).toBeLessThanOrEqual(3952);
  });

  it('takes movie ids from a links.csv so ratings join to a generated catalogue', async () => {
    const links = join(dir, 'links.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(links, 'movieId,imdbId,tmdbId\r\n' + Array.from({ length: 300 }, (_, i) => `${i * 7 + 3},0${1000000 + i},${i + 10}`).join('\r\n') + '\r\n');
    const out = join(dir, 'linked.csv');
    const summary = await generateRatings({ out, links, ratings: 5_000, users: 100, seed: 1 });
    expect(summary.items).toBe(300);
    const ids = readFileSync(out, 'utf8').trimEnd().split('\n').slice(1).map((l) => Number(l.split(',')[1]));
    for (const id of ids) expect((id - 3) % 7).toBe(0);
  });
});
