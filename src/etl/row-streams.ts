// Turn decoded text chunks into rows without ever holding a whole file: quoted CSV goes
// through papaparse's incremental Parser (the unfinished last row is carried over), plain
// delimited formats (u.item, *.dat) through a line splitter.

import Papa from 'papaparse';

export type RowHandler = (fields: string[], row: number) => void;

/** A row the stream itself gave up on (an unbalanced quote): its number, why, and its raw line. */
export type BadRowHandler = (row: number, reason: string, raw: string) => void;

export const UNBALANCED_QUOTE = 'unbalanced quote (row dropped, the lines after it read on their own)';

interface PapaResult {
  data: string[][];
  errors: Array<{ type: string; row?: number; index?: number }>;
  meta: { cursor: number };
}

/** Rows longer than this are a broken file (an unterminated quote), not data. */
export const MAX_PENDING_CHARS = 64 * 1024 * 1024;

export interface TextRowStream {
  push(text: string): void;
  end(): void;
  readonly rows: number;
}

/**
 * Incremental RFC-4180 CSV via Papa.Parser(ignoreLastRow). The carried-over tail is only
 * re-parsed once the buffer has doubled, so a 10 MB field costs O(n), not O(n²).
 */
export class CsvRowStream implements TextRowStream {
  private pending = '';
  private waitFor = 0;
  private dataRow = 0;
  private headerLeft: boolean;
  private readonly parser: Papa.Parser;
  rows = 0;
  constructor(
    private readonly onRow: RowHandler,
    opts: { delimiter?: string; newline: '\n' | '\r\n'; hasHeader: boolean },
    private readonly onTooLong: (chars: number) => void,
    private readonly onBadRow: BadRowHandler = () => undefined,
  ) {
    this.headerLeft = opts.hasHeader;
    this.parser = new Papa.Parser({ delimiter: opts.delimiter ?? ',', newline: opts.newline, quoteChar: '"' });
  }
  push(text: string): void {
    this.pending = this.pending.length ? this.pending + text : text;
    if (this.pending.length < this.waitFor) return;
    this.run(true);
    while (this.pending.length > MAX_PENDING_CHARS) {
      // The unfinished row is huge. When its first line opens a quote it never closes, that
      // line is the fault: drop it and read on; otherwise the file is not a text table.
      const nl = this.pending.indexOf('\n');
      if (nl < 0 || !opensQuote(this.pending, nl)) {
        this.onTooLong(this.pending.length);
        this.pending = '';
        this.waitFor = Infinity;
        return;
      }
      this.dropLine(0, nl);
      this.run(true);
    }
  }
  end(): void {
    if (this.waitFor === Infinity) return;
    if (this.pending.length) this.run(false);
    this.pending = '';
  }
  /**
   * Parses the pending text. A quote error whose row swallowed line ends (a stray `"` opens a
   * field that a quote rows later, or the end of the file, closes) is recovered line by line:
   * the line that opened the quote is dropped and reported, and parsing resumes after it, so
   * one bad title costs one row, not the rest of the file.
   */
  private run(ignoreLast: boolean): void {
    for (;;) {
      const res = this.parser.parse(this.pending, 0, ignoreLast) as PapaResult;
      const broken = swallowingQuote(res, this.headerLeft);
      if (!broken) {
        for (const fields of res.data) this.emit(fields);
        this.pending = ignoreLast ? this.pending.slice(res.meta.cursor) : '';
        this.waitFor = this.pending.length * 2;
        return;
      }
      for (let k = 0; k < broken.row; k++) this.emit(res.data[k]!);
      const start = this.pending.lastIndexOf('\n', broken.quoteAt) + 1;
      const nl = this.pending.indexOf('\n', broken.quoteAt);
      this.dropLine(start, nl < 0 ? this.pending.length : nl);
    }
  }
  /** Reports pending[start, end) as a bad row and keeps what follows its line end. */
  private dropLine(start: number, end: number): void {
    this.dataRow++;
    this.rows++;
    this.onBadRow(this.dataRow, UNBALANCED_QUOTE, this.pending.slice(start, Math.min(end, start + 200)).replace(/\r$/, ''));
    this.pending = this.pending.slice(end + 1);
  }
  private emit(fields: string[]): void {
    // Blank lines (and a lone '\r' left when a chunk splits a CRLF) carry no data.
    if (fields.length === 1 && (fields[0] === '' || fields[0] === '\r')) return;
    if (this.headerLeft) {
      // The header is handed over as row 0 so readers can map columns by name.
      this.headerLeft = false;
      this.onRow(fields, 0);
      return;
    }
    this.dataRow++;
    this.rows++;
    this.onRow(fields, this.dataRow);
  }
}

/** The first quote error whose row spans a line end: its row in res.data and where its quote opened. */
function swallowingQuote(res: PapaResult, headerLeft: boolean): { row: number; quoteAt: number } | null {
  for (const e of res.errors) {
    if (e.type !== 'Quotes' || e.row === undefined || e.index === undefined) continue;
    const fields = res.data[e.row];
    if (!fields || (headerLeft && e.row === 0)) continue;
    if (!fields.some((f) => f.includes('\n'))) continue;
    // Papa's index is just past the opening quote.
    return { row: e.row, quoteAt: Math.max(0, e.index - 1) };
  }
  return null;
}

/** True when the line text[0, end) holds an odd number of quotes (one is left open). */
function opensQuote(text: string, end: number): boolean {
  let n = 0;
  for (let i = text.indexOf('"'); i >= 0 && i < end; i = text.indexOf('"', i + 1)) n++;
  return n % 2 === 1;
}

/** Unquoted formats: lines split on a fixed delimiter ('|', '::', '\t'). Blank lines are rows of one empty field. */
export class DelimitedLineStream implements TextRowStream {
  private pending = '';
  private line = 0;
  rows = 0;
  constructor(
    private readonly onRow: RowHandler,
    private readonly delimiter: string,
    private readonly hasHeader: boolean,
    private readonly onTooLong: (chars: number) => void,
  ) {}
  push(text: string): void {
    const s = this.pending.length ? this.pending + text : text;
    let start = 0;
    for (;;) {
      const nl = s.indexOf('\n', start);
      if (nl < 0) break;
      this.emit(s.slice(start, nl));
      start = nl + 1;
    }
    this.pending = s.slice(start);
    if (this.pending.length > MAX_PENDING_CHARS) {
      this.onTooLong(this.pending.length);
      this.pending = '';
    }
  }
  end(): void {
    if (this.pending.length) this.emit(this.pending);
    this.pending = '';
  }
  private emit(rawLine: string): void {
    this.line++;
    let line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (this.line === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    if (this.hasHeader && this.line === 1) return this.onRow(line.split(this.delimiter), 0);
    this.rows++;
    this.onRow(line.split(this.delimiter), this.line);
  }
}
