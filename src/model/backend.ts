// Chooses the TensorFlow.js backend once, at engine start: the best that
// initialises in the order webgpu → webgl → wasm → cpu, or the one asked for.
// The wasm binaries come from the site itself (setWasmPaths), never a CDN.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

import { BACKENDS, type BackendName } from './backend-names';

export { BACKENDS, isBackendName, type BackendName } from './backend-names';

export interface BackendInfo {
  backend: BackendName;
  /** wasm only: whether the SIMD build runs. */
  simd: boolean;
  /** wasm only: whether the threaded build runs (needs cross-origin isolation). */
  threads: boolean;
  threadCount: number;
  /** Backends that were tried and failed, with the reason, in order. */
  failed: { backend: BackendName; reason: string }[];
  tfVersion: string;
}

// The webgl and webgpu backends are large; load them only when tried.
// wasm and cpu are imported statically above: they are the fallbacks.
const registrars: Record<BackendName, () => Promise<unknown>> = {
  webgpu: () => import('@tensorflow/tfjs-backend-webgpu'),
  webgl: () => import('@tensorflow/tfjs-backend-webgl'),
  wasm: async () => undefined,
  cpu: async () => undefined,
};

/**
 * A GPU backend on a software rasteriser (SwiftShader, llvmpipe: what a machine
 * without a usable GPU gets) is several times slower than wasm: measured 5.5 s per
 * ALS epoch on ml-100k against 0.12 s on wasm. Such a backend is skipped unless asked for.
 */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|lavapipe|software|basic render/i;

function softwareWebGl(): string | null {
  const backend = tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } };
  const gl = backend.gpgpu?.gl;
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  return SOFTWARE_RENDERER.test(renderer) ? renderer : null;
}

/** The parts of WebGPU's adapter this module reads (the lib has no WebGPU types). */
interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { isFallbackAdapter?: boolean; vendor?: string; architecture?: string; description?: string };
}

/**
 * The adapter WebGPU would hand tfjs, when it is a fallback (software) one: headless
 * Chromium with --enable-unsafe-webgpu gets SwiftShader, flagged isFallbackAdapter.
 * Asked for with the same power preference tfjs uses, before tfjs creates its device.
 */
async function softwareWebGpu(): Promise<string | null> {
  const gpu = (navigator as unknown as { gpu?: { requestAdapter(o?: object): Promise<GpuAdapterLike | null> } }).gpu;
  const adapter = await gpu?.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) return null;
  const info = adapter.info ?? {};
  const name = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') || 'unnamed adapter';
  if (info.isFallbackAdapter || adapter.isFallbackAdapter || SOFTWARE_RENDERER.test(name)) return `fallback adapter: ${name}`;
  return null;
}

async function tryBackend(name: BackendName, explicit: boolean): Promise<string | null> {
  try {
    await registrars[name]();
    if (name === 'webgpu' && (typeof navigator === 'undefined' || !('gpu' in navigator))) return 'navigator.gpu is missing';
    if (name === 'webgpu' && !explicit) {
      const software = await softwareWebGpu();
      if (software) return `${software}, slower than wasm`;
    }
    const ok = await tf.setBackend(name);
    if (!ok) return 'setBackend returned false';
    await tf.ready();
    const software = explicit || name !== 'webgl' ? null : softwareWebGl();
    if (software) return `software renderer (${software}), slower than wasm`;
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Initialises a backend. `wasmBaseUrl` is the absolute URL of the folder holding
 * the three tfjs-backend-wasm*.wasm files. `preferred` first, then the default order.
 */
export async function initBackend(wasmBaseUrl: string, preferred?: BackendName): Promise<BackendInfo> {
  setWasmPaths(wasmBaseUrl.endsWith('/') ? wasmBaseUrl : `${wasmBaseUrl}/`);
  // One core is left to the page. The training kernels (batched mat-vecs, gathers) run on one
  // thread anyway; on 2 cores a second pool thread only contended with the page and other tabs
  // (ml-100k ALS sweep 0.103 s with 2 threads, 0.089 s with 1).
  const cores = typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency || 1;
  setThreadsCount(Math.max(1, Math.min(8, cores - 1)));
  const order = preferred ? [preferred, ...BACKENDS.filter((b) => b !== preferred)] : [...BACKENDS];
  const failed: BackendInfo['failed'] = [];
  for (const name of order) {
    const reason = await tryBackend(name, name === preferred);
    if (reason === null) return describe(name, failed);
    failed.push({ backend: name, reason });
  }
  throw new Error(`No TensorFlow.js backend initialised: ${failed.map((f) => `${f.backend}: ${f.reason}`).join('; ')}`);
}

/**
 * After a GPU backend failed mid-job (a lost device, a failed buffer mapping): switches to
 * wasm, recording the failure, so the job can run again where it works.
 */
export async function fallBackToWasm(from: BackendInfo, reason: string): Promise<BackendInfo> {
  const ok = await tf.setBackend('wasm');
  if (!ok) throw new Error(`the ${from.backend} backend failed (${reason}) and wasm did not initialise`);
  await tf.ready();
  return describe('wasm', [...from.failed, { backend: from.backend, reason }]);
}

async function describe(backend: BackendName, failed: BackendInfo['failed']): Promise<BackendInfo> {
  let simd = false;
  let threads = false;
  let threadCount = 1;
  if (backend === 'wasm') {
    simd = Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
    threads = Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'));
    threadCount = threads ? getThreadsCount() : 1;
  }
  return { backend, simd, threads, threadCount, failed, tfVersion: tf.version_core };
}
