// Helpers for benchmarks that drive the engine worker from the page: load site files,
// evaluate, train, and watch the main thread for long tasks while the worker computes.
// Callbacks into the worker go through window.__streamrecProxy (comlink's proxy).
import type { Page } from 'playwright-core';
import type { DatasetSummary, EpochProgress, EvaluateRequest, EvaluationResult, TrainRequest, TrainResult } from '../../src/engine/api';

export async function loadSiteFiles(page: Page, name: string, paths: string[]): Promise<DatasetSummary> {
  return page.evaluate(async ({ name, paths }) => {
    const w = window as unknown as { __streamrec: any; __streamrecProxy: (f: unknown) => unknown };
    const result = await w.__streamrec.load({ kind: 'site', name, synthetic: false, files: paths.map((path) => ({ path })) }, w.__streamrecProxy(() => {}));
    return result.summary as DatasetSummary;
  }, { name, paths });
}

export async function evaluateInPage(page: Page, request: EvaluateRequest): Promise<EvaluationResult> {
  return page.evaluate(async (request) => {
    const w = window as unknown as { __streamrec: any; __streamrecProxy: (f: unknown) => unknown };
    return (await w.__streamrec.evaluate(request, w.__streamrecProxy(() => {}))) as EvaluationResult;
  }, request);
}

export async function trainInPage(page: Page, request: TrainRequest): Promise<{ result: TrainResult; epochs: EpochProgress[] }> {
  return page.evaluate(async (request) => {
    const w = window as unknown as { __streamrec: any; __streamrecProxy: (f: unknown) => unknown };
    const epochs: EpochProgress[] = [];
    const result = (await w.__streamrec.train(request, w.__streamrecProxy((e: EpochProgress) => epochs.push(e)))) as TrainResult;
    return { result, epochs };
  }, request);
}

/** Starts recording the page's longest 'longtask' (≥ 50 ms by definition; 0 when none). */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number; __longTasks?: PerformanceObserver };
    w.__longTasks?.disconnect();
    w.__longest = 0;
    w.__longTasks = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longest = Math.max(w.__longest, entry.duration);
    });
    w.__longTasks.observe({ type: 'longtask' });
  });
}

export async function longestTaskMs(page: Page): Promise<number> {
  return page.evaluate(async () => {
    // Entries are delivered asynchronously: give the observer a frame to flush.
    await new Promise((r) => setTimeout(r, 100));
    const w = window as unknown as { __longest: number; __longTasks?: PerformanceObserver };
    w.__longTasks?.disconnect();
    return w.__longest;
  });
}

export function rowOf(result: EvaluationResult, algorithm: string) {
  const row = result.rows.find((r) => r.algorithm === algorithm);
  if (!row) throw new Error(`no ${algorithm} row in ${JSON.stringify(result.rows.map((r) => r.algorithm))}`);
  return row;
}
