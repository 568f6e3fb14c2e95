// `streamrec inspect FILES…`: runs the ETL and prints its report as JSON — what each file
// was recognised as, rows read, kept and dropped (with reasons and sample rows), the joins,
// the dataset's counts and its rating scale.

import { writeJson } from './cli-io';
import { loadFiles } from './load-files';
import type { Verb } from './verb';

export const inspectVerb: Verb = {
  name: 'inspect',
  operands: 'FILES…',
  summary: 'Reads the files (plain, .gz, .zip, or directories of them) and prints the ETL report as JSON.',
  options: {},
  async run(args, io) {
    const { report } = await loadFiles(args.files, io);
    writeJson(io, report);
    return 0;
  },
};
