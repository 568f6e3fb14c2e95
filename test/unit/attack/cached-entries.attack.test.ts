// Issue 16, case 2: a damaged cache entry never bricks a start. A cached model with NaN factors,
// one whose fold-in is not positive definite, and a cached dataset with an item index out of range
// are each dropped with a notice; the load succeeds and the visitor's ratings are untouched.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheDataset, cachedDataset, cacheModel, sourcesKey } from '../../../src/engine/caches';
import { createEngine } from '../../../src/engine/engine';
import { sourceFromBlob } from '../../../src/etl/source';
import { resolveSvdParams, type SvdModel } from '../../../src/model/svd-model';
import { getCached } from '../../../src/store/cache-store';
import { putVisitorRating } from '../../../src/store/visitor-store';
import { resetDatabase } from '../store/reset-db';
import { datasetFiles, storeSnapshot } from './attack-kit';

const RATING = { key: 'ml:3', rating: 4.5, ratedAt: 1, title: 'Film 3', year: 1993 } as const;

async function loadedEngine() {
  const engine = createEngine();
  await engine.init({ baseUrl: 'http://127.0.0.1/', backend: 'cpu' });
  return engine;
}

function modelFor(users: number, movies: number, fill: (m: SvdModel) => void): SvdModel {
  const k = 2;
  const m: SvdModel = {
    params: resolveSvdParams({ nFactors: k }), nUsers: users, nItems: movies, k, globalMean: 3,
    userBias: new Float32Array(users), itemBias: new Float32Array(movies),
    userFactors: new Float32Array(users * k).fill(0.1), itemFactors: new Float32Array(movies * k).fill(0.2), scale: [0.5, 5],
  };
  fill(m);
  return m;
}

beforeEach(async () => {
  await resetDatabase();
  await putVisitorRating({ ...RATING });
});
afterEach(resetDatabase);

describe('damaged caches are dropped with a notice, never fatal', () => {
  it('a cached model with NaN factors (valid layout): dropped, the load succeeds untrained, ratings unchanged', async () => {
    const files = datasetFiles(40, 30);
    const engine = await loadedEngine();
    const first = await engine.load({ kind: 'files', files }, () => {});
    const ratingsBefore = await storeSnapshot('ratings');
    const { dataset } = (await cachedDataset(sourcesKey(files.map((f) => sourceFromBlob(f)), files.map((f) => `${f.name}@${f.lastModified}`))))!;
    await cacheModel(dataset, modelFor(first.summary.users, first.summary.movies, (m) => m.itemFactors.fill(NaN)));
    await engine.setVisitorRatings([{ ...RATING }]);
    const again = await engine.load({ kind: 'files', files }, () => {});
    expect(again.model).toBeNull();
    expect(again.notices).toEqual([{ code: 'cached-model-invalid', detail: 'movie factors: value NaN at index 0 is not a finite number within ±1000000' }]);
    expect(await getCached('models', dataset.fingerprint)).toBeUndefined();
    // The next start is clean: no model, no notice.
    expect((await engine.load({ kind: 'files', files }, () => {})).notices).toEqual([]);
    expect(await storeSnapshot('ratings')).toEqual(ratingsBefore);
  });

  it('a finite cached model whose fold-in is not positive definite: dropped, the load succeeds', async () => {
    const files = datasetFiles(40, 30);
    const engine = await loadedEngine();
    const first = await engine.load({ kind: 'files', files }, () => {});
    const { dataset } = (await cachedDataset(sourcesKey(files.map((f) => sourceFromBlob(f)), files.map((f) => `${f.name}@${f.lastModified}`))))!;
    // Unbiased, no regularisation, every item factor 1e6 (in bounds): the normal equations are
    // rank one, 1e12·[[1,1],[1,1]], and the fold-in's 1e-9 ridge vanishes in their rounding.
    await cacheModel(dataset, modelFor(first.summary.users, first.summary.movies, (m) => {
      m.params = resolveSvdParams({ nFactors: 2, regAll: 0, biased: false });
      m.globalMean = 0;
      m.itemFactors.fill(1e6);
    }));
    await engine.setVisitorRatings([{ ...RATING }]);
    const again = await engine.load({ kind: 'files', files }, () => {});
    expect(again.model).toBeNull();
    expect(again.notices).toEqual([{ code: 'cached-model-invalid', detail: "the visitor's fold-in failed (fold-in normal equations are not positive definite)" }]);
    expect(await getCached('models', dataset.fingerprint)).toBeUndefined();
    await expect(engine.exportModel()).rejects.toThrow(/No model is trained yet/);
  });

  it('a cached dataset with item index 65535 in ratings.items: dropped, the files are read again, training works', async () => {
    const files = datasetFiles(40, 30);
    const key = sourcesKey(files.map((f) => sourceFromBlob(f)), files.map((f) => `${f.name}@${f.lastModified}`));
    const engine = await loadedEngine();
    await engine.load({ kind: 'files', files }, () => {});
    const ratingsBefore = await storeSnapshot('ratings');
    const { dataset, report } = (await cachedDataset(key))!;
    dataset.ratings.items[5] = 65535;
    await cacheDataset(key, dataset, report);
    const again = await engine.load({ kind: 'files', files }, () => {});
    expect(again.fromCache).toBe(false);
    expect(again.notices).toEqual([{ code: 'cached-dataset-invalid', detail: 'rating 5 has movie 65535 outside 0..29' }]);
    const trained = await engine.train({ params: { nFactors: 2, nEpochs: 2 }, holdout: 0 }, () => {});
    expect(trained.ratings).toBe(40 * 25);
    // Rebuilt: the next load is from the cache again, without a notice.
    const third = await engine.load({ kind: 'files', files }, () => {});
    expect([third.fromCache, third.notices]).toEqual([true, []]);
    expect(await storeSnapshot('ratings')).toEqual(ratingsBefore);
  });

  it('a cached dataset whose bytes are garbage: dropped with the reason, not a silent miss', async () => {
    const files = datasetFiles(40, 30);
    const key = sourcesKey(files.map((f) => sourceFromBlob(f)), files.map((f) => `${f.name}@${f.lastModified}`));
    const engine = await loadedEngine();
    await engine.load({ kind: 'files', files }, () => {});
    const { putCached } = await import('../../../src/store/cache-store');
    await putCached('datasets', `${key}#part0`, new Uint8Array(64).fill(7));
    const again = await engine.load({ kind: 'files', files }, () => {});
    expect(again.notices).toEqual([{ code: 'cached-dataset-invalid', detail: 'not a StreamRec dataset' }]);
    expect(again.summary.users).toBe(40);
    expect(await getCached('datasets', `${key}#part0`)).not.toEqual(new Uint8Array(64).fill(7));
  });
});
