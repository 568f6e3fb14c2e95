// Node entry of the command line (`npm run streamrec -- VERB …`, or `tsx src/cli/main.ts`):
// binds the CLI to stdout/stderr and sets the process's exit status.

import { runCli } from './run-cli';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
});
