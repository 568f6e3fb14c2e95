// The --backend option shared by the verbs that train: which TensorFlow.js backend to try
// first (wasm by default; cpu is always there as the fallback).

import { CliError } from './cli-error';
import { isNodeBackendName, NODE_BACKENDS, type NodeBackendName } from './node-backend';
import { stringOption, type OptionSpec, type VerbArgs } from './verb-args';

export const BACKEND_OPTION: OptionSpec = { type: 'string', value: NODE_BACKENDS.join('|'), help: 'TensorFlow.js backend to try first (default wasm; cpu is the fallback)' };

export function backendOption(args: VerbArgs): NodeBackendName {
  const name = stringOption(args, 'backend') ?? 'wasm';
  if (!isNodeBackendName(name)) throw new CliError('usage', `--backend expects one of ${NODE_BACKENDS.join(', ')}, got "${name}"`);
  return name;
}
