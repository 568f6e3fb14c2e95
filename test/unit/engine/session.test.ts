// The engine's session on real data (ml-latest-small) with the TF.js trainer on
// wasm: recommendations follow a visitor's taste, explanations name what drives
// them, and a warm-started retrain matches a full one.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RecommendQuery, VisitorRating } from '../../../src/engine/api';
import { Session } from '../../../src/engine/session';
import { trainSession } from '../../../src/engine/training';
import { hasRealData, loadDataset, realFile } from '../etl/helpers';
import { useBackend } from '../model/tf-setup';
import { NO_DATA_REASON } from '../../support/data-dir';

const FAST = { nFactors: 32, nEpochs: 12 };

function query(genres: string[] = []): RecommendQuery {
  return { user: { kind: 'visitor' }, n: 20, filter: { genres, genreMode: 'any', minVotes: 0, includeRated: false } };
}

describe.skipIf(!hasRealData)(`session on ml-latest-small${hasRealData ? '' : ` (skipped: ${NO_DATA_REASON})`}`, () => {
  let session: Session;
  let horror: number[];
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

  it('trains on the session’s data and validates below RMSE 0.95', async () => {
    const result = await trainSession(session, 'wasm', { params: FAST, holdout: 0.1 }, () => {}, signal);
    expect(result.epochs).toHaveLength(FAST.nEpochs);
    expect(result.validRmse).toBeLessThan(0.95);
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
    expect(top.because.length).toBeGreaterThan(0);
    expect(horror.map((i) => session.card(i).key)).toContain(top.because[0].key);
    expect(top.reason).toMatch(/^Because you rated /);
  });

  it('answers a dataset user by raw id, excluding what they rated', () => {
    const list = session.recommend({ user: { kind: 'dataset', userId: 1 }, n: 10, filter: query().filter });
    expect(list.userFound).toBe(true);
    expect(list.items).toHaveLength(10);
    const unknown = session.recommend({ user: { kind: 'dataset', userId: 999_999 }, n: 10, filter: query().filter });
    expect(unknown.userFound).toBe(false);
  });

  it('warm-started retrain after 20 new ratings is within 0.005 RMSE of a full retrain', async () => {
    // The app's defaults; the warm retrain uses its own (WARM_PARAMS).
    await trainSession(session, 'wasm', { holdout: 0.1 }, () => {}, signal);
    // 20 new ratings: the 10 horror films and 10 popular non-horror films rated low.
    const g = session.dataset.catalog.genreNames.indexOf('Horror');
    const others = [...session.ratingCounts.keys()]
      .filter((i) => !(session.dataset.catalog.genreBits[i] & (1 << g)))
      .sort((a, b) => session.ratingCounts[b] - session.ratingCounts[a] || a - b)
      .slice(0, 10)
      .map((item, j) => ({ ...session.card(item), rating: 1.5, ratedAt: 100 + j }));
    session.setVisitorRatings([...rateHorror(), ...others.map((c) => ({ key: c.key, rating: c.rating, title: c.title, year: c.year, ratedAt: c.ratedAt }))]);
    const warm = await trainSession(session, 'wasm', { holdout: 0.1, warm: true }, () => {}, signal);
    const full = await trainSession(session, 'wasm', { holdout: 0.1 }, () => {}, signal);
    // Same held-out split (same seed); the time ratio is the retrain-warm benchmark's job.
    expect(warm.ratings).toBe(full.ratings);
    expect(warm.epochs.length).toBeLessThan(full.epochs.length);
    expect(Math.abs(warm.validRmse! - full.validRmse!)).toBeLessThanOrEqual(0.005);
  });
});
