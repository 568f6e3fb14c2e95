// A first visit's films to rate: well-known, well-rated films from the six most
// common genres, interleaved so every taste finds something familiar early.
import type { Catalog } from '../dataset/dataset';
import { DEFAULT_FILTER, rankItems } from '../recommend/rank-items';

export function onboardingItems(catalog: Catalog, votes: ArrayLike<number>, n: number): number[] {
  const counts = new Array<number>(catalog.genreNames.length).fill(0);
  for (let i = 0; i < catalog.size; i++) for (let g = 0; g < counts.length; g++) if (catalog.genreBits[i] & (1 << g)) counts[g]++;
  const genres = counts.map((c, g) => ({ c, g })).sort((a, b) => b.c - a.c || a.g - b.g).slice(0, 6).map((x) => x.g);
  // Familiar first: the most-voted films, then the best weighted score among them.
  const familiar = rankItems(catalog, Float32Array.from(votes), Math.min(catalog.size, 400), DEFAULT_FILTER);
  const perGenre = genres.map((g) => familiar.filter(({ item }) => catalog.genreBits[item] & (1 << g)).map(({ item }) => item));
  const chosen: number[] = [];
  const seen = new Set<number>();
  for (let round = 0; chosen.length < n && perGenre.some((l) => l.length > round); round++) {
    for (const list of perGenre) {
      const item = list[round];
      if (item !== undefined && !seen.has(item) && chosen.length < n) {
        seen.add(item);
        chosen.push(item);
      }
    }
  }
  return chosen;
}
