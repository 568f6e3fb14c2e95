// The visitor's ratings as a MovieLens-style CSV. The first four columns are
// MovieLens's ratings.csv (userId,movieId,rating,timestamp); title, year and key
// follow so the file is readable and matches films across datasets:
//
//   userId,movieId,rating,timestamp,title,year,key
//   0,2571,4.5,1700000000,"Matrix, The",1999,ml:2571
//   0,,4,1700000001,Inception,2010,tmdb:27205
//
// userId is always 0 (the visitor). movieId is the MovieLens id when the key is
// "ml:<id>", else empty. On import, `key` wins; without it, movieId means "ml:<movieId>".
// Parsing is all-or-nothing: the first bad row is reported by its line number. Title and key
// are written with csvTextCell (formula-leading text gets a `'`, removed again on import).
import type { VisitorRating } from '../../engine/api';
import { csvTextCell, uncsvTextCell } from '../../shared/csv-cell';

export const RATINGS_CSV_HEADER = ['userId', 'movieId', 'rating', 'timestamp', 'title', 'year', 'key'] as const;

export type RatingsCsvResult = { ok: true; ratings: VisitorRating[] } | { ok: false; line: number; reason: string };

export function ratingsToCsv(ratings: readonly VisitorRating[]): string {
  const lines = [RATINGS_CSV_HEADER.join(',')];
  for (const r of ratings) {
    const ml = /^ml:(\d+)$/.exec(r.key);
    lines.push(
      ['0', ml ? ml[1]! : '', String(r.rating), String(Math.floor(r.ratedAt / 1000)), csvTextCell(r.title), r.year > 0 ? String(r.year) : '', csvTextCell(r.key)].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

/** Splits CSV text into records of fields (RFC 4180 quoting), with each record's 1-based line number. */
export function parseCsv(text: string): { line: number; fields: string[] }[] | { line: number; reason: string } {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let sawAny = false;
  const text2 = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < text2.length; i++) {
    const c = text2[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (text2[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"') {
      if (field !== '') return { line, reason: 'a quote appears inside an unquoted field' };
      inQuotes = true;
      sawAny = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      sawAny = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text2[i + 1] === '\n') i++;
      fields.push(field);
      if (sawAny || fields.some((f) => f !== '')) records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      sawAny = false;
      line++;
      recordLine = line;
    } else {
      field += c;
      sawAny = true;
    }
  }
  if (inQuotes) return { line: recordLine, reason: 'a quoted field is never closed' };
  if (sawAny || field !== '') {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  return records;
}

export function ratingsFromCsv(text: string, now = Date.now()): RatingsCsvResult {
  const parsed = parseCsv(text);
  if (!Array.isArray(parsed)) return { ok: false, line: parsed.line, reason: parsed.reason };
  if (parsed.length === 0) return { ok: false, line: 1, reason: 'the file is empty' };
  const header = parsed[0]!.fields.map((h) => h.trim());
  const col = (name: string) => header.indexOf(name);
  const iRating = col('rating');
  const iKey = col('key');
  const iMovie = col('movieId');
  const iTime = col('timestamp');
  const iTitle = col('title');
  const iYear = col('year');
  if (iRating < 0 || (iKey < 0 && iMovie < 0)) {
    return { ok: false, line: parsed[0]!.line, reason: 'the header must name a "rating" column and a "key" or "movieId" column (userId,movieId,rating,timestamp,title,year,key)' };
  }
  const byKey = new Map<string, VisitorRating>();
  for (const { line, fields } of parsed.slice(1)) {
    const get = (i: number) => (i >= 0 ? (fields[i] ?? '').trim() : '');
    if (fields.length < header.length) return { ok: false, line, reason: `expected ${header.length} fields, found ${fields.length}` };
    let key = get(iKey);
    if (!key) {
      const id = get(iMovie);
      if (!/^\d+$/.test(id)) return { ok: false, line, reason: `movieId "${id}" is not a number and there is no key` };
      key = `ml:${id}`;
    } else if (!/^(tmdb|ml|raw):\S+$/.test(key)) {
      return { ok: false, line, reason: `key "${key}" is not tmdb:<id>, ml:<id> or raw:<id>` };
    }
    const ratingText = get(iRating);
    const rating = Number(ratingText);
    if (ratingText === '' || !Number.isFinite(rating) || rating < 0.5 || rating > 5 || Math.round(rating * 2) !== rating * 2) {
      return { ok: false, line, reason: `rating "${ratingText}" is not between 0.5 and 5 in half stars` };
    }
    const timeText = get(iTime);
    let ratedAt = now;
    if (timeText !== '') {
      const seconds = Number(timeText);
      if (!Number.isFinite(seconds) || seconds < 0) return { ok: false, line, reason: `timestamp "${timeText}" is not a number of seconds` };
      ratedAt = seconds * 1000;
    }
    const yearText = get(iYear);
    const year = yearText === '' ? 0 : Number(yearText);
    if (!Number.isInteger(year) || year < 0) return { ok: false, line, reason: `year "${yearText}" is not a year` };
    byKey.set(key, { key, rating, title: uncsvTextCell(get(iTitle)) || key, year, ratedAt });
  }
  return { ok: true, ratings: [...byKey.values()] };
}
