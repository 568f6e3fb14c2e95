// Serves the built app (dist/) with Vite's preview server, which adds the
// cross-origin isolation headers and the /data/ directory like the dev server.
import { preview, type PreviewServer } from 'vite';
import { REPO_ROOT } from './data-dir';

export async function serveDist(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: PreviewServer = await preview({
    root: REPO_ROOT,
    logLevel: 'warn',
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The preview server did not report its URL.');
  return { url, close: () => server.close() };
}
