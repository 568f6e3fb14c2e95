// Runs a training or evaluation job on the current backend and, when a GPU backend fails
// (not a cancel), once more on wasm: the visitor gets a model and a notice saying why,
// instead of an error about a device they cannot do anything about.
import type { BackendInfo, BackendName } from '../model/backend';

export interface FallbackOutcome<T> {
  value: T;
  backend: BackendName;
  /** Set when the job ran again on wasm: what failed first. */
  notice: string | null;
}

export async function withWasmFallback<T>(
  info: BackendInfo,
  signal: AbortSignal,
  fallBack: (from: BackendInfo, reason: string) => Promise<BackendInfo>,
  run: (backend: BackendName) => Promise<T>,
): Promise<FallbackOutcome<T>> {
  try {
    return { value: await run(info.backend), backend: info.backend, notice: null };
  } catch (error) {
    if (signal.aborted || (info.backend !== 'webgpu' && info.backend !== 'webgl')) throw error;
    const reason = error instanceof Error ? error.message || error.name : String(error);
    const wasm = await fallBack(info, reason);
    const value = await run(wasm.backend);
    return { value, backend: wasm.backend, notice: `The ${info.backend} backend failed (${reason}); this ran on wasm instead.` };
  }
}
