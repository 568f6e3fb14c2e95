// Full-size synthetic copy of The Movies Dataset (Kaggle, rounakbanik/the-movies-dataset) for
// the ETL benchmark: movies_metadata.csv, credits.csv (~190 MB), keywords.csv and links.csv
// with the real files' schema, row counts, formats and known defects. Everything is
// synthetic (titles, people, companies, keywords); distributions are modelled on the real
// rows in shared/data/the-movies-dataset/excel-resaved-sample and on the published counts.
//
// Streams every file through fs write streams with backpressure; memory stays bounded.
// Usage: node scripts/generate-movies-dataset.mjs --out DIR [--movies 45466] [--seed 1]

import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BatchedWriter } from './lib/batched-writer.mjs';
import { intFlag, isMainModule, parseArgs } from './lib/cli-args.mjs';
import { csvField } from './lib/csv-field.mjs';
import { aliasSampler, mulberry32 } from './lib/mulberry32.mjs';
import { GENERIC_ROLES, LAST, MONONYMS, creditId, imagePath, randomCharacter, randomPerson } from './lib/person-names.mjs';
import { pyFloat, pyStr } from './lib/python-literal.mjs';

/**
 * @typedef {object} MoviesDatasetOptions
 * @property {string} out output directory
 * @property {number} [movies] rows of movies_metadata.csv as a CSV parser counts them (45466)
 * @property {number} [seed] RNG seed (1)
 */

/**
 * @typedef {object} MoviesDatasetSummary
 * @property {Record<string, { bytes: number, rows: number }>} files rows exclude the header
 * @property {number} distinctMovies movies with a valid, unique id
 * @property {number} duplicateRows extra movies_metadata rows repeating an earlier id
 * @property {number} brokenRows rows whose id column holds a date (shifted columns)
 * @property {number} seconds
 */

/** Published sizes of the real files, the targets at --movies 45466. */
const REAL = { movies: 45466, credits: 45476, keywords: 46419, keywordIds: 45432, links: 45843, duplicateIds: 30, emptyTmdb: 219 };

/** The three real rows whose overview broke the line; their text is the real continuation. */
const BROKEN_TAILS = [
  { tail: ' - Written by Ørnås', date: '1997-08-20' },
  { tail: ' Rune Balot goes to a casino connected to the October corporation to try to wrap up her case once and for all.', date: '2012-09-29' },
  { tail: ' Avalanche Sharks tells the story of a bikini contest that turns into a horrifying affair when it is hit by a shark avalanche.', date: '2014-01-01' },
];

/** TMDB genres with their frequency among the real 45,466 movies (incl. the retired "Foreign"). */
const GENRE_FREQ = /** @type {Array<[number, string, number]>} */ ([
  [18, 'Drama', 20265], [35, 'Comedy', 13182], [53, 'Thriller', 7624], [10749, 'Romance', 6735],
  [28, 'Action', 6596], [27, 'Horror', 4673], [80, 'Crime', 4307], [99, 'Documentary', 3932],
  [12, 'Adventure', 3496], [878, 'Science Fiction', 3049], [10751, 'Family', 2770], [9648, 'Mystery', 2467],
  [14, 'Fantasy', 2313], [16, 'Animation', 1935], [10769, 'Foreign', 1622], [10402, 'Music', 1598],
  [36, 'History', 1398], [10752, 'War', 1323], [37, 'Western', 1042], [10770, 'TV Movie', 767],
]);

/** original_language shares (real: en 71%, fr 5%, it 3%, ja 3.5%, de 2.4%, es 2.2%, ru 1.8%, …). */
const LANGUAGES = /** @type {Array<[string, string, number]>} */ ([
  ['en', 'English', 3221], ['fr', 'Français', 245], ['it', 'Italiano', 142], ['ja', '日本語', 160], ['de', 'Deutsch', 108],
  ['es', 'Español', 99], ['ru', 'Pусский', 83], ['hi', 'हिन्दी', 36], ['ko', '한국어/조선말', 33], ['zh', '普通话', 31],
  ['sv', 'svenska', 23], ['pt', 'Português', 22], ['cn', '广州话 / 廣州話', 18], ['fi', 'suomi', 13], ['nl', 'Nederlands', 11],
  ['da', 'Dansk', 10], ['pl', 'Polski', 10], ['tr', 'Türkçe', 7], ['cs', 'Český', 6], ['el', 'ελληνικά', 5],
  ['fa', 'فارسی', 5], ['hu', 'Magyar', 4], ['no', 'Norsk', 4], ['xx', 'No Language', 3],
]);

const COUNTRIES = /** @type {Array<[string, string, number]>} */ ([
  ['US', 'United States of America', 21153], ['GB', 'United Kingdom', 4094], ['FR', 'France', 3940], ['DE', 'Germany', 2254],
  ['IT', 'Italy', 2169], ['CA', 'Canada', 1765], ['JP', 'Japan', 1648], ['ES', 'Spain', 964], ['RU', 'Russia', 912],
  ['IN', 'India', 828], ['HK', 'Hong Kong', 596], ['SE', 'Sweden', 576], ['AU', 'Australia', 560], ['KR', 'South Korea', 523],
  ['BE', 'Belgium', 437], ['DK', 'Denmark', 377], ['FI', 'Finland', 337], ['CN', 'China', 330], ['MX', 'Mexico', 299],
  ['BR', 'Brazil', 290], ['CI', "Cote D'Ivoire", 6], ['IS', 'Iceland', 60], ['NO', 'Norway', 290],
]);

const STATUS = /** @type {Array<[string, number]>} */ ([['Released', 45014], ['Rumored', 230], ['Post Production', 98], ['In Production', 20], ['Planned', 15], ['Canceled', 2], ['', 87]]);

/** Crew jobs and their departments, weighted as in the real credits sample. */
const JOBS = /** @type {Array<[string, string, number]>} */ ([
  ['Producer', 'Production', 73], ['Screenplay', 'Writing', 54], ['Editor', 'Editing', 37], ['Executive Producer', 'Production', 36],
  ['Director of Photography', 'Camera', 32], ['Animation', 'Visual Effects', 12], ['Sound Re-Recording Mixer', 'Sound', 25],
  ['Casting', 'Production', 21], ['Stunts', 'Crew', 20], ['Art Direction', 'Art', 19], ['Original Music Composer', 'Sound', 19],
  ['Production Design', 'Art', 17], ['Set Decoration', 'Art', 17], ['Camera Operator', 'Camera', 17], ['Costume Design', 'Costume & Make-Up', 16],
  ['Makeup Artist', 'Costume & Make-Up', 15], ['Hairstylist', 'Costume & Make-Up', 14], ['Dialogue Editor', 'Sound', 14],
  ['Still Photographer', 'Camera', 13], ['Novel', 'Writing', 12], ['Writer', 'Writing', 11], ['Special Effects', 'Visual Effects', 11],
  ['First Assistant Editor', 'Editing', 11], ['Script Supervisor', 'Crew', 10], ['Music', 'Sound', 9], ['Supervising Sound Editor', 'Sound', 9],
  ['Gaffer', 'Lighting', 8], ['Visual Effects Supervisor', 'Visual Effects', 8], ['Co-Producer', 'Production', 7], ['Foley', 'Sound', 8],
]);

/** @type {[string, string, number]} Every crew list that is not empty starts with its director. */
const DIRECTOR = ['Director', 'Directing', 0];

const TITLE_A = ['The', 'A', 'My', 'Our', 'Last', 'Little', 'Dark', 'Silent', 'Broken', 'Lost', 'Secret', 'Wild', 'Blue', 'Red', 'Golden', 'Long', 'Cold', 'Hidden', 'Final', 'Second'];
const TITLE_N = ['Summer', 'Night', 'River', 'House', 'Road', 'Heart', 'City', 'Game', 'Island', 'Storm', 'Promise', 'Mirror', 'Garden', 'Dream', 'Kingdom', 'Shadow', 'Journey', 'Letter', 'Station', 'Winter', 'Hunter', 'Stranger', 'Sister', 'Brother', 'Empire', 'Ghost', 'Angel', 'Horizon', 'Hotel', 'Voyage'];
const FOREIGN_TITLES = ['Le Grand Voyage', 'La Nuit américaine', 'Les Enfants du paradis', "L'Été dernier", 'Das Boot', 'Der Himmel über Berlin', 'La Dolce Vita', 'Il Sorpasso', 'El Laberinto', 'Los Olvidados', 'Смерть', 'Брат', '七人の侍', '東京物語', '花様年華', '살인의 추억', 'Sånger från andra våningen', 'Jägarna', 'Øjenlæge', 'Zoë en de zee'];
const OVERVIEW_SENTENCES = [
  'When a young woman returns to her home town, she uncovers a secret her family has kept for decades.',
  'A retired detective is drawn back for one last case, and this time it is personal.',
  "Two estranged brothers set out on a road trip across the country to fulfil their father's last wish.",
  'In a near future where memories can be bought and sold, a thief stumbles onto a conspiracy.',
  'A small-town teacher, a stubborn mayor and a stray dog change each other\'s lives over one winter.',
  'Based on a true story.',
  'The film follows "Red", a small-time hustler, through the last night of the old year.',
  'A documentary about the people who build, break and rebuild the city.',
  'After a freak storm, a family is stranded on an island that does not appear on any map.',
  'She has 48 hours, $10,000 and no plan at all.',
  'A haunting love story set against the backdrop of war.',
  'An ambitious chef, a failing restaurant, and one impossible critic.',
  'The legend of the gunslinger who never drew first.',
  'What starts as a prank spirals into something none of them can control.',
];
const TAGLINES = ['Some secrets never die.', 'Every family has a story.', 'The truth is out there.', "It's not the size of the dog in the fight.", 'One night. One chance.', 'Nobody is innocent.', 'Love is a battlefield.', 'Adventure has a new name: "Trouble".'];
const COMPANY_WORDS = ['Pictures', 'Films', 'Productions', 'Entertainment', 'Studios', 'Media', 'Film', 'Cinema', 'Company'];
const COMPANY_HEADS = ['Silver', 'Northern', 'Blue Sky', 'Red Door', 'Lighthouse', 'Atlas', 'Harbor', 'Mirage', "Hunter's", 'Studio Ghibli', 'Canal+', 'Gaumont', 'Toho', 'Zentropa', 'Ørsted', 'Société Nouvelle', 'Rai Cinema', 'Metro-Goldwyn-Mayer (MGM)', 'Golden Harvest', 'Mosfilm'];
const KEYWORD_WORDS = ['love', 'murder', 'friendship', 'revenge', 'police', 'death', 'family', 'war', 'sex', 'music', 'dystopia', 'woman director', 'independent film', 'based on novel', 'biography', 'sport', 'prison', 'alien', 'vampire', 'zombie', 'robbery', 'new york', 'paris', 'london', 'high school', 'small town', 'road movie', 'time travel', 'suicide', 'drug', 'duringcreditsstinger', 'aftercreditsstinger', "children's book", 'nudity', 'kidnapping', 'escape', 'dog', 'hospital', 'journalist', 'christmas'];
const KEYWORD_MODS = ['', 'young', 'old', 'secret', 'female', 'male', 'lost', 'rival', 'corrupt', 'dead', 'fake', 'first', 'forbidden', 'violent', 'teenage', 'japanese', 'french', 'british', 'american', 'german'];

/**
 * Weighted pick helper over [value…, weight] rows.
 * @template T
 * @param {Array<T>} rows
 * @param {(row: T) => number} weight
 */
function weighted(rows, weight) {
  const sample = aliasSampler(rows.map(weight));
  return /** @param {import('./lib/mulberry32.mjs').Rng} rng */ (rng) => rows[sample(rng)];
}

/** @param {string} text @returns {string} text with '"' doubled, for a field that will be quoted */
const csvEscaped = (text) => (text.includes('"') ? text.replaceAll('"', '""') : text);

/**
 * Lognormal draw: exp(N(log median, sigma)).
 * @param {import('./lib/mulberry32.mjs').Rng} rng
 * @param {number} median
 * @param {number} sigma
 */
const logNormal = (rng, median, sigma) => median * Math.exp(sigma * rng.normal());

/**
 * A pool of synthetic people whose dict fragments (gender, id, name, profile_path) are
 * rendered once, so the ~1M credit entries are string concatenation only.
 * @param {import('./lib/mulberry32.mjs').Rng} rng
 * @param {number} size
 * @param {number} firstId
 * @param {number} zipf fame exponent
 */
function personPool(rng, size, firstId, zipf) {
  /** @type {string[]} "'gender': 2, 'id': 31, 'name': 'Tom Hanks'", CSV-escaped */
  const head = new Array(size);
  const gender = new Uint8Array(size);
  /** @type {string[]} "'gender': 2, 'id': 31" */
  const genderId = new Array(size);
  /** @type {string[]} "'name': 'Tom Hanks'", CSV-escaped */
  const name = new Array(size);
  /** @type {string[]} "'profile_path': None" or a path */
  const profile = new Array(size);
  const weights = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const p = randomPerson(rng);
    gender[i] = p.gender;
    // Stored CSV-escaped ('"' doubled): the credit lists are assembled already escaped, so the
    // 3 KB fields need no second pass (that pass was a third of the run time).
    genderId[i] = `'gender': ${p.gender}, 'id': ${firstId + i * 3 + rng.int(3)}`;
    name[i] = `'name': ${pyStr(p.name).replaceAll('"', '""')}`;
    head[i] = genderId[i] + ', ' + name[i];
    profile[i] = `'profile_path': ${i < size * 0.35 || rng.next() < 0.2 ? pyStr(imagePath(rng)) : 'None'}`;
    weights[i] = 1 / Math.pow(i + 10, zipf);
  }
  const draw = aliasSampler(weights);
  return { head, genderId, name, gender, profile, draw };
}

/**
 * A keyword vocabulary of ~20k entries (the real file uses 19,956 distinct keywords),
 * rendered as Python dicts once; drawn with Zipf weights.
 * @param {import('./lib/mulberry32.mjs').Rng} rng
 */
function keywordVocabulary(rng) {
  /** @type {string[]} */
  const dicts = [];
  const seen = new Set();
  for (const w of KEYWORD_WORDS) seen.add(w);
  const names = [...KEYWORD_WORDS];
  while (names.length < 20000) {
    const r = rng.next();
    const name = r < 0.5 ? `${rng.pick(KEYWORD_MODS)} ${rng.pick(KEYWORD_WORDS)}`.trim() : r < 0.8 ? `${rng.pick(KEYWORD_WORDS)} ${rng.pick(TITLE_N).toLowerCase()}` : `${rng.pick(LAST).toLowerCase()} ${names.length}`;
    if (seen.has(name)) continue;
    seen.add(name);
    names.push(name);
  }
  for (let i = 0; i < names.length; i++) dicts.push(`{'id': ${10 + i * 11 + rng.int(11)}, 'name': ${pyStr(names[i])}}`);
  const draw = aliasSampler(names.map((_, i) => 1 / Math.pow(i + 3, 1.05)));
  return { dicts, draw };
}

/**
 * @param {import('./lib/mulberry32.mjs').Rng} rng
 * @param {string} lang
 */
function makeTitle(rng, lang) {
  if (lang !== 'en' && rng.next() < 0.7) return rng.pick(FOREIGN_TITLES) + (rng.next() < 0.5 ? '' : ' ' + (2 + rng.int(3)));
  const r = rng.next();
  const a = rng.pick(TITLE_A);
  const n = rng.pick(TITLE_N);
  if (r < 0.35) return `${a} ${n}`;
  if (r < 0.55) return `${n} of the ${rng.pick(TITLE_N)}`;
  if (r < 0.7) return `${rng.pick(LAST)}'s ${n}`;
  if (r < 0.8) return `${a} ${n}: Part ${2 + rng.int(3)}`;
  if (r < 0.86) return `${n}, ${rng.pick(TITLE_N)} and ${rng.pick(TITLE_N)}`;
  if (r < 0.9) return `"${n}"`;
  if (r < 0.93) return `${rng.pick(MONONYMS)}`;
  return `${a} ${n} ${1950 + rng.int(70)}`;
}

/**
 * Generate the four files into options.out.
 * @param {MoviesDatasetOptions} options
 * @returns {Promise<MoviesDatasetSummary>}
 */
export async function generateMoviesDataset(options) {
  const started = performance.now();
  const out = resolve(options.out);
  const total = options.movies ?? REAL.movies;
  const rng = mulberry32(options.seed ?? 1);
  const scale = total / REAL.movies;
  mkdirSync(out, { recursive: true });

  const broken = total >= 20 ? BROKEN_TAILS.length : 0;
  const duplicates = Math.max(total >= 100 ? 1 : 0, Math.round(REAL.duplicateIds * scale));
  const distinct = total - broken - duplicates;
  // Broken pairs near the real files' positions (rows 19,730, 29,503 and 35,587 of 45,466).
  const brokenAt = new Set(broken ? [0.434, 0.649, 0.783].map((f) => Math.floor(f * distinct)) : []);
  const dupAt = new Set();
  while (dupAt.size < duplicates) dupAt.add(50 + rng.int(Math.max(1, distinct - 50)));
  const creditRows = Math.max(distinct, Math.round(REAL.credits * scale));
  const keywordDistinct = Math.max(1, Math.min(distinct, Math.round(REAL.keywordIds * scale)));
  const keywordRows = Math.max(keywordDistinct, Math.round(REAL.keywords * scale));
  const linkRows = Math.max(distinct, Math.round(REAL.links * scale));
  const creditDupAt = new Set();
  while (creditDupAt.size < creditRows - distinct) creditDupAt.add(rng.int(distinct));
  const keywordSkip = new Set();
  while (keywordSkip.size < distinct - keywordDistinct) keywordSkip.add(rng.int(distinct));
  const keywordDupAt = new Set();
  while (keywordDupAt.size < Math.min(keywordRows - keywordDistinct, keywordDistinct)) {
    const k = rng.int(distinct);
    if (!keywordSkip.has(k)) keywordDupAt.add(k);
  }
  const extraLinks = linkRows - distinct;
  const emptyTmdb = Math.round(extraLinks * (REAL.emptyTmdb / (REAL.links - 45433)));

  // Pools scale with the run so small test runs skip building 350k people.
  const cast = personPool(mulberry32((options.seed ?? 1) * 7919 + 1), Math.min(200000, 2000 + total * 5), 1000, 0.75);
  const crew = personPool(mulberry32((options.seed ?? 1) * 7919 + 2), Math.min(150000, 2000 + total * 4), 700000, 0.7);
  // Character names rendered once (4,096 per actor gender, CSV-escaped Python strings).
  const charRng = mulberry32((options.seed ?? 1) * 7919 + 4);
  const characters = [0, 1, 2].map((g) => Array.from({ length: 4096 }, (_, i) => csvEscaped(pyStr(randomCharacter(charRng, i % 5, g)))));
  const roles = GENERIC_ROLES.map((r) => csvEscaped(pyStr(r)));
  const vocabulary = keywordVocabulary(mulberry32((options.seed ?? 1) * 7919 + 3));
  const pickGenre = weighted(GENRE_FREQ, (g) => g[2]);
  const pickLang = weighted(LANGUAGES, (l) => l[2]);
  const pickCountry = weighted(COUNTRIES, (c) => c[2]);
  const pickStatus = weighted(STATUS, (s) => s[1]);
  const pickJob = weighted(JOBS, (j) => j[2]);
  const genreDicts = GENRE_FREQ.map(([id, name]) => `{'id': ${id}, 'name': ${pyStr(name)}}`);
  const langDicts = new Map(LANGUAGES.map(([iso, name]) => [iso, `{'iso_639_1': '${iso}', 'name': ${pyStr(name)}}`]));
  const companyCount = 23000;
  const companyDraw = aliasSampler(Array.from({ length: companyCount }, (_, i) => 1 / Math.pow(i + 5, 0.9)));
  /** @param {number} i */
  const companyDict = (i) => {
    const name = i < COMPANY_HEADS.length ? COMPANY_HEADS[i] : `${COMPANY_HEADS[i % COMPANY_HEADS.length]} ${TITLE_N[(i >> 4) % TITLE_N.length]} ${COMPANY_WORDS[i % COMPANY_WORDS.length]}`;
    return `{'name': ${pyStr(name)}, 'id': ${i * 3 + 1}}`;
  };

  const movies = new BatchedWriter(join(out, 'movies_metadata.csv'));
  const credits = new BatchedWriter(join(out, 'credits.csv'));
  const keywords = new BatchedWriter(join(out, 'keywords.csv'));
  const links = new BatchedWriter(join(out, 'links.csv'));
  movies.write('adult,belongs_to_collection,budget,genres,homepage,id,imdb_id,original_language,original_title,overview,popularity,poster_path,production_companies,production_countries,release_date,revenue,runtime,spoken_languages,status,tagline,title,video,vote_average,vote_count\n');
  credits.write('cast,crew,id\n');
  keywords.write('id,keywords\n');
  // The published links.csv has CRLF line endings; keep them so readers are exercised.
  links.write('movieId,imdbId,tmdbId\r\n');

  /** Recent rows, the source of the duplicate-id rows (real duplicates sit close together). */
  /** @type {string[]} */
  const recentMovies = [];
  /** @type {string[]} */
  const recentCredits = [];
  let movieRows = 0;
  let creditCount = 0;
  let keywordCount = 0;
  let linkCount = 0;
  let brokenIndex = 0;
  let movieLensId = 0;
  let collectionId = 10;
  const linksEvery = extraLinks > 0 ? distinct / extraLinks : Infinity;
  let nextExtraLink = linksEvery / 2;
  let extraWritten = 0;

  for (let k = 0; k < distinct; k++) {
    const tmdbId = 2 + k * 10 + rng.int(10);
    const imdbNum = 10000 + k * 40 + rng.int(40);
    const year = Math.max(1874, 2017 - Math.floor(-Math.log(1 - rng.next()) * 22));
    const released = rng.next() > 0.002;
    const date = released ? `${year}-${String(1 + rng.int(12)).padStart(2, '0')}-${String(1 + rng.int(28)).padStart(2, '0')}` : '';
    const lang = pickLang(rng);
    const title = makeTitle(rng, lang[0]);
    const noVotes = rng.next() < 0.065;
    const voteCount = noVotes ? 0 : Math.min(14075, Math.floor(logNormal(rng, 12, 1.9)));
    const voteAverage = voteCount === 0 ? 0 : Math.round(Math.min(10, Math.max(1, 6.1 + 0.9 * rng.normal() * (1 + 2 / Math.sqrt(voteCount + 1)))) * 10) / 10;
    const fame = Math.log1p(voteCount);
    const popularity = Math.max(0.000001, 0.3 * Math.exp(0.55 * fame) * logNormal(rng, 1, 0.5));
    const hasBudget = rng.next() < 0.12 + 0.07 * fame;
    const budget = hasBudget ? Math.round(logNormal(rng, 8e6, 1.4) / 1000) * 1000 : 0;
    const revenue = (hasBudget && rng.next() < 0.65) || rng.next() < 0.04 ? Math.round(logNormal(rng, budget || 5e6, 1.1)) : 0;
    const runtimeRoll = rng.next();
    const runtime = runtimeRoll < 0.006 ? '' : runtimeRoll < 0.04 ? '0.0' : pyFloat(Math.max(1, Math.round(94 + 24 * rng.normal())));
    const nGenres = rng.next() < 0.054 ? 0 : Math.min(8, 1 + Math.floor(-Math.log(1 - rng.next()) * 1.1));
    /** @type {Set<string>} */
    const genres = new Set();
    for (let g = 0; g < nGenres * 2 && genres.size < nGenres; g++) genres.add(genreDicts[GENRE_FREQ.indexOf(pickGenre(rng))]);
    const nCompanies = rng.next() < 0.26 ? 0 : 1 + Math.floor(-Math.log(1 - rng.next()) * 1.3);
    /** @type {Set<string>} */
    const companies = new Set();
    for (let c = 0; c < nCompanies; c++) companies.add(companyDict(companyDraw(rng)));
    const nCountries = rng.next() < 0.14 ? 0 : rng.next() < 0.8 ? 1 : 2 + rng.int(3);
    /** @type {Set<string>} */
    const countries = new Set();
    for (let c = 0; c < nCountries; c++) {
      const country = pickCountry(rng);
      countries.add(`{'iso_3166_1': '${country[0]}', 'name': ${pyStr(country[1])}}`);
    }
    /** @type {Set<string>} */
    const spoken = new Set(rng.next() < 0.085 ? [] : [/** @type {string} */ (langDicts.get(lang[0]))]);
    if (rng.next() < 0.2) spoken.add(/** @type {string} */ (langDicts.get(pickLang(rng)[0])));
    const collection = rng.next() < 0.1 ? `{'id': ${collectionId++ * 13}, 'name': ${pyStr(title.replace(/:.*$/, '') + ' Collection')}, 'poster_path': ${rng.next() < 0.8 ? pyStr(imagePath(rng)) : 'None'}, 'backdrop_path': ${rng.next() < 0.7 ? pyStr(imagePath(rng)) : 'None'}}` : '';
    let overview = '';
    if (rng.next() > 0.021) {
      const sentences = 2 + rng.int(5);
      for (let s = 0; s < sentences; s++) overview += (s ? ' ' : '') + rng.pick(OVERVIEW_SENTENCES);
      // A few real overviews hold line breaks inside their quotes: legal CSV, hard for naive readers.
      if (rng.next() < 0.002) overview = overview.replace('. ', '.\n\n');
    }
    const fields = [
      rng.next() < 0.0002 ? 'True' : 'False',
      collection,
      String(budget),
      '[' + [...genres].join(', ') + ']',
      rng.next() < 0.17 ? `http://www.${title.toLowerCase().replace(/[^a-z0-9]+/g, '')}movie.com/` : '',
      String(tmdbId),
      rng.next() < 0.0004 ? '' : 'tt' + String(imdbNum).padStart(7, '0'),
      lang[0],
      title,
      overview,
      popularity.toFixed(6),
      rng.next() < 0.0085 ? '' : imagePath(rng),
      '[' + [...companies].join(', ') + ']',
      '[' + [...countries].join(', ') + ']',
      date,
      pyFloat(revenue),
      runtime,
      '[' + [...spoken].join(', ') + ']',
      released ? pickStatus(rng)[0] : '',
      rng.next() < 0.45 ? rng.pick(TAGLINES) : '',
      title,
      rng.next() < 0.002 ? 'True' : 'False',
      pyFloat(voteAverage),
      pyFloat(voteCount),
    ];

    let line = '';
    if (brokenAt.has(k) && brokenIndex < BROKEN_TAILS.length) {
      // Reproduce the real file's three broken records: the overview's line break ended the
      // record after the overview column; the rest of the record became a row of its own,
      // shifted left so that `release_date` sits in `id`.
      const b = BROKEN_TAILS[brokenIndex++];
      fields[14] = b.date;
      fields[15] = '0';
      const head = fields.slice(0, 10).map(csvField).join(',');
      const tail = [b.tail, ...fields.slice(10)].map(csvField).join(',');
      line = head + '\n' + tail + '\n';
      movieRows += 2;
    } else {
      for (let f = 0; f < fields.length; f++) line += (f ? ',' : '') + csvField(fields[f]);
      line += '\n';
      movieRows += 1;
    }
    const pm = movies.write(line);
    if (pm) await pm;
    recentMovies.push(line);
    if (recentMovies.length > 40) recentMovies.shift();
    if (dupAt.has(k) && recentMovies.length > 1) {
      const again = recentMovies[rng.int(recentMovies.length - 1)];
      const p = movies.write(again);
      if (p) await p;
      movieRows += again.split('\n').length - 1;
    }

    // credits: cast and crew list lengths are heavy-tailed and grow with fame (real: up to
    // 313 cast and 435 crew entries, some films with none at all).
    const nCast = rng.next() < 0.05 ? 0 : Math.min(313, Math.floor(logNormal(rng, 6.5 + 1.35 * fame, 0.75)));
    const nCrew = rng.next() < 0.03 ? 0 : Math.min(435, Math.max(1, Math.floor(logNormal(rng, 3.2 + 1.45 * fame, 0.95))));
    // Fragments go into an array joined once per row: a flat string, instead of a rope of
    // ~20 concatenations per entry that Buffer.from would have to flatten (measured 2.3 s of 8).
    /** @type {Array<string | number>} */
    const parts = [];
    if (nCast === 0) parts.push('[]');
    else parts.push('"[');
    for (let c = 0; c < nCast; c++) {
      const p = cast.draw(rng);
      const character = c > 4 && rng.next() < 0.5 ? roles[rng.int(roles.length)] : characters[cast.gender[p]][rng.int(4096)];
      parts.push(c ? ", {'cast_id': " : "{'cast_id': ", c + 1 + rng.int(4), ", 'character': ", character, ", 'credit_id': '", creditId(rng), "', ", cast.head[p], ", 'order': ", c, ', ', cast.profile[p], '}');
    }
    if (nCast) parts.push(']"');
    parts.push(nCrew ? ',"[' : ',[]');
    for (let c = 0; c < nCrew; c++) {
      const p = crew.draw(rng);
      const job = c === 0 ? DIRECTOR : pickJob(rng);
      parts.push(c ? ", {'credit_id': '" : "{'credit_id': '", creditId(rng), "', 'department': '", job[1], "', ", crew.genderId[p], ", 'job': '", job[0], "', ", crew.name[p], ', ', crew.profile[p], '}');
    }
    if (nCrew) parts.push(']"');
    parts.push(',', tmdbId, '\n');
    // Both lists are built CSV-escaped; a non-empty list holds ", " and so is always quoted.
    const creditLine = parts.join('');
    const pc = credits.write(creditLine);
    if (pc) await pc;
    creditCount++;
    recentCredits.push(creditLine);
    if (recentCredits.length > 40) recentCredits.shift();
    if (creditDupAt.has(k)) {
      const pd = credits.write(recentCredits[rng.int(recentCredits.length)]);
      if (pd) await pd;
      creditCount++;
    }

    // keywords: about a third of films have none; heavy tail up to ~150.
    if (!keywordSkip.has(k)) {
      const nKw = rng.next() < 0.32 ? 0 : Math.min(149, 1 + Math.floor(logNormal(rng, 2.4 + 0.3 * fame, 0.8)));
      /** @type {Set<number>} */
      const kw = new Set();
      for (let t = 0; t < nKw * 2 && kw.size < nKw; t++) kw.add(vocabulary.draw(rng));
      let kwLine = tmdbId + ',' + csvField('[' + [...kw].sort((a, b) => a - b).map((i) => vocabulary.dicts[i]).join(', ') + ']') + '\n';
      if (keywordDupAt.has(k)) kwLine += kwLine;
      keywordCount += keywordDupAt.has(k) ? 2 : 1;
      const pk = keywords.write(kwLine);
      if (pk) await pk;
    }

    // links: MovieLens ids increase with gaps (real: 45,843 rows up to movieId 176,279).
    movieLensId += 1 + Math.floor(-Math.log(1 - rng.next()) * 2.8);
    let linkLine = `${movieLensId},${String(imdbNum).padStart(7, '0')},${tmdbId}\r\n`;
    linkCount++;
    while (extraWritten < extraLinks && k + 1 >= nextExtraLink) {
      movieLensId += 1 + rng.int(3);
      // Extra MovieLens entries: some without a TMDB id, the rest pointing at films that are
      // not in movies_metadata (real: 219 empty tmdbId).
      const target = extraWritten < emptyTmdb ? '' : String(2 + (distinct + rng.int(distinct)) * 10);
      linkLine += `${movieLensId},${String(5000000 + rng.int(4000000)).padStart(7, '0')},${target}\r\n`;
      extraWritten++;
      linkCount++;
      nextExtraLink += linksEvery;
    }
    const pl = links.write(linkLine);
    if (pl) await pl;
  }

  const files = {
    'movies_metadata.csv': { bytes: await movies.close(), rows: movieRows },
    'credits.csv': { bytes: await credits.close(), rows: creditCount },
    'keywords.csv': { bytes: await keywords.close(), rows: keywordCount },
    'links.csv': { bytes: await links.close(), rows: linkCount },
  };
  return { files, distinctMovies: distinct, duplicateRows: duplicates, brokenRows: broken, seconds: (performance.now() - started) / 1000 };
}

if (isMainModule(import.meta.url)) {
  const flags = parseArgs(process.argv.slice(2));
  const out = flags.get('out');
  if (!out) {
    console.error('usage: node scripts/generate-movies-dataset.mjs --out DIR [--movies 45466] [--seed 1]');
    process.exit(2);
  }
  const summary = await generateMoviesDataset({ out, movies: intFlag(flags, 'movies', REAL.movies), seed: intFlag(flags, 'seed', 1) });
  const bytes = Object.values(summary.files).reduce((s, f) => s + f.bytes, 0);
  const rows = Object.entries(summary.files).map(([name, f]) => `${name} ${f.rows} rows ${(f.bytes / 1e6).toFixed(1)} MB`).join(', ');
  console.log(`movies dataset (synthetic): ${rows}; ${(bytes / 1e6).toFixed(0)} MB in ${summary.seconds.toFixed(1)} s (${(bytes / 1e6 / summary.seconds).toFixed(0)} MB/s)`);
}
