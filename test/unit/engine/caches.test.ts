// The engine's IndexedDB caches (fake-indexeddb in Node): a processed dataset
// comes back equal, under its key only; a model comes back for its dataset.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheDataset, cachedDataset, cachedModel, cacheModel } from '../../../src/engine/caches';
import { resolveSvdParams } from '../../../src/model/svd-model';
import { fixture, loadDataset } from '../etl/helpers';
import { resetDatabase } from '../store/reset-db';

afterEach(resetDatabase);

async function dataset() {
  return loadDataset([fixture('ml-movies.csv', 'movies.csv'), fixture('ml-ratings.csv', 'ratings.csv')]);
}

describe('engine caches', () => {
  it('stores a processed dataset with its report and reads it back equal', async () => {
    const { dataset: d, report } = await dataset();
    await cacheDataset('movies.csv:100|ratings.csv:200', d, report);
    const back = await cachedDataset('movies.csv:100|ratings.csv:200');
    expect(back?.report).toEqual(report);
    expect(back?.dataset.ratings).toEqual(d.ratings);
    expect(back?.dataset.catalog.titles).toEqual(d.catalog.titles);
    expect(await cachedDataset('movies.csv:101|ratings.csv:200')).toBeUndefined();
  });

  it('restores a model only for the dataset it was trained on', async () => {
    const { dataset: d } = await dataset();
    const k = 2;
    const model = {
      params: resolveSvdParams({ nFactors: k }), nUsers: d.userRawIds.length, nItems: d.catalog.size, k, globalMean: 3.5,
      userBias: new Float32Array(d.userRawIds.length), itemBias: new Float32Array(d.catalog.size),
      userFactors: new Float32Array(d.userRawIds.length * k).fill(0.25), itemFactors: new Float32Array(d.catalog.size * k).fill(0.5), scale: [0.5, 5] as [number, number],
    };
    await cacheModel(d, model);
    expect((await cachedModel(d))?.itemFactors).toEqual(model.itemFactors);
    expect(await cachedModel({ ...d, fingerprint: 'another' })).toBeUndefined();
  });
});
