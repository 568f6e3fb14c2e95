import { describe, expect, it } from 'vitest';
import { kFold, trainTestSplit } from '../../../src/eval/split';

const n = 103;
const coo = { length: n, users: Int32Array.from({ length: n }, (_, j) => j % 7), items: Int32Array.from({ length: n }, (_, j) => j), ratings: Float32Array.from({ length: n }, (_, j) => 1 + (j % 5)) };

describe('splits', () => {
  it('trainTestSplit partitions the ratings, sized as Surprise (ceil of the fraction), reproducibly', () => {
    const { train, test } = trainTestSplit(coo, 0.2, 1);
    expect(test.length).toBe(21);
    expect(train.length).toBe(82);
    expect(new Set([...train.items, ...test.items]).size).toBe(n);
    expect(trainTestSplit(coo, 0.2, 1).test.items).toEqual(test.items);
    expect(trainTestSplit(coo, 0.2, 2).test.items).not.toEqual(test.items);
    // rows stay aligned
    for (let j = 0; j < test.length; j++) expect(test.users[j]).toBe(test.items[j]! % 7);
  });
  it('kFold gives disjoint test folds covering every rating once; first length % k folds one larger', () => {
    const folds = kFold(coo, 5, 0);
    expect(folds.map((f) => f.test.length)).toEqual([21, 21, 21, 20, 20]);
    const seen = folds.flatMap((f) => [...f.test.items]);
    expect(new Set(seen).size).toBe(n);
    for (const f of folds) {
      expect(f.train.length + f.test.length).toBe(n);
      const testSet = new Set(f.test.items);
      expect([...f.train.items].some((i) => testSet.has(i))).toBe(false);
    }
  });
  it('rejects impossible fold counts', () => {
    expect(() => kFold(coo, 1)).toThrow(RangeError);
  });
});
