// How benchmark code inside page.evaluate reaches the engine: the app exposes
// the comlink-wrapped EngineApi and comlink's proxy (for callbacks) on window.
import type { Remote, proxy } from 'comlink';
import type { BackendInfo, EngineApi } from '../../src/engine/api';

export interface PageWindow {
  __streamrec: Remote<EngineApi>;
  __streamrecProxy: typeof proxy;
  __streamrecBackend: Promise<BackendInfo>;
}
