// foldin: a visitor with 10 ratings on a catalogue of The Movies Dataset's size
// (45,466 generated movies, k = 100): set the ratings (fold-in) and get a
// filtered top-20 with reasons, timed from the page (comlink round trips
// included) over 200 visitors, in the worker on wasm. Metrics ms_p50, ms_p95.
import type { Page } from 'playwright-core';
import type { Benchmark } from './harness';
import { quantile } from './harness';
import { openEngine } from './browser-session';
import { ensureGenerated } from './generated';
import type { PageWindow } from './page-api';

let session: { page: Page; close: () => Promise<void> } | undefined;

export const foldin: Benchmark = {
  name: 'foldin',
  description: 'fold-in of 10 ratings + scoring 45,466 movies + filtered top-20 with reasons, k = 100, wasm',
  repeats: 5,
  async setup(ctx) {
    ensureGenerated('foldin', [
      ['scripts/generate-movies-dataset.mjs', '--out', '{dir}', '--movies', '45466'],
      ['scripts/generate-ratings.mjs', '--out', '{dir}/ratings.csv', '--ratings', '500000', '--users', '5000', '--links', '{dir}/links.csv'],
    ]);
    const opened = await openEngine(ctx, 'wasm');
    Object.assign(ctx.env, opened.info);
    session = opened;
    const summary = await opened.page.evaluate(async () => {
      const w = window as unknown as PageWindow;
      const files = ['movies_metadata.csv', 'links.csv', 'ratings.csv'].map((f) => ({ path: `generated/foldin/${f}` }));
      const loaded = await w.__streamrec.load({ kind: 'site', name: 'generated 45k', synthetic: true, files }, w.__streamrecProxy(() => {}));
      // Model quality is irrelevant here, only its shape: one sweep, k = 100.
      await w.__streamrec.train({ params: { nFactors: 100, nEpochs: 1 }, holdout: 0 }, w.__streamrecProxy(() => {}));
      return loaded.summary;
    });
    if (summary.movies < 45_000) throw new Error(`expected a 45k catalogue, got ${summary.movies} movies`);
  },
  async run() {
    const times = await session!.page.evaluate(async () => {
      const api = (window as unknown as PageWindow).__streamrec;
      const pool = await api.recommend({ user: { kind: 'visitor' }, n: 400, filter: { genres: [], genreMode: 'any', minVotes: 0, includeRated: false } });
      const filter = { genres: ['Drama', 'Comedy'], genreMode: 'any' as const, minVotes: 10, includeRated: false };
      const ms: number[] = [];
      for (let v = 0; v < 220; v++) {
        // A different visitor each time: 10 films from the pool, seeded by v.
        const ratings = Array.from({ length: 10 }, (_, j) => {
          const m = pool.items[(v * 37 + j * 101) % pool.items.length];
          return { key: m.key, rating: 1 + ((v + j) % 9) / 2, title: m.title, year: m.year, ratedAt: j };
        });
        const start = performance.now();
        await api.setVisitorRatings(ratings);
        const list = await api.recommend({ user: { kind: 'visitor' }, n: 20, filter });
        const elapsed = performance.now() - start;
        if (list.items.length !== 20 || !list.personalised) throw new Error('expected 20 personalised recommendations');
        if (v >= 20) ms.push(elapsed); // the first 20 warm the JIT
      }
      return ms;
    });
    return { ms_p50: quantile(times, 0.5), ms_p95: quantile(times, 0.95), runs: times.length };
  },
  async teardown() {
    await session?.close();
  },
};
