// Explanations from the MF recommender's exact contributions: what they sum to, which
// ratings a reason may cite (positive share, rating ≥ the visitor's mean), and the
// honest lines when no rating raised the item.
import { describe, expect, it } from 'vitest';
import { explainRecommendation, likedGenres, stars } from '../../../src/recommend/explain';
import { MfRecommender, type MfOptions } from '../../../src/recommend/mf-recommender';
import type { Catalog } from '../../../src/dataset/dataset';
import type { SvdModel } from '../../../src/model/svd-model';
import { tinyCatalog, tinyModel } from './tiny-catalog';

// Factor 0 is "crime thriller", factor 1 is "family animation". Heat and Se7en
// load on factor 0, Toy Story and Up on factor 1; Zodiac (the candidate) on factor 0.
const catalog = tinyCatalog([
  { title: 'Heat', genres: ['Crime', 'Thriller'], director: 'Michael Mann', cast: ['Al Pacino', 'Robert De Niro'] },
  { title: 'Toy Story', genres: ['Animation', 'Family'], director: 'John Lasseter', cast: ['Tom Hanks'] },
  { title: 'Se7en', genres: ['Crime', 'Thriller'], director: 'David Fincher', cast: ['Brad Pitt'] },
  { title: 'Up', genres: ['Animation', 'Family'], director: 'Pete Docter', cast: ['Ed Asner'] },
  { title: 'Zodiac', genres: ['Crime', 'Thriller'], director: 'David Fincher', cast: ['Jake Gyllenhaal'] },
]);
const model = tinyModel(
  [
    [1.2, 0],
    [0, 1.1],
    [0.3, 0.1],
    [0, 1],
    [1, 0.05],
  ],
  [0, 0, 0, 0, 0],
  3,
);
const ratings = [
  { item: 0, rating: 4.5 },
  { item: 1, rating: 2 },
  { item: 2, rating: 4 },
  { item: 3, rating: 2.5 },
];
/** The plain fold-in of the trainer's objective: no re-ranking, bias regularised like the factors. */
const PLAIN: Partial<MfOptions> = { supportShrink: 0, tasteWeight: 0, visitorBiasRegScale: 1, foldInReg: 0.05 };

function recommender(m: SvdModel = model, c: Catalog = catalog, options: Partial<MfOptions> = PLAIN, counts?: Int32Array): MfRecommender {
  return new MfRecommender(m, { catalog: c, ratingCounts: counts ?? new Int32Array(c.size).fill(100), newItems: new Set() }, options);
}

describe('explanations', () => {
  it('formats half stars', () => {
    expect(stars(4.5)).toBe('★★★★½');
    expect(stars(3)).toBe('★★★');
  });

  it('splits p·q_i exactly into per-rating contributions (no re-ranking)', () => {
    const r = recommender();
    const profile = r.foldIn(ratings);
    const score = r.score(profile, new Float32Array(catalog.size))[4];
    const total = r.explain(profile, 4).reduce((s, c) => s + c.contribution, 0);
    expect(total).toBeCloseTo(score - model.globalMean - profile.bias - model.itemBias[4], 5);
  });

  it('splits the re-ranked score exactly: shrunk p·q_i plus the genre-taste term', () => {
    const biased = tinyModel([[1.2, 0], [0, 1.1], [0.3, 0.1], [0, 1], [1, 0.05]], [0.1, -0.2, 0.3, 0, 0.4], 3);
    const counts = Int32Array.of(50, 40, 30, 20, 5);
    const r = recommender(biased, catalog, { tasteWeight: 1, supportShrink: 10, visitorBiasRegScale: 5, foldInReg: 0.05 }, counts);
    const profile = r.foldIn(ratings);
    const score = r.score(profile, new Float32Array(catalog.size))[4];
    const shrink = 5 / (5 + 10);
    const total = r.explain(profile, 4).reduce((s, c) => s + c.contribution, 0);
    // Everything but μ + b and the item's own shrunk bias is the visitor's ratings' doing.
    expect(total).toBeCloseTo(score - biased.globalMean - profile.bias - shrink * biased.itemBias[4], 5);
  });

  it('names the rated movie that drives a recommendation, and the genres the visitor rated above their mean', () => {
    const r = recommender();
    const profile = r.foldIn(ratings);
    const why = explainRecommendation(r, catalog, profile, 4);
    expect(why.because[0].item).toBe(0); // Heat: the strongest crime-thriller vector, rated 4.5
    expect(why.sharedGenres).toEqual(['Crime', 'Thriller']);
    expect(why.text).toBe('Because you rated Heat ★★★★½ and like crime and thriller films');
  });

  it('cites a shared director when no genre is shared', () => {
    const plain = { ...catalog, genreBits: new Uint32Array(catalog.size) };
    const r = recommender(model, plain);
    const profile = r.foldIn([{ item: 2, rating: 5 }, { item: 1, rating: 1 }]);
    expect(explainRecommendation(r, plain, profile, 4).text).toBe('Because you rated Se7en ★★★★★, also directed by David Fincher');
  });

  it('never cites a rating below the visitor’s mean, even when its share is positive', () => {
    // Toy Story rated 1★ pushes the visitor away from factor 1; Zodiac loads slightly
    // negatively on it, so that dislike raises Zodiac's score: a positive share.
    const m = tinyModel([[1.2, 0], [0, 1.1], [0.3, 0.1], [0, 1], [1, -0.6]], [0, 0, 0, 0, 0], 3);
    const r = recommender(m);
    const profile = r.foldIn([{ item: 0, rating: 5 }, { item: 1, rating: 1 }]);
    const toyStory = r.explain(profile, 4).find((c) => c.item === 1)!;
    expect(toyStory.contribution).toBeGreaterThan(0.005);
    const why = explainRecommendation(r, catalog, profile, 4);
    expect(why.because.map((c) => c.item)).toEqual([0]);
    expect(why.text).not.toContain('Toy Story');
  });

  it('says honestly that no rating raised the item: by genre when the visitor likes its genre, else by similar people', () => {
    // Up loads only on factor 1; the visitor rated Heat (factor 0) 5★ and Se7en 4★: no share is positive for Up.
    const r = recommender();
    const profile = r.foldIn([{ item: 0, rating: 5 }, { item: 2, rating: 4 }]);
    expect(explainRecommendation(r, catalog, profile, 3).because).toEqual([]);
    expect(explainRecommendation(r, catalog, profile, 3).text).toBe('Well rated by people whose ratings resemble yours');
    // A crime film with only a negative factor-0 loading: the visitor likes crime, but no rating raised it.
    const m = tinyModel([[1.2, 0], [0, 1.1], [0.3, 0.1], [0, 1], [-1, 0]], [0, 0, 0, 0, 0], 3);
    const r2 = recommender(m);
    const p2 = r2.foldIn([{ item: 0, rating: 5 }, { item: 1, rating: 1 }]);
    expect(explainRecommendation(r2, catalog, p2, 4).text).toBe('Popular with people who like crime and thriller films');
  });

  it('counts a genre as liked only when its films are rated above the visitor’s mean', () => {
    const profile = { ratings: [{ item: 0, rating: 3 }, { item: 2, rating: 3 }, { item: 1, rating: 5 }, { item: 3, rating: 1 }] };
    // Mean 3: crime/thriller sit at the mean, animation/family average 3 as well: nothing is liked.
    expect(likedGenres(catalog, profile)).toBe(0);
    const liked = likedGenres(catalog, { ratings: [{ item: 0, rating: 5 }, { item: 1, rating: 2 }] });
    expect(catalog.genreNames.filter((_, g) => liked & (1 << g))).toEqual(['Crime', 'Thriller']);
  });
});
