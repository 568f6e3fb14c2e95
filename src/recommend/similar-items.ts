// Movies like a given one: nearest neighbours in the model's factor space
// (cosine), or, for movies with too few ratings to have a reliable vector, by
// content: shared genres, director, cast and keywords.
import type { Catalog } from '../dataset/dataset';
import type { SvdModel } from '../model/svd-model';
import { DEFAULT_FILTER, rankItems, type RankedItem } from './rank-items';

/** Item factors scaled to unit length, computed once per model. */
export function normalizedFactors(model: SvdModel): Float32Array {
  const k = model.k;
  const out = new Float32Array(model.itemFactors.length);
  for (let i = 0; i < model.nItems; i++) {
    let norm = 0;
    for (let f = 0; f < k; f++) norm += model.itemFactors[i * k + f] ** 2;
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let f = 0; f < k; f++) out[i * k + f] = model.itemFactors[i * k + f] * inv;
  }
  return out;
}

/** Cosine similarity of every item to `item` in factor space. */
export function factorSimilarity(unit: Float32Array, k: number, item: number, out: Float32Array = new Float32Array(unit.length / k)): Float32Array {
  const base = item * k;
  for (let i = 0, off = 0; i < out.length; i++, off += k) {
    let dot = 0;
    for (let f = 0; f < k; f++) dot += unit[base + f] * unit[off + f];
    out[i] = dot;
  }
  return out;
}

/** Content similarity in [0, 1]: genres (Jaccard) 0.5, same director 0.2, shared cast 0.2, keywords (Jaccard) 0.1. */
export function contentSimilarity(catalog: Catalog, item: number, out: Float32Array = new Float32Array(catalog.size)): Float32Array {
  const genres = catalog.genreBits[item];
  const director = catalog.director[item];
  const cast = new Set(catalog.castIds.subarray(catalog.castOffsets[item], catalog.castOffsets[item + 1]));
  const keywords = new Set(catalog.keywordIds.subarray(catalog.keywordOffsets[item], catalog.keywordOffsets[item + 1]));
  for (let i = 0; i < catalog.size; i++) {
    const g = catalog.genreBits[i];
    const union = popcount(g | genres);
    let s = union ? (0.5 * popcount(g & genres)) / union : 0;
    if (director >= 0 && catalog.director[i] === director) s += 0.2;
    if (cast.size) {
      let shared = 0;
      for (let c = catalog.castOffsets[i]; c < catalog.castOffsets[i + 1]; c++) if (cast.has(catalog.castIds[c])) shared++;
      s += (0.2 * Math.min(shared, 3)) / 3;
    }
    if (keywords.size) {
      let shared = 0;
      const n = catalog.keywordOffsets[i + 1] - catalog.keywordOffsets[i];
      for (let c = catalog.keywordOffsets[i]; c < catalog.keywordOffsets[i + 1]; c++) if (keywords.has(catalog.keywordIds[c])) shared++;
      const union = keywords.size + n - shared;
      if (union) s += (0.1 * shared) / union;
    }
    out[i] = s;
  }
  return out;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export interface SimilarOptions {
  n: number;
  /** Items with fewer ratings than this are matched by content. */
  minRatings: number;
}

export function similarItems(
  catalog: Catalog,
  model: SvdModel | undefined,
  unit: Float32Array | undefined,
  ratingCounts: Int32Array,
  item: number,
  options: SimilarOptions,
): { method: 'factors' | 'content'; items: RankedItem[] } {
  const exclude = new Set([item]);
  const useFactors = model !== undefined && unit !== undefined && model.k > 0 && ratingCounts[item] >= options.minRatings;
  const scores = useFactors ? factorSimilarity(unit, model.k, item) : contentSimilarity(catalog, item);
  if (useFactors) {
    // Neighbours with too few ratings have noisy vectors; keep them out of the factor list.
    for (let i = 0; i < scores.length; i++) if (ratingCounts[i] < options.minRatings) scores[i] = Number.NaN;
  }
  return { method: useFactors ? 'factors' : 'content', items: rankItems(catalog, scores, options.n, DEFAULT_FILTER, exclude) };
}
