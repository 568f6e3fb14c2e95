import { describe, expect, it } from 'vitest';
import { Fingerprint } from '../../../src/dataset/fingerprint';
import { distinctSorted, IdIndex } from '../../../src/dataset/id-index';
import { loadDataset, sourceFromText } from '../etl/helpers';

const fp = (chunks: Uint8Array[]) => {
  const f = new Fingerprint();
  for (const c of chunks) f.update(c);
  return f.digest();
};

describe('Fingerprint', () => {
  const bytes = new TextEncoder().encode('userId,movieId,rating,timestamp\n1,2,3,4\n');
  it('does not depend on how the bytes are chunked', () => {
    const whole = fp([bytes]);
    for (const cut of [1, 2, 3, 5, 7, 13]) expect(fp([bytes.subarray(0, cut), bytes.subarray(cut, cut + 3), bytes.subarray(cut + 3)])).toBe(whole);
  });
  it('changes when one byte changes', () => {
    const other = bytes.slice();
    other[20] ^= 1;
    expect(fp([other])).not.toBe(fp([bytes]));
  });
  it('keys the dataset on names and content', async () => {
    const a = await loadDataset([sourceFromText('ratings.csv', 'userId,movieId,rating,timestamp\n1,2,3,4\n')]);
    const b = await loadDataset([sourceFromText('ratings.csv', 'userId,movieId,rating,timestamp\n1,2,3,4\n', 3)]);
    const c = await loadDataset([sourceFromText('r.csv', 'userId,movieId,rating,timestamp\n1,2,3,4\n')]);
    expect(a.dataset.fingerprint).toBe(b.dataset.fingerprint);
    expect(a.dataset.fingerprint).not.toBe(c.dataset.fingerprint);
  });
});

describe('IdIndex and distinctSorted', () => {
  it('maps raw ids to inner indices, -1 when unknown, dense or sparse', () => {
    for (const ids of [Int32Array.of(5, 3, 9), Int32Array.of(5, 3, 2_000_000_000)]) {
      const ix = new IdIndex(ids);
      expect([ix.get(5), ix.get(3), ix.get(ids[2]!), ix.get(4)]).toEqual([0, 1, 2, -1]);
    }
  });
  it('returns sorted distinct values', () => {
    expect(Array.from(distinctSorted(Int32Array.of(5, 3, 5, 1)))).toEqual([1, 3, 5]);
    expect(Array.from(distinctSorted(Int32Array.of(-5, 3, -5)))).toEqual([-5, 3]);
  });
});

describe('dataset fingerprint through the ETL', () => {
  it('depends on names and bytes, not on the size a transport reports', async () => {
    const text = 'userId,movieId,rating,timestamp\n1,1,4,1\n2,1,3,2\n';
    const reported = sourceFromText('ratings.csv', text);
    const unknown = { ...sourceFromText('ratings.csv', text), size: -1 };
    const a = await loadDataset([reported]);
    const b = await loadDataset([unknown]);
    expect(b.dataset.fingerprint).toBe(a.dataset.fingerprint);
    const c = await loadDataset([sourceFromText('ratings.csv', text.replace('4,1', '5,1'))]);
    expect(c.dataset.fingerprint).not.toBe(a.dataset.fingerprint);
  });
});
