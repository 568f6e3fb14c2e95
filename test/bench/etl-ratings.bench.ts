// etl-ratings: a generated 10,000,000-row ratings.csv (Kaggle schema, 274 MB,
// scripts/generate-ratings.mjs --ratings 10000000 --seed 1) parsed through the worker's `load`
// (no catalogue: items become "Movie <id>"), one fresh browser context per repeat.
// rows_per_s uses the ETL's own duration (report.durationMs); bytes_per_rating = the dataset's
// typed arrays (users, items, rating codes, days, userRawIds, the catalogue's) / ratings.
// Heap (test/bench/etl-load.ts): peak_heap_mb samples V8 heap + ArrayBuffers every 50 ms over
// the whole call (peak_etl_heap_mb: until the ETL's last progress call, i.e. before the
// engine's IndexedDB cache write); live_* come from a second, untimed load sampled after forced GCs.
import { resolve } from 'node:path';
import { generateRatings } from '../../scripts/generate-ratings.mjs';
import type { Benchmark } from './harness';
import { ensureGenerated, fileSizes, GENERATED, loadMetrics, measureLoad } from './etl-load';

const DIR = resolve(GENERATED, 'ratings-10m');
const FILES = ['ratings.csv'];
const ROWS = 10_000_000;
const OPTIONS = { generator: 'generate-ratings', ratings: ROWS, schema: 'kaggle', seed: 1 };

export const etlRatings: Benchmark = {
  name: 'etl-ratings',
  description: 'a generated 10M-row ratings.csv (Kaggle schema, 274 MB) through the worker load, fresh context per repeat',
  repeats: 5,
  async setup() {
    await ensureGenerated(DIR, OPTIONS, FILES, async () => {
      await generateRatings({ out: resolve(DIR, 'ratings.csv'), ratings: ROWS, schema: 'kaggle', seed: OPTIONS.seed });
    });
  },
  async run(ctx) {
    const bytes = fileSizes(DIR, FILES);
    const paths = FILES.map((f) => `generated/ratings-10m/${f}`);
    const m = await measureLoad(ctx, 'ratings-10m', paths);
    // A second load, not timed, samples the heap after a forced full GC: what is really held.
    const live = await measureLoad(ctx, 'ratings-10m', paths, { liveHeap: true });
    const d = m.report.dataset;
    if (d.ratings !== ROWS) throw new Error(`expected ${ROWS} ratings, the ETL kept ${d.ratings}`);
    const metrics = loadMetrics(m, live, bytes);
    return { ...metrics, rows_per_s: ROWS / metrics.seconds!, bytes_per_rating: d.typedArrayBytes / d.ratings };
  },
};
