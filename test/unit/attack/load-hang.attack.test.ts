// Issue 16, case 1: a load must end — resolve or reject with a reason — whatever its streams do,
// and cancel must end it at once. The race with a training is run 50 times through the engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/engine/engine';
import { SUPERSEDED_ERROR } from '../../../src/engine/api';
import { loadDataset } from '../../../src/etl/load-dataset';
import type { DataSource } from '../../../src/etl/source';
import { resetDatabase } from '../store/reset-db';
import { datasetFiles, datasetTexts, StallingFile, timed } from './attack-kit';

const texts = datasetTexts();
const bytes = (text: string) => new TextEncoder().encode(text);

/** A source whose stream sends its bytes, then never answers; `exact` and `slice` as given. */
function stalling(name: string, text: string, extra: Partial<DataSource> = {}): DataSource {
  const data = bytes(text);
  return {
    name,
    size: data.length,
    open: () => {
      let sent = false;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent) return new Promise<void>(() => {});
          sent = true;
          controller.enqueue(data.slice());
        },
      });
    },
    ...extra,
  };
}

describe('a load never hangs on a read', () => {
  it('stops a source of exact size at its last byte: the end-of-file read that never answers is not awaited', async () => {
    const movies = stalling('movies.csv', texts.movies, { exact: true });
    const ratings = stalling('ratings.csv', texts.ratings, { exact: true });
    const { ms, value, error } = await timed(loadDataset([movies, ratings], { stallMs: 60_000 }));
    expect(error).toBeUndefined();
    expect(value?.dataset.ratings.length).toBe(120 * 25);
    expect(ms).toBeLessThan(5_000);
  });

  it('reads a stalled Blob stream on by slices', async () => {
    // Not exact (as if the size were only a hint): the stall bound fires, slices read the rest.
    const data = bytes(texts.ratings);
    const half = data.length >> 1;
    const ratings: DataSource = {
      ...stalling('ratings.csv', texts.ratings),
      open: () => {
        let sent = false;
        return new ReadableStream<Uint8Array>({
          pull(c) {
            if (sent) return new Promise<void>(() => {});
            sent = true;
            c.enqueue(data.slice(0, half));
          },
        });
      },
      slice: async (start, end) => data.slice(start, end),
    };
    const { dataset } = await loadDataset([stalling('movies.csv', texts.movies, { exact: true }), ratings], { stallMs: 200 });
    expect(dataset.ratings.length).toBe(120 * 25);
  });

  it('fails a stalled stream without slices with the reason, naming the file', async () => {
    const { error } = await timed(loadDataset([stalling('ratings.csv', texts.ratings)], { stallMs: 200 }));
    expect((error as Error).message).toMatch(/ratings\.csv: read failed: ratings\.csv: reading stalled: no bytes arrived for 0 s after \d+ bytes/);
  });

  it('ends a load stuck in a read within 100 ms of cancel', async () => {
    const controller = new AbortController();
    const pending = timed(loadDataset([stalling('ratings.csv', texts.ratings)], { signal: controller.signal, stallMs: 600_000 }));
    await new Promise((r) => setTimeout(r, 50));
    const cancelledAt = performance.now();
    controller.abort();
    const { error } = await pending;
    expect((error as Error).name).toBe('AbortError');
    expect(performance.now() - cancelledAt).toBeLessThan(100);
  });
});

describe('a load during a training, 50 times through the engine', () => {
  const engine = createEngine();
  beforeAll(async () => {
    await resetDatabase();
    await engine.init({ baseUrl: 'http://127.0.0.1/', backend: 'cpu' });
  });
  afterAll(resetDatabase);

  it('every load ends, the load wins the session, the training ends superseded or done, cancel ends a load at once', async () => {
    const base = datasetFiles(60, 40, 1);
    await engine.load({ kind: 'files', files: base }, () => {});
    // How long one training takes here, to spread the loads over it.
    const probe = await timed(engine.train({ params: { nFactors: 4, nEpochs: 40 }, holdout: 0 }, () => {}));
    expect(probe.error).toBeUndefined();
    const outcomes = { loads: 0, superseded: 0, trained: 0, cancelledLoads: 0, slowestLoadMs: 0, slowestCancelMs: 0 };
    const started = performance.now();
    for (let race = 0; race < 50; race++) {
      await engine.load({ kind: 'files', files: base }, () => {});
      const training = timed(engine.train({ params: { nFactors: 4, nEpochs: 40 }, holdout: 0 }, () => {}, { jobId: `train-${race}` }));
      await new Promise((r) => setTimeout(r, (probe.ms * race) / 50));
      // Every other race brings Files whose streams never answer their end-of-file read.
      const seed = 2 + race;
      const texts2 = datasetTexts(60 + race, 80, seed);
      const files = race % 2
        ? [new StallingFile([texts2.movies], 'movies.csv', { lastModified: seed }), new StallingFile([texts2.ratings], 'ratings.csv', { lastModified: seed })]
        : datasetFiles(60 + race, 80, seed, seed);
      const cancelThis = race % 5 === 4;
      const loading = timed(engine.load({ kind: 'files', files }, () => {}, { jobId: `load-${race}` }));
      let cancelledAt = 0;
      if (cancelThis) {
        cancelledAt = performance.now();
        engine.cancel(`load-${race}`);
      }
      const load = await loading;
      if (cancelThis) {
        outcomes.slowestCancelMs = Math.max(outcomes.slowestCancelMs, performance.now() - cancelledAt);
        expect((load.error as Error | undefined)?.name, `race ${race}`).toBe('AbortError');
        outcomes.cancelledLoads++;
      } else {
        expect(load.error, `race ${race}`).toBeUndefined();
        expect(load.value!.summary.users, `race ${race}`).toBe(60 + race);
        outcomes.loads++;
        outcomes.slowestLoadMs = Math.max(outcomes.slowestLoadMs, load.ms);
      }
      const trained = await training;
      if (trained.error) {
        expect((trained.error as Error).name, `race ${race}: ${(trained.error as Error).message}`).toBe(SUPERSEDED_ERROR);
        outcomes.superseded++;
      } else outcomes.trained++;
      // A completed load owns the session: the overlapping training never puts its model there.
      const model = await timed(engine.exportModel());
      if (!cancelThis) expect((model.error as Error | undefined)?.message, `race ${race}`).toMatch(/No model is trained yet/);
      else if (!trained.error) expect(model.error, `race ${race}`).toBeUndefined();
    }
    console.info(`load-during-training races: ${JSON.stringify({ ...outcomes, totalMs: Math.round(performance.now() - started), trainingMs: Math.round(probe.ms) })}`);
    expect(outcomes.loads + outcomes.cancelledLoads).toBe(50);
    expect(outcomes.slowestCancelMs).toBeLessThan(200);
    expect(outcomes.superseded + outcomes.trained).toBe(50);
    // Both orders happened: loads finished inside trainings (superseded) and after them.
    expect(outcomes.superseded).toBeGreaterThan(0);
    expect(outcomes.trained).toBeGreaterThan(0);
  });
});
