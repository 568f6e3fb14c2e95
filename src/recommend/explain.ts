// Why an item is on the list, from the recommender that ordered it. A reason cites a
// rating only when it raised the item's ranking score (a positive contribution from
// the recommender's own `explain`) and is not below the visitor's own mean; a genre
// is named only when the visitor rated its films above their mean. When no rating
// pushed the item up, the line says so instead of crediting one.
import type { Catalog } from '../dataset/dataset';
import type { Contribution, Profile, Recommender } from './recommender';

/** Shares below this (in score units) are rounding noise, not a reason. */
const MIN_CONTRIBUTION = 0.005;

export interface Explanation {
  item: number;
  /** Ratings cited by "because you rated": positive contribution, rating ≥ the visitor's mean; largest first, at most 3. */
  because: Contribution[];
  /** Genres of the item the visitor rated above their mean. */
  sharedGenres: string[];
  /** The item's director, when a cited rating is of another of their films. */
  director?: { name: string; likedItem: number };
  /** Cast members of the item who appear in a cited film. */
  cast: { name: string; likedItem: number }[];
  /** One short line, e.g. "Because you rated Heat ★★★★½ and like crime and thriller films". */
  text: string;
}

/** A rating as stars with a half star, e.g. 4.5 → "★★★★½". */
export function stars(rating: number): string {
  const halves = Math.max(0, Math.round(rating * 2));
  return '★'.repeat(halves >> 1) + (halves & 1 ? '½' : '');
}

export function meanRating(profile: Profile): number {
  const r = profile.ratings;
  return r.length ? r.reduce((s, x) => s + x.rating, 0) / r.length : 0;
}

/** Whether a contribution may be cited: it raised the score, and the rating is not below the visitor's mean. */
export function citable(c: Contribution, mean: number): boolean {
  return c.contribution > MIN_CONTRIBUTION && c.rating >= mean;
}

/** Genre bits the visitor likes: rated above their own mean on the whole (Σ (r − mean) > 0), strongest first, at most `top`. */
export function likedGenres(catalog: Catalog, profile: Profile, top = 3): number {
  const ratings = profile.ratings;
  if (ratings.length === 0) return 0;
  const mean = meanRating(profile);
  const weight = new Float64Array(32);
  for (const { item, rating } of ratings) {
    const bits = catalog.genreBits[item];
    for (let g = 0; g < 32; g++) if (bits & (1 << g)) weight[g] += rating - mean;
  }
  const order = [...weight.keys()].filter((g) => weight[g] > 1e-9).sort((a, b) => weight[b] - weight[a] || a - b);
  return order.slice(0, top).reduce((m, g) => m | (1 << g), 0);
}

export function explainRecommendation<P extends Profile>(recommender: Recommender<P>, catalog: Catalog, profile: P, item: number): Explanation {
  const mean = meanRating(profile);
  const cited = recommender
    .explain(profile, item)
    .filter((c) => c.item !== item && citable(c, mean))
    .sort((a, b) => b.contribution - a.contribution || a.item - b.item);
  const because = cited.slice(0, 3);
  const sharedBits = catalog.genreBits[item] & likedGenres(catalog, profile);
  const sharedGenres = catalog.genreNames.filter((_, g) => sharedBits & (1 << g));
  const citedItems = cited.map((c) => c.item);
  const director = sharedDirector(catalog, item, citedItems);
  const cast = sharedCast(catalog, item, citedItems).slice(0, 2);
  return { item, because, sharedGenres, director, cast, text: sentence(catalog, because, sharedGenres, director, cast) };
}

/** Every rated item a reason names (by rating, director or cast). */
export function citedItems(e: Explanation): number[] {
  const out = new Set(e.because.map((c) => c.item));
  if (e.director) out.add(e.director.likedItem);
  for (const c of e.cast) out.add(c.likedItem);
  return [...out];
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
  const genreText = listText(genres.slice(0, 2).map((g) => g.toLowerCase()));
  if (!genres.length && director && because.length && director.likedItem === because[0].item) {
    return `Because you rated ${catalog.titles[because[0].item]} ${stars(because[0].rating)}, also directed by ${director.name}`;
  }
  const clauses: string[] = [];
  if (because.length) clauses.push(`rated ${catalog.titles[because[0].item]} ${stars(because[0].rating)}`);
  if (genres.length) {
    // A genre alone explains nothing the visitor rated: it describes who likes the film.
    if (!because.length) return `Popular with people who like ${genreText} films`;
    clauses.push(`like ${genreText} films`);
  } else if (director) clauses.push(`liked ${catalog.titles[director.likedItem]}, also directed by ${director.name}`);
  else if (cast.length) clauses.push(`liked ${cast[0].name} in ${catalog.titles[cast[0].likedItem]}`);
  if (clauses.length === 0) return 'Well rated by people whose ratings resemble yours';
  return `Because you ${clauses.join(' and ')}`;
}
