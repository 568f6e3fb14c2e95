// worker-roundtrip: the cost of one call from the UI thread to the engine
// worker and back through comlink (metrics ms_p50, ms_p95 over 500 calls).
import type { Page } from 'playwright-core';
import type { Benchmark } from './harness';
import { openEngine } from './browser-session';

let session: { page: Page; close: () => Promise<void> } | undefined;

export const workerRoundtrip: Benchmark = {
  name: 'worker-roundtrip',
  description: 'UI → worker → UI round trip of a comlink call',
  repeats: 7,
  async setup(ctx) {
    const opened = await openEngine(ctx);
    Object.assign(ctx.env, opened.info);
    session = opened;
  },
  async run() {
    const times = await session!.page.evaluate(async () => {
      const api = (window as unknown as { __streamrec: { ping: (v: number) => Promise<number> } }).__streamrec;
      for (let i = 0; i < 50; i++) await api.ping(i); // warm-up
      const ms: number[] = [];
      for (let i = 0; i < 500; i++) {
        const start = performance.now();
        const echoed = await api.ping(i);
        ms.push(performance.now() - start);
        if (echoed !== i) throw new Error(`ping(${i}) returned ${echoed}`);
      }
      return ms;
    });
    times.sort((a, b) => a - b);
    return { ms_p50: times[Math.floor(times.length * 0.5)], ms_p95: times[Math.floor(times.length * 0.95)] };
  },
  async teardown() {
    await session?.close();
  },
};
