// rank-served: what visitors are shown, scored. ml-latest-small, rank-mlsmall's seeded 80/20
// split, full ranking over every movie the user did not rate in training, relevance ≥ 4.0,
// NDCG@10 / recall@10 / coverage for (a) dataset users and (b) visitors: every 5th user left out
// of training and folded in from their training ratings. The served list is the engine's own
// recommend verb (Session.recommend: the served recommender through rank(), the app's default
// filter), on a Session built exactly as the worker's load builds one (ranker fitted from the
// ratings, the SVD for the stars); in the same run most-popular, the previous SVD list with and
// without its re-ranking, and Surprise's SVD and BaselineOnly on the same train file. Runs in Node:
// the served ranker has no TF.js, so the list is the one the worker serves;
// `npx tsx test/bench/rank-served.bench.ts`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ratingStep, type Dataset, type RatingsCoo } from '../../src/dataset/dataset';
import { loadDataset } from '../../src/etl/load-dataset';
import { sourceFromBytes } from '../../src/etl/source';
import { rankedListMetrics } from '../../src/eval/ranking';
import { subsetCoo, trainTestSplit } from '../../src/eval/split';
import { defaultSvdParams } from '../../src/model/default-svd-params';
import { easeScores, trainEase } from '../../src/model/ease';
import { trainSvd } from '../../src/model/train-svd';
import { keyOf } from '../../src/engine/movie-keys';
import { Session } from '../../src/engine/session';
import { combineTruthfulness, reasonsTruthful } from '../../src/recommend/reasons-truthful';
import { DEFAULT_FILTER, rankItems } from '../../src/recommend/rank-items';
import type { MfOptions } from '../../src/recommend/mf-recommender';
import { rank } from '../../src/recommend/rank';
import { createRecommender } from '../../src/recommend/recommenders';
import type { ProfileRating } from '../../src/recommend/recommender';
import { OPEN_FILTER } from '../../src/shared/recommend-filter';
import { dataPath, HAS_DATA, NO_DATA_REASON, REPO_ROOT } from '../support/data-dir';
import { printTable, runBenchmark, writeResult, type Benchmark } from './harness';

const K = 10;
const THRESHOLD = 4.0;
/** Visitors: users whose inner index is a multiple of this are left out of training. */
const VISITOR_EVERY = 5;
/** reasons_truthful reads every card of this many visitors. */
const EXPLAINED_VISITORS = 100;
const PEERS = resolve(REPO_ROOT, '.cache/peers');

interface ListMetrics { ndcg: number; recall: number; coverage: number; users: number }

/** Each user's ratings as profile rows, and each user's relevant test items. */
function byUser(coo: RatingsCoo, nUsers: number): ProfileRating[][] {
  const out: ProfileRating[][] = Array.from({ length: nUsers }, () => []);
  const step = ratingStep(coo.ratings);
  for (let j = 0; j < coo.length; j++) out[coo.users[j]!]!.push({ item: coo.items[j]!, rating: coo.ratings[j]! * step });
  return out;
}

/** Mean metrics over `users` that have a relevant test item; `top` returns a user's top-K. */
function score(users: number[], test: ProfileRating[][], nItems: number, top: (u: number) => readonly number[]): ListMetrics {
  const shown = new Uint8Array(nItems);
  let ndcg = 0, recall = 0, n = 0;
  for (const u of users) {
    const relevant = new Set(test[u]!.filter((r) => r.rating >= THRESHOLD).map((r) => r.item));
    if (!relevant.size) continue;
    const list = top(u);
    for (const i of list) shown[i] = 1;
    const m = rankedListMetrics(list, relevant, K);
    ndcg += m.ndcg; recall += m.recall; n++;
  }
  return { ndcg: ndcg / n, recall: recall / n, coverage: shown.reduce((a, b) => a + b, 0) / nItems, users: n };
}

async function loadMlSmall(): Promise<Dataset> {
  const file = (name: string) => sourceFromBytes(`ml-latest-small/${name}`, new Uint8Array(readFileSync(dataPath('ml-latest-small', name))), 1 << 16);
  return (await loadDataset([file('ratings.csv'), file('movies.csv')])).dataset;
}

/** Surprise's top-K lists for the dataset users, or the reason they are missing. */
function surpriseLists(train: RatingsCoo, test: RatingsCoo, nItems: number): Record<string, Record<string, number[]>> | string {
  if (!existsSync('/usr/bin/python3')) return 'skipped: /usr/bin/python3 not found';
  try {
    execFileSync('bash', ['/work/shared/peers/build-surprise.sh', PEERS], { stdio: 'pipe' });
  } catch (error) {
    return `skipped: Surprise build failed (${String(error).slice(0, 200)})`;
  }
  const dir = resolve(REPO_ROOT, '.cache/rank-served');
  mkdirSync(dir, { recursive: true });
  const write = (coo: RatingsCoo, name: string) => {
    const step = ratingStep(coo.ratings);
    const lines: string[] = [];
    for (let j = 0; j < coo.length; j++) lines.push(`${coo.users[j]},${coo.items[j]},${coo.ratings[j]! * step}`);
    writeFileSync(resolve(dir, name), `${lines.join('\n')}\n`);
  };
  write(train, 'train.csv');
  write(test, 'test.csv');
  const out = resolve(dir, 'surprise-top10.json');
  execFileSync('/usr/bin/python3', [resolve(REPO_ROOT, 'test/bench/surprise-top10.py'), resolve(dir, 'train.csv'), resolve(dir, 'test.csv'), String(nItems), String(K), out], {
    env: { ...process.env, PYTHONPATH: resolve(PEERS, 'Surprise-1.1.4') }, stdio: 'pipe',
  });
  return JSON.parse(readFileSync(out, 'utf8')) as Record<string, Record<string, number[]>>;
}

/** Every number of the benchmark that does not depend on timing (deterministic given the split). */
async function measureLists(): Promise<Record<string, number>> {
  const dataset = await loadMlSmall();
  const { catalog } = dataset;
  const nUsers = dataset.userRawIds.length, nItems = catalog.size;
  const { train, test } = trainTestSplit(dataset.ratings, 0.2, 0);
  const trainBy = byUser(train, nUsers), testBy = byUser(test, nUsers);
  const rated = trainBy.map((rs) => new Set(rs.map((r) => r.item)));
  const users = Array.from({ length: nUsers }, (_, u) => u);
  const served = (scores: Float32Array, u: number) => rankItems(catalog, scores, K, DEFAULT_FILTER, rated[u]).map((r) => r.item);
  const countsOf = (coo: RatingsCoo) => {
    const c = new Float32Array(nItems);
    for (let j = 0; j < coo.length; j++) c[coo.items[j]!]!++;
    return c;
  };
  const out: Record<string, number> = {};
  const put = (prefix: string, m: ListMetrics) => {
    out[`${prefix}_ndcg10`] = m.ndcg; out[`${prefix}_recall10`] = m.recall; out[`${prefix}_coverage10`] = m.coverage;
  };

  // (a) dataset users: a session over the 80% as the worker's load builds it; each user's list is
  // the recommend verb's answer for that user (profile = their training ratings).
  const svd = await trainSvd(train, nUsers, nItems, dataset.scale, defaultSvdParams(train.length));
  const session = new Session({ ...dataset, ratings: train }, false);
  session.setModel(svd);
  session.setRanker(trainEase(train, nItems));
  const recommended = (s: Session, user: { kind: 'visitor' } | { kind: 'dataset'; userId: number }) => s.recommend({ user, n: K, filter: OPEN_FILTER }).items.map((r) => r.item);
  const a = score(users, testBy, nItems, (u) => recommended(session, { kind: 'dataset', userId: dataset.userRawIds[u]! }));
  put('served', a);
  const counts = countsOf(train);
  const pop = score(users, testBy, nItems, (u) => served(counts, u));
  put('pop', pop);
  out.users = a.users;
  out.served_ndcg10_vs_pop = a.ndcg / pop.ndcg;

  // The list served before (the app's rating SVD through the MF recommender), with and without
  // its re-ranking options (support shrinkage, genre taste).
  const svdList = (options: Partial<MfOptions>) => {
    const mf = createRecommender('mf', svd, session.context, options);
    return (u: number) => rank(mf, mf.userProfile(u, trainBy[u]!), session.catalogue, OPEN_FILTER, K).map((r) => r.item);
  };
  out.svd_raw_ndcg10 = score(users, testBy, nItems, svdList({ supportShrink: 0, tasteWeight: 0 })).ndcg;
  out.svd_shrink_ndcg10 = score(users, testBy, nItems, svdList({ tasteWeight: 0 })).ndcg;
  out.svd_taste_ndcg10 = score(users, testBy, nItems, svdList({ supportShrink: 0 })).ndcg;
  out.svd_reranked_ndcg10 = score(users, testBy, nItems, svdList({})).ndcg;

  // (b) visitors: left out of training entirely, folded in from their training ratings.
  const visitors = users.filter((u) => u % VISITOR_EVERY === 0);
  const keep = Int32Array.from({ length: train.length }, (_, j) => j).filter((j) => train.users[j]! % VISITOR_EVERY !== 0);
  const trainWithout = subsetCoo(train, keep);
  // The order comes from the ranker alone (the stars model only labels the cards), so this
  // session serves the ranker without a second SVD fit.
  const visitorSession = new Session({ ...dataset, ratings: trainWithout }, false);
  const easeV = trainEase(trainWithout, nItems);
  visitorSession.setRanker(easeV);
  const asVisitor = (u: number) => {
    visitorSession.setVisitorRatings(trainBy[u]!.map(({ item, rating }) => ({ key: keyOf(catalog, item), rating, title: catalog.titles[item]!, year: catalog.years[item]!, ratedAt: 0 })));
    return recommended(visitorSession, { kind: 'visitor' });
  };
  const b = score(visitors, testBy, nItems, asVisitor);
  put('visitor', b);
  const countsV = countsOf(trainWithout);
  const popV = score(visitors, testBy, nItems, (u) => served(countsV, u));
  put('visitor_pop', popV);
  out.visitors = b.users;
  out.visitor_ndcg10_vs_pop = b.ndcg / popV.ndcg;

  // reasons_truthful: every card of 100 visitors, each cited rating checked against the served
  // recommender's own contributions (reasonsTruthful), and independently against the score:
  // leaving the cited rating out of the profile must lower that card's score.
  const parts = [];
  let cited = 0, truthful = 0;
  for (const u of visitors.slice(0, EXPLAINED_VISITORS)) {
    const items = asVisitor(u);
    const profile = visitorSession.visitorProfile!;
    parts.push(reasonsTruthful(visitorSession.recommender, catalog, profile, items));
    const full = easeScores(easeV, profile.ratings);
    for (const item of items) {
      const cites = visitorSession.recommender.explain(profile, item).filter((c) => c.contribution > 0);
      for (const c of cites) {
        cited++;
        if (full[item]! > easeScores(easeV, profile.ratings.filter((r) => r.item !== c.item))[item]!) truthful++;
      }
    }
  }
  const truth = combineTruthfulness(parts);
  out.reasons_cited = truth.cited;
  out.reasons_truthful = truth.share;
  out.positive_shares_checked = cited;
  out.positive_shares_lower_score_when_removed = cited ? truthful / cited : 1;

  const peers = surpriseLists(train, test, nItems);
  if (typeof peers === 'string') {
    console.log(`Surprise columns ${peers}`);
  } else {
    for (const [name, key] of [['svd', 'surprise_svd'], ['baseline-only', 'surprise_baseline']] as const) {
      const lists = peers[name]!;
      put(key, score(users, testBy, nItems, (u) => lists[String(u)] ?? []));
    }
  }
  return out;
}

let lists: Record<string, number> = {};
let fitData: { train: RatingsCoo; nItems: number } | undefined;

export const rankServed: Benchmark = {
  name: 'rank-served',
  description: 'ml-latest-small, seeded 80/20 split, full ranking: the served list (the recommend verb: EASE^R through rank()) for dataset users and folded-in visitors vs most-popular, the previous SVD list and Surprise; fit time median over repeats (Node)',
  repeats: 5,
  async setup() {
    if (!HAS_DATA) throw new Error(NO_DATA_REASON);
    // The SVD (stars, and the previous list) trains on TF.js wasm in this Node process.
    const { useBackend } = await import('../unit/model/tf-setup');
    await useBackend('wasm');
    lists = await measureLists();
    const dataset = await loadMlSmall();
    fitData = { train: trainTestSplit(dataset.ratings, 0.2, 0).train, nItems: dataset.catalog.size };
  },
  async run() {
    const t0 = performance.now();
    const model = trainEase(fitData!.train, fitData!.nItems);
    const fitS = (performance.now() - t0) / 1000;
    return { ...lists, fit_s: fitS, model_items: model.items.length };
  },
};

if (process.argv[1]?.endsWith('rank-served.bench.ts')) {
  const result = await runBenchmark(rankServed, { baseUrl: '', env: { backend: 'wasm (Node; the SVD column only)' } });
  printTable(result);
  console.log(`→ ${writeResult(result)}`);
}
