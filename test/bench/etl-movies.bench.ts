// etl-movies: the full ETL of the four generated Kaggle files (movies_metadata, credits,
// keywords, links: 229 MB, scripts/generate-movies-dataset.mjs at the real row counts, seed 1)
// through the worker's `load`, one fresh browser context per repeat so IndexedDB is empty
// and the ETL really runs. seconds = the ETL's own duration (report.durationMs: first byte to
// Dataset); load_s = the call as the page sees it (plus fetch start, cache write, session).
// Heap (test/bench/etl-load.ts): peak_heap_mb samples V8 heap + ArrayBuffers every 50 ms over
// the whole call (peak_etl_heap_mb: until the ETL's last progress call, i.e. before the
// engine's IndexedDB cache write); live_* come from a second, untimed load sampled after forced GCs.
import { resolve } from 'node:path';
import { generateMoviesDataset } from '../../scripts/generate-movies-dataset.mjs';
import type { Benchmark } from './harness';
import { ensureGenerated, fileSizes, GENERATED, loadMetrics, MB, measureLoad } from './etl-load';

const DIR = resolve(GENERATED, 'kaggle');
const FILES = ['movies_metadata.csv', 'credits.csv', 'keywords.csv', 'links.csv'];
const OPTIONS = { generator: 'generate-movies-dataset', movies: 45_466, seed: 1 };
/**
 * Movies the ETL keeps from the generated movies_metadata.csv: 45,466 rows − 30 duplicate ids −
 * the 3 broken records' 6 halves (10 and 15 fields: "wrong column count"). The generator's
 * "45,433 distinct valid ids" counts each broken record's first half, which has an id but no title.
 */
const EXPECTED_MOVIES = 45_430;

export const etlMovies: Benchmark = {
  name: 'etl-movies',
  description: 'full ETL of the generated Kaggle files (movies_metadata, credits, keywords, links; 229 MB) in the worker, fresh context per repeat',
  repeats: 5,
  async setup() {
    await ensureGenerated(DIR, OPTIONS, FILES, async () => {
      await generateMoviesDataset({ out: DIR, movies: OPTIONS.movies, seed: OPTIONS.seed });
    });
  },
  async run(ctx) {
    const bytes = fileSizes(DIR, FILES);
    const paths = FILES.map((f) => `generated/kaggle/${f}`);
    const m = await measureLoad(ctx, 'kaggle-generated', paths);
    // A second load, not timed, samples the heap after a forced full GC: what is really held.
    const live = await measureLoad(ctx, 'kaggle-generated', paths, { liveHeap: true });
    const d = m.report.dataset;
    if (d.movies !== EXPECTED_MOVIES) throw new Error(`expected ${EXPECTED_MOVIES} movies, the ETL kept ${d.movies}`);
    const outputBytes = d.typedArrayBytes + d.stringTableBytes;
    return {
      ...loadMetrics(m, live, bytes),
      input_mb: bytes / MB,
      live_etl_over_output: live.peakEtlHeapBytes / outputBytes,
      movies_kept: d.movies,
    };
  },
};
