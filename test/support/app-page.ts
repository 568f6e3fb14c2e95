// Opens the app in a fresh browser context and records everything a test
// must assert on: console errors, page and worker errors, and every request.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT } from './data-dir';

export interface AppSession {
  context: BrowserContext;
  page: Page;
  consoleErrors: string[];
  pageErrors: string[];
  /** Every URL the page or its workers requested. */
  requests: string[];
  /** Requests that left the site's origin. */
  foreignRequests: () => string[];
  screenshot: (name: string) => Promise<string>;
}

export const RESULTS_DIR = resolve(REPO_ROOT, 'test-results');

/**
 * Collects the page's and its workers' console errors (a CSP violation inside a worker surfaces
 * only as one, "Refused to …") and uncaught page errors.
 */
export function recordErrors(page: Page, consoleErrors: string[], pageErrors: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('worker', (worker) => {
    worker.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`[worker] ${message.text()}`);
    });
  });
}

export async function openApp(browser: Browser, baseUrl: string, query = '', viewport = { width: 1280, height: 900 }): Promise<AppSession> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const origin = new URL(baseUrl).origin;
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const requests: string[] = [];
  // Context-level listeners see requests from workers as well as the page.
  context.on('request', (request) => requests.push(request.url()));
  recordErrors(page, consoleErrors, pageErrors);
  await page.goto(new URL(query, baseUrl).href);
  return {
    context,
    page,
    consoleErrors,
    pageErrors,
    requests,
    foreignRequests: () =>
      requests.filter((url) => {
        if (url.startsWith('data:') || url.startsWith('blob:')) return false;
        return new URL(url).origin !== origin;
      }),
    screenshot: async (name: string) => {
      mkdirSync(RESULTS_DIR, { recursive: true });
      const path = resolve(RESULTS_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
  };
}
