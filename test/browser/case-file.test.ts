/**
 * The case file in a real Chromium: Camden's front door opens the
 * screening and reads the social worker's referral above the form; the EH team manager then reads
 * the screening and the referral, in the order the definition names them; the case page lists
 * every recorded form and shows each e-mail as sent. axe finds no serious or critical violation,
 * and at 390 px nothing of the case file sticks out sideways. Screenshots go to test-artifacts/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { camdenRoute } from './routes/camden.ts';
import { axeViolations } from './support/axe.ts';
import { fillForm, chooseActions } from './support/fill-form.ts';
import { eventually, heading, openCase } from './support/people.ts';
import { SHOTS, stackForFile, type Stack } from './support/stack.ts';
import { intakeForm } from './support/walk.ts';
import { completeOnPage, Walker } from './support/drive.ts';

let stack: Stack;
let page: Page;
// axe goes in as an inline script, which the app's strict CSP would refuse.
stackForFile((opened) => ({ stack, page } = opened), { bypassCSP: true, viewport: { width: 1280, height: 900 } });
beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

const longDate = (iso: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/** The summary-list value beside `label`, within `scope`. */
const answer = (scope: string, label: string) =>
  page.locator(`${scope} dt.govuk-summary-list__key`).getByText(label, { exact: true }).first().locator('xpath=following-sibling::dd[1]');

/** axe clean and photographed at 1280 and 390 px; `selector` (the new component) never wider than the window. */
async function check(name: string, selector: string): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(SHOTS, `case-file-${name}-${width}.png`), fullPage: true });
    expect(await axeViolations(page), `${name} at ${width} px`).toEqual([]);
    const wide = await page.evaluate((sel) => [...document.querySelectorAll<HTMLElement>(`${sel}, ${sel} *`)]
      .filter((el) => !el.closest('.govuk-visually-hidden'))
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 || (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible'))
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`), selector);
    expect(wide, `${name} at ${width} px sticks out`).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('Given Camden’s social worker sent the Okafor referral', { timeout: 300_000 }, () => {
  it('When the next people open their tasks and the case page, Then each sees what the earlier steps recorded', async () => {
    const route = camdenRoute();
    const [refer, screen, offer] = route.steps as [typeof route.steps[0], typeof route.steps[0], typeof route.steps[0]];
    const walker = new Walker(page, stack.base);
    await walker.start(route, intakeForm(route.definition, route.entry));
    await walker.step(refer, 'Okafor');

    // The front door screens a referral it can see.
    await walker.as(screen.who);
    const view = await walker.openTask(screen, 'Okafor');
    expect(view.caseFile?.map((e) => e.node)).toEqual(['referral']);
    const file = page.locator('section.stepwise-case-file');
    await expect.poll(() => file.locator('h2').textContent()).toBe('What earlier steps recorded');
    const details = file.locator('details[data-case-file="referral"]');
    expect(await details.getAttribute('open')).toBeNull(); // collapsed until wanted
    expect(await file.locator('summary').first().textContent()).toContain('Step down referral to the Early Help Step Down inbox');
    expect(await details.textContent()).toContain('by '); // who recorded it
    await details.locator('summary').click();
    const referral = 'details[data-case-file="referral"]';
    expect((await answer(referral, 'Date the family agreed').textContent())?.trim()).toBe(longDate(refer.data['agreementDate'] as string));
    expect((await answer(referral, 'Is this a Repeat Assessment?').textContent())?.trim()).toBe('No');
    expect(await page.locator(`${referral} h4`).allTextContents()).toEqual(['Ada Okafor', 'Ben Okafor']);
    expect((await answer(referral, 'MOSAIC ID number').textContent())?.trim()).toBe('2075012');
    expect(await details.getByRole('link', { name: /Open the answers on their own page/ }).getAttribute('href')).toMatch(/^\/cases\/[^/]+\/tasks\/[^/]+\/view$/);
    await check('screening', 'section.stepwise-case-file');

    // The front door's answers travel on, with the referral, to the team that offers the consultation.
    await fillForm(page, view.form!, screen.data);
    await chooseActions(page, view, screen.actions);
    await completeOnPage(page, 'Okafor');
    await walker.passOn(offer, 'Okafor');
    await walker.as(offer.who);
    const offerView = await walker.openTask(offer, 'Okafor');
    expect(offerView.caseFile?.map((e) => e.node)).toEqual(['asm_screen', 'referral']);
    expect(await file.locator('details').evaluateAll((list) => list.map((d) => d.getAttribute('data-case-file')))).toEqual(['asm_screen', 'referral']);
    await file.locator('details[data-case-file="asm_screen"] summary').click();
    const screened = await file.locator('details[data-case-file="asm_screen"] .govuk-summary-list').first().textContent();
    expect(screened).toContain('Needs fit the service specification.');
    expect(screened).not.toMatch(/\bieys_kte_duty_manager\b|\bteam\b(?! )/);
    await check('consultation-offer', 'section.stepwise-case-file');

    // The case page lists every recorded form, and each e-mail as sent.
    await openCase(page, 'Okafor');
    const forms = page.locator('ul[aria-labelledby="recorded-forms"] li');
    await eventually(() => forms.count()).toBe(2);
    expect(await forms.first().getByRole('link').getAttribute('href')).toMatch(/\/view$/);
    const emails = page.locator('details.stepwise-timeline__email');
    expect(await emails.count()).toBeGreaterThan(0);
    await emails.first().locator('summary').click();
    expect((await emails.first().locator('.stepwise-timeline__email-body').textContent())?.length).toBeGreaterThan(20);
    expect(await page.getByRole('link', { name: /See what was recorded/ }).count()).toBe(2);
    await check('case-page', 'ul[aria-labelledby="recorded-forms"], details.stepwise-timeline__email');

    // A recorded form's link opens its printable answers page.
    await page.getByRole('link', { name: /See what was recorded/ }).last().click();
    await heading(page, 'Get the family’s agreement and e-mail the Early Help Step Down inbox');
  });
});
