// One file's journey from bytes to a parsed table: buffer the first line, detect the format,
// then feed every chunk to the matching reader (byte parser for ratings, papaparse or a
// line splitter for text). Any failure becomes the file report's error, never a throw.

import { detectFormat, encodingOf, FORMAT_LABELS, ratingRangeOf, type Detection } from './formats';
import { newRawRatings, RatingsByteParser } from './ratings-parser';
import { FileReportBuilder } from './report';
import { CsvRowStream, DelimitedLineStream, type RowHandler, type TextRowStream } from './row-streams';
import type { TableReader, TablePayload } from './tables';
import { tagsReader } from './tags-reader';
import { TextDecoding } from './text-decoding';
import { creditsReader, keywordsReader, moviesMetadataReader } from './tmdb-readers';
import {
  countingReader, linksReader, ml100kGenreReader, ml100kItemReader, ml1mMoviesReader, mlMoviesCsvReader,
} from './movielens-readers';

export interface ParsedFile {
  file: string;
  report: FileReportBuilder;
  payload: TablePayload;
}

const HEAD_BYTES = 64 * 1024;
/**
 * Text is decoded and parsed this many bytes at a time. Chromium hands fetch bodies over in
 * chunks of up to megabytes, and what one parse step holds (the decoded string, its rows, the
 * unescaped copies of quoted fields) is a multiple of its input.
 */
const TEXT_SLICE = 64 * 1024;

/**
 * Rows to reserve for a ratings file: its size over the head's mean line length. Files sorted
 * by user start with short ids, so this errs high (ratings.csv: ~1.3×); the slack is given
 * back when the Dataset is assembled, and a low guess only costs one 25 % growth step.
 */
function expectedLines(size: number, head: Uint8Array): number {
  let lines = 0;
  for (let i = head.indexOf(10); i >= 0; i = head.indexOf(10, i + 1)) lines++;
  if (size <= 0 || lines < 2) return 1 << 16;
  return Math.min(Math.ceil((size / head.length) * lines) + 1024, 1 << 28);
}

/**
 * The reader's row handler, warning when the header names a column twice (readers use the
 * first; before, movies_metadata silently used the last).
 */
function warnDuplicateColumns(row: RowHandler, note: (text: string) => void): RowHandler {
  return (fields, n) => {
    if (n === 0) {
      const seen = new Set<string>();
      const twice = new Set<string>();
      for (const f of fields) {
        const name = f.trim().toLowerCase().replace(/^\uFEFF/, '');
        if (seen.has(name)) twice.add(name);
        seen.add(name);
      }
      for (const name of twice) note(`duplicate column ${JSON.stringify(name)} in the header: the first is used`);
    }
    row(fields, n);
  };
}

export class FileIngest {
  private head: Uint8Array[] = [];
  private headLen = 0;
  private sink: { push(b: Uint8Array): void; end(): void; rows(): number } | null = null;
  private failed = false;
  private readonly started = performance.now();
  payload: TablePayload = { kind: 'none' };
  report: FileReportBuilder;
  bytes = 0;

  constructor(
    readonly file: string,
    readonly size: number,
  ) {
    this.report = new FileReportBuilder(file, 'unknown', FORMAT_LABELS.unknown, 0);
  }

  /** True once the file is rejected: its remaining bytes need not be read or decompressed. */
  get rejected(): boolean {
    return this.failed;
  }

  get rows(): number {
    return this.sink ? this.sink.rows() : 0;
  }

  push(chunk: Uint8Array): void {
    if (this.failed || chunk.length === 0) return;
    this.bytes += chunk.length;
    try {
      if (this.sink) return this.sink.push(chunk);
      this.head.push(chunk.slice());
      this.headLen += chunk.length;
      if (this.headLen >= HEAD_BYTES || chunk.includes(10)) this.startSink();
    } catch (e) {
      this.fail(e);
    }
  }

  end(): ParsedFile {
    if (!this.failed) {
      try {
        if (!this.sink) this.startSink();
        this.sink?.end();
      } catch (e) {
        this.fail(e);
      }
    }
    const r = this.report.report;
    r.bytes = this.bytes;
    r.durationMs = Math.round(performance.now() - this.started);
    if (r.format !== 'unknown' && !r.error && r.rowsRead === 0 && r.format !== 'documentation') {
      r.note = (r.note ? r.note + '; ' : '') + 'no data rows';
    }
    return { file: this.file, report: this.report, payload: this.payload };
  }

  /** Adds a note to the file's report (notes accumulate, '; '-separated). */
  note(text: string): void {
    const r = this.report.report;
    r.note = r.note ? `${r.note}; ${text}` : text;
  }

  fail(e: unknown): void {
    this.failed = true;
    this.report.report.used = false;
    this.report.report.error = e instanceof Error ? e.message : String(e);
    this.payload = { kind: 'none' };
  }

  private startSink(): void {
    const all = new Uint8Array(this.headLen);
    let o = 0;
    for (const h of this.head) {
      all.set(h, o);
      o += h.length;
    }
    this.head = [];
    const d = detectFormat(this.file, all);
    const rep = this.report.report;
    rep.format = d.format;
    rep.formatLabel = FORMAT_LABELS[d.format];
    if (d.format === 'unknown') {
      rep.used = false;
      rep.error = d.reason ?? 'unrecognised file';
      this.failed = true;
      return;
    }
    if (d.reason) rep.note = d.reason;
    this.sink = this.makeSink(d, all);
    if (this.sink && all.length) this.sink.push(all);
  }

  private makeSink(d: Detection, head: Uint8Array): { push(b: Uint8Array): void; end(): void; rows(): number } | null {
    const rep = this.report;
    const tooLong = (chars: number) => {
      throw new Error(`a row grew past ${chars} characters: unterminated quote or not a text table`);
    };
    const ratings = (delimiter: ',' | '\t' | '::') => {
      const raw = newRawRatings(expectedLines(this.size, head));
      this.payload = { kind: 'ratings', raw };
      const p = new RatingsByteParser(raw, delimiter, d.hasHeader, (reason, row, text) => rep.drop(reason, row, text), ratingRangeOf(d.format));
      return {
        push: (b: Uint8Array) => p.push(b),
        end: () => {
          p.end();
          rep.report.rowsRead = p.rows;
          rep.report.kept = p.kept;
        },
        rows: () => p.rows,
      };
    };
    // The reader's table becomes the payload once the file has ended.
    const text = (make: (h: RowHandler) => TextRowStream, reader: TableReader) => {
      const decoding = new TextDecoding(encodingOf(d.format));
      const stream = make(d.hasHeader ? warnDuplicateColumns(reader.row, (note) => this.note(note)) : reader.row);
      return {
        push: (b: Uint8Array) => {
          for (let o = 0; o < b.length; o += TEXT_SLICE) stream.push(decoding.decode(b.subarray(o, o + TEXT_SLICE)));
        },
        end: () => {
          const rest = decoding.end();
          if (rest) stream.push(rest);
          stream.end();
          const encodingNote = decoding.note();
          if (encodingNote) this.note(encodingNote);
          this.payload = reader.finish();
        },
        rows: () => stream.rows,
      };
    };
    const csv = (r: TableReader, hasHeader = true) =>
      text((handler) => new CsvRowStream(handler, { newline: d.newline, hasHeader }, tooLong, (row, reason, raw) => {
        rep.report.rowsRead++;
        rep.drop(reason, row, raw);
      }), r);
    const lines = (delimiter: string, r: TableReader) =>
      text((handler) => new DelimitedLineStream(handler, delimiter, false, tooLong), r);

    switch (d.format) {
      case 'ratings-csv':
        return ratings(',');
      case 'ml100k-data':
        return ratings('\t');
      case 'ml1m-ratings':
        return ratings('::');
      case 'tmdb-movies-metadata':
        return csv(moviesMetadataReader(rep));
      case 'tmdb-credits':
        return csv(creditsReader(rep));
      case 'tmdb-keywords':
        return csv(keywordsReader(rep));
      case 'links':
        return csv(linksReader(rep));
      case 'ml-movies-csv':
        return csv(mlMoviesCsvReader(rep));
      case 'ml100k-item':
        return lines('|', ml100kItemReader(rep));
      case 'ml1m-movies':
        return lines('::', ml1mMoviesReader(rep));
      case 'ml100k-genre':
        return lines('|', ml100kGenreReader(rep));
      case 'ml-tags-csv':
        return csv(tagsReader(rep));
      case 'ml100k-user':
        rep.report.used = false;
        return lines('|', countingReader(rep));
      case 'ml1m-users':
        rep.report.used = false;
        return lines('::', countingReader(rep));
      case 'documentation':
        rep.report.used = false;
        return null;
      case 'unknown':
        return null;
    }
  }
}
