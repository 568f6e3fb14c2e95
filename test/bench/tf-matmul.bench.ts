// tf-matmul: a 1024×1024 matMul in the worker on each backend that initialises
// (metric ms_<backend>, the median of 5 timed runs after one warm-up).
import { BACKENDS } from '../../src/model/backend-names';
import type { Benchmark } from './harness';
import { openEngine } from './browser-session';
import { median } from './harness';

export const tfMatmul: Benchmark = {
  name: 'tf-matmul',
  description: '1024×1024 matMul per TensorFlow.js backend, in the worker',
  repeats: 5,
  async run(ctx) {
    const metrics: Record<string, number> = {};
    for (const backend of BACKENDS) {
      const { page, info, close } = await openEngine(ctx, backend);
      try {
        if (info.backend !== backend) continue;
        if (backend === 'wasm') Object.assign(ctx.env, info);
        const timing = await page.evaluate(
          () => (window as unknown as { __streamrec: { timeMatMul: (n: number, r: number) => Promise<{ ms: number[] }> } }).__streamrec.timeMatMul(1024, 5),
        );
        metrics[`ms_${backend}`] = median(timing.ms);
      } finally {
        await close();
      }
    }
    return metrics;
  },
};
