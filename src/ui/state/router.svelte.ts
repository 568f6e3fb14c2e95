// The hash router: the URL says which view is open and with which filters, so
// the back button and shared links work. Views push history; filters replace it.
import { formatHash, parseHash, type Route, type ViewName } from '../lib/route';

class Router {
  route = $state.raw<Route>(parseHash(location.hash));

  constructor() {
    window.addEventListener('hashchange', () => {
      this.route = parseHash(location.hash);
    });
  }

  get view(): ViewName {
    return this.route.view;
  }

  href(view: ViewName, arg = '', query: Record<string, string> = {}): string {
    return formatHash({ view, arg, query });
  }

  go(view: ViewName, arg = '', query: Record<string, string> = {}): void {
    const hash = formatHash({ view, arg, query });
    if (hash !== location.hash) location.hash = hash;
  }

  /** Changes the current view's query without a new history entry. */
  setQuery(query: Record<string, string>): void {
    const next: Route = { ...this.route, query };
    history.replaceState(history.state, '', formatHash(next));
    this.route = next;
  }
}

export const router = new Router();
