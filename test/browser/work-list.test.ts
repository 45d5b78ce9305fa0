/**
 * My work and the trays as lists to work from: Graft's people, with cases set up through the API
 * (the browser runs only the lists). A step down identified a month ago is overdue at Step One;
 * three others reach the SC Team Manager at Urgent, Low and Normal priority, and a fourth goes on
 * to the TAF Team's tray. Sorting is by header buttons, with the keyboard; filtering by the form.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { graftRoute } from './routes/graft-lcs.ts';
import { day } from './routes/route.ts';
import { apiAs, completeAt } from './support/http.ts';
import { eventually, heading, openWorkList, signIn, signOut } from './support/people.ts';
import { stackForFile, type Stack } from './support/stack.ts';

let stack: Stack;
let page: Page;
stackForFile((opened) => ({ stack, page } = opened));
beforeAll(async () => {
  const route = graftRoute();
  const [stepOne, stepTwo, coSigned] = route.steps;
  const sam = await apiAs(stack.base, route.starter);
  const start = async (familyName: string, dateIdentified: string) =>
    (await sam.post<{ id: string }>('/api/cases', { definition: route.definition, entry: route.entry, subject: { ...route.family, familyName }, data: { ...route.intake, dateIdentified } })).id;
  await start('Adams', day(-30));
  for (const [family, priority] of [['Baker', 'urgent'], ['Clark', 'low'], ['Dunn', 'normal'], ['Evans', 'normal']] as const) {
    const id = await start(family, day());
    await completeAt(sam, id, stepOne!.node, stepOne!.data, [{ ...stepOne!.actions[0]!, passTo: { worker: 'graft.sc_team_manager' }, priority }]);
    if (family !== 'Evans') continue;
    // The Step Down Discussion is signed by the Graft TM and the SC TM; the second signature moves it on.
    for (const signer of [stepTwo!, coSigned!]) await completeAt(await apiAs(stack.base, signer.who), id, signer.node, signer.data, signer.actions);
  }
}, 120_000);

const families = (p: Page) => p.locator('table tbody tr [data-family]').allTextContents();
const sortOf = (p: Page, header: string) => p.locator('th', { has: p.locator(`button[data-sort="${header}"]`) }).getAttribute('aria-sort');

describe('Given Graft’s work lists with tasks of every priority and one overdue', { timeout: 180_000 }, () => {
  it('When the Social Worker shows only overdue tasks, Then only the month-old step down is left, tagged Overdue', async () => {
    await signIn(page, stack.base, 'social_worker@graft.example');
    expect(await families(page)).toEqual(['Adams']);
    expect(await page.locator('tr', { hasText: 'Adams' }).textContent()).toContain('Overdue');
    await page.getByLabel('Only overdue tasks').check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await eventually(() => page.locator('[role="status"]').textContent()).toContain('1 task');
    expect(await families(page)).toEqual(['Adams']);
    await signOut(page);
  });

  it('When the SC Team Manager sorts by priority, then again, then by date received, Then the rows and aria-sort follow, by keyboard', async () => {
    await signIn(page, stack.base, 'sc_team_manager@graft.example');
    expect(await sortOf(page, 'due')).toBe('ascending');
    await page.locator('button[data-sort="priority"]').focus();
    await page.keyboard.press('Enter');
    await eventually(() => sortOf(page, 'priority')).toBe('ascending');
    expect(await sortOf(page, 'due')).toBe('none');
    expect(await families(page)).toEqual(['Baker', 'Dunn', 'Clark']);
    await page.keyboard.press('Space');
    await eventually(() => sortOf(page, 'priority')).toBe('descending');
    expect(await families(page)).toEqual(['Clark', 'Dunn', 'Baker']);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-sort'))).toBe('priority');
    await page.locator('button[data-sort="created"]').focus();
    await page.keyboard.press('Enter');
    await eventually(() => sortOf(page, 'created')).toBe('ascending');
    expect(await families(page)).toEqual(['Baker', 'Clark', 'Dunn']);
    expect(await page.locator('[role="status"]').textContent()).toBe('3 tasks, sorted by date received, ascending');
    await signOut(page);
  });

  it('When the Social Worker searches cases by the step they wait at, then by overdue, Then the results and the address follow the filters', async () => {
    await signIn(page, stack.base, 'social_worker@graft.example');
    await page.locator('nav[aria-label="Menu"]').getByRole('link', { name: 'Cases' }).click();
    await heading(page, 'Cases');
    const found = () => page.locator('table tr[data-case] td:first-child a').allTextContents();
    await eventually(async () => (await found()).length).toBe(5);
    await page.selectOption('#search-stage', 'step_two_graft_discussion');
    await page.selectOption('#search-status', 'open');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/stage=step_two_graft_discussion/);
    await eventually(async () => (await found()).map((f) => f.replace(' family', '')).sort()).toEqual(['Baker', 'Clark', 'Dunn']);
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await page.getByLabel('Only cases with an overdue task').check();
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/overdue=true/);
    await eventually(async () => (await found()).map((f) => f.replace(' family', ''))).toEqual(['Adams']);
    await page.goto(`${stack.base}/cases?team=nowhere`);
    await heading(page, 'Cases');
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator('.govuk-error-summary a').getAttribute('href')).toBe('#search-team');
    await signOut(page);
  });

  it('When the EH Team Manager filters My work by the one team with work and opens its tab, Then each shows its own tasks', async () => {
    await signIn(page, stack.base, 'eh_team_manager@graft.example');
    await eventually(() => families(page)).toEqual(['Evans']);
    // Only teams with work are offered: the TAF Team's tray holds Evans, the Strengthening Families tray nothing.
    expect(await page.locator('#filter-team option').allTextContents()).not.toContain('Strengthening Families');
    await page.selectOption('#filter-team', 'taf_team');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await eventually(() => families(page)).toEqual(['Evans']);
    await openWorkList(page, 'taf_team');
    await heading(page, 'TAF Team');
    expect(await page.locator('nav[aria-label="Work lists"] [aria-current="page"]').textContent()).toContain('TAF Team (1)');
    expect(await families(page)).toEqual(['Evans']);
  });
});
