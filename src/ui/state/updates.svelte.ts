// The service worker from the page's side: registers dist/sw.js (production
// builds only), reloads once when a service worker first controls a page that is
// not yet cross-origin isolated (its headers make the next load isolated), and
// offers a new version as "reload to update": the waiting worker activates only
// when the visitor accepts, then every tab reloads onto the new version at once.
import { readSetting, writeSetting } from '../lib/safe-storage';

const ISOLATION_RELOAD_FLAG = 'streamrec:isolation-reload';
const UPDATE_CHECK_MS = 60 * 60 * 1000;

class UpdatesStore {
  /** A new version is installed and waiting for the visitor's consent. */
  available = $state(false);
  /** The visitor accepted; the page reloads when the new worker takes over. */
  applying = $state(false);
  private registration: ServiceWorkerRegistration | undefined;
  private started = false;

  start(): void {
    if (this.started || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    this.started = true;
    const container = navigator.serviceWorker;
    let controlled = container.controller !== null;
    container.addEventListener('controllerchange', () => {
      // From one version to another (accepted here or in another tab): reload, so
      // this page never runs old code against the new version's files.
      if (controlled || this.applying) location.reload();
      else this.reloadForIsolation();
      controlled = true;
    });
    if (controlled) this.reloadForIsolation();
    void this.register();
  }

  /** Activates the waiting version; controllerchange then reloads the page. */
  accept(): void {
    const waiting = this.registration?.waiting;
    if (!waiting) return;
    this.applying = true;
    waiting.postMessage({ type: 'SKIP_WAITING' });
  }

  dismiss(): void {
    this.available = false;
  }

  private async register(): Promise<void> {
    const base = new URL(import.meta.env.BASE_URL, document.baseURI);
    let registration: ServiceWorkerRegistration;
    try {
      registration = await navigator.serviceWorker.register(new URL('sw.js', base), { scope: base.href });
    } catch (error) {
      // Offline support is a bonus: the app works without it.
      console.warn('StreamRec: the service worker could not be registered', error);
      return;
    }
    // Playwright's serviceWorkers: 'block' (and some privacy modes) resolve to nothing.
    if (!registration) return;
    this.registration = registration;
    if (registration.waiting && navigator.serviceWorker.controller) this.available = true;
    registration.addEventListener('updatefound', () => {
      const installing = registration.installing;
      installing?.addEventListener('statechange', () => {
        if (installing.state === 'installed' && navigator.serviceWorker.controller) this.available = true;
      });
    });
    const check = () => void registration.update().catch(() => undefined);
    setInterval(check, UPDATE_CHECK_MS);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') check();
    });
  }

  /** One automatic reload per tab session, when a worker controls the page but it is not isolated. */
  private reloadForIsolation(): void {
    if (window.crossOriginIsolated || readSetting(ISOLATION_RELOAD_FLAG, 'session')) return;
    writeSetting(ISOLATION_RELOAD_FLAG, '1', 'session');
    location.reload();
  }
}

export const updates = new UpdatesStore();
