// A plain static file server, like GitHub Pages minus its caching headers: it
// serves a folder under a sub-path (e.g. /streamrec/) and sends no COOP, COEP,
// CSP or other special header, so whatever the site needs beyond files it must
// do itself (the service worker). The folder can be swapped to "deploy" a new build.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

export interface StaticServer {
  /** The site's URL, ending with the sub-path and a slash. */
  url: string;
  /** Serves another folder from now on (a new deploy). */
  setRoot: (dir: string) => void;
  /** Takes the server "off the network": connections are dropped unanswered (still logged). */
  setDown: (down: boolean) => void;
  /** Every path requested, in order. */
  requested: string[];
  close: () => Promise<void>;
}

export async function serveStatic(dir: string, subPath = '/streamrec/'): Promise<StaticServer> {
  let root = resolve(dir);
  const requested: string[] = [];
  let down = false;
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    requested.push(path);
    if (down) {
      req.socket.destroy();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (path === subPath.slice(0, -1)) {
      res.writeHead(301, { Location: subPath }).end();
      return;
    }
    if (!path.startsWith(subPath)) {
      res.writeHead(404).end('Not found');
      return;
    }
    let file = resolve(root, `.${path.slice(subPath.length - 1)}`);
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(404).end('Not found');
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = resolve(file, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': String(statSync(file).size),
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${subPath}`,
    setRoot: (next) => {
      root = resolve(next);
    },
    setDown: (value) => {
      down = value;
      server.closeIdleConnections();
    },
    requested,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
