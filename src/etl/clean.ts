// Cleaning rules for single values, shared by the readers: whitespace, numbers, booleans,
// release dates (ISO and the spreadsheet's M/D/YYYY), "Title (1995)" years. Pure functions;
// docs/data.md lists each rule with the rows it touched on the real files.

/** Trims and collapses runs of whitespace (incl. NBSP) to one space. Non-ASCII is kept as is. */
export function cleanText(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** A finite number, or NaN for '', 'NaN', '-', junk ("8.20E-05" is a number). */
export function parseNumber(s: string): number {
  const t = s.trim();
  if (t === '') return NaN;
  const v = Number(t);
  return Number.isFinite(v) ? v : NaN;
}

/** A positive integer id ('862', '862.0'), or -1 — a date like '1997-08-20' is not an id. */
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
