// `streamrec inspect` run as a child process on the embedded demo data and, when
// ../shared/data is there, on ml-100k, ml-latest-small and its published zip. Expected
// counts come from outside the ETL: the demo generator's manifest (public/demo/demo.json),
// ml-100k's u.info, and the published ml-latest-small counts (shared/data/README.md:
// 100,836 ratings, 610 users, 9,742 movies, 3,683 tags).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EtlReport, FileReport } from '../../../src/etl/report';
import { dataPath, HAS_DATA, NO_DATA_REASON, REPO_ROOT } from '../../support/data-dir';
import { jsonOf, runStreamrec } from './run-streamrec';
import { describeIf } from '../../support/skip';

interface DemoManifest {
  films: number;
  users: number;
  ratings: number;
  files: { name: string; rows: number }[];
}

const fileNamed = (report: EtlReport, name: string): FileReport => {
  const f = report.files.find((x) => x.file.split('/').pop() === name);
  if (!f) throw new Error(`no ${name} in ${report.files.map((x) => x.file).join(', ')}`);
  return f;
};

describe('inspect on the demo data (public/demo)', () => {
  it('reports the generator manifest’s counts, every file’s rows, and the half-star scale', async () => {
    const manifest = JSON.parse(readFileSync(`${REPO_ROOT}/public/demo/demo.json`, 'utf8')) as DemoManifest;
    const run = await runStreamrec('inspect', 'public/demo');
    const report = jsonOf<EtlReport>(run);
    expect(report.name).toBe('demo');
    expect(report.dataset).toMatchObject({ movies: manifest.films, users: manifest.users, ratings: manifest.ratings, scale: [0.5, 5] });
    for (const f of manifest.files) expect([f.name, fileNamed(report, f.name).rowsRead, fileNamed(report, f.name).dropped]).toEqual([f.name, f.rows, 0]);
    // The manifest itself sits in the folder: read, recognised as nothing, not used, and said so on stderr.
    expect(fileNamed(report, 'demo.json')).toMatchObject({ format: 'unknown', used: false });
    expect(run.stderr).toContain('warning: public/demo/demo.json: unrecognised header');
  });
});

describeIf(HAS_DATA, NO_DATA_REASON)('inspect on real data', () => {
  it('ml-100k as a directory: u.info’s 100,000 ratings by 943 users on 1,682 movies; the uN splits not loaded twice', async () => {
    const info = readFileSync(dataPath('ml-100k/u.info'), 'latin1');
    const count = (what: string) => Number(new RegExp(`(\\d+) ${what}`).exec(info)![1]);
    const report = jsonOf<EtlReport>(await runStreamrec('inspect', dataPath('ml-100k')));
    expect(report.name).toBe('ml-100k');
    expect(report.dataset).toMatchObject({ ratings: count('ratings'), users: count('users'), movies: count('items'), scale: [1, 5] });
    expect([count('ratings'), count('users'), count('items')]).toEqual([100000, 943, 1682]);
    expect(fileNamed(report, 'u.data')).toMatchObject({ used: true, rowsRead: 100000, kept: 100000 });
    expect(fileNamed(report, 'u.item')).toMatchObject({ used: true, rowsRead: 1682 });
    for (const split of ['u1.base', 'u5.test', 'ua.base', 'ub.test']) {
      expect(fileNamed(report, split)).toMatchObject({ used: false, note: 'not used: a split of u.data, which is loaded' });
    }
  });

  it('ml-latest-small as a directory: 100,836 ratings, 610 users, 9,742 movies, 3,683 tags, scale 0.5–5', async () => {
    const report = jsonOf<EtlReport>(await runStreamrec('inspect', dataPath('ml-latest-small')));
    expect(report.name).toBe('ml-latest-small');
    expect(report.dataset).toMatchObject({ ratings: 100836, users: 610, movies: 9742, scale: [0.5, 5] });
    expect(fileNamed(report, 'ratings.csv')).toMatchObject({ rowsRead: 100836, kept: 100836, dropped: 0 });
    expect(fileNamed(report, 'movies.csv')).toMatchObject({ rowsRead: 9742, kept: 9742 });
    expect(fileNamed(report, 'links.csv').rowsRead).toBe(9742);
    expect(fileNamed(report, 'tags.csv').rowsRead).toBe(3683);
  });

  it('ml-latest-small.zip (the archive GroupLens publishes) gives the same counts as the directory', async () => {
    const report = jsonOf<EtlReport>(await runStreamrec('inspect', dataPath('ml-latest-small.zip')));
    expect(report.dataset).toMatchObject({ ratings: 100836, users: 610, movies: 9742, scale: [0.5, 5] });
    expect(fileNamed(report, 'ratings.csv').file).toBe(`${dataPath('ml-latest-small.zip')}/ml-latest-small/ratings.csv`);
  });
});
