/** Which page a path asks for, and where it is safe to go back to after signing in. */

export interface Route<T> {
  /** `/cases/:id/tasks/:taskId`: `:name` matches one path segment. */
  path: string;
  page: T;
}

export interface Match<T> {
  route: Route<T>;
  params: Record<string, string>;
}

/** Matches `path` against the routes in order; the first that fits wins. */
export function matchRoute<T>(routes: readonly Route<T>[], path: string): Match<T> | undefined {
  const segments = path.split('/').filter(Boolean);
  for (const route of routes) {
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const fits = pattern.every((p, i) => {
      const s = segments[i]!;
      if (!p.startsWith(':')) return p === s;
      try {
        params[p.slice(1)] = decodeURIComponent(s);
        return true;
      } catch {
        return false;
      }
    });
    if (fits) return { route, params };
  }
  return undefined;
}

/** A path to go back to after signing in: only this site's own pages, never another site. */
export function safeReturnPath(next: string | null | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') && !next.startsWith('/api') ? next : '/work';
}
