// Test helper: registers the Node-capable backends and switches between them.

import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { resolve } from 'node:path';

setWasmPaths(resolve(import.meta.dirname, '../../../node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');

export const BACKENDS = ['wasm', 'cpu'] as const;

export async function useBackend(name: (typeof BACKENDS)[number]): Promise<void> {
  if (!(await tf.setBackend(name))) throw new Error(`backend ${name} failed to initialise`);
  await tf.ready();
}
