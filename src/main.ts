import { proxy } from 'comlink';
import { mount } from 'svelte';
import App from './ui/App.svelte';
import { engine } from './ui/state/engine.svelte';
import { updates } from './ui/state/updates.svelte';
import './ui/global.css';

// Handles for the e2e tests and benchmarks, which drive the real worker API
// (callbacks into the page must be comlink proxies).
Object.assign(window, { __streamrec: engine.api, __streamrecBackend: engine.ready, __streamrecProxy: proxy });

// ?engine-only starts the engine worker without the app (no demo load, no
// background training, no service worker), for benchmarks that drive the API alone.
if (!new URLSearchParams(location.search).has('engine-only')) {
  mount(App, { target: document.getElementById('app')! });
  // The service worker: offline use, cross-origin isolation on static hosts, updates.
  updates.start();
}
