// The UI's handle on the engine worker: starts it, wraps it with comlink, and
// holds what the shell shows about it (backend, errors). The UI never imports
// TensorFlow.js; it talks to the worker only through EngineApi.
import { wrap, type Remote } from 'comlink';
import type { BackendInfo, BackendName, EngineApi } from '../../engine/api';
import { isBackendName } from '../../model/backend-names';

export type EngineState = 'starting' | 'ready' | 'failed';

class EngineStore {
  state = $state<EngineState>('starting');
  backend = $state.raw<BackendInfo | undefined>(undefined);
  error = $state<string | undefined>(undefined);
  readonly api: Remote<EngineApi>;
  readonly ready: Promise<BackendInfo>;

  constructor() {
    const worker = new Worker(new URL('../../../workers/engine.worker.ts', import.meta.url), {
      type: 'module',
      name: 'streamrec-engine',
    });
    worker.addEventListener('error', (event) => {
      this.state = 'failed';
      this.error = `The engine worker failed: ${event.message || 'it could not be loaded'}.`;
    });
    this.api = wrap<EngineApi>(worker);
    this.ready = this.api.init({ baseUrl: siteBaseUrl(), backend: requestedBackend() });
    this.ready.then(
      (info) => {
        this.backend = info;
        this.state = 'ready';
      },
      (error: unknown) => {
        this.state = 'failed';
        this.error = error instanceof Error ? error.message : String(error);
      },
    );
  }
}

/** The site's root folder as an absolute URL, wherever the site is served from. */
export function siteBaseUrl(): string {
  return new URL(import.meta.env.BASE_URL, document.baseURI).href;
}

function requestedBackend(): BackendName | undefined {
  const asked = new URLSearchParams(location.search).get('backend');
  return isBackendName(asked) ? asked : undefined;
}

export const engine = new EngineStore();
