// New movies and series arriving after the first load: the addition (itself a
// Dataset from the ETL) is merged into the current one without redoing the rest.
// Items already present (same TMDB, MovieLens or raw id) are kept as they are;
// genres, people and keywords are re-indexed by name into the base tables;
// ratings in the addition join the base users by raw id.
import { appendRatingValues, itemIndexArray, ratingValues, type Catalog, type Dataset, type RatingsCoo } from './dataset';
import { Fingerprint } from './fingerprint';

export interface AppendResult {
  dataset: Dataset;
  /** Inner indices of the items that were appended. */
  added: Int32Array;
  /** Addition items that were already in the catalogue. */
  alreadyPresent: number;
  /** Genres that could not be added (the bitset holds 32). */
  droppedGenres: string[];
}

function itemKeys(c: Catalog, i: number): string[] {
  const keys = [`raw:${c.rawIds[i]}`];
  if (c.tmdbIds[i] >= 0) keys.push(`tmdb:${c.tmdbIds[i]}`);
  if (c.imdbIds[i] >= 0) keys.push(`imdb:${c.imdbIds[i]}`);
  if (c.movieLensIds[i] >= 0) keys.push(`ml:${c.movieLensIds[i]}`);
  return keys;
}

class NameTable {
  private readonly index = new Map<string, number>();
  constructor(readonly names: string[]) {
    names.forEach((n, i) => this.index.set(n, i));
  }
  id(name: string): number {
    let at = this.index.get(name);
    if (at === undefined) {
      at = this.names.push(name) - 1;
      this.index.set(name, at);
    }
    return at;
  }
}

function concat<T extends Int16Array | Int32Array | Uint16Array | Uint32Array | Float32Array | Uint8Array>(a: T, b: ArrayLike<number>): T {
  const out = new (a.constructor as new (n: number) => T)(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Appends the CSR lists of `rows` of the addition, re-indexed through `map`. */
function appendCsr(
  offsets: Uint32Array,
  ids: Int32Array,
  addOffsets: Uint32Array,
  addIds: Int32Array,
  rows: number[],
  map: (id: number) => number,
): { offsets: Uint32Array; ids: Int32Array } {
  const extra: number[] = [];
  const newOffsets = new Uint32Array(offsets.length + rows.length);
  newOffsets.set(offsets);
  let end = offsets[offsets.length - 1];
  rows.forEach((row, j) => {
    for (let c = addOffsets[row]; c < addOffsets[row + 1]; c++) extra.push(map(addIds[c]));
    end += addOffsets[row + 1] - addOffsets[row];
    newOffsets[offsets.length + j] = end;
  });
  return { offsets: newOffsets, ids: concat(ids, extra) };
}

export function appendCatalog(base: Dataset, addition: Dataset): AppendResult {
  const b = base.catalog;
  const a = addition.catalog;
  const known = new Map<string, number>();
  for (let i = 0; i < b.size; i++) for (const k of itemKeys(b, i)) known.set(k, i);
  // Where each addition item lands: an existing index, or a new one.
  const target = new Int32Array(a.size);
  const rows: number[] = [];
  let alreadyPresent = 0;
  for (let i = 0; i < a.size; i++) {
    const existing = itemKeys(a, i).map((k) => known.get(k)).find((x) => x !== undefined);
    if (existing !== undefined) {
      target[i] = existing;
      alreadyPresent++;
    } else {
      target[i] = b.size + rows.length;
      rows.push(i);
      for (const k of itemKeys(a, i)) known.set(k, target[i]);
    }
  }
  const genreNames = [...b.genreNames];
  const droppedGenres: string[] = [];
  const genreMap = a.genreNames.map((name) => {
    let at = genreNames.indexOf(name);
    if (at < 0 && genreNames.length < 32) at = genreNames.push(name) - 1;
    if (at < 0) droppedGenres.push(name);
    return at;
  });
  const people = new NameTable([...b.people]);
  const keywords = new NameTable([...b.keywordNames]);
  const pick = <T extends ArrayLike<number>>(src: T) => rows.map((r) => src[r]);
  const genreBits = rows.map((r) => {
    let bits = 0;
    genreMap.forEach((g, ag) => {
      if (g >= 0 && a.genreBits[r] & (1 << ag)) bits |= 1 << g;
    });
    return bits >>> 0;
  });
  const cast = appendCsr(b.castOffsets, b.castIds, a.castOffsets, a.castIds, rows, (p) => people.id(a.people[p]));
  const kw = appendCsr(b.keywordOffsets, b.keywordIds, a.keywordOffsets, a.keywordIds, rows, (k) => keywords.id(a.keywordNames[k]));
  const catalog: Catalog = {
    size: b.size + rows.length,
    rawIds: concat(b.rawIds, pick(a.rawIds)),
    tmdbIds: concat(b.tmdbIds, pick(a.tmdbIds)),
    imdbIds: concat(b.imdbIds, pick(a.imdbIds)),
    movieLensIds: concat(b.movieLensIds, pick(a.movieLensIds)),
    titles: [...b.titles, ...rows.map((r) => a.titles[r])],
    years: concat(b.years, pick(a.years)),
    genreBits: concat(b.genreBits, genreBits),
    genreNames,
    voteAverage: concat(b.voteAverage, pick(a.voteAverage)),
    voteCount: concat(b.voteCount, pick(a.voteCount)),
    popularity: concat(b.popularity, pick(a.popularity)),
    adult: concat(b.adult, pick(a.adult)),
    director: concat(b.director, rows.map((r) => (a.director[r] >= 0 ? people.id(a.people[a.director[r]]) : -1))),
    castOffsets: cast.offsets,
    castIds: cast.ids,
    keywordOffsets: kw.offsets,
    keywordIds: kw.ids,
    people: people.names,
    keywordNames: keywords.names,
  };
  if (b.writerOffsets && b.writerIds) {
    const empty = new Uint32Array(a.size + 1);
    const w = appendCsr(b.writerOffsets, b.writerIds, a.writerOffsets ?? empty, a.writerIds ?? new Int32Array(0), rows, (p) => people.id(a.people[p]));
    catalog.writerOffsets = w.offsets;
    catalog.writerIds = w.ids;
  }
  const { ratings, userRawIds } = appendRatings(base, addition, target, catalog.size);
  const fp = new Fingerprint();
  fp.updateText(`${base.fingerprint}+${addition.fingerprint}`);
  const dataset: Dataset = { name: base.name, fingerprint: fp.digest(), catalog, ratings, userRawIds, scale: base.scale };
  return { dataset, added: Int32Array.from(rows, (_, j) => b.size + j), alreadyPresent, droppedGenres };
}

function appendRatings(base: Dataset, addition: Dataset, target: Int32Array, nItems: number): { ratings: RatingsCoo; userRawIds: Int32Array } {
  const add = addition.ratings;
  // Existing item indices keep fitting their array however far the catalogue grows.
  if (add.length === 0) return { ratings: base.ratings, userRawIds: base.userRawIds };
  const users = new Map<number, number>();
  base.userRawIds.forEach((raw, inner) => users.set(raw, inner));
  const extraUsers: number[] = [];
  const mapUser = (inner: number) => {
    const raw = addition.userRawIds[inner];
    let at = users.get(raw);
    if (at === undefined) {
      at = base.userRawIds.length + extraUsers.push(raw) - 1;
      users.set(raw, at);
    }
    return at;
  };
  const r = base.ratings;
  // Appended movies can take the catalogue past what Uint16 item indices hold.
  const items = itemIndexArray(r.length + add.length, nItems);
  items.set(r.items);
  for (let j = 0; j < add.length; j++) items[r.length + j] = target[add.items[j]!]!;
  const ratings: RatingsCoo = {
    length: r.length + add.length,
    users: concat(r.users, Array.from(add.users, mapUser)),
    items,
    ratings: appendRatingValues(r.ratings, ratingValues(add.ratings)),
  };
  if (r.days && add.days) ratings.days = concat(r.days, add.days);
  return { ratings, userRawIds: concat(base.userRawIds, extraUsers) };
}
