// `npm run bench [-- NAME…]`: runs the named benchmarks (all when none is
// named) against the built app in headless Chromium, prints a table per
// benchmark and writes bench-results/NAME.json.
import { serveDist } from '../support/serve';
import { closeBrowser } from './browser-session';
import { bundle } from './bundle.bench';
import { etlMovies } from './etl-movies.bench';
import { etlRatings } from './etl-ratings.bench';
import { printTable, runBenchmark, writeResult, type Benchmark } from './harness';
import { rankMlsmall } from './rank-mlsmall.bench';
import { rankServed } from './rank-served.bench';
import { svd1m } from './svd-1m.bench';
import { svdMl100k } from './svd-ml100k.bench';
import { svdMlsmall } from './svd-mlsmall.bench';
import { svdSparse } from './svd-sparse.bench';
import { foldin } from './foldin.bench';
import { reload } from './reload.bench';
import { retrainWarm } from './retrain-warm.bench';
import { scale26m } from './scale-26m.bench';
import { scaleCurve } from './scale-curve.bench';
import { tfMatmul } from './tf-matmul.bench';
import { workerRoundtrip } from './worker-roundtrip.bench';

const ALL: Benchmark[] = [bundle, workerRoundtrip, tfMatmul, foldin, retrainWarm, reload, svdMl100k, svdMlsmall, svdSparse, rankMlsmall, rankServed, svd1m, etlMovies, etlRatings, scale26m, scaleCurve];

async function main() {
  const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = names.filter((n) => !ALL.some((b) => b.name === n));
  if (unknown.length) {
    console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${ALL.map((b) => b.name).join(', ')}`);
    process.exit(2);
  }
  const selected = names.length ? ALL.filter((b) => names.includes(b.name)) : ALL;
  const server = await serveDist();
  try {
    for (const bench of selected) {
      const result = await runBenchmark(bench, { baseUrl: server.url, env: {} });
      printTable(result);
      console.log(`→ ${writeResult(result)}`);
    }
  } finally {
    await closeBrowser();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
