import './test-runes.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProblem, api } from '../lib/api.ts';
import type { DraftView } from '../lib/api-types.ts';
import { router } from '../lib/router.svelte.ts';
import { preloadDesigner, takeEarlyDraft } from './preload.ts';

const draft = { id: 'camden' } as DraftView;

function at(path: string, visit: number) {
  router.path = path;
  router.visit = visit;
}

afterEach(() => vi.restoreAllMocks());

describe('starting a designer page’s draft before the session is known', () => {
  it('Given the map of a protocol, When the app starts, Then its draft is asked for once and handed to that visit’s page', async () => {
    const ask = vi.spyOn(api, 'draft').mockResolvedValue(draft);
    at('/designer/camden', 1);
    preloadDesigner();
    expect(ask).toHaveBeenCalledWith('camden');
    expect(takeEarlyDraft('clinic')).toBeUndefined();
    await expect(takeEarlyDraft('camden')).resolves.toBe(draft);
    expect(takeEarlyDraft('camden')).toBeUndefined();
  });

  it('Given a page reached by way of signing in, When it asks, Then it is not handed the draft started before', () => {
    vi.spyOn(api, 'draft').mockResolvedValue(draft);
    at('/designer/camden/forms', 1);
    preloadDesigner();
    at('/designer/camden/forms', 3);
    expect(takeEarlyDraft('camden')).toBeUndefined();
  });

  it('Given the early draft was refused, When the page asks, Then it asks the server itself', async () => {
    const refused = Promise.reject(new ApiProblem(401, { code: 'not_signed_in' }));
    vi.spyOn(api, 'draft').mockReturnValue(refused);
    at('/designer/camden', 1);
    preloadDesigner();
    await refused.catch(() => undefined);
    expect(takeEarlyDraft('camden')).toBeUndefined();
  });

  it('Given any other address, When the app starts, Then no draft is asked for', () => {
    const ask = vi.spyOn(api, 'draft').mockResolvedValue(draft);
    for (const path of ['/work', '/designer', '/designers/camden']) {
      at(path, 1);
      preloadDesigner();
    }
    expect(ask).not.toHaveBeenCalled();
  });
});
