// scale-curve: ETL seconds and one ALS epoch (k = 32, wasm) at 1M, 5M, 10M and 26M generated ratings
// (Kaggle schema, users scaled with the size so every point has ≈96 ratings per user over the same
// 45,000 items), each point in a fresh browser context. Shows whether time grows linearly with the
// ratings: the *_us_per_rating metrics should stay flat. A repeat is ~4 loads and 4 epochs over 42M
// ratings in total, so SCALE_CURVE_REPEATS can lower the harness's 5 (the README says how many were run).
import type { Benchmark } from './harness';
import { ensureRatings, KAGGLE_RATINGS, loadAndTrain, openIdleEngine } from './scale-26m.bench';

const POINTS: { label: string; ratings: number; name: string }[] = [
  { label: '1m', ratings: 1_000_000, name: 'scale-1m' },
  { label: '5m', ratings: 5_000_000, name: 'scale-5m' },
  { label: '10m', ratings: 10_000_000, name: 'scale-10m' },
  { label: '26m', ratings: KAGGLE_RATINGS, name: 'scale-26m' },
];

export const scaleCurve: Benchmark = {
  name: 'scale-curve',
  description: 'ETL s and one ALS epoch (k = 32, wasm) at 1M / 5M / 10M / 26M generated ratings, fresh context per point',
  repeats: Number(process.env.SCALE_CURVE_REPEATS ?? 5),
  async setup() {
    for (const p of POINTS) ensureRatings(p.name, p.ratings);
  },
  async run(ctx) {
    const metrics: Record<string, number> = {};
    for (const p of POINTS) {
      const session = await openIdleEngine(ctx);
      try {
        const t = await loadAndTrain(session.page, p.name, `generated/${p.name}/ratings.csv`, 32);
        if (t.fromCache) throw new Error(`${p.name}: loaded from the IndexedDB cache`);
        if (t.report.dataset.ratings !== p.ratings) throw new Error(`${p.name}: expected ${p.ratings} ratings, the ETL kept ${t.report.dataset.ratings}`);
        if (t.trainError) console.log(`  ${p.name}: training failed: ${t.trainError}`);
        metrics[`etl_s_${p.label}`] = t.etlMs / 1000;
        metrics[`epoch_s_${p.label}`] = t.epochMs / 1000;
        metrics[`etl_us_per_rating_${p.label}`] = (t.etlMs * 1000) / p.ratings;
        metrics[`epoch_us_per_rating_${p.label}`] = (t.epochMs * 1000) / p.ratings;
        metrics[`main_longest_task_ms_${p.label}`] = t.longestTaskMs;
        console.log(`  ${p.name}: etl ${(t.etlMs / 1000).toFixed(1)} s, epoch ${(t.epochMs / 1000).toFixed(1)} s, longest main task ${t.longestTaskMs} ms`);
      } finally {
        await session.close();
      }
    }
    return metrics;
  },
};
