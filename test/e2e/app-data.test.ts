// The Data view of the built app on the demo data, one behaviour per test, each from a fresh
// browser context: the ETL report of the demo's files with its charts, and films appended to
// the catalogue counted, marked "new" and recommended from their content.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { chromePerFile } from '../support/chrome-per-file';
import { openApp } from '../support/app-page';
import { REPO_ROOT } from '../support/data-dir';
import { expectHealthy, importRatings, openTrainedDemo, popularOf, shot } from '../support/visitor-actions';

const browser = chromePerFile();
const baseUrl = inject('baseUrl');

/** The files scripts/generate-demo-data.mjs writes and the app loads (demo.json is its manifest, not data). */
const DEMO_FILES = ['credits.csv', 'keywords.csv', 'links.csv', 'movies_metadata.csv', 'ratings.csv'];

/** A movies_metadata.csv in The Movies Dataset's schema (the demo's header) with two new documentaries. */
function newMoviesCsv(): { path: string; keys: string[] } {
  const demo = readFileSync(resolve(REPO_ROOT, 'public/demo/movies_metadata.csv'), 'utf8');
  const header = demo.slice(0, demo.indexOf('\n'));
  const rows = [
    `False,,1000000,"[{'id': 99, 'name': 'Documentary'}]",,990001,tt9990001,en,Lighthouse Keepers of the North,"A documentary about the last lighthouse keepers.",3.5,,"[]","[{'iso_3166_1': 'US', 'name': 'United States of America'}]",2024-03-01,0.0,92.0,"[{'iso_639_1': 'en', 'name': 'English'}]",Released,,Lighthouse Keepers of the North,False,7.4,120.0`,
    `False,,2000000,"[{'id': 99, 'name': 'Documentary'}]",,990002,tt9990002,en,Salt and Glass,"A documentary about glassmakers on a salt marsh.",2.1,,"[]","[{'iso_3166_1': 'US', 'name': 'United States of America'}]",2024-09-15,0.0,88.0,"[{'iso_639_1': 'en', 'name': 'English'}]",Released,,Salt and Glass,False,7.1,80.0`,
  ];
  const dir = mkdtempSync(join(tmpdir(), 'streamrec-append-'));
  const path = join(dir, 'movies_metadata.csv');
  writeFileSync(path, `${header}\n${rows.join('\n')}\n`);
  return { path, keys: ['tmdb:990001', 'tmdb:990002'] };
}

describe('the Data view on the demo data', () => {
  it("shows the ETL report of every demo file and the catalogue's charts", async () => {
    const session = await openApp(browser(), baseUrl, '#/data');
    const { page } = session;
    await page.getByTestId('dataset-summary').waitFor({ timeout: 60_000 });
    await page.getByTestId('etl-report').waitFor();
    for (const file of DEMO_FILES) await expect.poll(() => page.getByTestId('etl-report').textContent(), { message: file }).toContain(file);
    await page.getByTestId('chart-genres').locator('canvas').waitFor({ timeout: 120_000 });
    await shot(session, 'app-data-1280');
    expectHealthy(session);
    await session.context.close();
  });

  it('counts appended films, marks them "new" and recommends them from their content', async () => {
    const session = await openTrainedDemo(browser(), baseUrl, '#/data');
    const { page } = session;
    const before = Number((await page.getByTestId('count-movies').textContent())!.replace(/\D/g, ''));
    const added = newMoviesCsv();
    await page.getByTestId('append-input').setInputFiles(added.path);
    await expect.poll(() => page.getByTestId('append-result').textContent(), { timeout: 60_000 }).toContain('Added 2 new titles');
    await expect.poll(async () => Number((await page.getByTestId('count-movies').textContent())!.replace(/\D/g, ''))).toBe(before + 2);
    await shot(session, 'app-data-appended-1280');
    await page.goto(new URL(`#/movie/${encodeURIComponent(added.keys[0]!)}`, baseUrl).href);
    await page.locator(`[data-testid=movie-view][data-key="${added.keys[0]}"]`).waitFor();
    await expect.poll(() => page.getByTestId('movie-view').locator('.new').textContent()).toBe('new');
    // A visitor's personal list (the popular list needs votes a new film lacks) scores a film that
    // nobody rated yet from its content factors (genre, keywords): among the demo's 43
    // documentaries, the top 24 hold at least one of the two, and no other film is marked new.
    await importRatings(page, await popularOf(page, 'Horror', 10), 5);
    await page.goto(new URL('#/for-you?genres=Documentary', baseUrl).href);
    await page.locator('[data-testid=rec-list][data-personalised=true][aria-busy=false]').waitFor();
    const newKeys = await page
      .locator('[data-testid=rec-card]')
      .filter({ has: page.locator('.new') })
      .evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.key ?? ''));
    console.info(`new films among the top documentaries: ${newKeys.join(', ')}`);
    expect(newKeys.length).toBeGreaterThanOrEqual(1);
    for (const key of newKeys) expect(added.keys).toContain(key);
    await shot(session, 'app-foryou-new-1280');
    expectHealthy(session);
    await session.context.close();
  });
});
