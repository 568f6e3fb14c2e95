// Starts TensorFlow.js for the CLI through the engine's own initBackend, pointing it at the
// wasm binaries in node_modules. wasm is asked for first: in Node it is the fastest backend
// that runs (no GPU backends without a browser); cpu is the fallback.

import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { initBackend, type BackendInfo, type BackendName } from '../model/backend';

export const NODE_BACKENDS = ['wasm', 'cpu'] as const satisfies readonly BackendName[];
export type NodeBackendName = (typeof NODE_BACKENDS)[number];

export function isNodeBackendName(value: string): value is NodeBackendName {
  return (NODE_BACKENDS as readonly string[]).includes(value);
}

/** The folder holding tfjs-backend-wasm*.wasm, found the way Node resolves the package. */
function wasmDir(): string {
  return `${dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'))}/`;
}

export function initNodeBackend(preferred: NodeBackendName = 'wasm'): Promise<BackendInfo> {
  return initBackend(wasmDir(), preferred);
}
