// The command line's parsing and failures, run in-process through runCli with the output
// captured: --help, unknown verbs and options, bad option values, an unknown genre, missing paths,
// files nothing can be read from, and bad rows reported with their file, line and reason.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/cli-io';
import { runCli } from '../../../src/cli/run-cli';
import type { EtlReport } from '../../../src/etl/report';

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { out: (t) => void (stdout += t), err: (t) => void (stderr += t) };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'streamrec-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('runCli', () => {
  it('prints the verbs with --help and exits 0', async () => {
    const run = await cli('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^usage: npm run streamrec -- VERB/);
    for (const verb of ['inspect', 'evaluate', 'recommend']) expect(run.stdout).toContain(`  ${verb}`);
  });

  it('prints each verb’s options with VERB --help', async () => {
    const run = await cli('recommend', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('usage: npm run streamrec -- recommend [options] FILES…');
    for (const flag of ['--user ID', '--genres A,B', '-n, --count N', '--backend wasm|cpu', '-h, --help']) expect(run.stdout).toContain(flag);
  });

  it('exits 1 with the usage on stderr when no verb is given', async () => {
    const run = await cli();
    expect([run.code, run.stdout]).toEqual([1, '']);
    expect(run.stderr).toContain('usage:');
  });

  it('rejects an unknown verb, an unknown option and a bad number with exit 1', async () => {
    expect(await cli('train', 'x')).toMatchObject({ code: 1, stderr: 'streamrec: unknown verb "train"; the verbs are inspect, evaluate, recommend\n' });
    const option = await cli('evaluate', '--fold', '3', 'public/demo');
    expect(option.code).toBe(1);
    expect(option.stderr).toContain("Unknown option '--fold'");
    expect(await cli('evaluate', '--folds', '1', 'public/demo')).toMatchObject({ code: 1, stderr: 'streamrec: --folds expects an integer from 2 to 20, got "1"\n' });
    expect(await cli('recommend', '--user', '7x', 'public/demo')).toMatchObject({ code: 1, stderr: expect.stringContaining('--user expects an integer') });
    expect(await cli('recommend', 'public/demo')).toMatchObject({ code: 1, stderr: expect.stringContaining('--user ID is required') });
  });

  it('names a path that does not exist, and asks for files when none are given', async () => {
    expect(await cli('inspect', join(dir, 'nope.csv'))).toMatchObject({ code: 1, stdout: '', stderr: `streamrec: ${join(dir, 'nope.csv')}: no such file or directory\n` });
    expect(await cli('inspect')).toMatchObject({ code: 1, stderr: expect.stringContaining('no input files') });
  });

  it('exits 1 naming the file and what was wrong when no file holds ratings or movies', async () => {
    const file = join(dir, 'ratings.csv');
    writeFileSync(file, 'user;item;score\n1;2;3\n');
    const run = await cli('inspect', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`streamrec: no ratings or movie list found among the files (${file}: named like MovieLens ratings.csv (userId,movieId,rating,timestamp) but the first line is not: "user;item;score" (wrong delimiter?))\n`);
  });

  it('inspect reports each dropped row with its file, row number and reason', async () => {
    const file = join(dir, 'bad-rows', 'ratings.csv');
    mkdirSync(join(dir, 'bad-rows'));
    writeFileSync(file, 'userId,movieId,rating,timestamp\n1,10,4.0,100\n1,x,3.0,100\n2,10,,100\n2,11,3.5,100\n');
    const run = await cli('inspect', join(dir, 'bad-rows'));
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as EtlReport;
    expect(report.name).toBe('bad-rows');
    const f = report.files[0]!;
    expect([f.file, f.rowsRead, f.kept, f.dropped]).toEqual([file, 4, 2, 2]);
    // The ratings reader numbers rows by their line in the file (the header is line 1).
    expect(f.dropReasons['item id not an integer']!.samples).toEqual([{ row: 3, reason: 'item id not an integer', excerpt: '1,x,3.0,100' }]);
    expect(f.dropReasons['rating not a number']!.samples).toEqual([{ row: 4, reason: 'rating not a number', excerpt: '2,10,,100' }]);
    expect(report.dataset).toMatchObject({ ratings: 2, users: 2 });
  });

  it('recommend exits 1 listing the dataset’s genres for a genre it does not have (before any training)', async () => {
    const run = await cli('recommend', '--user', '7', '--genres', 'Drama,Space Opera', 'public/demo');
    expect([run.code, run.stdout]).toEqual([1, '']);
    expect(run.stderr).toMatch(/streamrec: unknown genre "Space Opera"; the dataset's genres are: .*\bDrama\b/);
    expect(run.stderr).not.toContain('backend');
  });
});
