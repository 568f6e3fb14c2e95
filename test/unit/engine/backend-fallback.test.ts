import { describe, expect, it } from 'vitest';
import { withWasmFallback } from '../../../src/engine/backend-fallback';
import type { BackendInfo, BackendName } from '../../../src/model/backend';

const info = (backend: BackendName): BackendInfo => ({ backend, simd: false, threads: false, threadCount: 1, failed: [], tfVersion: 'test' });

describe('withWasmFallback', () => {
  it('runs a failed WebGPU job again on wasm and says what failed', async () => {
    const ran: BackendName[] = [];
    const fallBack = async (from: BackendInfo, reason: string) => ({ ...info('wasm'), failed: [{ backend: from.backend, reason }] });
    const outcome = await withWasmFallback(info('webgpu'), new AbortController().signal, fallBack, async (b) => {
      ran.push(b);
      if (b === 'webgpu') throw new Error('createBuffer failed');
      return 0.91;
    });
    expect(ran).toEqual(['webgpu', 'wasm']);
    expect(outcome).toEqual({ value: 0.91, backend: 'wasm', notice: 'The webgpu backend failed (createBuffer failed); this ran on wasm instead.' });
  });

  it('does not retry a cancelled job', async () => {
    const controller = new AbortController();
    controller.abort();
    let calls = 0;
    const run = withWasmFallback(info('webgpu'), controller.signal, async () => info('wasm'), async () => {
      calls++;
      throw new DOMException('Cancelled', 'AbortError');
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toBe(1);
  });

  it('does not retry a job that failed on wasm itself', async () => {
    const run = withWasmFallback(info('wasm'), new AbortController().signal, async () => info('wasm'), async () => {
      throw new RangeError('training diverged at epoch 3');
    });
    await expect(run).rejects.toThrow('training diverged at epoch 3');
  });
});
