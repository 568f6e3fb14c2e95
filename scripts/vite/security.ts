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
