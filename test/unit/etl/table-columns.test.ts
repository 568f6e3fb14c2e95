// The columnar pieces the readers write into: IdSet (duplicate ids), SortedIds (id → row of a
// finished table), NameTable/UsedNames (interning, then the join's renumbering) and CSR lists.
import { describe, expect, it } from 'vitest';
import { IdSet } from '../../../src/etl/id-set';
import { ListsBuilder, pickLists } from '../../../src/etl/lists';
import { NameTable, UsedNames } from '../../../src/etl/name-table';
import { SortedIds } from '../../../src/etl/sorted-ids';
import { rng } from './helpers';

describe('IdSet', () => {
  it('agrees with a Set over small ids (bitmap) and large ones', () => {
    const r = rng(7);
    const set = new IdSet();
    const ref = new Set<number>();
    for (let i = 0; i < 20_000; i++) {
      const id = 1 + Math.floor(r() * (r() < 0.8 ? 500_000 : 0x7ffffffe));
      if (r() < 0.5) {
        set.add(id);
        ref.add(id);
      }
      expect(set.has(id)).toBe(ref.has(id));
    }
    expect([set.has(0), set.has(2 ** 31 - 1)]).toEqual([ref.has(0), ref.has(2 ** 31 - 1)]);
  });
});

describe('SortedIds', () => {
  it('finds the first row of each id, -1 for absent ids', () => {
    const ids = Int32Array.from([862, 15, 862, 2 ** 31 - 1, 1, 15]);
    const s = new SortedIds(ids);
    expect([862, 15, 2 ** 31 - 1, 1, 2, 0, 900].map((id) => s.get(id))).toEqual([0, 1, 3, 4, -1, -1, -1]);
    expect(s.size).toBe(6);
    expect(new SortedIds(new Int32Array(0)).get(1)).toBe(-1);
  });
  it('agrees with a first-occurrence Map on 30,000 random ids', () => {
    const r = rng(3);
    const ids = Int32Array.from({ length: 30_000 }, () => 1 + Math.floor(r() * 40_000));
    const first = new Map<number, number>();
    ids.forEach((id, row) => first.has(id) || first.set(id, row));
    const s = new SortedIds(ids);
    for (let id = 0; id <= 40_001; id++) expect(s.get(id)).toBe(first.get(id) ?? -1);
  });
});

describe('NameTable and UsedNames', () => {
  it('interns in first-seen order; a slice of a larger string finds the same entry', () => {
    const t = new NameTable();
    const source = `[{'name': 'Tom Hanks the Younger'}]${'x'.repeat(1000)}`;
    const slice = source.slice(11, 32);
    expect([t.id(slice), t.id('Tim Allen'), t.id('Tom Hanks the Younger')]).toEqual([0, 1, 0]);
    expect(t.names).toEqual(['Tom Hanks the Younger', 'Tim Allen']);
  });
  it('renumbers the used entries of a table by first use', () => {
    const used = new UsedNames(['a', 'b', 'c', 'd']);
    expect([2, 0, 2, 3].map((k) => used.id(k))).toEqual([0, 1, 0, 2]);
    expect(used.names).toEqual(['c', 'a', 'd']);
  });
});

describe('CSR lists', () => {
  it('builds rows, checks the current row only, and picks rows per target with renumbered items', () => {
    const b = new ListsBuilder();
    for (const row of [[5, 6], [], [7, 5, 8]]) {
      for (const v of row) b.push(v);
      expect(b.rowIncludes(6)).toBe(row.includes(6));
      expect(b.rowLength).toBe(row.length);
      b.endRow();
    }
    const lists = b.finish();
    expect([Array.from(lists.offsets), Array.from(lists.items)]).toEqual([[0, 2, 2, 5], [5, 6, 7, 5, 8]]);
    const picked = pickLists(lists, Int32Array.from([2, -1, 0, 2]), { id: (k) => k * 10 });
    expect([Array.from(picked.offsets), Array.from(picked.items)]).toEqual([[0, 3, 3, 5, 8], [70, 50, 80, 50, 60, 70, 50, 80]]);
  });
});
