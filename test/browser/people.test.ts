/**
 * People in a real Chromium: Camden's admin opens People from the header, uploads a CSV file,
 * checks it (the dry run's report row by row), imports it, gives one of the new people an initial
 * password, and that person signs in and sees their work list. axe finds no serious or critical
 * violation; screenshots at 1280 and 390 px.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './support/axe.ts';
import { eventually, heading, signIn, signOut } from './support/people.ts';
import { SHOTS, stackForFile, type Stack } from './support/stack.ts';

let stack: Stack;
let page: Page;
stackForFile((opened) => ({ stack, page } = opened), { bypassCSP: true, viewport: { width: 1280, height: 900 } });

const CSV = [
  'name,email,roles,teams',
  'Ayesha Khan,ayesha.khan@camden.gov.uk,eh_family_worker,families_in_focus',
  '"Okafor, Chidi",chidi.okafor@camden.gov.uk,eh_team_manager;eh_duty_manager,families_in_focus',
].join('\n');

async function check(name: string): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(SHOTS, `people-${name}-${width}.png`), fullPage: true });
    expect(await axeViolations(page), `${name} at ${width} px`).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('adding people by CSV in the browser', () => {
  it('Given Camden’s admin, When they check a CSV file and import it, and give one person a password, Then that person signs in', async () => {
    await signIn(page, stack.base, 'admin@camden.example');
    await page.getByRole('link', { name: 'People' }).click();
    await heading(page, 'People');
    await eventually(() => page.locator('tbody tr').count()).toBeGreaterThan(10);

    // A file the server cannot read: one error summary, its message said once there and once at the field, GOV.UK style.
    await page.setInputFiles('#people-csv', { name: 'wrong.csv', mimeType: 'text/csv', buffer: Buffer.from('name,mail,roles\nA,a@b.uk,admin') });
    await page.getByRole('button', { name: 'Check the file' }).click();
    const summary = page.locator('.govuk-error-summary');
    await eventually(() => summary.count()).toBe(1);
    const link = summary.getByRole('link');
    expect(await link.count()).toBe(1);
    expect(await link.textContent()).toContain('missing: email; not known: mail');
    expect(await link.getAttribute('href')).toBe('#people-csv');
    expect(await page.locator('#people-csv-error').textContent()).toContain('missing: email; not known: mail');
    expect(await page.title()).toMatch(/^Error: /);
    await check('csv-error');

    await page.setInputFiles('#people-csv', { name: 'new-starters.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await eventually(() => summary.count()).toBe(0);
    await page.getByRole('button', { name: 'Check the file' }).click();
    const report = page.locator('#people-import-report');
    await eventually(() => report.locator('caption').textContent()).toContain('2 to add, 0 to change, 0 unchanged, 0 refused');
    await expect.poll(() => report.locator('tbody tr').allTextContents()).toEqual([expect.stringContaining('ayesha.khan@camden.gov.uk'), expect.stringContaining('chidi.okafor@camden.gov.uk')]);
    await check('dry-run');

    await page.getByRole('button', { name: 'Import 2 people' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toContain('2 people were added and 0 changed from new-starters.csv');
    const row = page.locator('tbody tr', { hasText: 'chidi.okafor@camden.gov.uk' });
    await expect.poll(() => row.textContent()).toContain('Okafor, Chidi');

    await row.getByRole('button', { name: /^Change/ }).click();
    await eventually(() => page.getByRole('heading', { level: 2, name: 'Change Okafor, Chidi' }).count()).toBe(1);
    await page.fill('#person-password', 'welcome-to-camden');
    await check('change');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toContain('Okafor, Chidi’s details were changed.');

    await signOut(page);
    await page.fill('#email', 'chidi.okafor@camden.gov.uk');
    await page.fill('#password', 'welcome-to-camden');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await heading(page, 'My work');
    // Not an admin: no People link.
    expect(await page.getByRole('link', { name: 'People' }).count()).toBe(0);
  }, 120_000);
});
