// Attack suite, UI path (issue 16 case 11, framing): another origin must not be able to show
// StreamRec in a frame. On a plain static host (no headers of its own) the service worker adds
// X-Frame-Options: DENY and CSP frame-ancestors 'none' once it controls the site; Vite's preview
// server (what the e2e setup serves) sends both itself. A page on a second origin that frames
// the site gets nothing of the app rendered.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { chromePerFile } from '../support/chrome-per-file';
import { REPO_ROOT } from '../support/data-dir';
import { serveStatic, type StaticServer } from '../support/static-server';

const browser = chromePerFile();
const baseUrl = inject('baseUrl');

let site: string;
let framerDir: string;
let server: StaticServer;
let framer: StaticServer;

beforeAll(async () => {
  // A snapshot of dist/, so a build started meanwhile cannot swap files under the test.
  site = mkdtempSync(join(tmpdir(), 'streamrec-frame-site-'));
  cpSync(resolve(REPO_ROOT, 'dist'), site, { recursive: true });
  server = await serveStatic(site, '/streamrec/');
  framerDir = mkdtempSync(join(tmpdir(), 'streamrec-framer-'));
  framer = await serveStatic(framerDir, '/evil/');
});
afterAll(async () => {
  await server?.close();
  await framer?.close();
  if (site) rmSync(site, { recursive: true, force: true });
  if (framerDir) rmSync(framerDir, { recursive: true, force: true });
});

/** Writes the other origin's page: an iframe of `target`, and a flag once the iframe's load fired. */
function framingPage(target: string): string {
  writeFileSync(
    join(framerDir, 'index.html'),
    `<!doctype html><title>framer</title><iframe id="victim" src="${target}" width="800" height="600" onload="document.body.dataset.framed='loaded'"></iframe>`,
  );
  return framer.url;
}

/** Waits until the service worker controls the page (the app reloads itself once to get there). */
async function waitForControl(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null && '__streamrecBackend' in window).catch(() => false), { timeout: 90_000, interval: 250 })
    .toBe(true);
}

/** Opens the other origin's page framing `target` and reports what the frame shows. */
async function frameFromElsewhere(context: BrowserContext, target: string) {
  const page = await context.newPage();
  await page.goto(framingPage(target));
  await page.waitForFunction(() => document.body.dataset.framed === 'loaded', undefined, { timeout: 30_000 });
  const frame = page.frames().find((f) => f !== page.mainFrame());
  expect(frame, 'the iframe exists').toBeDefined();
  // Give a frame that did render the time to start the app before looking.
  await page.waitForTimeout(1500);
  const appRendered = await frame!.evaluate(() => (document.getElementById('app')?.childElementCount ?? 0) > 0).catch(() => false);
  return { page, frameUrl: frame!.url(), appRendered };
}

describe('attack: framing by another origin', () => {
  it('refuses framing on a plain static host once the service worker controls: X-Frame-Options DENY and frame-ancestors \'none\' on its responses, the frame renders nothing', async () => {
    const context = await browser().newContext({ serviceWorkers: 'allow' });
    const page = await context.newPage();
    await page.goto(server.url);
    await waitForControl(page);
    // The page itself, fetched through the service worker.
    const headers = await page.evaluate(async () => {
      const response = await fetch(location.href.split('#')[0]!, { cache: 'no-store' });
      return { xfo: response.headers.get('X-Frame-Options'), csp: response.headers.get('Content-Security-Policy') };
    });
    expect(headers.xfo).toBe('DENY');
    expect(headers.csp).toContain("frame-ancestors 'none'");
    // A navigation served by the service worker carries them too.
    const navigation = await page.reload();
    expect(navigation?.headers()['x-frame-options']).toBe('DENY');
    expect(navigation?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");

    const framed = await frameFromElsewhere(context, server.url);
    expect(framed.appRendered).toBe(false);
    // Chromium replaces a refused frame by its error page.
    expect(framed.frameUrl).toBe('chrome-error://chromewebdata/');
    await context.close();
  });

  it('refuses framing from the preview server, which sends X-Frame-Options DENY and frame-ancestors \'none\' itself', async () => {
    const response = await fetch(baseUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    // No service worker here: the refusal comes from the server's own headers.
    const context = await browser().newContext({ serviceWorkers: 'block' });
    const framed = await frameFromElsewhere(context, baseUrl);
    expect(framed.appRendered).toBe(false);
    // Chromium replaces a refused frame by its error page.
    expect(framed.frameUrl).toBe('chrome-error://chromewebdata/');
    await context.close();
  });
});
