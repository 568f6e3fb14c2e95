// Skips that say why. Vitest's default reporter counts skipped tests but prints neither their
// names nor a skip note, so every skip here also writes one line to stderr, which it does print.
import { describe, it, type TestContext } from 'vitest';

type Body = () => void;
type TestBody = (ctx: TestContext) => unknown;

function announce(name: string, reason: string): void {
  console.warn(`SKIPPED "${name}": ${reason}`);
}

/** `describe`, or, when the condition is false, a skipped block whose name and reason are printed. */
export function describeIf(condition: boolean, reason: string): (name: string, body: Body) => void {
  if (condition) return (name, body) => describe(name, body);
  return (name, body) => {
    announce(name, reason);
    describe.skip(name, body);
  };
}

/** `it`, or, when the condition is false, a skipped test whose name and reason are printed. */
export function itIf(condition: boolean, reason: string): (name: string, body: TestBody, timeout?: number) => void {
  if (condition) return (name, body, timeout) => it(name, body, timeout);
  return (name, body, timeout) => {
    announce(name, reason);
    it.skip(name, body, timeout);
  };
}

/** Skips the running test from inside it (a condition only known at run time), printing why. */
export function skipNow(ctx: TestContext, reason: string): never {
  announce(ctx.task.name, reason);
  return ctx.skip(reason);
}
