// Test helper: runs the real command line in a child process (node --import tsx
// src/cli/main.ts …, what `npm run streamrec --` runs) and returns its exit status and output.

import { execFile } from 'node:child_process';
import { REPO_ROOT } from '../../support/data-dir';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runStreamrec(...args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: REPO_ROOT, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') return reject(error);
      resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
    });
  });
}

/** The JSON a verb printed, failing with its stderr when it did not succeed. */
export function jsonOf<T>(run: CliRun): T {
  if (run.code !== 0) throw new Error(`streamrec exited ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}
