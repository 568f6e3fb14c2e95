import { describe, expect, it } from 'vitest';
import { Jobs } from '../../../src/engine/jobs';

describe('Jobs', () => {
  it('aborts the running job with an AbortError when cancelled by id', async () => {
    const jobs = new Jobs();
    const running = jobs.run('load-1', (signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))));
    jobs.cancel('load-1');
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('leaves other jobs running when one is cancelled', async () => {
    const jobs = new Jobs();
    let seen: AbortSignal | undefined;
    const other = jobs.run('b', async (signal) => {
      seen = signal;
      await new Promise((r) => setTimeout(r, 5));
      return 'done';
    });
    jobs.cancel('a');
    await expect(other).resolves.toBe('done');
    expect(seen?.aborted).toBe(false);
  });

  it('forgets a job once it settles, so a late cancel is harmless', async () => {
    const jobs = new Jobs();
    let signal: AbortSignal | undefined;
    await jobs.run('x', async (s) => {
      signal = s;
    });
    jobs.cancel('x');
    expect(signal?.aborted).toBe(false);
  });

  it('reports an AbortError that no cancel caused as a failure, not a cancel', async () => {
    const jobs = new Jobs();
    // What a WebGPU buffer mapping throws when the device is lost mid-read.
    const failing = jobs.run('train', async () => {
      throw new DOMException("Failed to execute 'mapAsync' on 'GPUBuffer'", 'AbortError');
    });
    await expect(failing).rejects.toMatchObject({ name: 'Error', message: "aborted without a cancel: Failed to execute 'mapAsync' on 'GPUBuffer'" });
  });

  it('reports a cancelled job as cancelled whatever the work threw on its way out', async () => {
    const jobs = new Jobs();
    const running = jobs.run('t', (signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(new RangeError('tensor disposed')))));
    jobs.cancel('t');
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
  });
});
