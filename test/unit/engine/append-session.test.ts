// New movies arriving after training (ml-latest-small with 30 films held back
// from the first load): they are merged without reloading the rest, marked new,
// and get factors from their content so they can be recommended at once.
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { appendToSession } from '../../../src/engine/append-session';
import { Session } from '../../../src/engine/session';
import { trainModel } from '../../../src/engine/training';
import { hasRealData, loadDataset, realFile, sourceFromText } from '../etl/helpers';
import { useBackend } from '../model/tf-setup';
import { dataPath, NO_DATA_REASON } from '../../support/data-dir';
import { describeIf } from '../../support/skip';

describeIf(hasRealData, NO_DATA_REASON)('appending new movies', () => {
  let base: Session;
  let held: string[];

  beforeAll(async () => {
    await useBackend('wasm');
    const lines = readFileSync(dataPath('ml-latest-small/movies.csv'), 'utf8').split(/\r?\n/).filter(Boolean);
    const header = lines[0];
    // The first 15 films listed as only "Drama" and the first 15 only "Comedy" arrive later.
    const only = (genre: string) => lines.slice(1).filter((l) => l.endsWith(`,${genre}`)).slice(0, 15);
    held = [...only('Drama'), ...only('Comedy')];
    const kept = lines.slice(1).filter((l) => !held.includes(l));
    const { dataset } = await loadDataset([sourceFromText('movies.csv', [header, ...kept].join('\n')), realFile('ml-latest-small/ratings.csv')]);
    base = new Session(dataset, false);
    base.setModel((await trainModel(base, 'wasm', { params: { nFactors: 24, nEpochs: 8 }, holdout: 0 }, () => {}, new AbortController().signal)).model);
  });

  it('merges the new films, marks them new and gives them content factors', async () => {
    const { dataset: addition } = await loadDataset([sourceFromText('movies.csv', ['movieId,title,genres', ...held].join('\n'))]);
    const before = base.dataset.catalog.size;
    const { session, added, alreadyPresent } = appendToSession(base, addition, []);
    expect(added).toBe(held.length);
    expect(alreadyPresent).toBe(0);
    expect(session.dataset.catalog.size).toBe(before + held.length);
    expect(session.dataset.ratings.length).toBe(base.dataset.ratings.length);
    const model = session.trainedModel!;
    expect(model.nItems).toBe(before + held.length);
    // Old items keep their trained factors exactly.
    expect(model.itemFactors.subarray(0, before * model.k)).toEqual(base.trainedModel!.itemFactors);
    for (let item = before; item < before + held.length; item++) {
      const card = session.card(item);
      expect(card.isNew).toBe(true);
      if (card.genres.length) {
        const norm = Math.hypot(...model.itemFactors.subarray(item * model.k, (item + 1) * model.k));
        expect(norm, card.title).toBeGreaterThan(0);
      }
    }
    expect(session.card(0).isNew).toBe(false);
  });

  it('keeps content factors for new films that a retrain gives no ratings', async () => {
    const { dataset: addition } = await loadDataset([sourceFromText('movies.csv', ['movieId,title,genres', ...held].join('\n'))]);
    const { session } = appendToSession(base, addition, []);
    const first = base.dataset.catalog.size;
    const k = session.trainedModel!.k;
    const before = session.trainedModel!.itemFactors.slice(first * k, (first + 1) * k);
    session.setModel((await trainModel(session, 'wasm', { params: { nFactors: 24, nEpochs: 2 }, holdout: 0 }, () => {}, new AbortController().signal)).model);
    const after = session.trainedModel!.itemFactors.subarray(first * k, (first + 1) * k);
    expect(Math.hypot(...after)).toBeGreaterThan(0);
    expect(session.card(first).isNew).toBe(true);
    expect(Math.hypot(...before)).toBeGreaterThan(0);
  });

  it('does not duplicate films that are already in the catalogue', async () => {
    const { dataset: addition } = await loadDataset([realFile('ml-latest-small/movies.csv')]);
    const { session, added, alreadyPresent } = appendToSession(base, addition, []);
    expect(added).toBe(held.length);
    expect(alreadyPresent).toBe(addition.catalog.size - held.length);
    expect(session.dataset.catalog.size).toBe(base.dataset.catalog.size + held.length);
  });

  it('predicts new films from their content: a drama lover gets new dramas above new comedies and first among new arrivals', async () => {
    const { dataset: addition } = await loadDataset([sourceFromText('movies.csv', ['movieId,title,genres', ...held].join('\n'))]);
    const { session } = appendToSession(base, addition, []);
    const c = session.dataset.catalog;
    const has = (i: number, g: string) => session.card(i).genres.includes(g);
    const popular = [...session.ratingCounts.keys()].sort((a, b) => session.ratingCounts[b] - session.ratingCounts[a]);
    const dramas = popular.filter((i) => has(i, 'Drama') && !has(i, 'Comedy')).slice(0, 10);
    const comedies = popular.filter((i) => has(i, 'Comedy') && !has(i, 'Drama')).slice(0, 10);
    const rate = (items: number[], rating: number) => items.map((i, j) => ({ key: session.card(i).key, rating, title: c.titles[i], year: c.years[i], ratedAt: j }));
    session.setVisitorRatings([...rate(dramas, 5), ...rate(comedies, 1)]);
    const fresh = [...Array(held.length).keys()].map((j) => base.dataset.catalog.size + j);
    const predicted = (i: number) => session.movie(session.card(i).key)!.predicted!;
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const newDramas = mean(fresh.filter((i) => has(i, 'Drama')).map(predicted));
    const newComedies = mean(fresh.filter((i) => has(i, 'Comedy')).map(predicted));
    expect(newDramas).toBeGreaterThan(newComedies + 0.5);
    // "New arrivals" for this visitor: every new film is rankable, dramas first.
    const list = session.recommend({ user: { kind: 'visitor' }, n: 10, filter: { genres: [], genreMode: 'any', minVotes: 0, includeRated: false, onlyNew: true } });
    expect(list.personalised).toBe(true);
    expect(list.items).toHaveLength(10);
    expect(list.items.every((r) => r.isNew)).toBe(true);
    expect(list.items.filter((r) => r.genres.includes('Drama')).length).toBeGreaterThanOrEqual(8);
  });
});
