// Generated benchmark datasets in .cache/generated/NAME/ (git-ignored), made by
// the project's deterministic generators once and reused while their options
// match (a marker file records them). The preview server serves them under
// /generated/NAME/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../support/data-dir';

export const GENERATED_ROOT = resolve(REPO_ROOT, '.cache/generated');

/** Runs `steps` (node scripts with arguments, {dir} replaced by the folder) unless the folder was made with the same steps. */
export function ensureGenerated(name: string, steps: string[][]): string {
  const dir = resolve(GENERATED_ROOT, name);
  const marker = resolve(dir, '.generated.json');
  const wanted = JSON.stringify(steps);
  if (existsSync(marker) && readFileSync(marker, 'utf8') === wanted) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const step of steps) {
    const [script, ...args] = step.map((a) => a.replaceAll('{dir}', dir));
    console.log(`generating ${name}: node ${script} ${args.join(' ')}`);
    execFileSync(process.execPath, [resolve(REPO_ROOT, script), ...args], { stdio: 'inherit', cwd: REPO_ROOT });
  }
  writeFileSync(marker, wanted);
  return dir;
}
