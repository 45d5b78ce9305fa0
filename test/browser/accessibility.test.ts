/**
 * Every page of the workspace, as Camden's people see it with a case under way, checked by
 * axe-core against WCAG 2.2 AA (serious and critical violations fail), and photographed to
 * test-artifacts/screenshots/ for a person to look at. axe is injected as a script, which the
 * app's Content-Security-Policy forbids, so this context alone bypasses the CSP.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { camdenRoute } from './routes/camden.ts';
import { axeViolations } from './support/axe.ts';
import { completeOnPage, Walker } from './support/drive.ts';
import { fillForm } from './support/fill-form.ts';
import { heading, openCase, openWorkList, signIn, signOut } from './support/people.ts';
import { SHOTS, stackForFile, type Stack } from './support/stack.ts';

let stack: Stack;
let page: Page;
stackForFile((opened) => ({ stack, page } = opened), { bypassCSP: true, viewport: { width: 1280, height: 900 } });
beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});

/** axe finds nothing serious, and the page is photographed as it is. */
async function check(name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  expect(await axeViolations(page), `axe on ${name}`).toEqual([]);
}

describe('Given Camden’s people with a step down under way, in a real browser with axe-core', { timeout: 300_000 }, () => {
  it('When each page is opened, clean and with errors, Then axe finds no serious or critical WCAG 2.2 AA violation', async () => {
    const route = camdenRoute();
    const [referral, screen] = route.steps;
    await page.goto(`${stack.base}/sign-in`);
    await heading(page, 'Sign in to Stepwise');
    await check('sign-in');

    // Start a case: empty, then refused, then started.
    await signIn(page, stack.base, route.starter);
    await page.locator('main').getByRole('link', { name: 'Start a case' }).click();
    await heading(page, 'Start a case');
    await page.getByRole('button', { name: 'Start case' }).waitFor();
    await check('start-case');
    await page.getByRole('button', { name: 'Start case' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await check('start-case-errors');
    const walker = new Walker(page, stack.base);
    await signOut(page);
    const caseId = await walker.start(route, null);
    await check('case-page-new');

    // The referral: clean, refused with nothing answered, then done.
    const view = await walker.openTask(referral!, 'Okafor');
    await check('task-page');
    await page.locator('label[for="next-action"]').click();
    await page.getByRole('button', { name: 'Complete task' }).click();
    await page.locator('.govuk-error-message').first().waitFor();
    await check('task-page-errors');
    await fillForm(page, view.form!, referral!.data);
    await completeOnPage(page, 'Okafor');
    await page.goto(`${stack.base}/cases/${caseId}/tasks/${view.task.id}/view`);
    await heading(page, view.task.name);
    await check('task-view');

    // The front door's work: My work, its tray, case search and the case page with a map.
    await walker.as(screen!.who);
    await page.locator('table').first().waitFor();
    await check('my-work');
    await openWorkList(page, 'eh_front_door');
    await check('tray');
    await openCase(page, 'Okafor');
    await page.goBack();
    await heading(page, 'Cases');
    await page.locator('table').waitFor();
    await check('case-search');
    await openCase(page, 'Okafor');
    await page.locator('svg[role="img"]').waitFor();
    await check('case-page');

    // Passing the task on, and withdrawing: clean and refused.
    await page.locator('tr[data-node="asm_screen"]').getByRole('link', { name: /^Pass on/ }).click();
    await heading(page, 'Pass the task on');
    await page.getByRole('button', { name: 'Pass it on' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await check('pass-task-errors');
    await page.getByRole('link', { name: 'Back to the case' }).click();
    await page.getByRole('button', { name: 'Withdraw case' }).click();
    await heading(page, 'Withdraw the case');
    await check('withdraw');
    await page.getByRole('button', { name: 'Withdraw case' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await check('withdraw-errors');
  });
});
