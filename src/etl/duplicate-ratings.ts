// One rating per (user, movie): when a pair is rated more than once (a file loaded twice,
// overlapping files, two MovieLens ids linked to one TMDB movie), the latest day wins and, on
// the same day, the later row. Ratings keep days, not seconds, so "latest" is to the day.

/** Rating columns after the join: users and items as inner indices, rows 0..length-1 in file order. */
export interface RatingColumns {
  users: Int32Array;
  items: Int32Array;
  ratings: Uint8Array | Float32Array;
  days: Uint16Array;
}

/** Called once per dropped row, with the row's values still in place. */
export type OnDuplicate = (row: number) => void;

/**
 * Drops repeated (user, item) pairs from the first `length` rows in place and returns the new
 * length. Rows grouped by user (every file sorted by user, as MovieLens and Kaggle ship them)
 * take one pass with a per-item stamp; otherwise rows are ordered by user first (a stable
 * counting sort, 4 bytes a row while it runs).
 */
export function dropDuplicateRatings(c: RatingColumns, length: number, users: number, items: number, onDuplicate: OnDuplicate): number {
  const stamp = new Int32Array(items);
  const holder = new Int32Array(items);
  let dropped: Uint8Array | null = null;
  // Row `row` repeats the pair held by holder[item]: the later day (or, same day, `row`) stays.
  const settle = (row: number): void => {
    const it = c.items[row]!;
    const prev = holder[it]!;
    const keepRow = c.days[row]! >= c.days[prev]!;
    dropped ??= new Uint8Array(length);
    dropped[keepRow ? prev : row] = 1;
    if (keepRow) holder[it] = row;
  };
  const grouped = scanGrouped(c, length, users, stamp, holder, settle);
  if (!grouped) {
    dropped = null;
    stamp.fill(0);
    const order = rowsByUser(c.users, length, users);
    for (let k = 0; k < length; k++) {
      const row = order[k]!;
      const it = c.items[row]!;
      const mark = c.users[row]! + 1;
      if (stamp[it] === mark) settle(row);
      else {
        stamp[it] = mark;
        holder[it] = row;
      }
    }
  }
  if (!dropped) return length;
  const gone: Uint8Array = dropped;
  let o = 0;
  for (let i = 0; i < length; i++) {
    // Writes go to o ≤ i, so row i is intact when it is reported.
    if (gone[i]) {
      onDuplicate(i);
      continue;
    }
    c.users[o] = c.users[i]!;
    c.items[o] = c.items[i]!;
    c.ratings[o] = c.ratings[i]!;
    c.days[o] = c.days[i]!;
    o++;
  }
  return o;
}

/** The one-pass check, valid while each user's rows are contiguous: false when a user comes back. */
function scanGrouped(
  c: RatingColumns, length: number, users: number, stamp: Int32Array, holder: Int32Array, settle: (row: number) => void,
): boolean {
  const seen = new Uint8Array(users);
  let current = -1;
  for (let i = 0; i < length; i++) {
    const u = c.users[i]!;
    if (u !== current) {
      if (seen[u]) return false;
      seen[u] = 1;
      current = u;
    }
    const it = c.items[i]!;
    if (stamp[it] === u + 1) settle(i);
    else {
      stamp[it] = u + 1;
      holder[it] = i;
    }
  }
  return true;
}

/** Row indices ordered by user, rows of one user in file order. */
function rowsByUser(userOf: Int32Array, length: number, users: number): Int32Array {
  const start = new Int32Array(users + 1);
  for (let i = 0; i < length; i++) start[userOf[i]! + 1]!++;
  for (let u = 0; u < users; u++) start[u + 1]! += start[u]!;
  const order = new Int32Array(length);
  for (let i = 0; i < length; i++) order[start[userOf[i]!]!++] = i;
  return order;
}
