// Finds and launches the system's Chromium for e2e tests and benchmarks.
// playwright-core drives it; no browser is ever downloaded.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const USUAL_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findChrome(): string {
  const configured = process.env.CHROME_PATH;
  if (configured) {
    if (existsSync(configured)) return configured;
    throw new Error(`CHROME_PATH is set to ${configured}, which does not exist.`);
  }
  const found = USUAL_PATHS.find((p) => existsSync(p));
  if (found) return found;
  throw new Error(
    'No Chromium or Chrome found for the browser tests. Install one (Debian/Ubuntu: `sudo apt-get install chromium`) ' +
      'or set CHROME_PATH to its executable.',
  );
}

export const CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Lets a hidden, unfocused headless tab keep full timer and worker speed.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  // A WebGPU adapter headless (SwiftShader's fallback adapter): the WebGPU path is tested,
  // and the app's screening of software adapters is exercised on every run.
  '--enable-unsafe-webgpu',
];

export function launchChrome(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: findChrome(), headless: true, args: [...CHROME_FLAGS, ...extraArgs] });
}
