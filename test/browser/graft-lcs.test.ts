/**
 * Graft/LCS in the browser: from supervision to the closure supervision, each step done by the
 * demo person the protocol names through the pages alone (routes/graft-lcs.ts), the TAF Team's,
 * Graft's and Strengthening Families' work picked up from their trays. The allocation case note
 * is first submitted without the worker to allocate, and refused the GOV.UK way.
 */
import { describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { graftRoute } from './routes/graft-lcs.ts';
import { stackForFile, type Stack } from './support/stack.ts';
import { walkRoute } from './support/walk.ts';

let stack: Stack;
let page: Page;
stackForFile((opened) => ({ stack, page } = opened));

describe('Given Graft’s demo people, each signed in in turn in a real browser', { timeout: 300_000 }, () => {
  it('When the Achterberg family goes through the five steps page by page, Then the case closes stepped down to Early Help', async () => {
    await walkRoute(page, stack.base, graftRoute());
  });
});
