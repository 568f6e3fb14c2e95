// The command line as a function: argv in, exit status out, text through CliIo. Dispatches
// to one verb, prints --help, and turns CliErrors into "streamrec: …" on stderr with their
// exit status (anything else is an unexpected failure: status 1 with its stack).

import { CliError, EXIT_CODES } from './cli-error';
import type { CliIo } from './cli-io';
import { evaluateVerb } from './evaluate';
import { inspectVerb } from './inspect';
import { recommendVerb } from './recommend';
import type { Verb } from './verb';
import { helpText, parseVerbArgs } from './verb-args';

export const VERBS: readonly Verb[] = [inspectVerb, evaluateVerb, recommendVerb];

function usage(): string {
  const width = Math.max(...VERBS.map((v) => v.name.length));
  return [
    'usage: npm run streamrec -- VERB [options] FILES…',
    '',
    'StreamRec’s engine from the command line; results are JSON on stdout, progress on stderr.',
    'FILES are dataset files (plain, .gz or .zip) or directories of them.',
    '',
    'verbs:',
    ...VERBS.map((v) => `  ${v.name.padEnd(width)}  ${v.summary}`),
    '',
    'npm run streamrec -- VERB --help shows a verb’s options.',
    '',
  ].join('\n');
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(usage());
    return EXIT_CODES.usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return 0;
  }
  const verb = VERBS.find((v) => v.name === name);
  try {
    if (!verb) throw new CliError('usage', `unknown verb "${name}"; the verbs are ${VERBS.map((v) => v.name).join(', ')}`);
    const args = parseVerbArgs(verb, rest);
    if (args.help) {
      io.out(helpText(verb));
      return 0;
    }
    return await verb.run(args, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`streamrec: ${e.message}\n`);
      return EXIT_CODES[e.code];
    }
    io.err(`streamrec: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}
