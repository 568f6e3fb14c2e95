// The engine API in Node on the cpu backend: the same object the worker exposes.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/engine/engine';

// A tiny site: ratings and movies in MovieLens latest format, served over HTTP
// so the engine's fetch-based sources are exercised as in the browser.
const FILES: Record<string, string> = {
  'set/movies.csv': 'movieId,title,genres\n1,Toy Story (1995),Animation|Comedy\n2,Heat (1995),Action|Crime\n',
  'set/ratings.csv': 'userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,2,5.0,964982224\n2,1,3.5,964982931\n',
};

let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const body = FILES[(req.url ?? '').slice(1)];
    if (body === undefined) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('Content-Length', Buffer.byteLength(body));
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('engine', () => {
  it('initialises the requested cpu backend and computes correct numbers without leaking', async () => {
    const engine = createEngine();
    const info = await engine.init({ baseUrl, backend: 'cpu' });
    expect(info.backend).toBe('cpu');
    const check = await engine.checkBackend();
    expect(check.matMul).toEqual([19, 22, 43, 50]);
    expect(check.rangeSum).toBe((check.n * (check.n - 1)) / 2);
    expect(check.numTensorsAfter).toBe(check.numTensorsBefore);
  });

  it('loads files served by the site and summarises the dataset', async () => {
    const engine = createEngine();
    await engine.init({ baseUrl, backend: 'cpu' });
    const progress: string[] = [];
    const result = await engine.load(
      { kind: 'site', name: 'tiny', synthetic: false, files: [{ path: 'set/movies.csv' }, { path: 'set/ratings.csv' }] },
      (p) => progress.push(p.file),
    );
    expect(result.summary).toMatchObject({ name: 'tiny', movies: 2, users: 2, ratings: 3, synthetic: false });
    expect(progress).toContain('ratings.csv');
  });

  it('rejects a missing file, naming its path and the HTTP status', async () => {
    const engine = createEngine();
    await engine.init({ baseUrl, backend: 'cpu' });
    await expect(
      engine.load({ kind: 'site', name: 'broken', synthetic: false, files: [{ path: 'set/missing.csv' }] }, () => {}),
    ).rejects.toThrow(/set\/missing\.csv.*404/);
  });
});
