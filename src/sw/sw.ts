// The site's one service worker. It serves every file of one build from one
// cache (named by the build's content hash), so a visitor never runs half of one
// version and half of another; it adds the isolation and CSP headers a static host
// such as GitHub Pages cannot send; and it keeps the site working offline.
// The build (scripts/vite/streamrec-plugin.ts) fills in the precache manifest.
//
// Caching: the app shell (HTML, JS, CSS, the three tfjs wasm builds, icons,
// manifest) and the embedded demo data (~12 MB) are downloaded at install and
// verified against their SHA-256: the app opens the demo on every start, and the
// engine fetches its files even when the parsed dataset is cached in IndexedDB, so
// an offline start needs them. Bundled real datasets (data/…) are optional and
// cached on first use. Files unchanged since the previous version are copied from
// its cache instead of downloaded again.

interface PrecacheEntry {
  url: string;
  sha256: string;
  size: number;
  lazy?: true;
}

interface ServiceWorkerConfig {
  version: string;
  appVersion: string;
  csp: string;
  headers: Record<string, string>;
  entries: PrecacheEntry[];
}

const sw = self as unknown as ServiceWorkerGlobalScope;

const CONFIG = JSON.parse('__STREAMREC_SW_CONFIG__') as ServiceWorkerConfig;
const CACHE_PREFIX = 'streamrec-';
const CACHE_NAME = `${CACHE_PREFIX}${CONFIG.version}`;
/** Stored with each cached response: the SHA-256 it was verified against. */
const REVISION_HEADER = 'x-streamrec-sha256';
/** The site's root: sw.js sits there, whatever sub-path the site is served from. */
const ROOT = new URL('./', sw.location.href).href;
const INDEX_URL = new URL('index.html', ROOT).href;
/** The dataset listing may change without a new app version (dev and preview serve a live one). */
const NETWORK_FIRST = new Set([new URL('data/index.json', ROOT).href]);
const ENTRIES = new Map(CONFIG.entries.map((entry) => [new URL(entry.url, ROOT).href, entry]));
const DOWNLOADS_IN_PARALLEL = 6;

sw.addEventListener('install', (event) => {
  event.waitUntil(install());
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(activate());
});

sw.addEventListener('message', (event) => {
  const data = event.data as { type?: string } | null;
  // Sent by the page when the visitor accepts "reload to update".
  if (data?.type === 'SKIP_WAITING') void sw.skipWaiting();
  if (data?.type === 'GET_VERSION') {
    (event.source as Client | null)?.postMessage({ type: 'VERSION', version: CONFIG.version, appVersion: CONFIG.appVersion });
  }
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(ROOT)) return;
  event.respondWith(respond(event));
});

async function install(): Promise<void> {
  const cache = await caches.open(CACHE_NAME);
  const eager = CONFIG.entries.filter((entry) => !entry.lazy);
  await inParallel(eager, DOWNLOADS_IN_PARALLEL, (entry) => ensureCached(cache, entry, false));
  // Datasets an older version already downloaded stay available offline.
  await inParallel(CONFIG.entries.filter((entry) => entry.lazy), DOWNLOADS_IN_PARALLEL, (entry) => ensureCached(cache, entry, true));
  // The first version has no older one to mix with: take over at once, so the page
  // can become cross-origin isolated. Later versions wait for the visitor's consent.
  if (!sw.registration.active) await sw.skipWaiting();
}

async function activate(): Promise<void> {
  for (const name of await caches.keys()) {
    if (name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME) await caches.delete(name);
  }
  await sw.clients.claim();
}

async function ensureCached(cache: Cache, entry: PrecacheEntry, onlyFromOlderCaches: boolean): Promise<void> {
  const url = new URL(entry.url, ROOT).href;
  const current = await cache.match(url);
  if (current?.headers.get(REVISION_HEADER) === entry.sha256) return;
  const older = await matchOlderCaches(url, entry.sha256);
  if (older) return cache.put(url, older);
  if (onlyFromOlderCaches) return;
  await cache.put(url, await download(url, entry));
}

async function matchOlderCaches(url: string, sha256: string): Promise<Response | undefined> {
  for (const name of await caches.keys()) {
    if (!name.startsWith(CACHE_PREFIX) || name === CACHE_NAME) continue;
    const found = await (await caches.open(name)).match(url);
    if (found?.headers.get(REVISION_HEADER) === sha256) return found;
  }
  return undefined;
}

/**
 * Fetches a file and checks it is this version's: first revalidating the HTTP
 * cache, then bypassing it (a stale copy or a deploy in progress). A mismatch both
 * times fails the install; the browser retries on a later visit.
 */
async function download(url: string, entry: PrecacheEntry): Promise<Response> {
  for (const cacheMode of ['no-cache', 'reload'] as const) {
    const response = await fetch(url, { cache: cacheMode, credentials: 'same-origin' });
    if (!response.ok) throw new Error(`${entry.url}: HTTP ${response.status}`);
    const bytes = await response.arrayBuffer();
    if ((await sha256Hex(bytes)) === entry.sha256) return stored(bytes, response.headers.get('Content-Type'), entry.sha256);
  }
  throw new Error(`${entry.url} does not match version ${CONFIG.version}: the site is being redeployed?`);
}

function stored(bytes: ArrayBuffer, contentType: string | null, sha256: string): Response {
  return new Response(bytes, {
    headers: {
      'Content-Type': contentType ?? 'application/octet-stream',
      'Content-Length': String(bytes.byteLength),
      [REVISION_HEADER]: sha256,
    },
  });
}

async function respond(event: FetchEvent): Promise<Response> {
  const { request } = event;
  const url = new URL(request.url);
  const key = `${url.origin}${url.pathname}`;
  const cache = await caches.open(CACHE_NAME);

  if (request.mode === 'navigate') {
    // Every page of the app is index.html (views live in the hash); other files open as themselves.
    const target = ENTRIES.has(key) ? key : INDEX_URL;
    const cached = await cache.match(target);
    return withHeaders(cached ?? (await fetch(request)));
  }

  if (NETWORK_FIRST.has(key)) {
    try {
      return withHeaders(await fetchWithTimeout(request, 3000));
    } catch {
      const cached = await cache.match(key);
      if (cached) return withHeaders(cached);
      throw new Error(`${key} is unavailable offline`);
    }
  }

  const entry = ENTRIES.get(key);
  if (entry) {
    const cached = await cache.match(key);
    if (cached) return withHeaders(cached);
    // A dataset on first use (or a file the browser evicted): fetch it, and keep
    // it once its bytes are verified, without delaying the page's stream.
    const response = await fetch(key, { cache: 'no-cache', credentials: 'same-origin' });
    if (response.ok) {
      const copy = response.clone();
      event.waitUntil(
        copy.arrayBuffer().then(async (bytes) => {
          if ((await sha256Hex(bytes)) === entry.sha256) await cache.put(key, stored(bytes, copy.headers.get('Content-Type'), entry.sha256));
        }),
      );
    }
    return withHeaders(response);
  }

  // Not part of this build (a live data directory in dev/preview, generated data): pass through.
  return withHeaders(await fetch(request));
}

/** Adds what a static host cannot send: COOP/COEP/CORP (cross-origin isolation) and the CSP. */
function withHeaders(response: Response): Response {
  if (response.type === 'opaque' || response.type === 'error') return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(CONFIG.headers)) headers.set(name, value);
  headers.set('Content-Security-Policy', CONFIG.csp);
  headers.delete(REVISION_HEADER);
  const nullBody = response.status === 204 || response.status === 304;
  return new Response(nullBody ? null : response.body, { status: response.status, statusText: response.statusText, headers });
}

async function fetchWithTimeout(request: Request, ms: number): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    return await fetch(request, { signal: controller.signal, cache: 'no-cache' });
  } finally {
    clearTimeout(timer);
  }
}

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function inParallel<T>(items: T[], width: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
}
