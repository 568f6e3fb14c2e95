// Where a verb writes: the JSON result to `out`, progress and warnings to `err`. The entry
// point binds them to stdout/stderr; tests can capture them in memory.

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** The result of a verb: pretty JSON on one stream, so `| jq` and JSON.parse both work. */
export function writeJson(io: CliIo, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}
