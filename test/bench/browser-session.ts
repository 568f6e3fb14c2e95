// A Chromium page on the built app for benchmarks that run in the worker.
import type { Browser, Page } from 'playwright-core';
import { launchChrome } from '../support/browser';
import type { BenchContext } from './harness';

export interface BackendReport {
  backend: string;
  simd: boolean;
  threads: boolean;
}

let shared: Browser | undefined;

export async function browser(): Promise<Browser> {
  shared ??= await launchChrome();
  return shared;
}

export async function closeBrowser(): Promise<void> {
  await shared?.close();
  shared = undefined;
}

/** Opens the app (optionally on one backend) and waits for the engine to report. */
export async function openEngine(ctx: BenchContext, backend?: string): Promise<{ page: Page; info: BackendReport; close: () => Promise<void> }> {
  const b = await browser();
  const context = await b.newContext();
  const page = await context.newPage();
  // engine-only: the worker without the app, so no demo load or training competes with the benchmark.
  await page.goto(new URL(backend ? `?engine-only&backend=${backend}` : '?engine-only', ctx.baseUrl).href);
  await page.waitForFunction(() => '__streamrecBackend' in window);
  const info = await page.evaluate(() => (window as unknown as { __streamrecBackend: Promise<BackendReport> }).__streamrecBackend);
  ctx.env.browser = b.version();
  return { page, info, close: () => context.close() };
}
