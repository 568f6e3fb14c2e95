// Shared by the etl-* benchmarks: generate data once into .cache/generated/ (a marker file
// records the generator's options and the files' sizes), and measure one `load` in a fresh
// browser context (empty IndexedDB, so the ETL really runs) while sampling the worker's heap.
//
// Heap: Chromium exposes no heap figure inside a dedicated worker (performance.memory is
// Window-only and measureUserAgentSpecificMemory() answers after the next GC, seconds late).
// So the page's CDP session auto-attaches to its workers (non-flat mode, messages through
// Target.sendMessageToTarget) and asks the engine worker for Runtime.getHeapUsage every
// ~50 ms. DevTools commands interrupt running JavaScript, so samples arrive during the
// synchronous join phase too. heap = usedSize (V8 heap) + backingStorageSize (ArrayBuffer
// backing stores: typed arrays and stream chunks live outside the V8 heap).
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { EtlReport, LoadResult } from '../../src/engine/api';
import { REPO_ROOT } from '../support/data-dir';
import { browser } from './browser-session';
import type { BenchContext } from './harness';

export const GENERATED = resolve(REPO_ROOT, '.cache/generated');

/** Runs `generate` unless `dir/generator.json` holds the same options and every file has its recorded size. */
export async function ensureGenerated(dir: string, options: Record<string, unknown>, files: string[], generate: () => Promise<void>): Promise<void> {
  const markerPath = resolve(dir, 'generator.json');
  const wanted = JSON.stringify(options);
  if (existsSync(markerPath)) {
    try {
      const marker = JSON.parse(readFileSync(markerPath, 'utf8')) as { options: unknown; sizes: Record<string, number> };
      const ok = JSON.stringify(marker.options) === wanted && files.every((f) => existsSync(resolve(dir, f)) && statSync(resolve(dir, f)).size === marker.sizes[f]);
      if (ok) return;
    } catch {
      // A damaged marker means: generate again.
    }
  }
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  await generate();
  const sizes = Object.fromEntries(files.map((f) => [f, statSync(resolve(dir, f)).size]));
  writeFileSync(markerPath, `${JSON.stringify({ options, sizes }, null, 2)}\n`);
  console.log(`generated ${files.join(', ')} into ${dir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

export function fileSizes(dir: string, files: string[]): number {
  return files.reduce((n, f) => n + statSync(resolve(dir, f)).size, 0);
}

export interface MeasuredLoad {
  result: LoadResult;
  report: EtlReport;
  /** The load call as the page saw it (fetch, ETL, cache write, session build). */
  callMs: number;
  /** Peak of V8 heap + ArrayBuffer backing stores in the worker during the load. */
  peakHeapBytes: number;
  /** The same figure just before the load (tfjs, the demo dataset, the app). */
  baselineHeapBytes: number;
  heapSamples: number;
  longestTaskMs: number;
  progressCalls: number;
}

interface HeapUsage {
  usedSize: number;
  totalSize: number;
  embedderHeapUsedSize?: number;
  backingStorageSize?: number;
}

/** Talks to the page's dedicated workers through the page's CDP session (non-flat auto-attach). */
class WorkerHeapProbe {
  private readonly workers: string[] = [];
  private readonly pending = new Map<number, (usage: HeapUsage) => void>();
  private nextId = 1;
  constructor(private readonly cdp: CDPSession) {
    cdp.on('Target.attachedToTarget', (e: { sessionId: string; targetInfo: { type: string } }) => {
      if (e.targetInfo.type === 'worker') this.workers.push(e.sessionId);
    });
    cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
      const m = JSON.parse(e.message) as { id?: number; result?: HeapUsage };
      if (m.id !== undefined && m.result) this.pending.get(m.id)?.(m.result);
      if (m.id !== undefined) this.pending.delete(m.id);
    });
  }
  static async attach(page: Page): Promise<WorkerHeapProbe> {
    const cdp = await page.context().newCDPSession(page);
    const probe = new WorkerHeapProbe(cdp);
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    return probe;
  }
  /** Heap of the engine worker (the first dedicated worker the page started). */
  async heapBytes(): Promise<number> {
    const session = this.workers[0];
    if (!session) throw new Error('no worker attached: is the engine worker running?');
    const id = this.nextId++;
    const usage = await new Promise<HeapUsage>((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error('Runtime.getHeapUsage timed out')), 30_000);
      this.pending.set(id, (u) => {
        clearTimeout(timer);
        resolvePromise(u);
      });
      this.cdp.send('Target.sendMessageToTarget', { sessionId: session, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) }).catch(reject);
    });
    return usage.usedSize + (usage.backingStorageSize ?? 0);
  }
}

/** Opens the app in a new context (without its demo data), loads `paths` through the worker and measures. */
export async function measureLoad(ctx: BenchContext, name: string, paths: string[]): Promise<MeasuredLoad> {
  const b = await browser();
  ctx.env.browser = b.version();
  const context = await b.newContext();
  try {
    const page = await context.newPage();
    const probe = await WorkerHeapProbe.attach(page);
    // The UI opens the demo data at start and then trains on it in the background, which would
    // share the worker's thread with the measured ETL: the demo files answer 404 instead, so
    // the worker is idle (and holds no dataset) when the measured load starts.
    let demoRequests = 0;
    await context.route(/\/demo\//, (route) => {
      demoRequests++;
      return route.fulfill({ status: 404, contentType: 'text/plain', body: 'benchmark: no demo data' });
    });
    await page.goto(ctx.baseUrl);
    await page.waitForFunction(() => '__streamrecBackend' in window);
    Object.assign(ctx.env, await page.evaluate(() => (window as unknown as { __streamrecBackend: Promise<Record<string, unknown>> }).__streamrecBackend));
    for (let waited = 0; demoRequests === 0 && waited < 30_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1000));
    const baselineHeapBytes = await probe.heapBytes();
    let peakHeapBytes = baselineHeapBytes;
    let heapSamples = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling && !process.env.NO_HEAP) {
        const t = performance.now();
        peakHeapBytes = Math.max(peakHeapBytes, await probe.heapBytes());
        heapSamples++;
        await new Promise((r) => setTimeout(r, Math.max(0, 50 - (performance.now() - t))));
      }
    })();
    let measured: Omit<MeasuredLoad, 'peakHeapBytes' | 'baselineHeapBytes' | 'heapSamples'>;
    try {
      measured = await page.evaluate(async ({ name, paths }) => {
        const w = window as unknown as { __streamrec: any; __streamrecProxy: (f: unknown) => unknown };
        let longest = 0;
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
        });
        observer.observe({ type: 'longtask' });
        let progressCalls = 0;
        const start = performance.now();
        const result = (await w.__streamrec.load(
          { kind: 'site', name, synthetic: false, files: paths.map((path) => ({ path })) },
          w.__streamrecProxy(() => {
            progressCalls++;
          }),
        )) as LoadResult;
        const callMs = performance.now() - start;
        // Long-task entries are delivered asynchronously: give the observer time to flush.
        await new Promise((r) => setTimeout(r, 100));
        observer.disconnect();
        return { result, report: result.report, callMs, longestTaskMs: longest, progressCalls };
      }, { name, paths });
    } finally {
      sampling = false;
      await sampler;
    }
    if (measured.result.fromCache) throw new Error('the load came from the IndexedDB cache: no ETL was measured');
    return { ...measured, peakHeapBytes, baselineHeapBytes, heapSamples };
  } finally {
    await context.close();
  }
}

export const MB = 1024 * 1024;

