// Movie identity across datasets. Visitor ratings outlive a dataset: they are
// kept by TMDB id when known, else by MovieLens id, so a rating given on the
// demo data still finds its film in ml-latest-small or The Movies Dataset.
import type { Catalog } from '../dataset/dataset';
import type { MovieKey } from './api';

export function keyOf(catalog: Catalog, item: number): MovieKey {
  if (catalog.tmdbIds[item] >= 0) return `tmdb:${catalog.tmdbIds[item]}`;
  if (catalog.movieLensIds[item] >= 0) return `ml:${catalog.movieLensIds[item]}`;
  return `raw:${catalog.rawIds[item]}`;
}

/** Every key an item answers to (TMDB, MovieLens and raw), mapped to its inner index. */
export function keyIndex(catalog: Catalog): Map<MovieKey, number> {
  const index = new Map<MovieKey, number>();
  for (let i = 0; i < catalog.size; i++) {
    index.set(`raw:${catalog.rawIds[i]}`, i);
    if (catalog.movieLensIds[i] >= 0) index.set(`ml:${catalog.movieLensIds[i]}`, i);
    if (catalog.tmdbIds[i] >= 0) index.set(`tmdb:${catalog.tmdbIds[i]}`, i);
  }
  return index;
}
