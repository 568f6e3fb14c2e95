// The engine's session on real data (ml-latest-small) with the TF.js trainer on
// wasm: recommendations follow a visitor's taste, explanations name what drives
// them, and a warm-started retrain matches a full one. The model is trained once in
// beforeAll; every test sets its own visitor ratings, so each passes alone.
import { beforeAll, expect, it } from 'vitest';
import type { RecommendQuery, TrainResult, VisitorRating } from '../../../src/engine/api';
import { Session } from '../../../src/engine/session';
import { trainModel } from '../../../src/engine/training';
import { hasRealData, loadDataset, realFile } from '../etl/helpers';
import { useBackend } from '../model/tf-setup';
import { NO_DATA_REASON } from '../../support/data-dir';
import { describeIf } from '../../support/skip';

const FAST = { nFactors: 32, nEpochs: 12 };

function query(genres: string[] = []): RecommendQuery {
  return { user: { kind: 'visitor' }, n: 20, filter: { genres, genreMode: 'any', minVotes: 0, includeRated: false } };
}

describeIf(hasRealData, NO_DATA_REASON)('session on ml-latest-small', () => {
  let session: Session;
  let horror: number[];
  let trained: Omit<TrainResult, 'notice'>;
  const signal = new AbortController().signal;

  beforeAll(async () => {
    await useBackend('wasm');
    const { dataset } = await loadDataset([realFile('ml-latest-small/movies.csv'), realFile('ml-latest-small/links.csv'), realFile('ml-latest-small/ratings.csv')]);
    session = new Session(dataset, false);
    const g = dataset.catalog.genreNames.indexOf('Horror');
    // The 10 most-rated horror films: familiar enough that a visitor would rate them.
    horror = [...session.ratingCounts.keys()]
      .filter((i) => dataset.catalog.genreBits[i] & (1 << g))
      .sort((a, b) => session.ratingCounts[b] - session.ratingCounts[a] || a - b)
      .slice(0, 10);
    const { model, result } = await trainModel(session, 'wasm', { params: FAST, holdout: 0.1 }, () => {}, signal);
    session.setModel(model);
    trained = result;
  });

  function horrorShare(): number {
    const items = session.recommend(query()).items;
    return items.filter((r) => r.genres.includes('Horror')).length / items.length;
  }

  function rateHorror(): VisitorRating[] {
    return horror.map((item, j) => {
      const card = session.card(item);
      return { key: card.key, rating: 5, title: card.title, year: card.year, ratedAt: j };
    });
  }

  it('trains on the session’s data and validates below RMSE 0.95, returning a model over the dataset’s users only', () => {
    expect(trained.epochs).toHaveLength(FAST.nEpochs);
    expect(trained.validRmse).toBeLessThan(0.95);
    expect(session.trainedModel!.nUsers).toBe(session.dataset.userRawIds.length);
  });

  it('turns recommendations towards a genre after 10 ratings of it', () => {
    session.setVisitorRatings([]);
    const before = horrorShare();
    expect(session.recommend(query()).personalised).toBe(false);
    session.setVisitorRatings(rateHorror());
    const after = session.recommend(query());
    expect(after.personalised).toBe(true);
    expect(after.items.some((r) => horror.includes(r.item))).toBe(false);
    const share = horrorShare();
    expect(share).toBeGreaterThan(before + 0.2);
  });

  it('explains the top recommendation with a horror film the visitor rated', () => {
    session.setVisitorRatings(rateHorror());
    const top = session.recommend(query(['Horror'])).items[0];
    expect(top.genres).toContain('Horror');
    const cited = /^Because you rated (.+?) ★+½?(?: and|,|$)/.exec(top.reason);
    expect(cited, top.reason).not.toBeNull();
    expect(horror.map((i) => session.card(i).title)).toContain(cited![1]);
  });

  it('orders the list by the score each item carries', () => {
    session.setVisitorRatings(rateHorror());
    const list = session.recommend(query());
    expect(list.orderedBy).toMatch(/^Match/);
    const scores = list.items.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(list.items.every((r) => r.predicted !== null && r.predicted >= 0.5 && r.predicted <= 5)).toBe(true);
  });

  it('answers a dataset user by raw id, excluding what they rated', () => {
    const list = session.recommend({ user: { kind: 'dataset', userId: 1 }, n: 10, filter: query().filter });
    expect(list.userFound).toBe(true);
    expect(list.items).toHaveLength(10);
    // "Ordered by" speaks of this user's ratings, not of the visitor's.
    expect(list.orderedBy).toMatch(/this user/);
    expect(list.orderedBy).not.toMatch(/\byou\b/);
    const unknown = session.recommend({ user: { kind: 'dataset', userId: 999_999 }, n: 10, filter: query().filter });
    expect(unknown.userFound).toBe(false);
  });

  it('warm-started retrain after 20 new ratings is within 0.005 RMSE of a full retrain, and the visitor is no row of it', async () => {
    // Its own session: retraining must not change the model the other tests share.
    const own = new Session(session.dataset, false);
    // The app's defaults; the warm retrain uses its own (WARM_PARAMS).
    own.setModel((await trainModel(own, 'wasm', { holdout: 0.1 }, () => {}, signal)).model);
    // 20 new ratings: the 10 horror films and 10 popular non-horror films rated low.
    const g = own.dataset.catalog.genreNames.indexOf('Horror');
    const others = [...own.ratingCounts.keys()]
      .filter((i) => !(own.dataset.catalog.genreBits[i] & (1 << g)))
      .sort((a, b) => own.ratingCounts[b] - own.ratingCounts[a] || a - b)
      .slice(0, 10)
      .map((item, j) => ({ ...own.card(item), rating: 1.5, ratedAt: 100 + j }));
    own.setVisitorRatings([...rateHorror(), ...others.map((c) => ({ key: c.key, rating: c.rating, title: c.title, year: c.year, ratedAt: c.ratedAt }))]);
    const warm = await trainModel(own, 'wasm', { holdout: 0.1, warm: true }, () => {}, signal);
    const full = await trainModel(own, 'wasm', { holdout: 0.1 }, () => {}, signal);
    // Same held-out split (same seed); the time ratio is the retrain-warm benchmark's job.
    expect(warm.result.ratings).toBe(full.result.ratings);
    expect(warm.result.epochs.length).toBeLessThan(full.result.epochs.length);
    expect(Math.abs(warm.result.validRmse! - full.result.validRmse!)).toBeLessThanOrEqual(0.005);
    expect(warm.model.nUsers).toBe(own.dataset.userRawIds.length);
    expect(full.model.nUsers).toBe(own.dataset.userRawIds.length);
  });
});
