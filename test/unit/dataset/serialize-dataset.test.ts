import { describe, expect, it } from 'vitest';
import { DatasetFormatError, deserializeDataset, serializeDataset } from '../../../src/dataset/serialize-dataset';
import { fixture, loadDataset } from '../etl/helpers';

async function kaggleFixture() {
  const { dataset } = await loadDataset([
    fixture('movies_metadata.csv'),
    fixture('credits.csv'),
    fixture('keywords.csv'),
    fixture('ml-ratings.csv', 'ratings.csv'),
    fixture('ml-links.csv', 'links.csv'),
  ]);
  return dataset;
}

describe('serializeDataset', () => {
  it('round-trips every array and table exactly', async () => {
    const dataset = await kaggleFixture();
    const back = deserializeDataset(serializeDataset(dataset));
    expect(back.name).toBe(dataset.name);
    expect(back.fingerprint).toBe(dataset.fingerprint);
    expect(back.scale).toEqual(dataset.scale);
    expect(back.userRawIds).toEqual(dataset.userRawIds);
    expect(back.ratings).toEqual(dataset.ratings);
    for (const [key, value] of Object.entries(dataset.catalog)) {
      expect((back.catalog as unknown as Record<string, unknown>)[key], key).toEqual(value);
    }
  });

  it('rejects truncated and foreign bytes with a DatasetFormatError', async () => {
    const bytes = serializeDataset(await kaggleFixture());
    expect(() => deserializeDataset(bytes.subarray(0, bytes.length - 9))).toThrow(DatasetFormatError);
    expect(() => deserializeDataset(new TextEncoder().encode('userId,movieId,rating\n1,2,3\n'))).toThrow(/not a StreamRec dataset/);
    expect(() => deserializeDataset(new Uint8Array(4))).toThrow(/truncated/);
  });
});
