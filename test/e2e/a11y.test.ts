// Automated accessibility check with axe-core on every view of the built app
// (For you, Rate with onboarding and search results, Movie, Data with the ETL
// report and charts, Model with a trained model and an evaluation table,
// Settings), at desktop and phone widths, in the light and the dark theme.
// Serious and critical violations fail the test; the rest are printed.
// The production build carries a CSP (script-src 'self') that would block the
// injected axe script, so this test's context bypasses CSP: it is the test's
// script, not the site's, that needs the exception.
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromePerFile } from '../support/chrome-per-file';
import { RESULTS_DIR } from '../support/app-page';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

const browser = chromePerFile();
const baseUrl = inject('baseUrl');

interface AxeNode {
  target: string[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: AxeNode[];
}

async function runAxe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations as never;
  });
}

function describeViolation(v: AxeViolation): string {
  const nodes = v.nodes
    .slice(0, 4)
    .map((n) => `    ${n.target.join(' ')}\n      ${n.html.slice(0, 160)}\n      ${(n.failureSummary ?? '').replace(/\n/g, ' ').slice(0, 300)}`)
    .join('\n');
  return `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} nodes)\n${nodes}`;
}

const VIEWS: { name: string; hash: (movieKey: string) => string; ready: (page: Page) => Promise<unknown> }[] = [
  {
    name: 'for-you',
    hash: () => '#/for-you',
    ready: (page) => page.locator('[data-testid=rec-list][data-personalised=true]').waitFor(),
  },
  {
    name: 'rate',
    hash: () => '#/rate',
    ready: async (page) => {
      await page.getByTestId('onboarding').waitFor();
      await page.getByTestId('search-results').waitFor();
    },
  },
  {
    name: 'movie',
    hash: (key) => `#/movie/${encodeURIComponent(key)}`,
    ready: async (page) => {
      await page.getByTestId('movie-view').waitFor();
      await page.getByTestId('movie-predicted').waitFor();
    },
  },
  {
    name: 'data',
    hash: () => '#/data',
    ready: async (page) => {
      await page.getByTestId('etl-report').waitFor();
      await page.getByTestId('chart-genres').locator('canvas').waitFor({ timeout: 60_000 });
    },
  },
  {
    name: 'model',
    hash: () => '#/model',
    ready: async (page) => {
      await page.getByTestId('active-model').waitFor();
      await page.getByTestId('eval-ranking').waitFor();
    },
  },
  {
    name: 'settings',
    hash: () => '#/settings',
    ready: (page) => page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor(),
  },
];

describe('accessibility (axe-core)', () => {
  it('has no serious or critical violations on any view, at 1280 and 375 px, light and dark', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(new URL('#/model', baseUrl).href);
    await page.getByTestId('dataset-summary').waitFor({ timeout: 60_000 });

    // A trained model (the fast preset) and an evaluation table for the Model view.
    await page.locator('[data-testid=model-status][data-state=ready]').waitFor({ timeout: 300_000 });
    await page.getByTestId('evaluate-ranking').click();
    await page.getByTestId('eval-ranking').waitFor({ timeout: 120_000 });

    // One rating so the lists are personalised and the movie view has a prediction;
    // onboarding stays open; a search leaves results on the Rate view.
    await page.goto(new URL('#/rate', baseUrl).href);
    await page.getByTestId('onboarding').waitFor({ timeout: 60_000 });
    const first = page.getByTestId('onboarding-movie').first();
    await first.getByRole('slider').focus();
    await first.getByRole('slider').press('4');
    await page.getByTestId('search-input').fill('the');
    await page.getByTestId('search-results').waitFor();
    await page.goto(new URL('#/for-you', baseUrl).href);
    await page.locator('[data-testid=rec-list][data-personalised=true]').waitFor({ timeout: 60_000 });
    const movieKey = (await page.getByTestId('rec-card').first().getAttribute('data-key'))!;

    mkdirSync(RESULTS_DIR, { recursive: true });
    const failures: string[] = [];
    const notes: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: width > 600 ? 900 : 800 });
        for (const view of VIEWS) {
          await page.goto(new URL(view.hash(movieKey), baseUrl).href);
          await view.ready(page);
          // Let transitions and the theme's chart rebuild settle.
          await page.waitForTimeout(300);
          const violations = await runAxe(page);
          const where = `${view.name} @ ${width}px, ${scheme}`;
          const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
          const other = violations.filter((v) => !serious.includes(v));
          if (serious.length) failures.push(`${where}:\n${serious.map(describeViolation).join('\n')}`);
          // Every view in both themes, for a look (the light ones also come from the journey).
          await page.screenshot({ path: `${RESULTS_DIR}/a11y-${view.name}-${width}-${scheme}.png` });
          if (other.length) notes.push(`${where}:\n${other.map(describeViolation).join('\n')}`);
        }
      }
    }
    if (notes.length) console.info(`axe, minor and moderate:\n${notes.join('\n')}`);
    if (failures.length) console.error(`axe, serious and critical:\n${failures.join('\n')}`);
    expect(failures, 'serious or critical axe violations').toEqual([]);
    await context.close();
  }, 240_000);
});
