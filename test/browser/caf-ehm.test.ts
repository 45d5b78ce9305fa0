/**
 * CAF / EHM in the browser: from the decision in supervision to the CAF Link Worker's quality
 * assurance, each step done by the demo person the protocol names through the pages alone
 * (routes/caf-ehm.ts). The final CIN meeting is first submitted without the child's voice, and
 * refused the GOV.UK way. The closed case links to the CAF it started on EHM.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cafRoute } from './routes/caf-ehm.ts';
import { eventually, heading } from './support/people.ts';
import { stackForFile, type Stack } from './support/stack.ts';
import { walkRoute } from './support/walk.ts';

let stack: Stack;
let page: Page;
stackForFile((opened) => ({ stack, page } = opened));

describe('Given the CAF / EHM authority’s demo people, each signed in in turn in a real browser', { timeout: 300_000 }, () => {
  it('When the Mensah family is stepped down to a CAF page by page, Then the CSC case closes with RC7 and links to the CAF on EHM', async () => {
    await walkRoute(page, stack.base, cafRoute());
    expect(await page.locator('main').textContent()).toContain('RC7 Services ceased for any other reason');
    await page.getByRole('link', { name: 'Case started from this one' }).click();
    // The linked case is started by the server's outbox worker, within a couple of seconds.
    await expect.poll(async () => (await (await heading(page)).textContent()) === 'Mensah family' || void (await page.reload()), { timeout: 15_000, interval: 1000 }).toBe(true);
    await eventually(() => page.locator('main table').first().textContent()).toContain('Contact the Lead Professional');
  });
});
