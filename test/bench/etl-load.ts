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
// backing stores: typed arrays and stream chunks live outside the V8 heap). Those samples
// include garbage V8 has not collected yet; with { liveHeap: true } every sample (~4/s) first
// forces a full GC (HeapProfiler.collectGarbage), which gives what the load really holds.
// The app's UI would load the demo data and train on it in the same worker: the demo files
// answer 404 in these contexts. HEAP_TRACE=1 prints every sample (ms:MB, * after the ETL).
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
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
  /** Peak of V8 heap + ArrayBuffer backing stores in the worker during the whole load call. */
  peakHeapBytes: number;
  /** The same peak up to the ETL's last progress call (the Dataset is built; the engine's cache write and session follow). */
  peakEtlHeapBytes: number;
  /** The same figure just before the load (tfjs, the demo dataset, the app). */
  baselineHeapBytes: number;
  heapSamples: number;
  longestTaskMs: number;
  progressCalls: number;
  /** The machine's 1-minute load average when the load started (the dev container is shared). */
  loadAverage: number;
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
  private readonly pending = new Map<number, (result: unknown) => void>();
  private nextId = 1;
  constructor(private readonly cdp: CDPSession) {
    cdp.on('Target.attachedToTarget', (e: { sessionId: string; targetInfo: { type: string } }) => {
      if (e.targetInfo.type === 'worker') this.workers.push(e.sessionId);
    });
    cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
      const m = JSON.parse(e.message) as { id?: number; result?: unknown };
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
  /** Sends one DevTools command to the engine worker (the first dedicated worker the page started). */
  send<T>(method: string): Promise<T> {
    const session = this.workers[0];
    if (!session) throw new Error('no worker attached: is the engine worker running?');
    const id = this.nextId++;
    return new Promise<T>((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method} timed out`)), 60_000);
      this.pending.set(id, (u) => {
        clearTimeout(timer);
        resolvePromise(u as T);
      });
      this.cdp.send('Target.sendMessageToTarget', { sessionId: session, message: JSON.stringify({ id, method }) }).catch(reject);
    });
  }
  /** V8 heap + ArrayBuffer backing stores; with `live`, after a full GC (what is really held). */
  async heapBytes(live = false): Promise<number> {
    if (live) await this.send('HeapProfiler.collectGarbage');
    const usage = await this.send<HeapUsage>('Runtime.getHeapUsage');
    return usage.usedSize + (usage.backingStorageSize ?? 0);
  }
}

/** Opens the app in a new context (without its demo data), loads `paths` through the worker and measures. */
export async function measureLoad(ctx: BenchContext, name: string, paths: string[], options: { liveHeap?: boolean } = {}): Promise<MeasuredLoad> {
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
    // dist/ is shared with other builds on this machine: retry a navigation that caught it mid-rebuild.
    for (let attempt = 1; ; attempt++) {
      try {
        await page.goto(ctx.baseUrl);
        break;
      } catch (error) {
        if (attempt === 3) throw error;
        await new Promise((r) => setTimeout(r, 3000));
      }
    }
    await page.waitForFunction(() => '__streamrecBackend' in window);
    Object.assign(ctx.env, await page.evaluate(() => (window as unknown as { __streamrecBackend: Promise<Record<string, unknown>> }).__streamrecBackend));
    for (let waited = 0; demoRequests === 0 && waited < 30_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1000));
    const baselineHeapBytes = await probe.heapBytes();
    let peakHeapBytes = baselineHeapBytes;
    const samples: { at: number; bytes: number }[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const t = performance.now();
        const bytes = await probe.heapBytes(options.liveHeap);
        samples.push({ at: Date.now(), bytes });
        peakHeapBytes = Math.max(peakHeapBytes, bytes);
        await new Promise((r) => setTimeout(r, Math.max(0, (options.liveHeap ? 250 : 50) - (performance.now() - t))));
      }
    })();
    let measured: Omit<MeasuredLoad, 'peakHeapBytes' | 'peakEtlHeapBytes' | 'baselineHeapBytes' | 'heapSamples' | 'loadAverage'> & { etlDoneAt: number };
    const loadAverage = loadavg()[0]!;
    try {
      measured = await page.evaluate(async ({ name, paths }) => {
        const w = window as unknown as { __streamrec: any; __streamrecProxy: (f: unknown) => unknown };
        let longest = 0;
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
        });
        observer.observe({ type: 'longtask' });
        let progressCalls = 0;
        let etlDoneAt = 0;
        const start = performance.now();
        const result = (await w.__streamrec.load(
          { kind: 'site', name, synthetic: false, files: paths.map((path) => ({ path })) },
          w.__streamrecProxy((p: { file: string }) => {
            progressCalls++;
            // The ETL's last call (file '') comes once the Dataset is assembled.
            if (p.file === '') etlDoneAt = Date.now();
          }),
        )) as LoadResult;
        const callMs = performance.now() - start;
        // Long-task entries are delivered asynchronously: give the observer time to flush.
        await new Promise((r) => setTimeout(r, 100));
        observer.disconnect();
        return { result, report: result.report, callMs, longestTaskMs: longest, progressCalls, etlDoneAt };
      }, { name, paths });
    } finally {
      sampling = false;
      await sampler;
    }
    if (measured.result.fromCache) throw new Error('the load came from the IndexedDB cache: no ETL was measured');
    const { etlDoneAt, ...rest } = measured;
    if (process.env.HEAP_TRACE) console.log(samples.map((x) => `${x.at - samples[0]!.at}:${Math.round(x.bytes / MB)}${x.at > etlDoneAt ? '*' : ''}`).join(' '));
    const peakEtlHeapBytes = samples.filter((x) => x.at <= etlDoneAt).reduce((m, x) => Math.max(m, x.bytes), baselineHeapBytes);
    return { ...rest, peakHeapBytes, peakEtlHeapBytes, baselineHeapBytes, heapSamples: samples.length, loadAverage };
  } finally {
    await context.close();
  }
}

export const MB = 1024 * 1024;

/** The metrics every ETL benchmark reports: speed and the heap of a timed load `m` and an untimed `live` one. */
export function loadMetrics(m: MeasuredLoad, live: MeasuredLoad, inputBytes: number): Record<string, number> {
  const seconds = m.report.durationMs / 1000;
  return {
    seconds,
    mb_per_s: inputBytes / MB / seconds,
    load_s: m.callMs / 1000,
    output_mb: (m.report.dataset.typedArrayBytes + m.report.dataset.stringTableBytes) / MB,
    peak_heap_mb: m.peakHeapBytes / MB,
    peak_etl_heap_mb: m.peakEtlHeapBytes / MB,
    live_etl_heap_mb: live.peakEtlHeapBytes / MB,
    baseline_heap_mb: m.baselineHeapBytes / MB,
    main_longest_task_ms: m.longestTaskMs,
    progress_calls: m.progressCalls,
    heap_samples: m.heapSamples,
    load_avg_1m: m.loadAverage,
  };
}

