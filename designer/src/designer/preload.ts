/**
 * Opening a designer page by its address waits for the session, then the designer's code (its
 * own chunk), then the draft, which the server checks before answering: the longest of the three.
 * The draft needs neither of the others (it is a GET: the session cookie goes with it, no CSRF
 * token is needed), so the app asks for it alongside the session and the page takes that answer
 * instead of asking again. The code is not fetched early: the server would send it only once the
 * check is done, and meanwhile it would hold back the page's load event.
 */
import { api } from '../lib/api.ts';
import type { DraftView } from '../lib/api-types.ts';
import { router } from '../lib/router.svelte.ts';

let early: { id: string; visit: number; draft: Promise<DraftView> } | undefined;

/** On the address of a designer page about one protocol, starts fetching its draft. */
export function preloadDesigner(): void {
  const match = /^\/designer\/([^/]+)(?:\/|$)/.exec(router.path);
  if (!match) return;
  let id: string;
  try {
    id = decodeURIComponent(match[1]!);
  } catch {
    return;
  }
  const mine = { id, visit: router.visit, draft: api.draft(id) };
  early = mine;
  // Refused (signed out, not an admin, no such protocol): the page asks again and says why.
  mine.draft.catch(() => early === mine && (early = undefined));
}

/**
 * The draft started for this visit, once; otherwise undefined and the page fetches it. A visit
 * that went by way of the sign-in page is a later visit, so it asks afresh.
 */
export function takeEarlyDraft(id: string): Promise<DraftView> | undefined {
  if (early?.id !== id || early.visit !== router.visit) return undefined;
  const { draft } = early;
  early = undefined;
  return draft;
}
