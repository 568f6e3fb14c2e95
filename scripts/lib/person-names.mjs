// Synthetic people for the generators: realistic-looking names drawn from first/last name
// lists. None of these are real credits. A few names carry apostrophes and non-ASCII letters
// on purpose, because the real credits do ("Sinéad O'Connor", "Björk", "北野武") and the
// literal parser and CSV reader must survive them.

/** TMDB gender codes: 0 unknown, 1 female, 2 male. */
export const FEMALE_FIRST = [
  'Mary', 'Patricia', 'Jennifer', 'Linda', 'Elizabeth', 'Barbara', 'Susan', 'Jessica', 'Sarah', 'Karen',
  'Nancy', 'Lisa', 'Margaret', 'Sandra', 'Ashley', 'Emily', 'Michelle', 'Amanda', 'Melissa', 'Rebecca',
  'Laura', 'Helen', 'Anna', 'Julia', 'Claire', 'Naomi', 'Grace', 'Olivia', 'Sophie', 'Charlotte',
  'Isabelle', 'Catherine', 'Diane', 'Audrey', 'Zoë', 'Chloé', 'Renée', 'Inés', 'Ingrid', 'Greta',
  'Mei', 'Yuki', 'Priya', 'Amara', 'Fatima', 'Lucia', 'Elena', 'Marta', 'Sinéad', 'Siobhan',
];
export const MALE_FIRST = [
  'James', 'Robert', 'John', 'Michael', 'David', 'William', 'Richard', 'Joseph', 'Thomas', 'Charles',
  'Daniel', 'Matthew', 'Anthony', 'Mark', 'Paul', 'Steven', 'Andrew', 'Kenneth', 'Kevin', 'Brian',
  'George', 'Edward', 'Peter', 'Henry', 'Samuel', 'Jack', 'Oliver', 'Harry', 'Lucas', 'Adam',
  'Frank', 'Walter', 'Vincent', 'Victor', 'José', 'André', 'François', 'Jürgen', 'Søren', 'Björn',
  'Hiro', 'Kenji', 'Raj', 'Omar', 'Luca', 'Marco', 'Diego', 'Sean', 'Dmitri', 'Ivan',
];
export const LAST = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor',
  'Thomas', 'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Hill', 'Green', 'Adams', 'Baker',
  'Nelson', 'Carter', 'Mitchell', 'Roberts', 'Turner', 'Phillips', 'Campbell', 'Parker', 'Evans', 'Edwards',
  'Collins', 'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers', 'Morgan', 'Cooper', 'Peterson', 'Reed',
  'Bailey', 'Bell', 'Howard', 'Ward', 'Cox', 'Richardson', 'Wood', 'Watson', 'Brooks', 'Bennett',
  'Gray', 'Hughes', 'Price', 'Sanders', 'Myers', 'Long', 'Ross', 'Foster', 'Powell', 'Jenkins',
  "O'Brien", "O'Connor", "O'Neill", "D'Amato", 'McAllister', 'MacLeod', 'Fitzgerald', 'Kowalski', 'Novak', 'Schmidt',
  'Müller', 'Núñez', 'García', 'Fernández', 'Lefèvre', 'Dubois', 'Rossi', 'Bianchi', 'Sørensen', 'Åberg',
  'Nakamura', 'Tanaka', 'Kim', 'Park', 'Chen', 'Wang', 'Singh', 'Patel', 'Okafor', 'Ivanov',
];
/** Single-token stage names written in their own script, as a small share of real credits are. */
export const MONONYMS = ['北野武', '小津安二郎', 'Björk', 'Zendaya', 'Mononoke', 'Тарас', 'Ελένη'];

/**
 * @param {import('./mulberry32.mjs').Rng} rng
 * @returns {{ name: string, gender: 0 | 1 | 2 }}
 */
export function randomPerson(rng) {
  const roll = rng.next();
  if (roll < 0.004) return { name: rng.pick(MONONYMS), gender: 0 };
  const female = roll < 0.45;
  const first = rng.pick(female ? FEMALE_FIRST : MALE_FIRST);
  const middle = rng.next() < 0.08 ? ' ' + String.fromCharCode(65 + rng.int(26)) + '.' : '';
  // TMDB leaves gender unknown (0) for a large share of minor credits.
  const gender = rng.next() < 0.25 ? 0 : female ? 1 : 2;
  return { name: first + middle + ' ' + rng.pick(LAST), gender };
}

/** Character names for cast entries: named roles and generic parts, like real credits. */
export const GENERIC_ROLES = [
  'Detective', 'Nurse', 'Bartender', 'Waitress', 'Doctor', 'Reporter', 'Police Officer', 'Guard',
  'Himself', 'Herself', 'Narrator (voice)', 'Taxi Driver', 'Girl at Party', 'Man in Bar', "Mother", "Father",
  'Sheriff', 'Soldier', 'Priest', 'Teacher', 'Young Boy', 'Old Woman', 'Agent', 'Pilot',
];

/**
 * @param {import('./mulberry32.mjs').Rng} rng
 * @param {number} order billing position: leads get proper names, bit parts generic roles
 * @param {number} [gender] the actor's TMDB gender, so a character's name matches it
 * @returns {string}
 */
export function randomCharacter(rng, order, gender = 0) {
  if (order > 4 && rng.next() < 0.5) return rng.pick(GENERIC_ROLES);
  if (rng.next() < 0.03) return '';
  const female = gender === 1 || (gender === 0 && rng.next() < 0.45);
  const first = rng.pick(female ? FEMALE_FIRST : MALE_FIRST);
  const r = rng.next();
  if (r < 0.4) return first;
  if (r < 0.5) return (female ? 'Mrs. ' : 'Mr. ') + rng.pick(LAST);
  if (r < 0.55) return first + ' "' + rng.pick(['Ace', 'Doc', 'Red', 'Kid', 'Slim']) + '" ' + rng.pick(LAST);
  return first + ' ' + rng.pick(LAST);
}

/** 4-digit lowercase hex for every 16-bit value: credit ids are ~1.3M lookups per full run. */
const HEX4 = Array.from({ length: 65536 }, (_, i) => i.toString(16).padStart(4, '0'));

/**
 * A TMDB-style credit_id: 24 lowercase hex digits (a MongoDB ObjectId; real ones start "5").
 * @param {import('./mulberry32.mjs').Rng} rng
 * @returns {string}
 */
export function creditId(rng) {
  const a = rng.u32();
  const b = rng.u32();
  const c = rng.u32();
  return '5' + HEX4[a & 0xffff].slice(1) + HEX4[a >>> 16] + HEX4[b & 0xffff] + HEX4[b >>> 16] + HEX4[c & 0xffff] + HEX4[c >>> 16];
}

const B62 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
/**
 * A TMDB-style image path ("/pQFoyx7rp09CJTAb932F2g8Nlho.jpg"); never fetched.
 * @param {import('./mulberry32.mjs').Rng} rng
 * @returns {string}
 */
export function imagePath(rng) {
  let s = '/';
  for (let i = 0; i < 27; i++) s += B62[rng.int(62)];
  return s + '.jpg';
}
