/**
 * The clinic in the browser. Its step down waits for the weekly clinic (Wednesday noon's agenda,
 * Thursday morning's clinic), which real time cannot hurry: the Social Worker books it from
 * "Start a case" and the case page shows it waiting, with the agenda's closing time to come;
 * the family then declines, and she withdraws the case. The whole route walked is the clinic's
 * step up (routes/clinic.ts), each step by the person the protocol names; the MASH decision is
 * first submitted without its date, and refused. The step up is then walked again on a 390 px
 * phone: no task page scrolls sideways, axe finds nothing serious, and each state is photographed.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clinicBooking, clinicStepUpRoute } from './routes/clinic.ts';
import { Walker } from './support/drive.ts';
import { eventually, heading } from './support/people.ts';
import { phoneLook, phonePage } from './support/phone.ts';
import { stackForFile, type Stack } from './support/stack.ts';
import { intakeForm, walkRoute } from './support/walk.ts';

let stack: Stack;
let page: Page;
stackForFile((opened) => ({ stack, page } = opened));

describe('Given the clinic authority’s demo people, each signed in in turn in a real browser', { timeout: 300_000 }, () => {
  it('When a Social Worker books a step down, Then the case waits for the agenda to close; when the family then declines, she withdraws it with a reason', async () => {
    const walker = new Walker(page, stack.base);
    await walker.start(clinicBooking, intakeForm('clinic', 'step_down'));
    const main = page.locator('main');
    await eventually(() => main.locator('[data-node="agenda_closes"]').getAttribute('data-state')).toBe('active');
    expect(await main.textContent()).toContain('Agenda closes (agenda closes at 12:00 on the Wednesday before the clinic (local choice))');
    // The map's text alternative: its title, and the stages as a list.
    expect(await main.locator('svg title').textContent()).toContain('The case is at: Agenda closes.');
    await main.getByText('The protocol’s stages as a list').click();
    expect(await main.locator('.stepwise-stage-list').textContent()).toContain('Agenda closes: current');

    await page.getByRole('button', { name: 'Withdraw case' }).click();
    await heading(page, 'Withdraw the case');
    await page.getByRole('button', { name: 'Withdraw case' }).click();
    await eventually(() => page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(true);
    expect(await page.title()).toMatch(/^Error: /);
    await page.getByLabel('Why is the case being withdrawn?').fill('The family no longer consents to Early Help.');
    await page.getByRole('button', { name: 'Withdraw case' }).click();
    await heading(page, 'Okafor family');
    expect(await main.locator('.govuk-notification-banner').textContent()).toContain('Case withdrawn');
    expect(await main.locator('.govuk-summary-list').first().textContent()).toContain('Withdrawn');
    expect(await main.textContent()).toContain('Case withdrawn');
  });

  it('When the Osei family is stepped up page by page, Then the case closes stepped up to Children’s Services', async () => {
    await walkRoute(page, stack.base, clinicStepUpRoute());
  });

  it('When the Adeyemi family is stepped up on a 390 px phone, Then no task page scrolls sideways and axe finds nothing serious in any state', async () => {
    const phone = await phonePage(stack);
    const route = { ...clinicStepUpRoute(), family: { familyName: 'Adeyemi', children: [{ name: 'Tolu Adeyemi', dateOfBirth: '2014-02-11' }] } };
    await walkRoute(phone, stack.base, route, phoneLook(phone, 'clinic-step-up'));
    await phone.context().close();
  });
});
