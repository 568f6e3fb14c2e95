// The app shell in real Chromium: it loads cleanly, the engine worker starts,
// TensorFlow.js computes correct numbers on every backend that initialises,
// and nothing is requested from any other origin.
import { describe, expect, inject, it } from 'vitest';
import { chromePerFile } from '../support/chrome-per-file';
import { openApp, type AppSession } from '../support/app-page';
import { skipNow } from '../support/skip';

interface WindowWithEngine {
  __streamrec: { checkBackend: () => Promise<{ backend: string; matMul: number[]; rangeSum: number; n: number; numTensorsBefore: number; numTensorsAfter: number }> };
}

const browser = chromePerFile();
const baseUrl = inject('baseUrl');

async function expectHealthy(session: AppSession) {
  expect(session.pageErrors, 'uncaught page or worker errors').toEqual([]);
  expect(session.consoleErrors, 'console errors').toEqual([]);
  expect(session.foreignRequests(), 'requests to other origins').toEqual([]);
}

describe('app shell', () => {
  it('loads the demo catalogue and reports the backend with no errors and no foreign requests', async () => {
    const session = await openApp(browser(), baseUrl);
    const { page } = session;
    await page.getByTestId('backend').and(page.locator('[data-backend]:not([data-backend=""])')).waitFor();
    await page.getByTestId('dataset-summary').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('dataset-summary').textContent()).toContain('demo data, synthetic ratings');
    const movies = Number((await page.getByTestId('count-movies').textContent())!.replace(/,/g, ''));
    const users = Number((await page.getByTestId('count-users').textContent())!.replace(/,/g, ''));
    const ratings = Number((await page.getByTestId('count-ratings').textContent())!.replace(/,/g, ''));
    expect(movies).toBeGreaterThan(1000);
    expect(users).toBeGreaterThan(100);
    expect(ratings).toBeGreaterThan(10_000);
    await session.screenshot('foundation-1280');
    await expectHealthy(session);
    await session.context.close();
  });
});

describe.each(['wasm', 'cpu', 'webgl', 'webgpu'])('TensorFlow.js on %s', (backend) => {
  it('computes a matMul and a large sum correctly in the worker, leaking no tensor', async (ctx) => {
    const session = await openApp(browser(), baseUrl, `?engine-only&backend=${backend}`);
    const { page } = session;
    await page.waitForFunction(() => '__streamrec' in window);
    const info = await page.evaluate(() => (window as unknown as { __streamrecBackend: Promise<{ backend: string }> }).__streamrecBackend);
    if (info.backend !== backend) {
      // Only wasm and cpu must initialise in headless Chromium without a GPU.
      expect(['webgl', 'webgpu']).toContain(backend);
      await session.context.close();
      skipNow(ctx, `${backend} did not initialise here (fell back to ${info.backend})`);
    }
    const check = await page.evaluate(() => (window as unknown as WindowWithEngine).__streamrec.checkBackend());
    expect(check.backend).toBe(backend);
    expect(check.matMul).toEqual([19, 22, 43, 50]);
    expect(check.rangeSum).toBe((check.n * (check.n - 1)) / 2);
    expect(check.numTensorsAfter).toBe(check.numTensorsBefore);
    await expectHealthy(session);
    await session.context.close();
  });
});
