// The compact ratings layout (docs/data.md, "Bytes per rating"): Uint16 item indices when the
// catalogue allows, Uint8 half-star codes with a Float32 fallback, Uint16 days. Every consumer
// must give the same numbers as with the Float32/Int32 layout, bit for bit.
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendCatalog } from '../../../src/dataset/append-catalog';
import {
  appendRatingValues, encodeRatings, halfStarCode, ratingAt, ratingStep, ratingValues, type RatingsCoo,
} from '../../../src/dataset/dataset';
import { DATASET_FORMAT_VERSION, DatasetFormatError, deserializeDataset, serializeDataset } from '../../../src/dataset/serialize-dataset';
import { explore } from '../../../src/eda/explore';
import { crossValidate } from '../../../src/eval/cross-validate';
import { rankingMetrics } from '../../../src/eval/ranking';
import { trainTestSplit } from '../../../src/eval/split';
import { mostPopular, normalPredictor, svdPredictor, trainBaselineOnly } from '../../../src/model/baselines';
import { rmseOf } from '../../../src/model/rmse-of';
import { trainSvd } from '../../../src/model/train-svd';
import { trainSvdLoop } from '../../../src/model/train-svd-loop';
import { fixture, loadDataset, sourceFromText } from '../etl/helpers';
import { useBackend } from '../model/tf-setup';
import { tinyProblem } from '../model/tiny-problem';

/** The same ratings in the compact layout. */
function compact(coo: RatingsCoo): RatingsCoo {
  return { length: coo.length, users: coo.users, items: Uint16Array.from(coo.items), ratings: encodeRatings(coo.ratings) };
}

/** A half-star variant of the tiny problem (ratings 0.5 apart), Float32/Int32 layout. */
function halfStars(): RatingsCoo {
  const coo = tinyProblem(30, 20, 0.7, 3);
  const ratings = Float32Array.from(coo.ratings, (r, j) => Math.max(0.5, r - (j % 3 === 0 ? 0.5 : 0)));
  return { ...coo, ratings };
}

describe('rating codes', () => {
  it('code a rating as 2 × value when it is a multiple of 0.5 in 0..127.5', () => {
    expect([0, 0.5, 3.5, 5, 10, 127.5].map(halfStarCode)).toEqual([0, 1, 7, 10, 20, 255]);
    expect([0.25, 3.3, -0.5, 128, NaN, Infinity].map(halfStarCode)).toEqual([-1, -1, -1, -1, -1, -1]);
  });

  it('encode to Uint8 codes when every rating has one, else keep Float32 values', () => {
    const codes = encodeRatings([4, 3.5, 0.5]);
    expect(codes).toBeInstanceOf(Uint8Array);
    expect([ratingStep(codes), ...Array.from(ratingValues(codes))]).toEqual([0.5, 4, 3.5, 0.5]);
    const floats = encodeRatings([4, 3.25]);
    expect(floats).toBeInstanceOf(Float32Array);
    expect([ratingStep(floats), ...Array.from(floats)]).toEqual([1, 4, 3.25]);
    const coo: RatingsCoo = { length: 1, users: Int32Array.of(0), items: Uint16Array.of(0), ratings: Uint8Array.of(9) };
    expect(ratingAt(coo, 0)).toBe(4.5);
  });

  it('append values to codes as codes, or widen everything to Float32 for a value without one', () => {
    const kept = appendRatingValues(Uint8Array.of(8, 7), [5, 0.5]);
    expect([kept instanceof Uint8Array, ...Array.from(ratingValues(kept))]).toEqual([true, 4, 3.5, 5, 0.5]);
    const widened = appendRatingValues(Uint8Array.of(8, 7), [4.2]);
    expect(widened).toBeInstanceOf(Float32Array);
    expect(Array.from(widened)).toEqual([4, 3.5, Math.fround(4.2)]);
  });
});

describe('the ETL output', () => {
  it('is 9 bytes a rating for half-star MovieLens ratings: Int32 users, Uint16 items, Uint8 codes, Uint16 days, exact length', async () => {
    const { dataset, report } = await loadDataset([fixture('ml-ratings.csv', 'ratings.csv'), fixture('ml-links.csv', 'links.csv'), fixture('movies_metadata.csv')]);
    const r = dataset.ratings;
    expect(r.length).toBeGreaterThan(0);
    expect(r.users).toBeInstanceOf(Int32Array);
    expect(r.items).toBeInstanceOf(Uint16Array);
    expect(r.ratings).toBeInstanceOf(Uint8Array);
    expect(r.days).toBeInstanceOf(Uint16Array);
    for (const a of [r.users, r.items, r.ratings, r.days!]) expect([a.length, a.buffer.byteLength]).toEqual([r.length, r.length * a.BYTES_PER_ELEMENT]);
    const catalogAndIds = report.dataset.typedArrayBytes - 9 * r.length;
    expect(catalogAndIds).toBe(Object.values(dataset.catalog).reduce((n: number, v) => n + (ArrayBuffer.isView(v) ? v.byteLength : 0), 0) + dataset.userRawIds.byteLength);
  });

  it('keeps days since 1970 for the timestamps', async () => {
    const { dataset } = await loadDataset([sourceFromText('ratings.csv', 'userId,movieId,rating,timestamp\n1,10,4.0,86399\n1,20,3.5,1500000000\n')]);
    expect(Array.from(dataset.ratings.days!)).toEqual([0, 17361]);
  });

  it('falls back to Float32 ratings when one is not a multiple of 0.5, with the same values as before', async () => {
    const { dataset, report } = await loadDataset([sourceFromText('ratings.csv', 'userId,movieId,rating,timestamp\n1,10,4.0,1\n1,20,3.25,2\n2,10,0.5,3\n')]);
    expect(dataset.ratings.ratings).toBeInstanceOf(Float32Array);
    expect(Array.from(dataset.ratings.ratings)).toEqual([4, 3.25, 0.5]);
    expect(report.dataset.scale).toEqual([0.5, 4]);
  });

  it('uses Int32 item indices for a catalogue of more than 65,536 movies', async () => {
    const lines = ['userId,movieId,rating,timestamp'];
    for (let i = 1; i <= 65537; i++) lines.push(`${1 + (i % 7)},${i},${1 + (i % 5)},0`);
    const { dataset } = await loadDataset([sourceFromText('ratings.csv', lines.join('\n'))]);
    expect(dataset.catalog.size).toBe(65537);
    expect(dataset.ratings.items).toBeInstanceOf(Int32Array);
    expect(dataset.ratings.items[65536]).toBe(65536);
  });

  it('round-trips through the cache format with its array kinds; older versions are refused', async () => {
    const { dataset } = await loadDataset([fixture('ml-ratings.csv', 'ratings.csv'), fixture('ml-links.csv', 'links.csv'), fixture('movies_metadata.csv')]);
    const bytes = serializeDataset(dataset);
    const back = deserializeDataset(bytes);
    expect(back.ratings.items).toBeInstanceOf(Uint16Array);
    expect(back.ratings.ratings).toBeInstanceOf(Uint8Array);
    expect(back.ratings.days).toBeInstanceOf(Uint16Array);
    expect(back.ratings).toEqual(dataset.ratings);
    expect(DATASET_FORMAT_VERSION).toBe(3);
    const old = bytes.slice();
    new DataView(old.buffer).setUint32(4, 2, true);
    expect(() => deserializeDataset(old)).toThrow(DatasetFormatError);
  });

  it('widens item indices to Int32 when appended movies take the catalogue past 65,536', async () => {
    const lines = ['userId,movieId,rating,timestamp'];
    for (let i = 1; i <= 65536; i++) lines.push(`1,${i},4.5,0`);
    const { dataset: base } = await loadDataset([sourceFromText('ratings.csv', lines.join('\n'))]);
    expect(base.ratings.items).toBeInstanceOf(Uint16Array);
    const { dataset: addition } = await loadDataset([sourceFromText('ratings.csv', 'userId,movieId,rating,timestamp\n2,70000,3,0\n')]);
    const merged = appendCatalog(base, addition).dataset;
    expect(merged.catalog.size).toBe(65537);
    expect(merged.ratings.items).toBeInstanceOf(Int32Array);
    expect([merged.ratings.items[65536], ratingAt(merged.ratings, 65536), ratingAt(merged.ratings, 0)]).toEqual([65536, 3, 4.5]);
    expect(merged.ratings.ratings).toBeInstanceOf(Uint8Array);
  });
});

describe('every consumer gives the same numbers for both layouts', () => {
  beforeAll(() => useBackend('cpu'));
  afterAll(() => tf.disposeVariables());

  for (const [name, make] of [['whole stars', () => tinyProblem()], ['half stars', halfStars]] as const) {
    it(`trainers, baselines and metrics (${name})`, async () => {
      const plain = make();
      const small = compact(plain);
      expect(small.ratings).toBeInstanceOf(Uint8Array);
      const nUsers = Math.max(...plain.users) + 1, nItems = Math.max(...plain.items) + 1;
      const scale = [0.5, 5] as const;
      const a = trainTestSplit(plain, 0.25, 4), b = trainTestSplit(small, 0.25, 4);
      expect(b.train.ratings).toBeInstanceOf(Uint8Array);
      expect(b.test.items).toBeInstanceOf(Uint16Array);
      expect(Array.from(ratingValues(b.test.ratings))).toEqual(Array.from(a.test.ratings));

      const loopA = trainSvdLoop(a.train, nUsers, nItems, scale, { nFactors: 3, nEpochs: 4, seed: 5 });
      const loopB = trainSvdLoop(b.train, nUsers, nItems, scale, { nFactors: 3, nEpochs: 4, seed: 5 });
      expect(loopB).toEqual(loopA);
      expect(rmseOf(loopB, b.test)).toBe(rmseOf(loopA, a.test));
      for (const solver of ['als', 'sgd'] as const) {
        const params = { solver, nFactors: 3, nEpochs: 3, seed: 5, batchSize: 16 };
        const mA = await trainSvd(a.train, nUsers, nItems, scale, params, { validation: a.test });
        const mB = await trainSvd(b.train, nUsers, nItems, scale, params, { validation: b.test });
        expect(mB, solver).toEqual(mA);
        expect(rankingMetrics(svdPredictor(mB), b.train, b.test, nItems, { threshold: 3.5 })).toEqual(rankingMetrics(svdPredictor(mA), a.train, a.test, nItems, { threshold: 3.5 }));
      }
      expect(trainBaselineOnly(b.train, nUsers, nItems, scale)).toEqual(trainBaselineOnly(a.train, nUsers, nItems, scale));
      expect(normalPredictor(b.train, scale, 2).predictBatch(b.test.users, b.test.items)).toEqual(normalPredictor(a.train, scale, 2).predictBatch(a.test.users, a.test.items));
      expect(rankingMetrics(mostPopular(b.train, nItems), b.train, b.test, nItems)).toEqual(rankingMetrics(mostPopular(a.train, nItems), a.train, a.test, nItems));
      const fit = (train: RatingsCoo) => svdPredictor(trainBaselineOnly(train, nUsers, nItems, scale));
      const strip = (cv: Awaited<ReturnType<typeof crossValidate>>) => [cv.folds.map((f) => [f.rmse, f.mae, f.fcp]), cv.mean.rmse];
      expect(strip(await crossValidate(fit, small, { nFolds: 3 }))).toEqual(strip(await crossValidate(fit, plain, { nFolds: 3 })));
    });
  }

  it('exploration', async () => {
    const { dataset } = await loadDataset([fixture('ml-ratings.csv', 'ratings.csv'), fixture('ml-links.csv', 'links.csv'), fixture('movies_metadata.csv')]);
    const r = dataset.ratings;
    const wide = { ...dataset, ratings: { length: r.length, users: r.users, items: Int32Array.from(r.items), ratings: ratingValues(r.ratings) } };
    expect(explore(dataset)).toEqual(explore(wide));
  });
});
