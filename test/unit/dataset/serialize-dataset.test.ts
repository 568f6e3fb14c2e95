import { describe, expect, it } from 'vitest';
import { DatasetFormatError, DatasetReader, deserializeDataset, serializeDataset, serializedParts } from '../../../src/dataset/serialize-dataset';
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

  it('writes the same bytes in parts of any size, made one at a time', async () => {
    const dataset = await kaggleFixture();
    const whole = serializeDataset(dataset);
    for (const size of [1, 7, 12, 13, 100, 4096, whole.length - 1, whole.length, whole.length + 5]) {
      const { length, parts } = serializedParts(dataset, size);
      const list = [...parts];
      expect(length).toBe(whole.length);
      expect(list.every((p) => p.length <= size && p.length > 0), `size ${size}`).toBe(true);
      // Each part owns its buffer: IndexedDB clones a view's whole buffer.
      expect(list.every((p) => p.byteOffset === 0 && p.buffer.byteLength === p.length)).toBe(true);
      const joined = new Uint8Array(length);
      let at = 0;
      for (const p of list) { joined.set(p, at); at += p.length; }
      expect(joined).toEqual(whole);
    }
  });

  it('reads parts split anywhere (inside the header, inside an array) into the same dataset', async () => {
    const dataset = await kaggleFixture();
    const whole = serializeDataset(dataset);
    const expected = deserializeDataset(whole);
    for (const size of [5, 11, 333, 10_000]) {
      const reader = new DatasetReader();
      for (let at = 0; at < whole.length; at += size) reader.push(whole.slice(at, at + size));
      expect(reader.finish()).toEqual(expected);
    }
    const short = new DatasetReader();
    short.push(whole.slice(0, whole.length - 3));
    expect(() => short.finish()).toThrow(/truncated in/);
    const headerOnly = new DatasetReader();
    headerOnly.push(whole.slice(0, 20));
    expect(() => headerOnly.finish()).toThrow(/truncated/);
  });
});
