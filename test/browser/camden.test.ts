/**
 * Camden in the browser: the step down after a Child and Family assessment, from "Start a case"
 * to the closure with RC9, each step done by the demo person the protocol names, through the
 * pages alone (routes/camden.ts). The consultation is first submitted without the family
 * worker's name, and refused the GOV.UK way.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { camdenRoute } from './routes/camden.ts';
import { stackForFile, type Stack } from './support/stack.ts';
import { walkRoute } from './support/walk.ts';

let stack: Stack;
let page: Page;
stackForFile((opened) => ({ stack, page } = opened));

describe('Given Camden’s demo people, each signed in in turn in a real browser', { timeout: 300_000 }, () => {
  it('When the Okafor family is stepped down after an assessment through every page, Then the case closes to CSSW with RC9', async () => {
    await walkRoute(page, stack.base, camdenRoute());
    expect(await page.locator('main').textContent()).toContain('RC9 Case closed after assessment, referred to early help');
  });
});
