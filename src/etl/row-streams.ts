// Turn decoded text chunks into rows without ever holding a whole file: quoted CSV goes
// through papaparse's incremental Parser (the unfinished last row is carried over), plain
// delimited formats (u.item, *.dat) through a line splitter.

import Papa from 'papaparse';

export type RowHandler = (fields: string[], row: number) => void;

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
  ) {
    this.headerLeft = opts.hasHeader;
    this.parser = new Papa.Parser({ delimiter: opts.delimiter ?? ',', newline: opts.newline, quoteChar: '"' });
  }
  push(text: string): void {
    this.pending = this.pending.length ? this.pending + text : text;
    if (this.pending.length < this.waitFor) return;
    this.run(true);
    if (this.pending.length > MAX_PENDING_CHARS) {
      this.onTooLong(this.pending.length);
      this.pending = '';
      this.waitFor = Infinity;
    }
  }
  end(): void {
    if (this.waitFor === Infinity) return;
    if (this.pending.length) this.run(false);
    this.pending = '';
  }
  private run(ignoreLast: boolean): void {
    const res = this.parser.parse(this.pending, 0, ignoreLast) as { data: string[][]; meta: { cursor: number } };
    for (const fields of res.data) this.emit(fields);
    this.pending = ignoreLast ? this.pending.slice(res.meta.cursor) : '';
    this.waitFor = this.pending.length * 2;
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
