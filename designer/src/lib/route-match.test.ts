import { describe, expect, it } from 'vitest';
import { matchRoute, safeReturnPath } from './route-match.ts';

const routes = [
  { path: '/cases/:id', page: 'case' },
  { path: '/cases/:id/tasks/:taskId', page: 'task' },
  { path: '/cases/:id/tasks/:taskId/view', page: 'view' },
  { path: '/work', page: 'work' },
];

describe('matchRoute', () => {
  it('finds the page and decodes its parameters', () => {
    expect(matchRoute(routes, '/cases/c%201/tasks/c1.t2')).toEqual({ route: routes[1], params: { id: 'c 1', taskId: 'c1.t2' } });
    expect(matchRoute(routes, '/cases/c1/tasks/t2/view/')?.route.page).toBe('view');
    expect(matchRoute(routes, '/work')?.params).toEqual({});
  });

  it('finds nothing for other paths, or for parameters that do not decode', () => {
    expect(matchRoute(routes, '/cases')).toBeUndefined();
    expect(matchRoute(routes, '/cases/%E0%A4%A')).toBeUndefined();
  });
});

describe('safeReturnPath', () => {
  it('goes back only to this site’s own pages', () => {
    expect(safeReturnPath('/cases/c1?tab=timeline')).toBe('/cases/c1?tab=timeline');
    for (const unsafe of ['https://evil.example', '//evil.example', '/\\evil.example', '/api/session', '', null, undefined]) expect(safeReturnPath(unsafe)).toBe('/work');
  });
});
