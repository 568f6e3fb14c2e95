// Factors for movies the model has not seen: the similarity-weighted mean of
// the factors and biases of their nearest content neighbours (genres, director,
// cast, keywords) among well-rated movies, so a new film can be recommended at
// once. Without any content neighbour it gets the mean item (zero factors).
import type { Catalog } from '../dataset/dataset';
import type { SvdModel } from '../model/svd-model';
import { contentSimilarity } from './similar-items';

export interface ColdStartOptions {
  /** Neighbours averaged per new item. */
  neighbours: number;
  /** Only items with at least this many ratings have trustworthy factors. */
  minRatings: number;
}

export const DEFAULT_COLD_START: Readonly<ColdStartOptions> = Object.freeze({ neighbours: 20, minRatings: 10 });

/**
 * Returns a model over catalog.size items: rows as trained, except the rows in
 * `newItems` (appended beyond model.nItems, or trained without any rating),
 * which are filled from content neighbours.
 */
export function extendWithContentFactors(
  model: SvdModel,
  catalog: Catalog,
  ratingCounts: Int32Array,
  newItems: ArrayLike<number>,
  options: ColdStartOptions = DEFAULT_COLD_START,
): SvdModel {
  const k = model.k;
  const itemBias = new Float32Array(catalog.size);
  itemBias.set(model.itemBias);
  const itemFactors = new Float32Array(catalog.size * k);
  itemFactors.set(model.itemFactors);
  const similarity = new Float32Array(catalog.size);
  for (let j = 0; j < newItems.length; j++) {
    const item = newItems[j];
    contentSimilarity(catalog, item, similarity);
    const top = topNeighbours(similarity, model.nItems, ratingCounts, options);
    itemBias[item] = 0;
    itemFactors.fill(0, item * k, (item + 1) * k);
    let total = 0;
    for (const [n, s] of top) {
      total += s;
      itemBias[item] += s * model.itemBias[n];
      for (let f = 0; f < k; f++) itemFactors[item * k + f] += s * model.itemFactors[n * k + f];
    }
    if (total > 0) {
      itemBias[item] /= total;
      for (let f = 0; f < k; f++) itemFactors[item * k + f] /= total;
    }
  }
  return { ...model, nItems: catalog.size, itemBias, itemFactors };
}

function topNeighbours(similarity: Float32Array, trained: number, counts: Int32Array, options: ColdStartOptions): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < trained; i++) {
    const s = similarity[i];
    if (s > 0 && counts[i] >= options.minRatings) out.push([i, s]);
  }
  return out.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, options.neighbours);
}
