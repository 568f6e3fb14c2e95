// The built site as GitHub Pages serves it: from a sub-path (/streamrec/) on a
// plain static server that sends no special header. Without a service worker it
// works (threads off); with one it becomes cross-origin isolated after one
// automatic reload (threads on), keeps working offline, obeys its CSP, requests
// nothing from another origin, and updates only when the visitor accepts.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChrome } from '../support/browser';
import { REPO_ROOT } from '../support/data-dir';
import { serveStatic, type StaticServer } from '../support/static-server';
import { recordErrors } from '../support/app-page';

interface Session {
  context: BrowserContext;
  page: Page;
  requests: string[];
  consoleErrors: string[];
  pageErrors: string[];
  violations: string[];
  /** Main-frame navigations (loads and reloads) of the page. */
  loads: () => number;
}

const VISITOR_QUERY = { user: { kind: 'visitor' }, n: 10, filter: { genres: [], genreMode: 'any', minVotes: 0, includeRated: false } };

let browser: Browser;
let server: StaticServer;
/** A snapshot of dist/: a build started meanwhile (another terminal, another test) cannot swap files mid-test. */
let site: string;

/** Whether every file the service worker's manifest lists is in dir with its SHA-256 (no build was half-written). */
function consistent(dir: string): boolean {
  if (!existsSync(join(dir, 'sw.js'))) return false;
  const literal = /JSON\.parse\(("(?:[^"\\]|\\.)*")\)/.exec(readFileSync(join(dir, 'sw.js'), 'utf8'));
  if (!literal) return false;
  const config = JSON.parse(JSON.parse(literal[1]) as string) as { entries: { url: string; sha256: string }[] };
  return config.entries.every((e) => existsSync(join(dir, e.url)) && createHash('sha256').update(readFileSync(join(dir, e.url))).digest('hex') === e.sha256);
}

beforeAll(async () => {
  for (let attempt = 0; ; attempt++) {
    site = mkdtempSync(join(tmpdir(), 'streamrec-site-'));
    cpSync(resolve(REPO_ROOT, 'dist'), site, { recursive: true });
    if (consistent(site)) break;
    rmSync(site, { recursive: true, force: true });
    if (attempt === 10) throw new Error('dist/ keeps changing or is incomplete: run `npx vite build` and wait for it to finish.');
    await new Promise((done) => setTimeout(done, 3000));
  }
  browser = await launchChrome();
  server = await serveStatic(site, '/streamrec/');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

async function open(options: { serviceWorkers: 'allow' | 'block'; query?: string }): Promise<Session> {
  const context = await browser.newContext({ serviceWorkers: options.serviceWorkers });
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const violations: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  await context.exposeBinding('__reportCspViolation', (_source, text: string) => violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const page = await context.newPage();
  let loads = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) loads++;
  });
  recordErrors(page, consoleErrors, pageErrors);
  await page.goto(new URL(options.query ?? '', server.url).href);
  return { context, page, requests, consoleErrors, pageErrors, violations, loads: () => loads };
}

/** Evaluates in the page, treating a navigation in progress as "not yet". */
function settled<T>(page: Page, fn: () => T | Promise<T>, fallback: T): Promise<T> {
  return page.evaluate(fn).catch(() => fallback);
}

async function waitForDemo(page: Page) {
  await page.getByTestId('dataset-summary').waitFor({ timeout: 90_000 });
  await expect.poll(() => page.getByTestId('dataset-summary').textContent(), { timeout: 90_000 }).toContain('demo data, synthetic ratings');
}

async function recommendTen(page: Page): Promise<number> {
  return page.evaluate(async (query) => {
    const api = (window as unknown as { __streamrec: { recommend: (q: unknown) => Promise<{ items: unknown[] }> } }).__streamrec;
    return (await api.recommend(query)).items.length;
  }, VISITOR_QUERY);
}

/** Waits for the service worker to control the page and the page to be cross-origin isolated. */
async function waitForIsolation(page: Page) {
  const state = () =>
    settled(
      page,
      async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        const states = ['installing', 'waiting', 'active'].map((k) => `${k}=${(registration as unknown as Record<string, ServiceWorker | null>)?.[k]?.state ?? '-'}`);
        return `controlled=${navigator.serviceWorker.controller !== null} isolated=${window.crossOriginIsolated} ${states.join(' ')}`;
      },
      'navigating',
    );
  await expect.poll(state, { timeout: 90_000, interval: 250 }).toMatch(/^controlled=true isolated=true/);
  await page.waitForFunction(() => '__streamrecBackend' in window);
}

function backendOf(page: Page) {
  return page.evaluate(() => (window as unknown as { __streamrecBackend: Promise<{ backend: string; threads: boolean; simd: boolean }> }).__streamrecBackend);
}

function expectHealthy(session: Session) {
  const origin = new URL(server.url).origin;
  const foreign = session.requests.filter((url) => !url.startsWith('blob:') && !url.startsWith('data:') && new URL(url).origin !== origin);
  expect(foreign, 'requests to other origins').toEqual([]);
  expect(session.violations, 'CSP violations').toEqual([]);
  expect(session.consoleErrors, 'console errors (CSP violations in workers show up here)').toEqual([]);
  expect(session.pageErrors, 'uncaught errors').toEqual([]);
}

describe('the static site from /streamrec/ on a plain static server', () => {
  it('works without a service worker: demo data, wasm without threads, recommendations, its CSP', async () => {
    const session = await open({ serviceWorkers: 'block', query: '?backend=wasm' });
    const { page } = session;
    await page.waitForFunction(() => '__streamrecBackend' in window);
    const info = await backendOf(page);
    expect(info.backend).toBe('wasm');
    expect(info.threads, 'no isolation headers, no service worker: no threads').toBe(false);
    expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(false);
    await waitForDemo(page);
    expect(await recommendTen(page)).toBe(10);
    const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'));
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain("'unsafe-eval'");
    const manifest = await page.evaluate(() => document.querySelector('link[rel="manifest"]')?.getAttribute('href'));
    expect(manifest).toBe('./manifest.webmanifest');
    expectHealthy(session);
    await session.context.close();
  });

  it('installs the service worker, reloads once into cross-origin isolation (wasm threads), then works offline', async () => {
    const session = await open({ serviceWorkers: 'allow', query: '?backend=wasm' });
    const { page, context } = session;
    await waitForIsolation(page);
    expect(session.loads(), 'the first load and exactly one automatic reload').toBe(2);
    expect(await page.evaluate(() => sessionStorage.getItem('streamrec:isolation-reload'))).toBe('1');
    const info = await backendOf(page);
    expect(info).toMatchObject({ backend: 'wasm', simd: true, threads: true });
    await waitForDemo(page);
    expect(await recommendTen(page)).toBe(10);
    // The scope is the sub-path, resolved from the page: no rebuild for another base path.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope)).toBe(server.url);

    // The service worker sends the CSP and the isolation headers itself.
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    const headers = reloaded!.headers();
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['cross-origin-embedder-policy']).toBe('require-corp');
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    await waitForDemo(page);

    // Offline twice over: the browser context, and the server dropping every connection
    // (Chromium's own update check of sw.js is not covered by the context's emulation).
    await context.setOffline(true);
    server.setDown(true);
    const before = server.requested.length;
    await page.reload();
    await waitForIsolation(page);
    expect(await backendOf(page)).toMatchObject({ backend: 'wasm', threads: true });
    await waitForDemo(page);
    expect(await recommendTen(page)).toBe(10);
    const reached = server.requested.slice(before).filter((path) => path !== '/streamrec/sw.js');
    expect(reached, 'offline: only the browser\'s update check tried the server').toEqual([]);
    server.setDown(false);
    expectHealthy(session);
    await context.close();
  });

  it('offers a new version as "reload to update" and keeps the visitor’s ratings across it', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'streamrec-next-'));
    try {
      // The "next deploy": the same sources with another version string, in its own folder.
      execFileSync(process.execPath, [resolve(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
        cwd: REPO_ROOT,
        env: { ...process.env, STREAMREC_VERSION: 'e2e-next' },
        stdio: 'pipe',
      });
      const session = await open({ serviceWorkers: 'allow' });
      const { page } = session;
      await waitForIsolation(page);
      await waitForDemo(page);
      const versionOf = () => settled(page, () => document.querySelector('meta[name="streamrec-version"]')?.getAttribute('content') ?? '', '');
      const first = await versionOf();
      expect(first).not.toBe('e2e-next');
      const rating = { key: 'e2e:update-test', rating: 4.5, title: 'Kept Across Updates', year: 1999, ratedAt: Date.now() };
      await page.evaluate(async (rating) => {
        const db = await new Promise<IDBDatabase>((ok, fail) => {
          const request = indexedDB.open('streamrec');
          request.onsuccess = () => ok(request.result);
          request.onerror = () => fail(request.error);
        });
        await new Promise<void>((ok, fail) => {
          const tx = db.transaction('ratings', 'readwrite');
          tx.objectStore('ratings').put(rating);
          tx.oncomplete = () => ok();
          tx.onerror = () => fail(tx.error);
        });
        db.close();
      }, rating);

      server.setRoot(outDir);
      // The browser checks for a new worker on navigation; the old version keeps serving meanwhile.
      await page.reload();
      await page.getByTestId('update-prompt').waitFor({ timeout: 90_000 });
      expect(await versionOf(), 'nothing of the new version runs before the visitor accepts').toBe(first);
      await page.getByTestId('update-accept').click();
      await expect.poll(versionOf, { timeout: 60_000 }).toBe('e2e-next');
      await waitForIsolation(page);
      await waitForDemo(page);
      const kept = await page.evaluate(async (key) => {
        const db = await new Promise<IDBDatabase>((ok, fail) => {
          const request = indexedDB.open('streamrec');
          request.onsuccess = () => ok(request.result);
          request.onerror = () => fail(request.error);
        });
        const value = await new Promise<unknown>((ok, fail) => {
          const request = db.transaction('ratings').objectStore('ratings').get(key);
          request.onsuccess = () => ok(request.result);
          request.onerror = () => fail(request.error);
        });
        db.close();
        return value;
      }, rating.key);
      expect(kept).toEqual(rating);
      // One version, one cache: the old one is gone.
      const cacheNames = await page.evaluate(() => caches.keys());
      expect(cacheNames.filter((n) => n.startsWith('streamrec-'))).toHaveLength(1);
      expect(await recommendTen(page)).toBe(10);
      expectHealthy(session);
      await session.context.close();
    } finally {
      server.setRoot(site);
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
