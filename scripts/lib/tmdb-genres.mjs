// TMDB's movie genre list (real ids, as in The Movies Dataset's `genres` column) and a small
// keyword vocabulary per genre for the generated keywords.csv files.

/** @typedef {{ id: number, name: string }} Genre */

/** @type {Readonly<Record<string, Genre>>} */
export const GENRE = Object.freeze({
  Action: { id: 28, name: 'Action' },
  Adventure: { id: 12, name: 'Adventure' },
  Animation: { id: 16, name: 'Animation' },
  Comedy: { id: 35, name: 'Comedy' },
  Crime: { id: 80, name: 'Crime' },
  Documentary: { id: 99, name: 'Documentary' },
  Drama: { id: 18, name: 'Drama' },
  Family: { id: 10751, name: 'Family' },
  Fantasy: { id: 14, name: 'Fantasy' },
  History: { id: 36, name: 'History' },
  Horror: { id: 27, name: 'Horror' },
  Music: { id: 10402, name: 'Music' },
  Mystery: { id: 9648, name: 'Mystery' },
  Romance: { id: 10749, name: 'Romance' },
  ScienceFiction: { id: 878, name: 'Science Fiction' },
  TVMovie: { id: 10770, name: 'TV Movie' },
  Thriller: { id: 53, name: 'Thriller' },
  War: { id: 10752, name: 'War' },
  Western: { id: 37, name: 'Western' },
});

/** All 19 genres in a fixed order: the index is the genre's latent dimension in the rating models. */
export const GENRES = Object.freeze(Object.values(GENRE));

/**
 * Keyword vocabulary per TMDB genre id. Keyword ids are synthetic (assigned by position in
 * {@link KEYWORDS}), names are the kind of tags TMDB uses.
 * @type {Readonly<Record<number, readonly string[]>>}
 */
export const GENRE_KEYWORDS = Object.freeze({
  28: ['shootout', 'car chase', 'explosion', 'martial arts', 'hostage', 'mercenary', 'revenge', 'bomb'],
  12: ['treasure hunt', 'jungle', 'quest', 'island', 'expedition', 'map', 'pirate', 'journey'],
  16: ['talking animals', 'computer animation', 'hand-drawn animation', 'anthropomorphism', 'toy'],
  35: ['best friend', 'road trip', 'wedding', 'slapstick', 'parody', 'mistaken identity', 'roommate', 'prank'],
  80: ['heist', 'mafia', 'detective', 'drug dealer', 'police', 'corruption', 'bank robbery', 'gangster'],
  99: ['interview', 'archive footage', 'biography', 'politics', 'nature', 'investigation'],
  18: ['family relationships', 'friendship', 'loss of loved one', 'coming of age', 'small town', 'addiction', 'father son relationship', 'redemption'],
  10751: ['dog', 'holiday', 'christmas', 'school', 'kids', 'pets'],
  14: ['magic', 'dragon', 'wizard', 'fairy tale', 'sword', 'curse', 'witch'],
  36: ['19th century', 'world war ii', 'biography', 'royalty', 'based on true story', 'historical figure'],
  27: ['haunted house', 'zombie', 'vampire', 'slasher', 'demon', 'possession', 'gore', 'cabin in the woods'],
  10402: ['musician', 'concert', 'rock band', 'singer', 'dance', "jazz"],
  9648: ['murder', 'whodunit', 'amnesia', 'secret', 'disappearance', 'twist ending'],
  10749: ['love', 'new york', 'first love', 'love triangle', 'dating', 'paris', 'marriage'],
  878: ['alien', 'space', 'time travel', 'robot', 'dystopia', 'artificial intelligence', 'future'],
  10770: ['made for tv', 'miniseries'],
  53: ['conspiracy', 'serial killer', 'stalker', 'kidnapping', 'psychopath', 'suspense', 'paranoia'],
  10752: ['world war ii', 'soldier', 'battle', 'vietnam war', 'army', 'prisoner of war'],
  37: ['cowboy', 'sheriff', 'gunslinger', 'frontier', 'outlaw', 'horse', 'saloon'],
});

/** Keywords tied to a film's source material rather than its genre (vega's `Source`). */
export const SOURCE_KEYWORDS = Object.freeze({
  'Based on Book/Short Story': 'based on novel',
  'Based on Comic/Graphic Novel': 'based on comic',
  'Based on Real Life Events': 'based on true story',
  'Based on TV': 'based on tv series',
  'Based on Play': "based on play or musical",
  'Based on Musical/Opera': "based on play or musical",
  'Based on Game': 'based on video game',
  Remake: 'remake',
  'Spin-Off': 'spin off',
  'Traditional/Legend/Fairytale': 'based on fairy tale',
  'Disney Ride': 'based on theme park ride',
  'Based on Toy': 'based on toy',
});

/** Every keyword once, in a fixed order; a keyword's id is 1000 + its index (synthetic). */
export const KEYWORDS = Object.freeze([
  ...new Set([...Object.values(GENRE_KEYWORDS).flat(), ...Object.values(SOURCE_KEYWORDS), 'sequel', "woman director", "independent film", "duringcreditsstinger"]),
]);

const KEYWORD_ID = new Map(KEYWORDS.map((name, i) => [name, 1000 + i]));

/**
 * @param {string} name a keyword from {@link KEYWORDS}
 * @returns {{ id: number, name: string }}
 */
export function keyword(name) {
  const id = KEYWORD_ID.get(name);
  if (id === undefined) throw new Error(`unknown keyword "${name}"`);
  return { id, name };
}
