import { describe, expect, it } from 'vitest';
import { appendCatalog } from '../../../src/dataset/append-catalog';
import type { Dataset } from '../../../src/dataset/dataset';
import { tinyCatalog } from '../recommend/tiny-catalog';

function dataset(catalog: ReturnType<typeof tinyCatalog>, ratings: [number, number, number][] = [], users: number[] = []): Dataset {
  return {
    name: 'tiny',
    fingerprint: `fp${catalog.size}`,
    catalog,
    ratings: {
      length: ratings.length,
      users: Int32Array.from(ratings, (r) => r[0]),
      items: Int32Array.from(ratings, (r) => r[1]),
      ratings: Float32Array.from(ratings, (r) => r[2]),
    },
    userRawIds: Int32Array.from(users),
    scale: [0.5, 5],
  };
}

const base = dataset(
  tinyCatalog([
    { title: 'Heat', genres: ['Crime'], director: 'Michael Mann', cast: ['Al Pacino'], keywords: ['heist'] },
    { title: 'Up', genres: ['Animation'], director: 'Pete Docter' },
  ]),
  [[0, 0, 4.5], [1, 1, 3]],
  [10, 20],
);

describe('appendCatalog', () => {
  it('appends new items with genres, people and keywords re-indexed by name', () => {
    const addition = dataset(
      tinyCatalog([
        { title: 'Collateral', genres: ['Thriller', 'Crime'], director: 'Michael Mann', cast: ['Tom Cruise'], keywords: ['heist', 'taxi'] },
      ]),
    );
    // Give the new film an id the base does not have.
    addition.catalog.rawIds[0] = addition.catalog.tmdbIds[0] = addition.catalog.movieLensIds[0] = 99;
    const { dataset: merged, added, alreadyPresent } = appendCatalog(base, addition);
    expect(Array.from(added)).toEqual([2]);
    expect(alreadyPresent).toBe(0);
    const c = merged.catalog;
    expect(c.size).toBe(3);
    expect(c.titles).toEqual(['Heat', 'Up', 'Collateral']);
    expect(c.genreNames).toEqual(['Animation', 'Crime', 'Thriller']);
    expect(c.genreBits[2]).toBe((1 << 1) | (1 << 2));
    expect(c.genreBits[0]).toBe(1 << 1);
    expect(c.people[c.director[2]]).toBe('Michael Mann');
    expect(c.director[2]).toBe(c.director[0]);
    expect(Array.from(c.castIds.subarray(c.castOffsets[2], c.castOffsets[3]), (p) => c.people[p])).toEqual(['Tom Cruise']);
    expect(Array.from(c.keywordIds.subarray(c.keywordOffsets[2], c.keywordOffsets[3]), (k) => c.keywordNames[k])).toEqual(['heist', 'taxi']);
    expect(c.keywordIds[c.keywordOffsets[2]]).toBe(c.keywordIds[c.keywordOffsets[0]]);
    expect(merged.fingerprint).not.toBe(base.fingerprint);
  });

  it('keeps items it already has and maps the addition’s ratings onto them and onto known users', () => {
    const addition = dataset(tinyCatalog([{ title: 'Up (again)', genres: ['Animation'] }]), [[0, 0, 5]], [20]);
    addition.catalog.rawIds[0] = addition.catalog.tmdbIds[0] = addition.catalog.movieLensIds[0] = 2; // Up's ids
    const { dataset: merged, added, alreadyPresent } = appendCatalog(base, addition);
    expect(added.length).toBe(0);
    expect(alreadyPresent).toBe(1);
    expect(merged.catalog.titles).toEqual(['Heat', 'Up']);
    expect(merged.ratings.length).toBe(3);
    expect([merged.ratings.users[2], merged.ratings.items[2], merged.ratings.ratings[2]]).toEqual([1, 1, 5]);
    expect(Array.from(merged.userRawIds)).toEqual([10, 20]);
  });
});
