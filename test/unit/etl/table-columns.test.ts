// The columnar pieces the readers write into: IdMap (int id → int), NameTable/UsedNames
// (interning, then the join's renumbering) and CSR lists.
import { describe, expect, it } from 'vitest';
import { IdMap } from '../../../src/etl/id-map';
import { ListsBuilder, pickLists } from '../../../src/etl/lists';
import { NameTable, UsedNames } from '../../../src/etl/name-table';
import { rng } from './helpers';

describe('IdMap', () => {
  it('agrees with a Map over 50,000 random ids through several growths', () => {
    const r = rng(7);
    const m = new IdMap(4);
    const ref = new Map<number, number>();
    for (let i = 0; i < 50_000; i++) {
      const id = 1 + Math.floor(r() * (r() < 0.5 ? 60_000 : 0x7ffffffe));
      m.set(id, i);
      ref.set(id, i);
    }
    expect(m.size).toBe(ref.size);
    for (const [id, v] of ref) expect(m.get(id)).toBe(v);
    for (let i = 0; i < 1000; i++) {
      const id = 1 + Math.floor(r() * 0x7ffffffe);
      expect(m.get(id)).toBe(ref.get(id) ?? -1);
    }
  });
  it('overwrites an existing id and rejects ids that are not positive int32', () => {
    const m = new IdMap();
    m.set(862, 1);
    m.set(862, 5);
    expect([m.get(862), m.size, m.has(863)]).toEqual([5, 1, false]);
    expect(() => m.set(0, 1)).toThrow(RangeError);
    expect(() => m.set(2 ** 31, 1)).toThrow(RangeError);
    expect(() => m.set(1.5, 1)).toThrow(RangeError);
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
