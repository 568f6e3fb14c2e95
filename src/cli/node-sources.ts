// The ETL's DataSource for files on disk: each path is a file (plain, .gz or .zip) or a
// directory whose files are taken one level deep, read through fs.openAsBlob so the ETL
// streams it exactly as it streams a dropped File in the browser.

import { openAsBlob } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { sourceFromBlob, type DataSource } from '../etl/source';
import { CliError } from './cli-error';

/** The files the paths name: directories expand to their files (sorted, hidden ones skipped), duplicates once. */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  if (paths.length === 0) throw new CliError('usage', 'no input files: name the dataset files, a directory of them, or a .zip');
  const files: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = resolve(file);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(file);
    }
  };
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) throw new CliError('input', `${path}: no such file or directory`);
    if (info.isFile()) {
      add(path);
      continue;
    }
    if (!info.isDirectory()) throw new CliError('input', `${path}: not a file or directory`);
    const entries = await readdir(path, { withFileTypes: true });
    // Subdirectories are not entered: a dataset's folder holds its files at the top
    // (the-movies-dataset's excel-resaved-sample/ is a different, partial copy).
    const names = entries.filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => e.name).sort();
    if (names.length === 0) throw new CliError('input', `${path}: the directory holds no files`);
    for (const name of names) add(join(path, name));
  }
  return files;
}

/** One file as a DataSource named by its path (the report shows it; its folder names the dataset). */
export async function sourceFromPath(path: string): Promise<DataSource> {
  return sourceFromBlob(await openAsBlob(path), path);
}
