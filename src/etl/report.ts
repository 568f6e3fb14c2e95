// EtlReport: what the ETL saw and did, plain JSON for the UI and for docs/data.md. Every
// dropped or repaired row is counted under a reason, with up to 5 sample rows per reason.

import type { FileFormat } from './formats';

export interface RowSample {
  /** 1-based data row (the header is row 0); for headerless files the line number. */
  row: number;
  reason: string;
  /** The raw row, at most 200 characters. */
  excerpt: string;
}

export interface ReasonStats {
  count: number;
  samples: RowSample[];
}

export interface FileReport {
  file: string;
  format: FileFormat;
  formatLabel: string;
  /** False when the file was recognised but not used (superseded, auxiliary, unknown, failed). */
  used: boolean;
  /** Why unused, a name/header disagreement, or the file-level error. */
  note?: string;
  error?: string;
  /** Bytes as read (compressed size for .gz); uncompressed for zip entries. */
  bytes: number;
  rowsRead: number;
  kept: number;
  dropped: number;
  dropReasons: Record<string, ReasonStats>;
  /** Rows kept after a fix (e.g. whitespace collapsed, unparsable date → year 0). */
  repairs: Record<string, ReasonStats>;
  durationMs: number;
}

export interface JoinReport {
  name: string;
  /** Rows (or distinct ids) on the left side that looked for a partner. */
  total: number;
  matched: number;
  rate: number;
}

export interface EtlReport {
  name: string;
  fingerprint: string;
  durationMs: number;
  /** Which source the catalogue was built from, and why. */
  catalogSource: string;
  files: FileReport[];
  joins: JoinReport[];
  /** Dataset-level drops (e.g. ratings whose item is not in the catalogue). */
  datasetDrops: Record<string, ReasonStats>;
  dataset: {
    movies: number;
    users: number;
    ratings: number;
    typedArrayBytes: number;
    /** Estimated bytes of the string tables (titles, people, keywords, genres) as V8 holds them. */
    stringTableBytes: number;
    scale: [number, number];
  };
  notes: string[];
}

const MAX_SAMPLES = 5;
const MAX_EXCERPT = 200;

export function excerpt(raw: string): string {
  return raw.length > MAX_EXCERPT ? raw.slice(0, MAX_EXCERPT - 1) + '…' : raw;
}

export function addReason(map: Record<string, ReasonStats>, reason: string, row: number, raw: string | (() => string)): void {
  let s = map[reason];
  if (!s) s = map[reason] = { count: 0, samples: [] };
  s.count++;
  if (s.samples.length < MAX_SAMPLES) s.samples.push({ row, reason, excerpt: excerpt(typeof raw === 'function' ? raw() : raw) });
}

/** Accumulates one FileReport while its file streams. */
export class FileReportBuilder {
  readonly report: FileReport;
  constructor(file: string, format: FileFormat, formatLabel: string, bytes: number) {
    this.report = {
      file, format, formatLabel, used: true, bytes, rowsRead: 0, kept: 0, dropped: 0, dropReasons: {}, repairs: {}, durationMs: 0,
    };
  }
  drop(reason: string, row: number, raw: string | (() => string)): void {
    this.report.dropped++;
    addReason(this.report.dropReasons, reason, row, raw);
  }
  repair(reason: string, row: number, raw: string | (() => string)): void {
    addReason(this.report.repairs, reason, row, raw);
  }
}

export function joinReport(name: string, total: number, matched: number): JoinReport {
  return { name, total, matched, rate: total > 0 ? matched / total : 0 };
}

/** Raw CSV-ish excerpt of parsed fields, for samples. */
export function rowText(fields: readonly string[], delimiter = ','): string {
  let s = '';
  for (let i = 0; i < fields.length && s.length < MAX_EXCERPT; i++) s += (i ? delimiter : '') + fields[i];
  return s;
}
