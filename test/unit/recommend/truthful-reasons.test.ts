// Truthful explanations (issue 17, item 3): a visitor who rated 10 horror films 5★ and
// 6 romantic comedies 1★. On every card of the top 24, each cited film must have raised
// that card's ranking score (a positive contribution from the recommender that ordered
// the list) and be rated at or above the visitor's mean; no romantic comedy is ever cited.
// A synthetic catalogue always runs; ml-latest-small runs when the data is there.
import { beforeAll, describe, expect, it } from 'vitest';
import type { VisitorRating } from '../../../src/engine/api';
import { Session } from '../../../src/engine/session';
import { trainModel } from '../../../src/engine/training';
import type { Catalog } from '../../../src/dataset/dataset';
import { resolveSvdParams, type SvdModel } from '../../../src/model/svd-model';
import { mulberry32 } from '../../../src/model/rng';
import { citedItems, explainRecommendation, meanRating } from '../../../src/recommend/explain';
import { MfRecommender } from '../../../src/recommend/mf-recommender';
import { rank } from '../../../src/recommend/rank';
import { reasonsTruthful } from '../../../src/recommend/reasons-truthful';
import type { Profile, ProfileRating, Recommender } from '../../../src/recommend/recommender';
import { OPEN_FILTER } from '../../../src/shared/recommend-filter';
import { hasRealData, loadDataset, realFile } from '../etl/helpers';
import { useBackend } from '../model/tf-setup';
import { NO_DATA_REASON } from '../../support/data-dir';
import { tinyCatalog, type TinyMovie } from './tiny-catalog';
import { describeIf } from '../../support/skip';

/** Checks every card; returns how many citations were checked. */
function checkCards(recommender: Recommender, catalog: Catalog, profile: Profile, items: number[], romcoms: readonly number[]): number {
  const mean = meanRating(profile);
  let cited = 0;
  for (const item of items) {
    const shares = new Map(recommender.explain(profile, item).map((c) => [c.item, c]));
    const why = explainRecommendation(recommender, catalog, profile, item);
    for (const j of citedItems(why)) {
      cited++;
      const c = shares.get(j)!;
      expect(c.contribution, `${catalog.titles[item]} cites ${catalog.titles[j]}`).toBeGreaterThan(0);
      expect(c.rating).toBeGreaterThanOrEqual(mean);
      expect(romcoms).not.toContain(j);
    }
    for (const r of romcoms) expect(why.text, catalog.titles[item]).not.toContain(catalog.titles[r]);
    // The genre clause names only genres the visitor rated above their mean: here horror and what goes with it, never romance or comedy.
    expect(why.sharedGenres).not.toContain('Romance');
  }
  return cited;
}

describe('truthful reasons on a synthetic catalogue (hand-made factors)', () => {
  // 40 horror films, 30 romantic comedies, 30 dramas; 3 taste factors (horror, romance, drama)
  // plus 5 noise factors, seeded, so a 1★ romcom often has a positive share somewhere.
  const movies: TinyMovie[] = [];
  for (let i = 0; i < 40; i++) movies.push({ title: `Horror ${i}`, genres: i % 3 ? ['Horror'] : ['Horror', 'Thriller'] });
  for (let i = 0; i < 30; i++) movies.push({ title: `Romcom ${i}`, genres: ['Comedy', 'Romance'] });
  for (let i = 0; i < 30; i++) movies.push({ title: `Drama ${i}`, genres: i % 2 ? ['Drama'] : ['Drama', 'Thriller'] });
  const catalog = tinyCatalog(movies);
  const k = 8;
  const uniform = mulberry32(17);
  const itemFactors = new Float32Array(catalog.size * k);
  for (let i = 0; i < catalog.size; i++) {
    const cluster = i < 40 ? 0 : i < 70 ? 1 : 2;
    for (let f = 0; f < k; f++) itemFactors[i * k + f] = (f === cluster ? 0.8 : 0) + (uniform() - 0.5) * 0.6;
  }
  const model: SvdModel = {
    params: resolveSvdParams({ nFactors: k }), nUsers: 0, nItems: catalog.size, k, globalMean: 3.5,
    userBias: new Float32Array(0), itemBias: Float32Array.from({ length: catalog.size }, () => (uniform() - 0.5) * 0.6),
    userFactors: new Float32Array(0), itemFactors, scale: [0.5, 5],
  };
  const ratingCounts = Int32Array.from({ length: catalog.size }, (_, i) => 5 + ((i * 37) % 200));
  const recommender = new MfRecommender(model, { catalog, ratingCounts, newItems: new Set() });
  const horror = Array.from({ length: 10 }, (_, j) => j);
  const romcoms = Array.from({ length: 6 }, (_, j) => 40 + j);
  const ratings: ProfileRating[] = [...horror.map((item) => ({ item, rating: 5 })), ...romcoms.map((item) => ({ item, rating: 1 }))];

  it('every cited rating on the top 24 raised the card’s score; no romantic comedy is cited', () => {
    const profile = recommender.foldIn(ratings);
    const top = rank(recommender, profile, { catalog, votes: ratingCounts, newItems: new Set() }, OPEN_FILTER, 24).map((r) => r.item);
    expect(top).toHaveLength(24);
    // The check is not vacuous: the fold-in gives some romcom a positive share on some card.
    expect(top.some((item) => recommender.explain(profile, item).some((c) => romcoms.includes(c.item) && c.contribution > 0.005))).toBe(true);
    expect(checkCards(recommender, catalog, profile, top, romcoms)).toBeGreaterThan(0);
    expect(reasonsTruthful(recommender, catalog, profile, top).share).toBe(1);
  });
});

describeIf(hasRealData, NO_DATA_REASON)('truthful reasons on ml-latest-small', () => {
  let session: Session;
  let horror: number[];
  let romcoms: number[];

  beforeAll(async () => {
    await useBackend('wasm');
    const { dataset } = await loadDataset([realFile('ml-latest-small/movies.csv'), realFile('ml-latest-small/links.csv'), realFile('ml-latest-small/ratings.csv')]);
    session = new Session(dataset, false);
    const c = dataset.catalog;
    const has = (i: number, g: string) => (c.genreBits[i] & (1 << c.genreNames.indexOf(g))) !== 0;
    const byCount = [...session.ratingCounts.keys()].sort((a, b) => session.ratingCounts[b] - session.ratingCounts[a] || a - b);
    horror = byCount.filter((i) => has(i, 'Horror')).slice(0, 10);
    romcoms = byCount.filter((i) => has(i, 'Romance') && has(i, 'Comedy') && !has(i, 'Horror')).slice(0, 6);
    const { model } = await trainModel(session, 'wasm', { params: { nFactors: 32, nEpochs: 8 }, holdout: 0 }, () => {}, new AbortController().signal);
    session.setModel(model);
    const rate = (items: number[], rating: number): VisitorRating[] => items.map((i, j) => ({ key: session.card(i).key, rating, title: c.titles[i], year: c.years[i], ratedAt: j }));
    session.setVisitorRatings([...rate(horror, 5), ...rate(romcoms, 1)]);
  });

  it('every cited rating on the top 24 raised the card’s score; no romantic comedy is cited', () => {
    const list = session.recommend({ user: { kind: 'visitor' }, n: 24, filter: OPEN_FILTER });
    expect(list.personalised).toBe(true);
    expect(list.items).toHaveLength(24);
    const profile = session.visitorProfile!;
    const top = list.items.map((r) => r.item);
    const cited = checkCards(session.recommender, session.dataset.catalog, profile, top, romcoms);
    console.info(`ml-latest-small: ${cited} citations over 24 cards, reasons_truthful ${reasonsTruthful(session.recommender, session.dataset.catalog, profile, top).share}`);
    expect(reasonsTruthful(session.recommender, session.dataset.catalog, profile, top).share).toBe(1);
    // The served card's text is the one checked.
    for (const r of list.items) expect(r.reason).toBe(explainRecommendation(session.recommender, session.dataset.catalog, profile, r.item).text);
  });
});
