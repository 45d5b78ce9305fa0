/**
 * Triage, in a real browser, around Christmas 2026 on a simulated server clock: Camden's social
 * worker refers five families between Monday 21 and Thursday 24 December (set up through the
 * API); the front door screens two of them to IEYS Kentish Town East. On Tuesday 29 December the
 * front door sees its screenings tagged by the protocol's calendar (25 and 28 December are bank
 * holidays), the EH duty manager sees tabs only for the tray with work, the EH team manager
 * assigns one offer to herself and allocates two at once (one refused: the family withdrew
 * meanwhile), and search finds families by a child's name, a Mosaic id, a date of birth and names
 * typed with invisible or look-alike characters. Each page state is checked with axe, at 390 px
 * for sideways scrolling, and photographed to test-artifacts/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { referralOn, screening, toKte } from '../camden/given.ts';
import { axeViolations } from './support/axe.ts';
import { apiAs, completeAt, type Client } from './support/http.ts';
import { eventually, heading, openWorkList, signIn, signOut } from './support/people.ts';
import { SHOTS, stackForFile, type Stack } from './support/stack.ts';

let stack: Stack;
let page: Page;
const DESKTOP = { width: 1280, height: 900 };
stackForFile((opened) => ({ stack, page } = opened), { bypassCSP: true, viewport: DESKTOP }, { clockAt: '2026-12-21T10:00:00Z' });

type Child = { name: string; dateOfBirth: string; personId: string };
const families: Record<string, Child[]> = {
  Okafor: [{ name: 'Ada Okafor', dateOfBirth: '2015-04-02', personId: '2075012' }, { name: 'Ben Okafor', dateOfBirth: '2018-09-30', personId: '2075013' }],
  Baker: [{ name: 'Zofia Baker', dateOfBirth: '2018-12-07', personId: '2075099' }],
  Clark: [{ name: 'Ivy Clark', dateOfBirth: '2017-03-14', personId: '2075101' }],
  Dunn: [{ name: 'Leo Dunn', dateOfBirth: '2016-06-01', personId: '2075102' }],
  Frost: [{ name: 'Mia Frost', dateOfBirth: '2019-01-20', personId: '2075103' }],
  Grant: [{ name: 'Ruby Grant', dateOfBirth: '2015-08-08', personId: '2075105' }],
  Evans: [{ name: 'Noah Evans', dateOfBirth: '2014-11-11', personId: '2075104' }],
  Harper: [{ name: 'Eli Harper', dateOfBirth: '2013-02-02', personId: '2075106' }],
};
const ids: Record<string, string> = {};

/** Sam starts the family's case and sends the referral on `day` (the server's clock is there). */
async function refer(sam: Client, familyName: string, day: string): Promise<void> {
  const children = families[familyName]!;
  const { id } = await sam.post<{ id: string }>('/api/cases', { definition: 'camden', entry: 'sw_assessment', subject: { familyName, children } });
  await completeAt(sam, id, 'referral', referralOn(day, { children: children.map((c) => ({ ...c, schoolsAttended: 'Argyle Primary School' })) }), [{ action: 'send_referral' }]);
  ids[familyName] = id;
}

/** Sessions last a working day: after the clock moves, people sign in again. */
const sam = () => apiAs(stack.base, 'social_worker@camden.example');

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // Monday 21 December: screening due Wednesday 23rd.
  await refer(await sam(), 'Okafor', '2026-12-21');
  // Wednesday 23 December: Baker's screening is due Tuesday 29th; Clark, Dunn, Frost and Grant go on to Kentish Town East.
  stack.setClock('2026-12-23T10:00:00Z');
  const wednesday = await sam();
  for (const name of ['Baker', 'Clark', 'Dunn', 'Frost', 'Grant']) await refer(wednesday, name, '2026-12-23');
  // A CIN step down starts with a form of its own: the date of the final CIN review.
  ids['Harper'] = (await wednesday.post<{ id: string }>('/api/cases', { definition: 'camden', entry: 'cin_review', subject: { familyName: 'Harper', children: families['Harper'] }, data: { finalReviewDate: '2027-02-15' } })).id;
  const dora = await apiAs(stack.base, 'eh_front_door_manager@camden.example');
  for (const name of ['Clark', 'Dunn', 'Frost', 'Grant']) await completeAt(dora, ids[name]!, 'asm_screen', screening('team'), [{ action: 'contact_team', passTo: toKte }]);
  // Christmas Eve: Evans's screening is due Wednesday 30th.
  stack.setClock('2026-12-24T10:00:00Z');
  await refer(await sam(), 'Evans', '2026-12-24');
  stack.setClock('2026-12-29T09:00:00Z');
}, 120_000);

/** axe clean; photographed; no sideways scrolling at 390 px (photographed there too). */
async function check(name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  expect.soft(await axeViolations(page), `axe on ${name}`).toEqual([]);
  await page.screenshot({ path: join(SHOTS, `triage-${name}.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  const sizes = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect.soft(sizes.scrollWidth, `${name} at 390 px scrolls sideways`).toBeLessThanOrEqual(sizes.innerWidth);
  expect.soft(await axeViolations(page), `axe on ${name} at 390 px`).toEqual([]);
  await page.screenshot({ path: join(SHOTS, `triage-${name}-390.png`), fullPage: true });
  await page.setViewportSize(DESKTOP);
}

const rowOf = (p: Page, family: string) => p.locator('table tbody tr', { has: p.locator('[data-family]', { hasText: family }) });
const tabs = (p: Page) => p.locator('nav[aria-label="Work lists"] a').allTextContents();

describe('Given Camden’s step downs referred over Christmas 2026, on Tuesday 29 December', { timeout: 240_000 }, () => {
  it('When the front door manager opens My work, Then each screening says how pressing it is by working days', async () => {
    await signIn(page, stack.base, 'eh_front_door_manager@camden.example');
    await eventually(() => page.locator('table tbody tr').count()).toBe(3);
    // Due Wednesday 23rd: Thursday 24th and today count; Christmas Day and Monday 28th (Boxing Day's holiday) do not.
    expect(await rowOf(page, 'Okafor').locator('[data-due]').textContent()).toBe('Overdue by 2 working days');
    expect(await rowOf(page, 'Baker').locator('[data-due]').textContent()).toBe('Due today');
    expect(await rowOf(page, 'Evans').locator('[data-due]').textContent()).toBe('Due tomorrow');
    const [mine, tray, ...more] = (await tabs(page)).map((t) => t.trim());
    expect([mine, more]).toEqual(['My work (3)', []]);
    expect(tray).toMatch(/front door.*\(3\)$/i);
    await check('front-door-my-work');
    await signOut(page);
  });

  it('When the EH duty manager opens My work, Then the only tray tab is the one locality tray with work, with its count', async () => {
    await signIn(page, stack.base, 'eh_duty_manager@camden.example');
    await eventually(() => tabs(page)).toHaveLength(2);
    const [mine, tray] = (await tabs(page)).map((t) => t.trim());
    expect(mine).toBe('My work (4)');
    expect(tray).toMatch(/Kentish Town East.*\(4\)$/);
    await check('duty-manager-my-work');
    await signOut(page);
  });

  it('When the EH team manager assigns one offer to herself, Then it leaves the tray for her My work', async () => {
    await signIn(page, stack.base, 'eh_team_manager@camden.example');
    await openWorkList(page, toKte.team);
    await rowOf(page, 'Clark').getByRole('button', { name: /^Assign to me/ }).click();
    await eventually(() => page.locator('main [role="status"]').first().textContent()).toContain('1 task now with you.');
    await eventually(() => rowOf(page, 'Clark').count()).toBe(0);
    await eventually(() => page.locator('nav[aria-label="Work lists"] [aria-current="page"]').textContent()).toMatch(/\(3\)$/);
    await check('tray-after-assign');
    await page.locator('nav[aria-label="Work lists"] a[href="/work"]').click();
    await heading(page, 'My work');
    await eventually(() => rowOf(page, 'Clark').count()).toBe(1);
    expect(await rowOf(page, 'Clark').textContent()).toContain('You');
  });

  it('When she allocates two offers at once and one family withdrew meanwhile, Then one moves and the other is named in the error summary', async () => {
    await openWorkList(page, toKte.team);
    await page.getByRole('button', { name: 'Allocate' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Select at least one task to allocate');
    await check('tray-allocate-nothing-chosen');
    for (const family of ['Dunn', 'Frost']) await rowOf(page, family).locator('input[type="checkbox"]').check();
    await eventually(() => page.locator('label[for="allocate-worker"]').textContent()).toContain('(2)');
    // The Frost family withdrew their agreement while the tray was open.
    await (await sam()).post(`/api/cases/${ids['Frost']}/withdraw`, { reason: 'The family withdrew their agreement.' });
    await page.selectOption('#allocate-worker', 'camden.eh_team_manager');
    await page.getByRole('button', { name: 'Allocate' }).click();
    const summary = page.locator('.govuk-error-summary');
    await eventually(() => summary.locator('h2').textContent()).toBe('1 task was not allocated');
    await eventually(() => summary.locator('li').allTextContents()).toEqual([expect.stringContaining('Frost family')]);
    // The Frost case is closed, so its row has gone: the refusal names it without a link to nowhere.
    await eventually(() => summary.locator('li a').count()).toBe(0);
    await eventually(() => page.locator('label[for="allocate-worker"]').textContent()).toContain('(0)');
    await eventually(() => page.locator('main [role="status"]').first().textContent()).toContain('1 task now with');
    await eventually(() => rowOf(page, 'Dunn').count()).toBe(0);
    await check('tray-allocate-one-refused');
    await signOut(page);
  });

  it('When the social worker searches, Then a child’s name, a Mosaic id, a typed date of birth and disguised names all find the family', async () => {
    await signIn(page, stack.base, 'social_worker@camden.example');
    const search = async (q: string) => {
      await page.goto(`${stack.base}/cases`);
      await heading(page, 'Cases');
      await page.fill('#search-q', q);
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(/\/cases\?q=/);
      await eventually(() => page.locator('main [role="status"], table tr[data-case]').count()).toBeGreaterThan(0);
      return eventually(async () => (await page.locator('table tr[data-case] td:first-child a').allTextContents()).map((f) => f.trim()));
    };
    await (await search('Zofia')).toEqual(['Baker family']);
    await check('search-child-name');
    await (await search('2075013')).toEqual(['Okafor family']);
    await (await search('7/12/2018')).toEqual(['Baker family']);
    await (await search('Oka\u200bfor')).toEqual(['Okafor family']);
    await (await search('Ｅｖａｎｓ')).toEqual(['Evans family']);
    await check('search-full-width');
    await signOut(page);
  });

  it('When the EH team manager opens the Clark case, Then it shows the reference and "Open task" as its main button, with Withdraw secondary', async () => {
    await signIn(page, stack.base, 'eh_team_manager@camden.example');
    await page.goto(`${stack.base}/cases/${ids['Clark']}`);
    await heading(page, 'Clark family');
    expect(await page.locator('[data-reference]').textContent()).toContain(ids['Clark']!.slice(0, 8).toUpperCase());
    const buttons = page.locator('main .govuk-button');
    expect(await buttons.first().textContent()).toMatch(/^\s*Open task:/);
    expect(await buttons.first().getAttribute('class')).not.toContain('govuk-button--secondary');
    const withdraw = page.locator('main a.govuk-button', { hasText: 'Withdraw case' });
    expect(await withdraw.getAttribute('class')).toContain('govuk-button--secondary');
    await check('case-open-task');
  });

  it('When the front door manager opens the same case, Then the offer is not hers: it reads "With" its holder, with no form link and no button', async () => {
    await signOut(page);
    await signIn(page, stack.base, 'eh_front_door_manager@camden.example');
    await page.goto(`${stack.base}/cases/${ids['Clark']}`);
    await heading(page, 'Clark family');
    const offer = page.locator('tr[data-node="asm_offer_consultation"]');
    expect(await offer.getAttribute('data-readonly')).toBe('');
    expect(await offer.textContent()).toContain('With Demo Early Help team manager');
    expect(await offer.locator('td').first().locator('a').count()).toBe(0);
    expect(await offer.locator('.govuk-button, button, input').count()).toBe(0);
    expect(await page.locator('main .govuk-button', { hasText: 'Open task' }).count()).toBe(0);
    await check('case-read-only');
    await signOut(page);
  });

  it('When the social worker opens the CIN case’s start form from Recorded forms, Then its answers print on a page of their own', async () => {
    await signIn(page, stack.base, 'social_worker@camden.example');
    await page.goto(`${stack.base}/cases/${ids['Harper']}`);
    await heading(page, 'Harper family');
    await page.locator('.stepwise-recorded-form a').first().click();
    await page.waitForURL(/\/start-form$/);
    await heading(page);
    expect(await page.locator('main .govuk-caption-l').textContent()).toContain(ids['Harper']!.slice(0, 8).toUpperCase());
    expect(await page.locator('main .govuk-summary-list').textContent()).toContain('15 February 2027');
    await check('start-form');
    await signOut(page);
  });
});
