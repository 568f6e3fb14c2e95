// Caps on the text the ETL keeps (titles, names, genres) and the removal of bidi controls, so
// one hostile field cannot freeze or deform the page that shows it. Every cut is reported by
// the caller as a repair; docs/guarantees.md lists the caps.

import { detachString } from './clean';

/** Longest title kept, in UTF-16 units; the longest real one is 158 (ml-latest-small). */
export const MAX_TITLE_CHARS = 500;
/** Longest person, keyword or tag name kept. */
export const MAX_NAME_CHARS = 200;
/** A longer "genre" is not a genre (a 5 MB literal): it is ignored, not cut. */
export const MAX_GENRE_NAME_CHARS = 60;
/** Genres kept per movie, in file order; real movies have at most 8 (TMDB) or 10 (MovieLens). */
export const MAX_GENRES_PER_MOVIE = 20;

/**
 * Embeddings, overrides and isolates (U+202A–202E, U+2066–2069): an unpaired RIGHT-TO-LEFT
 * OVERRIDE in a title reverses whatever follows it on the page ("(2001)" shown as "(1002)").
 * The marks U+200E/U+200F are kept: they only affect neutral characters next to them.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

export function hasBidiControls(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return true;
  }
  return false;
}

/** s cut to at most max UTF-16 units (never inside a surrogate pair), '…' marking the cut. */
export function cutText(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max - 1;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return s.slice(0, end).trimEnd() + '…';
}

export type LimitIssue = (reason: string) => void;

/** A cleaned title without bidi controls, at most MAX_TITLE_CHARS; a copy that pins no larger string. */
export function limitTitle(title: string, onIssue: LimitIssue): string {
  let t = title;
  if (hasBidiControls(t)) {
    t = t.replace(BIDI_CONTROLS, '').trim();
    onIssue('bidi control characters removed from title');
  }
  if (t.length > MAX_TITLE_CHARS) {
    t = cutText(t, MAX_TITLE_CHARS);
    onIssue(`title cut to ${MAX_TITLE_CHARS} characters`);
  }
  return t === title ? title : detachString(t);
}

/** A person, keyword or tag name without bidi controls, at most MAX_NAME_CHARS (may be a slice). */
export function limitName(name: string, onIssue: LimitIssue): string {
  let n = name;
  if (hasBidiControls(n)) {
    n = n.replace(BIDI_CONTROLS, '').trim();
    onIssue('bidi control characters removed from a name');
  }
  if (n.length > MAX_NAME_CHARS) {
    n = cutText(n, MAX_NAME_CHARS);
    onIssue(`name cut to ${MAX_NAME_CHARS} characters`);
  }
  return n;
}

/** A movie's genres: over-long names and bidi controls out, at most MAX_GENRES_PER_MOVIE. */
export function limitGenres(genres: string[], onIssue: LimitIssue): string[] {
  const out: string[] = [];
  for (const raw of genres) {
    if (raw.length > MAX_GENRE_NAME_CHARS) {
      onIssue(`genre name longer than ${MAX_GENRE_NAME_CHARS} characters ignored`);
      continue;
    }
    const g = hasBidiControls(raw) ? raw.replace(BIDI_CONTROLS, '').trim() : raw;
    if (g === '') continue;
    if (out.length >= MAX_GENRES_PER_MOVIE) {
      onIssue(`genres beyond ${MAX_GENRES_PER_MOVIE} per movie ignored`);
      break;
    }
    out.push(g);
  }
  return out;
}
