import { describe, expect, it } from 'vitest';
import { contributions, explainItem, stars } from '../../../src/recommend/explain';
import { scoreItems } from '../../../src/recommend/score-items';
import { solveVisitor } from '../../../src/recommend/visitor-profile';
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

describe('explanations', () => {
  it('formats half stars', () => {
    expect(stars(4.5)).toBe('★★★★½');
    expect(stars(3)).toBe('★★★');
  });

  it('splits the personal score exactly into per-rating contributions', () => {
    const profile = solveVisitor(model, ratings, 0.05);
    const score = scoreItems(model, profile.bias, profile.factors)[4];
    const shares = contributions(model, profile, 4);
    const total = shares.reduce((s, c) => s + c.contribution, 0);
    expect(total).toBeCloseTo(score - model.globalMean - model.itemBias[4], 5);
  });

  it('names the rated movie that drives a recommendation, and the shared genre and director', () => {
    const profile = solveVisitor(model, ratings, 0.05);
    const why = explainItem(model, catalog, profile, 4);
    expect(why.because[0].item).toBe(0); // Heat: the strongest crime-thriller vector, rated 4.5
    expect(why.sharedGenres).toEqual(expect.arrayContaining(['Crime', 'Thriller']));
    expect(why.director).toEqual({ name: 'David Fincher', likedItem: 2 });
    expect(why.text).toBe('Because you rated Heat ★★★★½ and like crime and thriller films');
  });

  it('cites a shared director when no genre is shared', () => {
    const profile = solveVisitor(model, [{ item: 2, rating: 5 }, { item: 1, rating: 1 }], 0.05);
    const plain = { ...catalog, genreBits: new Uint32Array(catalog.size) };
    expect(explainItem(model, plain, profile, 4).text).toBe('Because you rated Se7en ★★★★★, also directed by David Fincher');
  });

  it('falls back to a neutral sentence when nothing the visitor rated explains it', () => {
    const profile = solveVisitor(model, [], 0.05);
    expect(explainItem(model, catalog, profile, 4).text).toBe('Popular with people whose ratings resemble yours');
  });
});
