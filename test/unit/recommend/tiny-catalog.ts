// Hand-built catalogues and models for the recommendation tests.
import type { Catalog } from '../../../src/dataset/dataset';
import { resolveSvdParams, type SvdModel } from '../../../src/model/svd-model';

export interface TinyMovie {
  title: string;
  year?: number;
  genres?: string[];
  votes?: number;
  adult?: boolean;
  director?: string;
  cast?: string[];
  keywords?: string[];
}

export function tinyCatalog(movies: TinyMovie[]): Catalog {
  const genreNames = [...new Set(movies.flatMap((m) => m.genres ?? []))].sort();
  const people: string[] = [];
  const personId = (name: string) => {
    const at = people.indexOf(name);
    return at >= 0 ? at : people.push(name) - 1;
  };
  const keywordNames: string[] = [];
  const keywordId = (name: string) => {
    const at = keywordNames.indexOf(name);
    return at >= 0 ? at : keywordNames.push(name) - 1;
  };
  const castOffsets = new Uint32Array(movies.length + 1);
  const castIds: number[] = [];
  const keywordOffsets = new Uint32Array(movies.length + 1);
  const keywordIds: number[] = [];
  movies.forEach((m, i) => {
    for (const c of m.cast ?? []) castIds.push(personId(c));
    castOffsets[i + 1] = castIds.length;
    for (const k of m.keywords ?? []) keywordIds.push(keywordId(k));
    keywordOffsets[i + 1] = keywordIds.length;
  });
  const ids = Int32Array.from(movies, (_, i) => i + 1);
  return {
    size: movies.length,
    rawIds: ids,
    tmdbIds: ids.slice(),
    imdbIds: new Int32Array(ids.length).fill(-1),
    movieLensIds: ids.slice(),
    titles: movies.map((m) => m.title),
    years: Int16Array.from(movies, (m) => m.year ?? 0),
    genreBits: Uint32Array.from(movies, (m) => (m.genres ?? []).reduce((b, g) => b | (1 << genreNames.indexOf(g)), 0)),
    genreNames,
    voteAverage: Float32Array.from(movies, () => Number.NaN),
    voteCount: Int32Array.from(movies, (m) => m.votes ?? 0),
    popularity: Float32Array.from(movies, () => Number.NaN),
    adult: Uint8Array.from(movies, (m) => (m.adult ? 1 : 0)),
    director: Int32Array.from(movies, (m) => (m.director ? personId(m.director) : -1)),
    castOffsets,
    castIds: Int32Array.from(castIds),
    keywordOffsets,
    keywordIds: Int32Array.from(keywordIds),
    people,
    keywordNames,
  };
}

/** A model with the given item factors (rows), item biases and global mean; no users. */
export function tinyModel(itemFactors: number[][], itemBias: number[], globalMean: number, biased = true): SvdModel {
  const k = itemFactors[0].length;
  return {
    params: resolveSvdParams({ nFactors: k, biased }),
    nUsers: 0,
    nItems: itemFactors.length,
    k,
    globalMean,
    userBias: new Float32Array(0),
    itemBias: Float32Array.from(itemBias),
    userFactors: new Float32Array(0),
    itemFactors: Float32Array.from(itemFactors.flat()),
    scale: [0.5, 5],
  };
}
