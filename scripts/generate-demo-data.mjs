// Writes StreamRec's embedded demo data into public/demo/ at `npm install` time, in The Movies
// Dataset's (Kaggle) schema, built from vega-datasets' movies.json, never downloaded.
//
// What is real and what is synthetic:
// - REAL (vega-datasets movies.json): titles, release dates, IMDB rating and votes, budget,
//   worldwide gross, running time, director (when known), distributor, MPAA rating, genre,
//   creative type and source (from which TMDB genres and keywords are derived).
// - SYNTHETIC: TMDB ids (100000 + index) and imdb ids, overviews, cast names (a deterministic
//   generator over first/last name lists; actors recur across films so "same actor" signals
//   exist), crew other than the director, keywords, and every rating in ratings.csv (a
//   latent-factor model calibrated to each film's IMDB rating). The CSVs themselves carry no
//   marker; demo.json labels the set "demo data, synthetic ratings".
//
// Deterministic: seeded mulberry32 and no clock, so the bytes are identical on every run.
// Usage: node scripts/generate-demo-data.mjs [--out DIR] (default public/demo)

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainModule, parseArgs } from './lib/cli-args.mjs';
import { csvRow } from './lib/csv-field.mjs';
import { aliasSampler, hashString, mulberry32 } from './lib/mulberry32.mjs';
import { creditId, randomCharacter, randomPerson } from './lib/person-names.mjs';
import { pyFloat, pyRepr } from './lib/python-literal.mjs';
import { GENRE, GENRES, GENRE_KEYWORDS, SOURCE_KEYWORDS, keyword } from './lib/tmdb-genres.mjs';

/**
 * One film of vega-datasets' movies.json (only the fields used here; Title is a number for
 * titles like "1776").
 * @typedef {{
 *   'Title': string | number | null,
 *   'Release Date'?: string | null,
 *   'Major Genre'?: string | null,
 *   'Creative Type'?: string | null,
 *   'Source'?: string | null,
 *   'Director'?: string | null,
 *   'Distributor'?: string | null,
 *   'MPAA Rating'?: string | null,
 *   'IMDB Rating'?: number | null,
 *   'IMDB Votes'?: number | null,
 *   'Running Time min'?: number | null,
 *   'Production Budget'?: number | null,
 *   'Worldwide Gross'?: number | null,
 * }} VegaMovie
 */

/**
 * A film kept for the demo, with everything the CSV writers need.
 * @typedef {object} DemoFilm
 * @property {number} id synthetic TMDB-like id
 * @property {string} title
 * @property {string} date YYYY-MM-DD
 * @property {number} year
 * @property {import('./lib/tmdb-genres.mjs').Genre[]} genres
 * @property {number} imdbRating
 * @property {number} votes
 * @property {VegaMovie} source
 */

/** @typedef {{ name: string, bytes: number, rows: number, sha256: string }} DemoFile */
/** @typedef {{ label: string, source: string, seed: number, films: number, users: number, ratings: number, files: DemoFile[] }} DemoManifest */

/**
 * Options, each with its default.
 * @typedef {object} DemoOptions
 * @property {string} [out] output directory (public/demo next to this script's repo)
 * @property {number} [seed] RNG seed (1)
 * @property {number} [users] synthetic users (600): with ~100 ratings each, ~60k ratings, a
 *   ~1.5 MB ratings.csv that loads in well under a second in the browser
 * @property {string} [moviesJson] path to vega-datasets' movies.json (resolved from node_modules)
 */

export const DEMO_LABEL = 'demo data, synthetic ratings';
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Synthetic TMDB-like ids are ID_BASE + 1, + 2, …: they are not real TMDB ids and link to nothing. */
const ID_BASE = 100000;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * vega's Major Genre → TMDB genres (first is the primary genre).
 * @type {Record<string, import('./lib/tmdb-genres.mjs').Genre[]>}
 */
const MAJOR_GENRE = {
  Drama: [GENRE.Drama],
  Comedy: [GENRE.Comedy],
  Action: [GENRE.Action],
  Adventure: [GENRE.Adventure],
  Horror: [GENRE.Horror],
  Western: [GENRE.Western],
  Documentary: [GENRE.Documentary],
  Musical: [GENRE.Music],
  'Thriller/Suspense': [GENRE.Thriller, GENRE.Mystery],
  'Romantic Comedy': [GENRE.Romance, GENRE.Comedy],
  'Black Comedy': [GENRE.Comedy, GENRE.Crime],
  'Concert/Performance': [GENRE.Music, GENRE.Documentary],
};

/**
 * vega's Creative Type → extra TMDB genres.
 * @type {Record<string, import('./lib/tmdb-genres.mjs').Genre[]>}
 */
const CREATIVE_TYPE = {
  'Science Fiction': [GENRE.ScienceFiction],
  Fantasy: [GENRE.Fantasy],
  'Kids Fiction': [GENRE.Family],
  'Historical Fiction': [GENRE.History],
  'Super Hero': [GENRE.Action, GENRE.ScienceFiction],
  Dramatization: [GENRE.Drama],
  Factual: [GENRE.Documentary],
};

/**
 * vega's files were once Latin-1 bytes decoded as Mac Roman ("LÈon" for "Léon", "Alien³"
 * is fine); this maps the mis-decoded characters that occur back (18 titles).
 * @type {Record<string, string>}
 */
const MAC_ROMAN_MOJIBAKE = { 'È': 'é', 'Í': 'ê', '˘': 'ù', 'Ö': '…', 'Ω': '½', 'Û': 'ó', '‰': 'ä', '‡': 'à', 'Ë': 'è', '·': 'á', 'Ù': 'ô', 'Î': 'ë' };

/** @param {string} text */
function fixMojibake(text) {
  return text.replace(/[ÈÍ˘ÖΩÛ‰‡Ë·ÙÎ]/g, (ch) => MAC_ROMAN_MOJIBAKE[ch] ?? ch);
}

/**
 * "Jun 12 1998" → { date: "1998-06-12", year }. vega wrote two-digit years with the wrong
 * century for 22 pre-1950 films ("Gone with the Wind" as 2039); nothing in the set is later
 * than 2011, so later years lose a century.
 * @param {unknown} raw
 * @returns {{ date: string, year: number } | null}
 */
export function parseVegaDate(raw) {
  if (typeof raw !== 'string') return null;
  const m = /^([A-Z][a-z]{2}) (\d{1,2}) (\d{4})$/.exec(raw.trim());
  if (!m) return null;
  const month = MONTHS.indexOf(m[1]) + 1;
  const day = Number(m[2]);
  let year = Number(m[3]);
  if (month < 1 || day < 1 || day > 31) return null;
  if (year > 2012) year -= 100;
  return { date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, year };
}

/**
 * TMDB genres for one vega film: Major Genre first, then what Creative Type and Source add;
 * films without a Major Genre get their Creative Type's genres, else Drama.
 * @param {VegaMovie} film
 * @returns {import('./lib/tmdb-genres.mjs').Genre[]}
 */
export function tmdbGenres(film) {
  const major = film['Major Genre'] ?? '';
  const creative = film['Creative Type'] ?? '';
  /** @type {import('./lib/tmdb-genres.mjs').Genre[]} */
  const out = [...(MAJOR_GENRE[major] ?? [])];
  out.push(...(CREATIVE_TYPE[creative] ?? []));
  if (creative === 'Kids Fiction' && film['MPAA Rating'] === 'G') out.push(GENRE.Animation);
  if (creative === 'Historical Fiction' && (major === 'Action' || major === 'Adventure')) out.push(GENRE.War);
  if (film.Source === 'Based on Real Life Events' && major === 'Drama') out.push(GENRE.History);
  if (major === 'Thriller/Suspense' && film['MPAA Rating'] === 'R') out.push(GENRE.Crime);
  if ((major === 'Comedy' || major === 'Drama') && creative === 'Contemporary Fiction' && film['MPAA Rating'] === 'PG-13' && (film['IMDB Votes'] ?? 0) % 3 === 0) out.push(GENRE.Romance);
  if (out.length === 0) out.push(GENRE.Drama);
  return [...new Set(out)].slice(0, 4);
}

/** @param {string} [path] */
function loadVegaMovies(path) {
  let file = path;
  if (!file) {
    try {
      const require = createRequire(import.meta.url);
      file = join(dirname(require.resolve('vega-datasets')), '..', 'data', 'movies.json');
    } catch {
      file = join(ROOT, 'node_modules', 'vega-datasets', 'data', 'movies.json');
    }
  }
  if (!existsSync(file)) return null;
  return /** @type {VegaMovie[]} */ (JSON.parse(readFileSync(file, 'utf8')));
}

/**
 * Films that have a title, a parseable date and an IMDB rating, first of each title+year.
 * @param {VegaMovie[]} raw
 * @returns {DemoFilm[]}
 */
export function selectFilms(raw) {
  /** @type {DemoFilm[]} */
  const films = [];
  const seen = new Set();
  for (const film of raw) {
    if (film.Title === null || film.Title === undefined || String(film.Title).trim() === '') continue;
    const rating = film['IMDB Rating'];
    if (typeof rating !== 'number' || !Number.isFinite(rating)) continue;
    const parsed = parseVegaDate(film['Release Date']);
    if (!parsed) continue;
    const title = fixMojibake(String(film.Title).trim());
    const key = title.toLowerCase() + '|' + parsed.year;
    if (seen.has(key)) continue;
    seen.add(key);
    films.push({
      // Synthetic, TMDB-like: the demo has no real TMDB ids.
      id: ID_BASE + films.length + 1,
      title,
      date: parsed.date,
      year: parsed.year,
      genres: tmdbGenres(film),
      imdbRating: rating,
      votes: film['IMDB Votes'] ?? 0,
      source: film,
    });
  }
  return films;
}

/** @type {Array<[RegExp, string, string]>} */
const LANGUAGE_HINTS = [
  [/\b(el|los|las|del|mala|educación|amores|perros|mamá|laberinto)\b/i, 'es', 'Español'],
  [/\b(più|dollaro|vita|bella|dolce|uccello)\b/i, 'it', 'Italiano'],
  [/\b(die|der|das|und|fälscher|leben|anderen)\b/i, 'de', 'Deutsch'],
  [/\b(jsem|krále)\b/i, 'cs', 'Český'],
  [/(^(le|la|les|un|une|l')\b)|\b(de|du|des|et|coeur|amis)\b|[éèêëàç]/i, 'fr', 'Français'],
];

/** @param {string} title */
function languageOf(title) {
  if (/^[\x20-\x7e]*$/.test(title) && !/^(Le|La|Les|L'|Un|Une) /.test(title) && !/\b(el|más|vita|più|und|der)\b/.test(title)) return { iso: 'en', name: 'English' };
  for (const [re, iso, name] of LANGUAGE_HINTS) if (re.test(title)) return { iso, name };
  return { iso: 'en', name: 'English' };
}

/**
 * "Alien 3" / "Shrek the Third" style sequels → one collection per base title that recurs.
 * @param {DemoFilm[]} films
 * @returns {Map<number, { id: number, name: string }>} film id → collection
 */
function findCollections(films) {
  /** @param {string} title */
  const base = (title) =>
    title
      .replace(/\s*\(\d{4}\)$/, '')
      .replace(/(:.*| (Part )?([2-9]|II|III|IV|V|VI)\b.*)$/, '')
      .trim();
  /** @type {Map<string, DemoFilm[]>} */
  const groups = new Map();
  for (const film of films) {
    const key = base(film.title);
    if (key.length < 3) continue;
    const group = groups.get(key);
    if (group) group.push(film);
    else groups.set(key, [film]);
  }
  /** @type {Map<number, { id: number, name: string }>} */
  const out = new Map();
  let next = 1;
  for (const [name, group] of groups) {
    if (group.length < 2) continue;
    const collection = { id: 500000 + next++, name: name + ' Collection' };
    for (const film of group) out.set(film.id, collection);
  }
  return out;
}

/**
 * @param {DemoFilm} film
 * @param {string} director
 */
function overviewOf(film, director) {
  const v = film.source;
  const genre = film.genres.map((g) => g.name.toLowerCase()).join(' and ');
  const src = v.Source && v.Source !== 'Original Screenplay' ? `, ${v.Source.toLowerCase()}` : '';
  const mpaa = v['MPAA Rating'] && v['MPAA Rating'] !== 'Not Rated' && v['MPAA Rating'] !== 'Open' ? `${v['MPAA Rating']}-rated ` : '';
  const by = v.Distributor ? ` Released by ${v.Distributor}.` : '';
  return `A ${film.year} ${mpaa}${genre} film${src}, directed by ${director}.${by}`;
}

/** Pandas writes float columns with ".0"; empty means NaN. @param {number | null | undefined} n */
const floatOrEmpty = (n) => (typeof n === 'number' && Number.isFinite(n) ? pyFloat(n) : '');

/**
 * TMDB-style popularity from IMDB votes and worldwide gross (TMDB's own is page traffic;
 * this keeps its range, ~0.1–60, and its ordering by how widely seen a film is).
 * @param {number} votes
 * @param {number} gross
 */
function popularityOf(votes, gross) {
  return Math.round((Math.sqrt(votes) / 20 + Math.log1p(gross / 1e6) * 1.2 + 0.1) * 1e6) / 1e6;
}

/**
 * @param {DemoFilm[]} films
 * @param {Map<number, string>} directors film id → director name
 */
function moviesMetadataCsv(films, directors) {
  const collections = findCollections(films);
  const lines = [
    'adult,belongs_to_collection,budget,genres,homepage,id,imdb_id,original_language,original_title,overview,popularity,poster_path,production_companies,production_countries,release_date,revenue,runtime,spoken_languages,status,tagline,title,video,vote_average,vote_count',
  ];
  for (const film of films) {
    const v = film.source;
    const collection = collections.get(film.id);
    const lang = languageOf(film.title);
    const distributor = v.Distributor;
    const gross = v['Worldwide Gross'] ?? 0;
    lines.push(
      csvRow([
        'False',
        collection ? pyRepr({ id: collection.id, name: collection.name, poster_path: null, backdrop_path: null }) : '',
        v['Production Budget'] ?? 0,
        pyRepr(film.genres.map((g) => ({ id: g.id, name: g.name }))),
        '',
        film.id,
        imdbIdOf(film),
        lang.iso,
        film.title,
        overviewOf(film, directors.get(film.id) ?? ''),
        popularityOf(film.votes, gross).toFixed(6),
        '',
        distributor ? pyRepr([{ name: distributor, id: 1 + (hashString(distributor) % 99000) }]) : '[]',
        pyRepr([{ iso_3166_1: 'US', name: 'United States of America' }]),
        film.date,
        pyFloat(gross),
        floatOrEmpty(v['Running Time min']),
        pyRepr([{ iso_639_1: lang.iso, name: lang.name }]),
        'Released',
        '',
        film.title,
        'False',
        String(film.imdbRating),
        pyFloat(film.votes),
      ]),
    );
  }
  return lines;
}

/** Synthetic imdb id, unique per film. @param {DemoFilm} film */
function imdbIdOf(film) {
  return 'tt' + String(9000000 + film.id - ID_BASE).padStart(7, '0');
}

/**
 * A pool of synthetic people, each with a home genre and a Zipf-like fame weight, so the same
 * names recur across films of the same kind.
 * @param {import('./lib/mulberry32.mjs').Rng} rng
 * @param {number} size
 * @param {number} firstId
 */
function peoplePool(rng, size, firstId) {
  /** @type {{ id: number, name: string, gender: number, genre: number }[]} */
  const people = [];
  const names = new Set();
  while (people.length < size) {
    const p = randomPerson(rng);
    if (names.has(p.name)) continue;
    names.add(p.name);
    people.push({ id: firstId + people.length, name: p.name, gender: p.gender, genre: rng.int(GENRES.length) });
  }
  const fame = people.map((_, i) => 1 / Math.pow(i + 8, 0.9));
  const any = aliasSampler(fame);
  const byGenre = GENRES.map((_, g) => {
    const members = people.map((p, i) => (p.genre === g ? i : -1)).filter((i) => i >= 0);
    const pick = aliasSampler(members.map((i) => fame[i]));
    return { members, pick };
  });
  /**
   * @param {import('./lib/mulberry32.mjs').Rng} r
   * @param {number} genre index into GENRES
   */
  const draw = (r, genre) => {
    const pool = byGenre[genre];
    if (pool.members.length && r.next() < 0.7) return people[pool.members[pool.pick(r)]];
    return people[any(r)];
  };
  return { people, draw };
}

/** @param {import('./lib/tmdb-genres.mjs').Genre} genre */
const genreIndex = (genre) => GENRES.indexOf(genre);

/**
 * @param {DemoFilm[]} films
 * @param {import('./lib/mulberry32.mjs').Rng} rng
 * @returns {{ lines: string[], directors: Map<number, string> }}
 */
function creditsCsv(films, rng) {
  const actors = peoplePool(rng, 2400, 10001);
  const crew = peoplePool(rng, 3000, 30001);
  const syntheticDirectors = peoplePool(rng, 400, 60001);
  /** @type {Map<string, number>} real director name → person id, in order of first appearance */
  const realDirectorIds = new Map();
  /** @type {Map<number, string>} */
  const directors = new Map();
  const lines = ['cast,crew,id'];
  for (const film of films) {
    const g = genreIndex(film.genres[0]);
    const budget = film.source['Production Budget'] ?? 0;
    const castSize = Math.min(40, 4 + Math.floor(rng.next() * 6) + Math.floor(Math.log1p(budget / 1e6) * 1.2 * rng.next()));
    /** @type {import('./lib/python-literal.mjs').PyValue[]} */
    const cast = [];
    const used = new Set();
    for (let order = 0, tries = 0; order < castSize && tries < castSize * 5; tries++) {
      const actor = actors.draw(rng, film.genres.length > 1 && rng.next() < 0.3 ? genreIndex(film.genres[1]) : g);
      if (used.has(actor.id)) continue;
      used.add(actor.id);
      cast.push({ cast_id: order + 1 + rng.int(3), character: randomCharacter(rng, order, actor.gender), credit_id: creditId(rng), gender: actor.gender, id: actor.id, name: actor.name, order, profile_path: null });
      order++;
    }
    /** @type {import('./lib/python-literal.mjs').PyValue[]} */
    const crewList = [];
    /**
     * @param {{ id: number, name: string, gender: number }} person
     * @param {string} department
     * @param {string} job
     */
    const addCrew = (person, department, job) => {
      crewList.push({ credit_id: creditId(rng), department, gender: person.gender, id: person.id, job, name: person.name, profile_path: null });
    };
    const realName = film.source.Director;
    let director;
    if (realName) {
      let id = realDirectorIds.get(realName);
      if (id === undefined) {
        id = 90001 + realDirectorIds.size;
        realDirectorIds.set(realName, id);
      }
      director = { id, name: realName, gender: 0 };
    } else {
      director = syntheticDirectors.draw(rng, g);
    }
    directors.set(film.id, director.name);
    addCrew(director, 'Directing', 'Director');
    const writers = 1 + rng.int(2);
    for (let i = 0; i < writers; i++) addCrew(i === 0 && rng.next() < 0.25 ? director : crew.draw(rng, g), 'Writing', rng.next() < 0.7 ? 'Screenplay' : 'Writer');
    if (film.source.Source === 'Based on Book/Short Story') addCrew(crew.draw(rng, g), 'Writing', 'Novel');
    const producers = 1 + rng.int(3);
    for (let i = 0; i < producers; i++) addCrew(crew.draw(rng, g), 'Production', 'Producer');
    if (rng.next() < 0.6) addCrew(crew.draw(rng, g), 'Production', 'Executive Producer');
    if (rng.next() < 0.7) addCrew(crew.draw(rng, g), 'Production', 'Casting');
    addCrew(crew.draw(rng, g), 'Sound', 'Original Music Composer');
    addCrew(crew.draw(rng, g), 'Camera', 'Director of Photography');
    addCrew(crew.draw(rng, g), 'Editing', 'Editor');
    if (rng.next() < 0.5) addCrew(crew.draw(rng, g), 'Art', 'Production Design');
    if (rng.next() < 0.4) addCrew(crew.draw(rng, g), 'Costume & Make-Up', 'Costume Design');
    lines.push(csvRow([pyRepr(cast), pyRepr(crewList), film.id]));
  }
  return { lines, directors };
}

/**
 * @param {DemoFilm[]} films
 * @param {import('./lib/mulberry32.mjs').Rng} rng
 */
function keywordsCsv(films, rng) {
  const lines = ['id,keywords'];
  for (const film of films) {
    /** @type {Set<string>} */
    const names = new Set();
    const src = film.source.Source;
    if (src && src in SOURCE_KEYWORDS) names.add(SOURCE_KEYWORDS[/** @type {keyof typeof SOURCE_KEYWORDS} */ (src)]);
    if (/ (2|3|4|II|III|IV)\b/.test(film.title)) names.add('sequel');
    const want = 2 + rng.int(5);
    for (let tries = 0; names.size < want && tries < 20; tries++) {
      const genre = film.genres[rng.next() < 0.6 ? 0 : rng.int(film.genres.length)];
      names.add(rng.pick(GENRE_KEYWORDS[genre.id]));
    }
    const list = [...names].map(keyword).sort((a, b) => a.id - b.id);
    lines.push(csvRow([film.id, pyRepr(list)]));
  }
  return lines;
}

/**
 * Synthetic ratings from a latent-factor model, in MovieLens' ratings.csv schema.
 *
 * - Item mean: 3.05 + 0.5 × (IMDB rating − mean IMDB rating), so a 7.9 film averages about a
 *   star above a 5.9 film; the constant puts the overall mean near MovieLens' 3.5 after the
 *   selection effect below.
 * - Taste: each user has a weight per TMDB genre (N(0, 0.45), two favourites +0.7, one
 *   dislike −0.8); an item's taste term is the mean of its genres' weights. Plus 3 free
 *   latent dimensions (user and item N(0, 0.45)) for structure genres do not explain.
 * - User bias N(0, 0.35); noise N(0, 0.55).
 * - Who rates what: per user 20–300 ratings, log-uniform (density ∝ 1/n, mean ≈ 103);
 *   items drawn without replacement with weight (IMDB votes + 200)^0.8 × exp(1.2 × taste),
 *   so popular films and the user's liked genres are seen more (ratings are not missing at
 *   random, as in real logs). The 0.8 power keeps the long tail alive: with 3k films and
 *   60k ratings, weights strictly proportional to votes would leave most films unrated.
 * - Half stars: 40% of ratings round to a half-star, 60% to a whole star (MovieLens users
 *   favour whole stars); clipped to 0.5–5.
 * - Timestamps: each user rates over a span of days to years starting 1996–2017; rows are
 *   sorted by userId then movieId, like the real file.
 * @param {DemoFilm[]} films
 * @param {number} users
 * @param {import('./lib/mulberry32.mjs').Rng} rng
 */
function ratingsCsv(films, users, rng) {
  const k = 3;
  const nItems = films.length;
  const nGenres = GENRES.length;
  const imdbMean = films.reduce((s, f) => s + f.imdbRating, 0) / nItems;
  const itemMean = films.map((f) => 3.05 + 0.5 * (f.imdbRating - imdbMean));
  const itemFactors = films.map(() => Array.from({ length: k }, () => 0.45 * rng.normal()));
  const itemGenres = films.map((f) => f.genres.map(genreIndex));
  const logPop = films.map((f) => 0.8 * Math.log(f.votes + 200));
  const lines = ['userId,movieId,rating,timestamp'];
  let count = 0;
  const keys = new Float64Array(nItems);
  const order = new Int32Array(nItems);
  const START = Date.UTC(1996, 0, 1) / 1000;
  const SPAN = Date.UTC(2017, 11, 31) / 1000 - START;
  for (let u = 1; u <= users; u++) {
    const taste = Array.from({ length: nGenres }, () => 0.45 * rng.normal());
    for (let i = 0; i < 2; i++) taste[rng.int(nGenres)] += 0.7;
    taste[rng.int(nGenres)] -= 0.8;
    const factors = Array.from({ length: k }, () => 0.45 * rng.normal());
    const bias = 0.35 * rng.normal();
    const n = Math.min(300, Math.floor(20 * Math.pow(15, rng.next())));
    /** @param {number} i */
    const affinity = (i) => {
      let t = 0;
      for (const g of itemGenres[i]) t += taste[g];
      return t / itemGenres[i].length;
    };
    // Efraimidis–Spirakis weighted sampling without replacement: smallest -log(U)/w wins.
    for (let i = 0; i < nItems; i++) {
      keys[i] = -Math.log(1 - rng.next()) / Math.exp(logPop[i] + 1.2 * affinity(i) - 8);
      order[i] = i;
    }
    const chosen = Array.from(order).sort((a, b) => keys[a] - keys[b] || a - b).slice(0, n).sort((a, b) => a - b);
    const start = START + Math.floor(rng.next() * SPAN * 0.95);
    const span = Math.min(START + SPAN - start, Math.floor(86400 * Math.pow(10, 0.5 + rng.next() * 3)));
    for (const i of chosen) {
      let dot = 0;
      for (let f = 0; f < k; f++) dot += factors[f] * itemFactors[i][f];
      const raw = itemMean[i] + bias + affinity(i) + dot + 0.55 * rng.normal();
      const step = rng.next() < 0.4 ? 2 : 1;
      const rating = Math.min(5, Math.max(step === 2 ? 0.5 : 1, Math.round(raw * step) / step));
      lines.push(`${u},${films[i].id},${rating.toFixed(1)},${start + Math.floor(rng.next() * span)}`);
      count++;
    }
  }
  return { lines, count };
}

/**
 * Generate the demo data set into `out`. Returns the manifest (also written as demo.json),
 * or null when vega-datasets is not installed (e.g. `npm install --omit=dev`).
 * @param {DemoOptions} [options]
 * @returns {DemoManifest | null}
 */
export function generateDemoData(options = {}) {
  const out = resolve(options.out ?? join(ROOT, 'public', 'demo'));
  const seed = options.seed ?? 1;
  const users = options.users ?? 600;
  const raw = loadVegaMovies(options.moviesJson);
  if (!raw) return null;
  const films = selectFilms(raw);
  // Each output draws from its own stream so a change to one file leaves the others' bytes alone.
  const credits = creditsCsv(films, mulberry32(seed * 1000 + 1));
  const keywords = keywordsCsv(films, mulberry32(seed * 1000 + 2));
  const ratings = ratingsCsv(films, users, mulberry32(seed * 1000 + 3));
  const movies = moviesMetadataCsv(films, credits.directors);
  const links = ['movieId,imdbId,tmdbId', ...films.map((f) => `${f.id},${imdbIdOf(f).slice(2)},${f.id}`)];

  mkdirSync(out, { recursive: true });
  /** @type {DemoFile[]} */
  const files = [];
  /** @type {Array<[string, string[]]>} */
  const outputs = [
    ['movies_metadata.csv', movies],
    ['credits.csv', credits.lines],
    ['keywords.csv', keywords],
    ['links.csv', links],
    ['ratings.csv', ratings.lines],
  ];
  for (const [name, lines] of outputs) {
    const bytes = Buffer.from(lines.join('\n') + '\n', 'utf8');
    writeFileSync(join(out, name), bytes);
    files.push({ name, bytes: bytes.length, rows: lines.length - 1, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  /** @type {DemoManifest} */
  const manifest = {
    label: DEMO_LABEL,
    source: 'vega-datasets data/movies.json (real titles, dates, IMDB ratings, budgets, directors); cast, keywords, ids and ratings synthetic (scripts/generate-demo-data.mjs)',
    seed,
    films: films.length,
    users,
    ratings: ratings.count,
    files,
  };
  writeFileSync(join(out, 'demo.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

if (isMainModule(import.meta.url)) {
  const started = performance.now();
  const flags = parseArgs(process.argv.slice(2));
  const out = flags.get('out');
  const manifest = generateDemoData(out ? { out } : {});
  if (!manifest) {
    // A devDependency-free install must not fail: the app then starts without embedded data.
    console.warn('generate-demo-data: vega-datasets not installed, demo data not generated');
  } else {
    const bytes = manifest.files.reduce((s, f) => s + f.bytes, 0);
    const ms = Math.round(performance.now() - started);
    console.log(`demo data: ${manifest.films} films, ${manifest.users} users, ${manifest.ratings} ratings (synthetic), ${(bytes / 1e6).toFixed(1)} MB in ${out ?? 'public/demo'} (${ms} ms)`);
  }
}
