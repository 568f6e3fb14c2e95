// One Chromium per e2e test file: launched before its tests, closed after them.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChrome } from './browser';

/** Registers the file's hooks; the returned getter gives the running browser inside tests. */
export function chromePerFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChrome();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not running: chromePerFile() must be called at the top of a test file.');
    return browser;
  };
}
