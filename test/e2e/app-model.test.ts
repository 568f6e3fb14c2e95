// The model in the built app on the demo data, one behaviour per test, each from a fresh
// browser context: it trains in the worker without blocking the page, a warm retrain takes the
// visitor's ratings as one more user, the model exports and imports back, a corrupt file is
// refused, and a reload serves the cached model without training.
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromePerFile } from '../support/chrome-per-file';
import { openApp, RESULTS_DIR } from '../support/app-page';
import {
  cardKeys,
  expectHealthy,
  importRatings,
  longTasks,
  openTrainedDemo,
  popularOf,
  shot,
  TRAIN_TIMEOUT,
  waitForModel,
  watchLongTasks,
} from '../support/visitor-actions';

const browser = chromePerFile();
const baseUrl = inject('baseUrl');

const int = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

/** The "Ratings" entry of the last training result on the Model view. */
async function trainedRatings(page: Page): Promise<number> {
  return int(await page.getByTestId('train-result').locator('div').filter({ hasText: 'Ratings' }).locator('dd').textContent());
}

/** The number of factors of the model in use, from the Model view's "In use" line. */
async function factorsInUse(page: Page): Promise<number> {
  const text = (await page.getByTestId('active-model').textContent()) ?? '';
  const match = /(\d+) factors/.exec(text);
  expect(match, `"${text}" names the factors`).not.toBeNull();
  return Number(match![1]);
}

/** Exports the model in use from the Model view, as a StreamRec file or an interchange .zip; returns the file's bytes. */
async function exportModel(page: Page, as: 'srmf' | 'zip' = 'srmf'): Promise<Buffer> {
  const button = as === 'srmf' ? 'export-model' : 'export-interchange';
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(button).click()]);
  expect(download.suggestedFilename()).toMatch(as === 'srmf' ? /\.srmf$/ : /-interchange\.zip$/);
  return readFileSync((await download.path())!);
}

describe('the model on the demo data', () => {
  it('trains in the worker while the main thread never runs a task over 50 ms', async () => {
    const session = await openApp(browser(), baseUrl, '#/model');
    const { page } = session;
    await page.getByTestId('chart-training').locator('canvas').waitFor({ timeout: 60_000 });
    await watchLongTasks(page);
    // The observer must start while training runs, or the check below proves nothing.
    expect(await page.getByTestId('model-status').getAttribute('data-state'), 'training when the observer started').toBe('training');
    await page.locator('[data-testid=training-live] p').filter({ hasText: 'loss' }).waitFor({ timeout: 120_000 });
    // A viewport-only screenshot: a full-page one resizes the viewport twice, which re-lays out the
    // page and redraws the charts — the test's work, not the app's.
    await page.screenshot({ path: `${RESULTS_DIR}/app-model-training-1280.png` });
    await waitForModel(page);
    await page.waitForTimeout(1000);
    // 50 ms: the longest task that still lets the page answer input at once (RAIL's response budget).
    const blocking = (await longTasks(page)).filter((t) => t.duration > 50);
    expect(blocking, 'main-thread tasks over 50 ms while the worker trained').toEqual([]);
    expectHealthy(session);
    await session.context.close();
  });

  it("a warm retrain trains on the dataset's ratings plus the visitor's ten and refreshes the list", async () => {
    const session = await openTrainedDemo(browser(), baseUrl);
    const { page } = session;
    const datasetRatings = int(await page.getByTestId('count-ratings').textContent());
    await importRatings(page, await popularOf(page, 'Horror', 10), 5);
    await page.getByTestId('nav-for-you').click();
    await page.locator('[data-testid=rec-list][data-personalised=true][aria-busy=false]').waitFor();
    const receivedBefore = Number(await page.getByTestId('rec-list').getAttribute('data-received'));
    const keysBefore = await cardKeys(page);

    await page.getByTestId('nav-model').click();
    const coldRatings = await trainedRatings(page);
    await expect.poll(() => page.getByTestId('train-warm').textContent()).toContain('with your 10 ratings');
    await page.getByTestId('train-warm').click();
    // The visitor is one more user: ten more ratings than the cold run, which saw the dataset's alone.
    await expect.poll(() => trainedRatings(page), { timeout: TRAIN_TIMEOUT }).toBe(coldRatings + 10);
    expect(coldRatings).toBeLessThanOrEqual(datasetRatings);
    await waitForModel(page);
    expect(await page.getByTestId('train-error').count()).toBe(0);

    await page.getByTestId('nav-for-you').click();
    await expect.poll(async () => Number(await page.getByTestId('rec-list').getAttribute('data-received'))).toBeGreaterThan(receivedBefore);
    await page.locator('[data-testid=rec-list][data-personalised=true][aria-busy=false]').waitFor();
    const keysAfter = await cardKeys(page);
    expect(keysAfter).toHaveLength(24);
    console.info(`after the warm retrain ${keysAfter.filter((k) => !keysBefore.includes(k)).length} of 24 recommendations changed`);
    expectHealthy(session);
    await session.context.close();
  });

  it('exports the model as a StreamRec file and imports it back with the same factors and every film', async () => {
    const session = await openTrainedDemo(browser(), baseUrl, '#/model');
    const { page } = session;
    const movies = int(await page.getByTestId('count-movies').textContent());
    const k = await factorsInUse(page);
    const exported = await exportModel(page);
    expect(exported.subarray(0, 4).toString('latin1'), 'the StreamRec model magic').toBe('SRMF');
    await page.getByTestId('import-model').setInputFiles({ name: 'model.srmf', mimeType: 'application/octet-stream', buffer: exported });
    await expect.poll(() => page.getByTestId('import-result').textContent()).toMatch(new RegExp(`Imported a StreamRec model with ${k} factors:\\s+${movies.toLocaleString('en-US')} films matched\\.`));
    expect(await factorsInUse(page)).toBe(k);
    await page.getByTestId('nav-for-you').click();
    await page.locator('[data-testid=rec-list][aria-busy=false]').waitFor();
    expect(await page.getByTestId('rec-card').count()).toBe(24);
    expectHealthy(session);
    await session.context.close();
  });

  it('exports the model in the interchange layout and imports that .zip back', async () => {
    const session = await openTrainedDemo(browser(), baseUrl, '#/model');
    const { page } = session;
    const movies = int(await page.getByTestId('count-movies').textContent());
    const k = await factorsInUse(page);
    const zipped = await exportModel(page, 'zip');
    expect(zipped.subarray(0, 2).toString('latin1'), 'a zip archive').toBe('PK');
    await page.getByTestId('import-model').setInputFiles({ name: 'model.zip', mimeType: 'application/zip', buffer: zipped });
    await expect.poll(() => page.getByTestId('import-result').textContent()).toMatch(new RegExp(`Imported an interchange model with ${k} factors:\\s+${movies.toLocaleString('en-US')} films matched\\.`));
    expectHealthy(session);
    await session.context.close();
  });

  it('refuses a corrupt model file and keeps the model in use', async () => {
    const session = await openTrainedDemo(browser(), baseUrl, '#/model');
    const { page } = session;
    const inUse = await page.getByTestId('active-model').textContent();
    const exported = await exportModel(page);
    const corrupt = Buffer.concat([exported.subarray(0, 64), Buffer.from('not the rest of a model')]);
    await page.getByTestId('import-model').setInputFiles({ name: 'corrupt.srmf', mimeType: 'application/octet-stream', buffer: corrupt });
    await expect.poll(() => page.getByTestId('import-error').textContent()).toMatch(/Import failed, nothing changed: \w/);
    await shot(session, 'app-model-import-error-1280');
    expect(await page.getByTestId('active-model').textContent()).toBe(inUse);
    expect(await page.getByTestId('model-status').getAttribute('data-state')).toBe('ready');
    await page.getByTestId('nav-for-you').click();
    await page.locator('[data-testid=rec-list][aria-busy=false]').waitFor();
    expect(await page.getByTestId('rec-card').count()).toBe(24);
    expectHealthy(session);
    await session.context.close();
  });

  it('after a reload, the ratings come back and the cached model serves the same list without training', async () => {
    const session = await openTrainedDemo(browser(), baseUrl);
    const { page } = session;
    await importRatings(page, await popularOf(page, 'Horror', 10), 5);
    await page.getByTestId('nav-for-you').click();
    await page.locator('[data-testid=rec-list][data-personalised=true][aria-busy=false]').waitFor();
    const keys = await cardKeys(page);
    expect(keys).toHaveLength(24);

    await page.reload();
    await page.locator('[data-testid=rec-list][data-personalised=true]').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('model-status').textContent()).toContain('10 ratings from you');
    // Same ratings, same cached model: the same list.
    await expect.poll(() => cardKeys(page)).toEqual(keys);
    await page.getByTestId('nav-model').click();
    await expect.poll(() => page.getByTestId('active-model').count()).toBe(1);
    await page.waitForTimeout(500);
    expect(await page.getByTestId('model-status').getAttribute('data-state'), 'no training after a reload').toBe('ready');
    expect(await page.getByTestId('training-live').count(), 'no training curve after a reload').toBe(0);
    await page.getByTestId('nav-rate').click();
    await expect.poll(() => page.getByTestId('my-rating').count()).toBe(10);
    expectHealthy(session);
    await session.context.close();
  });
});
