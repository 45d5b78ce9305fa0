/**
 * Issue 13 §3 and §4 in a real browser, as Camden's social worker: one submit shows every problem
 * on the page — the answers, a child's own answer named by the child, the protocol's conditions —
 * each linked to its control; each completion ends on a confirmation of who has the work now;
 * and closing a case is checked on a check-your-answers page first. axe finds nothing serious,
 * nothing scrolls sideways at 390 px, and each state is photographed.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { camdenRoute } from './routes/camden.ts';
import { axeViolations } from './support/axe.ts';
import { completeOnPage, Walker } from './support/drive.ts';
import { chooseActions, fillForm } from './support/fill-form.ts';
import { eventually, heading } from './support/people.ts';
import { SHOTS, stackForFile, type Stack } from './support/stack.ts';

let stack: Stack;
let page: Page;
stackForFile((opened) => ({ stack, page } = opened), { bypassCSP: true, viewport: { width: 1280, height: 900 } });
beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});

/** axe finds nothing serious, nothing scrolls sideways on a phone, and the page is photographed. */
async function check(name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  expect(await axeViolations(page), `axe on ${name}`).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), `no sideways scroll on ${name}`).toBe(true);
  await page.screenshot({ path: join(SHOTS, `${name}-390.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('Given Sam, a Camden social worker, referring families for step down', { timeout: 300_000 }, () => {
  it('When the referral is sent with several problems, Then one submit shows them all; once put right, the confirmation says who has it next', async () => {
    const route = camdenRoute();
    const referral = route.steps[0]!;
    const walker = new Walker(page, stack.base);
    await walker.start(route, null);
    const view = await walker.openTask(referral, 'Okafor');
    // Given the outline of support left out, Ben's MOSAIC ID missing and the assessment not attached
    const data = referral.data as Record<string, unknown> & { children: Array<Record<string, unknown>> };
    const faulty = { ...data, assessmentAttached: false, children: data.children.map((c) => (c['name'] === 'Ben Okafor' ? { ...c, personId: '' } : c)) };
    await fillForm(page, view.form!, faulty, { clear: ['supportNeeded'] });
    await chooseActions(page, view, referral.actions);
    await page.getByRole('button', { name: 'Complete task' }).click();
    // Then one error summary lists every problem, the child named, each linked to its control
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    const items = await summary.locator('li').allTextContents();
    expect(items.map((t) => t.trim())).toEqual(
      expect.arrayContaining([
        'Enter Ben Okafor’s MOSAIC ID number',
        'Enter a brief outline of what support is needed from Early Help Services',
        'Attach a copy of the most recent assessment / relevant documents',
      ]),
    );
    const ben = summary.getByRole('link', { name: 'Enter Ben Okafor’s MOSAIC ID number' });
    expect(await ben.getAttribute('href')).toBe('#f-children-1-personId');
    expect(await summary.getByRole('link', { name: /Attach a copy/ }).getAttribute('href')).toBe('#next-action');
    await check('task-every-error');

    // When it is put right and sent, Then the confirmation names the front door and the day it is due
    await fillForm(page, view.form!, data);
    const said = await completeOnPage(page);
    expect(said).toMatch(/Task completed/);
    expect(said).toMatch(/now with Early Help front door, due (Monday|Tuesday|Wednesday|Thursday|Friday) \d{1,2} [A-Z][a-z]+ \d{4}/);
    await check('task-completed');
    await page.getByRole('link', { name: 'Go to the Okafor family case' }).click();
    await heading(page, 'Okafor family');
  });

  it('When the family do not agree, Then closing the case is checked first, can be changed, and ends on "The case is closed"', async () => {
    const route = { ...camdenRoute(), family: { familyName: 'Adeyemi', children: [{ name: 'Tolu Adeyemi', dateOfBirth: '2017-05-05' }] } };
    const walker = new Walker(page, stack.base);
    await walker.start(route, null);
    const step = { ...route.steps[0]!, data: { familyAgreed: false }, actions: [{ action: 'family_did_not_agree' }] };
    const view = await walker.openTask(step, 'Adeyemi');
    await fillForm(page, view.form!, step.data);
    await chooseActions(page, view, step.actions);
    await page.getByRole('button', { name: 'Complete task' }).click();
    // Then a check-your-answers page, with the answer and the action, each with a Change link
    await heading(page, /^Check your answers before completing/);
    const main = page.locator('main');
    expect(await main.textContent()).toContain('The family do not agree to a referral to Early Help Services');
    expect(await main.textContent()).toContain('This closes the case');
    await check('task-check-answers');
    // When Sam changes the answer, Then the form comes back at that question, with the answers kept
    await main.getByRole('link', { name: /^Change/ }).first().click();
    await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe('f-familyAgreed');
    expect(await page.locator('#f-familyAgreed-2').isChecked()).toBe(true);
    // When it is confirmed, Then the case is closed
    await page.getByRole('button', { name: 'Complete task' }).click();
    await page.getByRole('button', { name: 'Confirm and complete' }).click();
    const panel = page.locator('.govuk-panel--confirmation');
    await panel.waitFor();
    expect(await panel.textContent()).toMatch(/The case is closed/);
    await check('task-case-closed');
  });
});
