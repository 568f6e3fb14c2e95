// Prints "attacks tried: N, held: M" after a run that included attack tests (files named
// *.attack.test.ts or attack-*.test.ts): counted from the tests' actual results, a skipped
// attack is neither tried nor held and is listed with the count.
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

const ATTACK_FILE = /(^attack-.*|\.attack)\.test\.ts$/;

export default class AttackTallyReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let tried = 0;
    let held = 0;
    let skipped = 0;
    const failed: string[] = [];
    for (const m of testModules) {
      if (!ATTACK_FILE.test(path.basename(m.moduleId))) continue;
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'skipped' || state === 'pending') {
          skipped++;
          continue;
        }
        tried++;
        if (state === 'passed') held++;
        else failed.push(t.fullName);
      }
    }
    if (tried + skipped === 0) return;
    console.log(`\nattacks tried: ${tried}, held: ${held}${skipped ? `, skipped: ${skipped}` : ''}`);
    for (const name of failed) console.log(`  did not hold: ${name}`);
  }
}
