// Cleaning rules for single values, shared by the readers: whitespace, numbers, booleans,
// release dates (ISO and the spreadsheet's M/D/YYYY), "Title (1995)" years. Pure functions;
// docs/data.md lists each rule with the rows it touched on the real files.

/**
 * Trims and collapses runs of whitespace (incl. NBSP) to one space. Non-ASCII is kept as is.
 * The result never shares memory with its input (see detachString): cleaned values are what
 * the ETL keeps, and a slice would keep the whole decoded chunk it came from alive.
 */
export function cleanText(s: string): string {
  return detachString(cleanTextSlice(s));
}

/**
 * cleanText without the copy: the result may be s itself or a slice of it. For values that are
 * only looked up (NameTable copies a name the first time it sees it).
 */
export function cleanTextSlice(s: string): string {
  // Most values are already clean: one scan instead of a regex replace and a trim.
  let spaceBefore = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (spaceBefore) return s.replace(/[\s\u00a0]+/g, ' ').trim();
      spaceBefore = true;
    } else if (c < 32 || c === 0xa0 || (c >= 0x1680 && isUnicodeSpace(c))) {
      return s.replace(/[\s\u00a0]+/g, ' ').trim();
    } else spaceBefore = false;
  }
  if (spaceBefore && s.length > 0) return s.replace(/[\s\u00a0]+/g, ' ').trim();
  return s;
}

/** The characters beyond Latin-1 that JavaScript's \s matches. */
function isUnicodeSpace(c: number): boolean {
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * A copy of s that does not point into a larger string. V8 makes substrings of 13+ characters
 * "sliced strings" that keep their parent alive: a title sliced from a CSV chunk would keep the
 * whole decoded chunk (and a cast name its 4 KB literal) in memory until the load ends.
 * A JSON round trip gives a flat string of exactly s: (' ' + s).slice(1) would be a slice again,
 * a 20–32-byte header on a copy of ' ' + s, for every title and name the Dataset keeps.
 */
export function detachString(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/** A finite number, or NaN for '', 'NaN', '-', junk ("8.20E-05" is a number). */
export function parseNumber(s: string): number {
  const t = s.trim();
  if (t === '') return NaN;
  const v = Number(t);
  return Number.isFinite(v) ? v : NaN;
}

/** A positive integer id ('862', '862.0'), or -1 — a date like '1997-08-20' is not an id. */
/** IMDb's title id as a number ("tt0114709" or "0114709" → 114709), or -1 when the text is not one. */
export function parseImdbId(s: string): number {
  const m = /^\s*(?:tt)?0*(\d{1,9})\s*$/i.exec(s);
  if (!m) return -1;
  const n = Number(m[1]);
  return n > 0 ? n : -1;
}

export function parseId(s: string): number {
  const t = s.trim();
  if (!/^\d+(\.0+)?$/.test(t)) return -1;
  const v = Number(t);
  return v > 0 && v <= 0x7fffffff ? v : -1;
}

/** TRUE/FALSE/True/False/true/false/1/0 → boolean; anything else → null. */
export function parseBool(s: string): boolean | null {
  switch (s.trim().toLowerCase()) {
    case 'true':
    case '1':
      return true;
    case 'false':
    case '0':
      return false;
    default:
      return null;
  }
}

/** Year of YYYY-MM-DD, YYYY, M/D/YYYY (spreadsheet) or DD-Mon-YYYY (u.item); 0 when none. */
export function parseYear(s: string): number {
  const t = s.trim();
  let m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?$/.exec(t);
  if (m) return validYear(Number(m[1]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return validYear(Number(m[3]));
  m = /^\d{1,2}-[A-Za-z]{3}-(\d{4})$/.exec(t);
  if (m) return validYear(Number(m[1]));
  return 0;
}

function validYear(y: number): number {
  return y >= 1870 && y <= 2100 ? y : 0;
}

/** Splits "Toy Story (1995)" into title and year; also "Babylon 5 (1994–1998)"-style ranges keep the first year. */
export function splitTitleYear(raw: string): { title: string; year: number } {
  const t = cleanText(raw);
  const m = /^(.*?)\s*\((\d{4})(?:[-–]\d{0,4})?\)$/.exec(t);
  if (m && m[1]) return { title: m[1], year: validYear(Number(m[2])) };
  return { title: t, year: 0 };
}
