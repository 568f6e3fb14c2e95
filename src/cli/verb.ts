// What a CLI verb is: its command-line spec (for parsing and --help) and the function that
// runs it, returning the exit status. main.ts dispatches on the verb's name.

import type { CliIo } from './cli-io';
import type { VerbArgs, VerbSpec } from './verb-args';

export interface Verb extends VerbSpec {
  run(args: VerbArgs, io: CliIo): Promise<number>;
}
