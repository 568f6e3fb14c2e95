// The WebGPU path in real Chromium (--enable-unsafe-webgpu gives SwiftShader's adapter
// headless): training, evaluation and recommendations run there and agree with wasm,
// because every read of model data is asynchronous. Correctness only: a software
// adapter says nothing about speed. The app itself skips a fallback adapter unless asked.
import { describe, expect, inject, it } from 'vitest';
import type { EvaluationResult, RecommendationList, TrainResult } from '../../src/engine/api';
import { evaluateInPage, loadSiteFiles, trainInPage } from '../bench/engine-page';
import { openApp, type AppSession } from '../support/app-page';
import { chromePerFile } from '../support/chrome-per-file';

const browser = chromePerFile();
const baseUrl = inject('baseUrl');
const DEMO = ['movies_metadata.csv', 'credits.csv', 'keywords.csv', 'links.csv', 'ratings.csv'].map((n) => `demo/${n}`);
// Small enough for a software adapter; the same on both backends.
const PARAMS = { nFactors: 8, nEpochs: 3, seed: 7 };

interface Run {
  backend: string;
  cv: EvaluationResult;
  trained: TrainResult;
  list: RecommendationList;
}

async function runOn(backend: string): Promise<Run | string> {
  const session: AppSession = await openApp(browser(), baseUrl, `?engine-only&backend=${backend}`);
  try {
    const { page } = session;
    await page.waitForFunction(() => '__streamrec' in window);
    const info = await page.evaluate(() => (window as unknown as { __streamrecBackend: Promise<{ backend: string }> }).__streamrecBackend);
    if (info.backend !== backend) return `${backend} did not initialise here (fell back to ${info.backend})`;
    await loadSiteFiles(page, 'demo', DEMO);
    const cv = await evaluateInPage(page, { kind: 'cv', nFolds: 2, params: PARAMS, algorithms: ['svd'] });
    const { result: trained } = await trainInPage(page, { params: PARAMS, holdout: 0.1 });
    const list = await page.evaluate(async () => {
      const w = window as unknown as { __streamrec: { recommend(q: unknown): Promise<RecommendationList> } };
      return w.__streamrec.recommend({ user: { kind: 'dataset', userId: 1 }, filter: { genres: [], genreMode: 'any', minVotes: 0, includeRated: false }, n: 10 });
    });
    expect(session.pageErrors).toEqual([]);
    return { backend, cv, trained, list };
  } finally {
    await session.context.close();
  }
}

describe('WebGPU', () => {
  it('trains, cross-validates and recommends with the same numbers as wasm (within 1e-4)', async (ctx) => {
    const gpu = await runOn('webgpu');
    if (typeof gpu === 'string') {
      console.warn(`[skipped] WebGPU e2e: ${gpu}`);
      ctx.skip(gpu);
      return;
    }
    const wasm = await runOn('wasm');
    if (typeof wasm === 'string') throw new Error(wasm);
    expect(gpu.trained.backend).toBe('webgpu');
    expect(gpu.trained.notice).toBeNull();
    const rmse = (r: Run) => r.cv.rows.find((row) => row.algorithm === 'svd')!.rmse!;
    expect(Math.abs(rmse(gpu) - rmse(wasm))).toBeLessThan(1e-4);
    expect(Math.abs(gpu.trained.validRmse! - wasm.trained.validRmse!)).toBeLessThan(1e-4);
    expect(gpu.list.items.length).toBe(10);
    expect(gpu.list.items.map((i) => i.key)).toEqual(wasm.list.items.map((i) => i.key));
  }, 600_000);

  it('is passed over for wasm when the adapter is a software fallback, unless asked for', async () => {
    const session = await openApp(browser(), baseUrl, '?engine-only');
    try {
      const { page } = session;
      await page.waitForFunction(() => '__streamrec' in window);
      const info = await page.evaluate(() => (window as unknown as { __streamrecBackend: Promise<{ backend: string; failed: { backend: string; reason: string }[] }> }).__streamrecBackend);
      const webgpu = info.failed.find((f) => f.backend === 'webgpu');
      if (webgpu?.reason === 'navigator.gpu is missing') throw new Error('this Chromium has no WebGPU: the flag --enable-unsafe-webgpu did not take');
      expect(webgpu?.reason).toMatch(/^fallback adapter: .*, slower than wasm$/);
      expect(info.backend).toBe('wasm');
    } finally {
      await session.context.close();
    }
  });
});
