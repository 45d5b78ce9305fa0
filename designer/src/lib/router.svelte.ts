/**
 * A tiny history-API router: real paths (/cases/c-1/tasks/t-2), so links can be shared, opened
 * in a new tab and printed, and the server answers any of them with the app
 * (server/routes/ui.ts). Clicks on same-origin links are taken over here; /api links are not.
 */

import { matchRoute, safeReturnPath, type Match, type Route } from './route-match.ts';

export { matchRoute, safeReturnPath, type Match, type Route };

export class Router {
  path = $state('/');
  search = $state('');
  /** Bumps on every navigation, so pages can tell a new visit from a re-render. */
  visit = $state(0);

  readonly query = $derived(new URLSearchParams(this.search));

  constructor() {
    if (typeof window === 'undefined') return;
    this.#read();
    window.addEventListener('popstate', () => this.#read());
    document.addEventListener('click', (event) => this.#click(event));
  }

  /** Goes to an in-app path (`/cases/c-1?tab=timeline`). */
  navigate(to: string, options: { replace?: boolean } = {}): void {
    const url = new URL(to, window.location.origin);
    const changed = url.pathname !== this.path || url.search !== this.search;
    if (options.replace) history.replaceState(null, '', url);
    else if (changed) history.pushState(null, '', url);
    this.#read();
  }

  #read(): void {
    const { pathname, search } = window.location;
    if (pathname === this.path && search === this.search) return;
    this.path = pathname;
    this.search = search;
    this.visit += 1;
  }

  #click(event: MouseEvent): void {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element | null)?.closest?.('a');
    if (!link || link.target || link.hasAttribute('download') || link.origin !== window.location.origin) return;
    // Same-page anchors (skip link, error summary) and the API are the browser's business.
    if (link.pathname.startsWith('/api/') || (link.hash && link.pathname === this.path && link.search === this.search)) return;
    event.preventDefault();
    this.navigate(link.pathname + link.search + link.hash);
  }
}

export const router = new Router();
