// One CSV cell for every export: RFC 4180 quoting, and text that a spreadsheet would run as a
// formula (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`, `-2+3+cmd`) neutralised by a leading
// apostrophe. Numbers are written as they are, so `-1.5` in a numeric column stays a number.

/** First characters that make Excel, LibreOffice or Google Sheets read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Quotes a field only when it holds a delimiter, a quote or a line end. */
export function quoteCsvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A text cell (a title, a name, a key): formula-leading text gets a leading `'`, then quoting. */
export function csvTextCell(s: string): string {
  return quoteCsvField(FORMULA_START.test(s) ? `'${s}` : s);
}

/** A numeric cell: a finite number as JavaScript writes it, empty otherwise. */
export function csvNumberCell(x: number): string {
  return Number.isFinite(x) ? String(x) : '';
}

/** Undoes csvTextCell's apostrophe on import, so an exported title reads back unchanged. */
export function uncsvTextCell(s: string): string {
  return s.length > 1 && s.charCodeAt(0) === 39 && FORMULA_START.test(s.slice(1)) ? s.slice(1) : s;
}
