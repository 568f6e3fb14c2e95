// The CLI's failures as typed values: a code says which exit status and which kind of
// message it is (usage, bad input, unknown user), so the entry point maps codes, not text.

export type CliErrorCode = 'usage' | 'input' | 'unknown-user';

/** Exit status per code: 2 is reserved for "that user is not in the dataset". */
export const EXIT_CODES: Readonly<Record<CliErrorCode, number>> = Object.freeze({ usage: 1, input: 1, 'unknown-user': 2 });

export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    readonly code: CliErrorCode,
    message: string,
  ) {
    super(message);
  }
}
