// Runs the ETL on files from the command line: expands the paths, streams them through
// loadDataset (the worker's own code), and reports progress on stderr. An ETL failure
// (no ratings or movie list among the files) becomes a CliError naming the files.

import type { Dataset } from '../dataset/dataset';
import { EtlError } from '../etl/errors';
import { loadDataset } from '../etl/load-dataset';
import type { EtlReport } from '../etl/report';
import { CliError } from './cli-error';
import type { CliIo } from './cli-io';
import { expandPaths, sourceFromPath } from './node-sources';

export interface LoadedFiles {
  dataset: Dataset;
  report: EtlReport;
}

export async function loadFiles(paths: readonly string[], io: CliIo): Promise<LoadedFiles> {
  const files = await expandPaths(paths);
  const sources = await Promise.all(files.map(sourceFromPath));
  io.err(`reading ${files.length} file${files.length === 1 ? '' : 's'}: ${files.join(', ')}\n`);
  let loaded: LoadedFiles;
  try {
    loaded = await loadDataset(sources);
  } catch (e) {
    if (e instanceof EtlError) throw new CliError('input', e.message);
    throw e;
  }
  const { report } = loaded;
  for (const f of report.files) if (f.error) io.err(`warning: ${f.file}: ${f.error}\n`);
  const d = report.dataset;
  io.err(`loaded ${report.name}: ${d.ratings} ratings, ${d.users} users, ${d.movies} movies in ${report.durationMs} ms\n`);
  return loaded;
}
