// The Model page tells the truth about the model: what is in use and which preset it is,
// a chart that follows the run on screen, a cancelled run shown as cancelled, and a
// ranking table with ranking measures only. On the demo data, one behaviour per test.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openApp, type AppSession } from '../support/app-page';
import { chromePerFile } from '../support/chrome-per-file';

const browser = chromePerFile();
const baseUrl = inject('baseUrl');
const TRAIN_TIMEOUT = 240_000;

/** Opens the Model page once the first model (trained in the background on a first visit) is in use. */
async function modelPage(viewport?: { width: number; height: number }): Promise<AppSession> {
  const session = await openApp(browser(), baseUrl, '#/model', viewport);
  await expect.poll(() => session.page.getByTestId('model-status').getAttribute('data-state'), { timeout: TRAIN_TIMEOUT }).toBe('ready');
  await session.page.getByTestId('active-model').waitFor();
  return session;
}

async function pressedPresets(page: Page): Promise<string[]> {
  return page.locator('[data-testid^=preset-][aria-pressed=true]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.testid ?? ''));
}

describe('the Model page', () => {
  it('says which model is in use and highlights a preset only when the model is that preset', async () => {
    const session = await modelPage();
    const { page } = session;
    // The first model uses the engine's defaults (100 factors, 7 sweeps, λ 0.12; src/model/default-svd-params.ts): no preset.
    expect(await page.getByTestId('active-model').textContent()).toMatch(/In use: 100 factors, 7 sweeps \(ALS\), regularisation 0\.12\./);
    expect(await pressedPresets(page)).toEqual([]);
    expect(await page.getByTestId('preset-in-use').count()).toBe(0);

    await page.getByTestId('preset-fast').click();
    expect(await pressedPresets(page)).toEqual(['preset-fast']);
    // Choosing a preset is not using it: the line still describes the model in use.
    expect(await page.getByTestId('active-model').textContent()).toContain('100 factors, 7 sweeps');
    await page.getByTestId('train').click();
    await expect.poll(() => page.getByTestId('active-model').textContent(), { timeout: TRAIN_TIMEOUT }).toMatch(/In use: 20 factors, 8 sweeps .* the Fast preset\./);
    expect(await page.getByTestId('preset-fast').getByTestId('preset-in-use').count()).toBe(1);
    expect(await pressedPresets(page)).toEqual(['preset-fast']);
    expect(session.pageErrors).toEqual([]);
    await session.context.close();
  });

  it('draws the run on screen: sweeps 1 to 8 for an 8-sweep run, and the status bar counts out of 8 from the start', async () => {
    const session = await modelPage();
    const { page } = session;
    await page.getByTestId('preset-fast').click();
    const seen = new Set<string>();
    await page.getByTestId('train').click();
    await page.locator('[data-testid=training-live][data-run=running]').waitFor();
    await expect
      .poll(
        async () => {
          const text = (await page.getByTestId('model-status').textContent()) ?? '';
          const count = /Training (\d+)\/(\d+)/.exec(text);
          if (count) seen.add(count[2]!);
          return page.getByTestId('training-live').getAttribute('data-run');
        },
        { timeout: TRAIN_TIMEOUT, interval: 100 },
      )
      .toBe('done');
    // Every "n/N" the status bar showed during the run had N = 8 (no "0/20" before the engine's count).
    expect([...seen].filter((n) => n !== '8')).toEqual([]);
    await expect.poll(() => page.getByTestId('chart-training').getAttribute('data-x-span')).toBe('1 8');
    expect(await page.locator('[data-testid=training-live] [role=status]').textContent()).toMatch(/Trained: \d+ sweeps?/);
    await session.screenshot('model-trained-1280');
    expect(session.pageErrors).toEqual([]);
    await session.context.close();
  });

  it('shows a cancelled run as cancelled, beside the unchanged model in use', async () => {
    const session = await modelPage({ width: 375, height: 800 });
    const { page } = session;
    const before = await page.getByTestId('active-model').textContent();
    await page.getByTestId('preset-accurate').click();
    await page.getByTestId('train').click();
    await page.locator('[data-testid=training-live][data-run=running] [role=status]').filter({ hasText: /Training: [1-9]/ }).waitFor({ timeout: TRAIN_TIMEOUT });
    await page.getByTestId('cancel-training').click();
    await expect.poll(() => page.getByTestId('training-live').getAttribute('data-run'), { timeout: 60_000 }).toBe('cancelled');
    expect(await page.locator('[data-testid=training-live] [role=status]').textContent()).toMatch(/Cancelled after \d+ of 25 sweeps; this run is not in use, the model in use is unchanged\./);
    expect(await page.getByTestId('active-model').textContent()).toBe(before);
    expect(await page.getByTestId('chart-training').locator('figcaption').textContent()).toContain('Cancelled run');
    await session.screenshot('model-cancelled-375');
    expect(session.pageErrors).toEqual([]);
    await session.context.close();
  });

  it('shows ranking measures only in the ranking table (no rating error of a model tuned to rank)', async () => {
    const session = await modelPage();
    const { page } = session;
    await page.getByTestId('evaluate-ranking').click();
    const table = page.getByTestId('eval-ranking');
    await table.waitFor({ timeout: TRAIN_TIMEOUT });
    const headers = await table.locator('thead th').allTextContents();
    expect(headers).toEqual(['Algorithm', 'Precision@10', 'Recall@10', 'NDCG@10', 'MAP@10', 'Coverage', 'Fit', 'Per sweep']);
    expect(await table.locator('tbody tr').count()).toBe(4);
    await session.screenshot('model-ranking-1280');
    expect(session.pageErrors).toEqual([]);
    await session.context.close();
  });
});
