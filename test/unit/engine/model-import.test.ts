// Model files brought by the visitor: StreamRec's binary for the same dataset,
// and the interchange layout a Spark job writes, aligned by MovieLens id.
import { describe, expect, it } from 'vitest';
import { importModelFiles } from '../../../src/engine/model-import';
import { Session } from '../../../src/engine/session';
import { exportInterchange } from '../../../src/model/interchange';
import { serializeModel } from '../../../src/model/serialize-model';
import { predict, resolveSvdParams, type SvdModel } from '../../../src/model/svd-model';
import { loadDataset, sourceFromText } from '../etl/helpers';

const MOVIES = 'movieId,title,genres\n1,Toy Story (1995),Animation\n2,Heat (1995),Crime\n3,Up (2009),Animation\n';
const RATINGS = 'userId,movieId,rating,timestamp\n7,1,4,1\n7,2,5,2\n8,3,3,3\n';

async function session(): Promise<Session> {
  const { dataset } = await loadDataset([sourceFromText('movies.csv', MOVIES), sourceFromText('ratings.csv', RATINGS)]);
  return new Session(dataset, false);
}

function model(nUsers: number, nItems: number, k = 2): SvdModel {
  const f = (n: number, seed: number) => Float32Array.from({ length: n }, (_, i) => Math.sin(seed + i));
  return {
    params: resolveSvdParams({ nFactors: k }), nUsers, nItems, k, globalMean: 3.5,
    userBias: f(nUsers, 1), itemBias: f(nItems, 2), userFactors: f(nUsers * k, 3), itemFactors: f(nItems * k, 4), scale: [0.5, 5],
  };
}

const file = (name: string, bytes: Uint8Array) => new File([bytes as BlobPart], name);

describe('importModelFiles', () => {
  it('loads StreamRec’s own model file for the same dataset unchanged', async () => {
    const s = await session();
    const m = model(2, 3);
    const bytes = serializeModel(m, { fingerprint: s.dataset.fingerprint, userRawIds: s.dataset.userRawIds, itemRawIds: s.dataset.catalog.rawIds });
    const { model: back, summary } = await importModelFiles(s, [file('model.srmf', bytes)]);
    expect(summary).toMatchObject({ format: 'streamrec', matchedItems: 3, missingItems: 0 });
    expect(back.itemFactors).toEqual(m.itemFactors);
  });

  it('refuses a StreamRec model of another dataset, naming the file', async () => {
    const s = await session();
    const bytes = serializeModel(model(2, 5), { fingerprint: 'other', userRawIds: Int32Array.from([1, 2]), itemRawIds: Int32Array.from([1, 2, 3, 4, 5]) });
    await expect(importModelFiles(s, [file('old.srmf', bytes)])).rejects.toThrow(/old\.srmf: this model was trained on another dataset/);
  });

  it('aligns an interchange model (Spark-style, no biases) to the catalogue and users by id', async () => {
    const s = await session();
    // The Spark side knows films 3 and 1 (in that order) and 99, and users 8 and 100.
    const spark = { ...model(2, 3), userBias: new Float32Array(2), itemBias: new Float32Array(3), globalMean: 0, params: resolveSvdParams({ nFactors: 2, biased: false }) };
    const files = exportInterchange(spark, { userRawIds: Int32Array.from([8, 100]), itemRawIds: Int32Array.from([3, 1, 99]), itemIdSpace: 'movielens' });
    const { model: aligned, summary } = await importModelFiles(s, [...files].map(([name, bytes]) => file(name, bytes)));
    expect(summary).toMatchObject({ format: 'interchange', matchedItems: 2, missingItems: 1, droppedItems: 1, matchedUsers: 1 });
    const item = (ml: number) => s.itemOf(`ml:${ml}`)!;
    const user8 = [...s.dataset.userRawIds].indexOf(8);
    // User 8 × film 3 predicts as on the Spark side (row 0 × row 0); Heat (unknown there) has zero factors.
    expect(predict(aligned, user8, item(3))).toBeCloseTo(predict(spark, 0, 0), 5);
    expect(Array.from(aligned.itemFactors.subarray(item(2) * 2, item(2) * 2 + 2))).toEqual([0, 0]);
  });

  it('rejects interchange files that match no film of the dataset', async () => {
    const s = await session();
    const files = exportInterchange(model(1, 2), { userRawIds: Int32Array.from([1]), itemRawIds: Int32Array.from([500, 501]), itemIdSpace: 'movielens' });
    await expect(importModelFiles(s, [...files].map(([name, bytes]) => file(name, bytes)))).rejects.toThrow(/match none/);
  });
});
