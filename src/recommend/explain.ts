// Why an item is recommended. The fold-in solution is linear in the visitor's
// ratings: b + p·q_i = z_iᵀ A⁻¹ Σ_j z_j y_j = Σ_j y_j (A⁻¹ z_i)·z_j, with
// y_j = r_j − μ − b_j. So each rated movie's share of the score is exact, not a
// heuristic; the largest positive shares are "because you rated …". Shared
// genres, director and cast with the visitor's liked movies complete the text.
import type { Catalog } from '../dataset/dataset';
import type { SvdModel } from '../model/svd-model';
import { itemVector, solveWithCholesky, type VisitorProfile } from './visitor-profile';

export interface Contribution {
  /** The rated movie (inner index). */
  item: number;
  rating: number;
  /** Its share of the predicted rating, in rating points. */
  contribution: number;
}

export interface Explanation {
  item: number;
  /** Rated movies by share of the score, largest first (positive shares only, at most 3). */
  because: Contribution[];
  /** Genres of the item among the visitor's favourite genres. */
  sharedGenres: string[];
  /** The item's director, when the visitor liked another of their films. */
  director?: { name: string; likedItem: number };
  /** Cast members the visitor liked in other films. */
  cast: { name: string; likedItem: number }[];
  /** One short line, e.g. "Because you rated Heat ★★★★½ and like Crime and Thriller". */
  text: string;
}

/** A rating as stars with a half star, e.g. 4.5 → "★★★★½". */
export function stars(rating: number): string {
  const halves = Math.max(0, Math.round(rating * 2));
  return '★'.repeat(halves >> 1) + (halves & 1 ? '½' : '');
}

/** Every rated movie's exact share of item's personal score (b + p·q_i). */
export function contributions(model: SvdModel, profile: VisitorProfile, item: number): Contribution[] {
  if (profile.ratings.length === 0) return [];
  const d = profile.dim;
  const zi = itemVector(model, item, new Float64Array(d));
  const w = solveWithCholesky(profile.cholesky, zi, d);
  const zj = new Float64Array(d);
  const biased = model.params.biased;
  return profile.ratings.map(({ item: j, rating }) => {
    itemVector(model, j, zj);
    let dot = 0;
    for (let f = 0; f < d; f++) dot += w[f] * zj[f];
    const y = rating - model.globalMean - (biased ? model.itemBias[j] : 0);
    return { item: j, rating, contribution: y * dot };
  });
}

/** Genre bits the visitor likes: rated above their own mean, weighted by how much. */
export function likedGenres(catalog: Catalog, profile: VisitorProfile, top = 3): number {
  const ratings = profile.ratings;
  if (ratings.length === 0) return 0;
  const mean = ratings.reduce((s, r) => s + r.rating, 0) / ratings.length;
  const weight = new Float64Array(32);
  for (const { item, rating } of ratings) {
    const bits = catalog.genreBits[item];
    for (let g = 0; g < 32; g++) if (bits & (1 << g)) weight[g] += rating - mean + 0.25 * (rating >= mean ? 1 : 0);
  }
  const order = [...weight.keys()].filter((g) => weight[g] > 0).sort((a, b) => weight[b] - weight[a] || a - b);
  return order.slice(0, top).reduce((m, g) => m | (1 << g), 0);
}

export function explainItem(model: SvdModel, catalog: Catalog, profile: VisitorProfile, item: number): Explanation {
  const because = contributions(model, profile, item)
    .filter((c) => c.contribution > 0.005 && c.item !== item)
    .sort((a, b) => b.contribution - a.contribution || a.item - b.item)
    .slice(0, 3);
  const liked = likedGenres(catalog, profile);
  const sharedBits = catalog.genreBits[item] & liked;
  const sharedGenres = catalog.genreNames.filter((_, g) => sharedBits & (1 << g));
  const mean = profile.ratings.length ? profile.ratings.reduce((s, r) => s + r.rating, 0) / profile.ratings.length : 0;
  const likedItems = profile.ratings.filter((r) => r.rating >= Math.max(mean, 3.5) && r.item !== item).map((r) => r.item);
  const director = sharedDirector(catalog, item, likedItems);
  const cast = sharedCast(catalog, item, likedItems).slice(0, 2);
  return { item, because, sharedGenres, director, cast, text: sentence(catalog, because, sharedGenres, director, cast) };
}

function sharedDirector(catalog: Catalog, item: number, liked: number[]): Explanation['director'] {
  const d = catalog.director[item];
  if (d < 0) return undefined;
  const other = liked.find((j) => catalog.director[j] === d);
  return other === undefined ? undefined : { name: catalog.people[d], likedItem: other };
}

function sharedCast(catalog: Catalog, item: number, liked: number[]): Explanation['cast'] {
  const mine = new Set(catalog.castIds.subarray(catalog.castOffsets[item], catalog.castOffsets[item + 1]));
  const out: Explanation['cast'] = [];
  const seen = new Set<number>();
  for (const j of liked) {
    for (let c = catalog.castOffsets[j]; c < catalog.castOffsets[j + 1]; c++) {
      const person = catalog.castIds[c];
      if (mine.has(person) && !seen.has(person)) {
        seen.add(person);
        out.push({ name: catalog.people[person], likedItem: j });
      }
    }
  }
  return out;
}

function listText(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function sentence(catalog: Catalog, because: Contribution[], genres: string[], director: Explanation['director'], cast: Explanation['cast']): string {
  if (!genres.length && director && because.length && director.likedItem === because[0].item) {
    return `Because you rated ${catalog.titles[because[0].item]} ${stars(because[0].rating)}, also directed by ${director.name}`;
  }
  const clauses: string[] = [];
  if (because.length) clauses.push(`rated ${catalog.titles[because[0].item]} ${stars(because[0].rating)}`);
  if (genres.length) clauses.push(`like ${listText(genres.slice(0, 2).map((g) => g.toLowerCase()))} films`);
  else if (director) clauses.push(`liked ${catalog.titles[director.likedItem]}, also directed by ${director.name}`);
  else if (cast.length) clauses.push(`liked ${cast[0].name} in ${catalog.titles[cast[0].likedItem]}`);
  if (clauses.length === 0) return 'Popular with people whose ratings resemble yours';
  return `Because you ${clauses.join(' and ')}`;
}
