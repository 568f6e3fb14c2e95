// Command-line parsing for one verb: its options declared as data (name, type, help), parsed
// by Node's util.parseArgs, checked and converted here. A new option (e.g. the generic
// reader's --columns or --scale) is one more entry in a verb's table.

import { parseArgs } from 'node:util';
import { CliError } from './cli-error';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The value's name in the help text ("N", "ID", "A,B"); string options only. */
  value?: string;
  help: string;
}

export interface VerbSpec {
  name: string;
  /** What follows the options in the usage line, e.g. "FILES…". */
  operands: string;
  summary: string;
  options: Readonly<Record<string, OptionSpec>>;
}

export interface VerbArgs {
  values: Readonly<Record<string, string | boolean | undefined>>;
  /** Positional arguments: files, directories or zip archives. */
  files: string[];
  help: boolean;
}

const HELP: OptionSpec = { type: 'boolean', short: 'h', help: 'show this help and exit' };

export function parseVerbArgs(spec: VerbSpec, argv: readonly string[]): VerbArgs {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = { help: { type: HELP.type, short: HELP.short } };
  for (const [name, o] of Object.entries(spec.options)) options[name] = o.short ? { type: o.type, short: o.short } : { type: o.type };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (e) {
    // util.parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes; its message names the option.
    throw new CliError('usage', `${spec.name}: ${e instanceof Error ? e.message : String(e)} (see streamrec ${spec.name} --help)`);
  }
  const values: Record<string, string | boolean | undefined> = {};
  for (const [name, v] of Object.entries(parsed.values)) {
    if (Array.isArray(v)) throw new CliError('usage', `${spec.name}: --${name} given more than once`);
    values[name] = v;
  }
  return { values, files: parsed.positionals, help: values.help === true };
}

export function helpText(spec: VerbSpec): string {
  const rows = Object.entries({ ...spec.options, help: HELP }).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`;
    return [flag, o.help] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [
    `usage: npm run streamrec -- ${spec.name} [options] ${spec.operands}`,
    '',
    spec.summary,
    '',
    'options:',
    ...rows.map(([flag, help]) => `  ${flag.padEnd(width)}  ${help}`),
    '',
  ].join('\n');
}

export function stringOption(args: VerbArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

/** An integer option within [min, max]; `fallback` when absent. */
export function intOption(args: VerbArgs, name: string, fallback: number, min: number, max: number): number {
  const text = stringOption(args, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new CliError('usage', `--${name} expects an integer from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

/** A comma-separated option as trimmed, non-empty items. */
export function listOption(args: VerbArgs, name: string): string[] {
  const text = stringOption(args, name);
  return text === undefined ? [] : text.split(',').map((s) => s.trim()).filter(Boolean);
}
