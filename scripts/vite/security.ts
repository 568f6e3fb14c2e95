// The site's security and isolation policy, in one place: the build writes the
// CSP into index.html as a <meta> (GitHub Pages cannot send headers) and into
// the service worker, which sends it, with COOP/COEP/CORP, on every response.
//
// Why each source is there:
// - script-src 'wasm-unsafe-eval': compiling the tfjs wasm binaries; nothing uses eval.
// - script-src blob: / worker-src blob:: the threaded wasm build starts its pthread
//   workers from a blob: URL and they importScripts() a blob: copy of the factory
//   (without blob: in script-src the wasm backend never finishes initialising).
// - style-src 'self' only: Vite extracts component CSS to files; Svelte's style:
//   directives and uPlot write element.style (CSSOM), which CSP does not govern.
// - img-src data:: inline SVG data URIs in CSS.
export const CSP_DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'", 'blob:'],
  'worker-src': ["'self'", 'blob:'],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');

/** Cross-origin isolation: SharedArrayBuffer, hence the threaded wasm build. */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

/**
 * Refusing to be framed by other origins (clickjacking). frame-ancestors works only as a
 * header (a <meta> CSP ignores it), so it goes where headers can be sent: the service worker
 * on every response it serves, and the dev and preview servers. A static host that cannot
 * send headers leaves the very first visit (before the service worker runs) frameable.
 */
export const FRAME_ANCESTORS = "frame-ancestors 'none'";
export const FRAMING_HEADERS = { 'X-Frame-Options': 'DENY' } as const;

/** The CSP as a header: the <meta> policy plus frame-ancestors. */
export const HEADER_CONTENT_SECURITY_POLICY = `${CONTENT_SECURITY_POLICY}; ${FRAME_ANCESTORS}`;

/**
 * Headers the dev and preview servers send: isolation, and framing refused. Their CSP carries
 * frame-ancestors only (the full policy is in the page's <meta>; dev needs Vite's inline client).
 */
export const SERVER_HEADERS = { ...ISOLATION_HEADERS, ...FRAMING_HEADERS, 'Content-Security-Policy': FRAME_ANCESTORS } as const;
