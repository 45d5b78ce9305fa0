/**
 * Publishing as GOV.UK Forms does it, in a real browser. Camden's admin has moved the front
 * door's screening deadline from 2 to 3 working days in the draft (with the wording practitioners
 * read); Publish leads to "Check your changes before publishing", which says so in plain
 * English. Publishing without a change note is refused the GOV.UK way; with one, the version is
 * published and the versions page lists it with its note, and its diff reads in the same words.
 * axe checks each page and state; screenshots at 1280 and 390 px wide.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveDraftElsewhere } from './designer-steps.ts';
import { axeViolations } from './support/axe.ts';
import { apiAs } from './support/http.ts';
import { heading, signIn } from './support/people.ts';
import { ROOT, SHOTS, stackForFile, type Stack } from './support/stack.ts';

let stack: Stack;
let page: Page;

// axe is injected as a script, which the app's CSP forbids: this context alone bypasses it.
stackForFile((opened) => ({ stack, page } = opened), { bypassCSP: true, viewport: { width: 1280, height: 900 } });

/** axe finds nothing serious or critical, and the page is photographed at 1280 and 390 px wide. */
async function check(what: string): Promise<void> {
  expect(await axeViolations(page), `axe on ${what}`).toEqual([]);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: join(SHOTS, `designer-publish-${what}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const NOTE = 'Screening deadline is now 3 working days, as agreed with the front door managers in November.';

describe('Given Camden’s admin has changed the screening deadline from 2 to 3 working days in the draft', { timeout: 300_000 }, () => {
  it('When she publishes, Then she checks the change in plain English, must give a change note, and the version history keeps it', async () => {
    await saveDraftElsewhere(stack.base, 'admin@camden.example', 'camden', (d) => {
      type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      const screen = (d['nodes'] as Json[]).find((n) => n['id'] === 'asm_screen')!;
      screen['due'].after.amount = 3;
      screen['due'].label = 'within 3 working days';
      for (const rung of screen['escalations']) rung.message = rung.message.replace('2 working days', '3 working days');
    });
    await signIn(page, stack.base, 'admin@camden.example');
    await page.goto(`${stack.base}/designer/camden/versions`);
    await page.locator('tr[data-version="1"]').waitFor();
    const publish = page.getByRole('button', { name: 'Publish', exact: true });
    await expect.poll(() => publish.isEnabled(), { timeout: 20_000 }).toBe(true);
    await publish.click();

    // Check your changes: the deadline in words, not a JSON path.
    await heading(page, 'Check your changes before publishing');
    const changes = page.locator('[data-changes]');
    await changes.waitFor();
    const deadlines = (await changes.locator('[data-topic="deadline"] li').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(deadlines[0]).toBe('Screen the step down referral: due within 3 working days (was 2); its wording now reads “within 3 working days” (was “within 2 working days”)');
    expect(await changes.textContent()).not.toMatch(/\/nodes\/|\{|\[/);
    expect(await page.locator('[data-count]').textContent()).toBe('2 changes, to deadlines.');
    await check('check');

    // No note: the GOV.UK error summary, focused, and the field's own error.
    await page.getByRole('button', { name: 'Publish version 2' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link', { name: 'Enter a change note' }).count()).toBe(1);
    expect(await page.locator('#change-note-error').textContent()).toContain('Enter a change note');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(true);
    expect(await page.title()).toMatch(/^Error: Check your changes/);
    await check('check-error');
    await summary.getByRole('link', { name: 'Enter a change note' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('change-note');

    // With a note: published, and the history lists the version with it.
    await page.fill('#change-note', NOTE);
    await page.getByRole('button', { name: 'Publish version 2' }).click();
    await page.getByText('Version 2 published').waitFor();
    expect(new URL(page.url()).pathname).toBe('/designer/camden/versions');
    const row = page.locator('tr[data-version="2"]');
    await row.waitFor();
    expect((await row.locator('[data-note]').textContent())?.trim()).toBe(NOTE);
    expect((await page.locator('tr[data-version="1"] [data-note]').textContent())?.trim()).toBe('Published from definitions/camden.json at start-up');
    const history = await (await apiAs(stack.base, 'social_worker@camden.example')).get<{ versions: Array<{ version: number; note: string }> }>('/api/definitions/camden/versions');
    expect(history.versions[0]).toMatchObject({ version: 2, note: NOTE });
    // The draft is now version 2 as it stands: nothing new to publish until it changes again.
    expect(await publish.isDisabled()).toBe(true);
    expect(await page.locator('#publish-hint').textContent()).toContain('nothing new to publish');

    // The diff page says the same, in the same words.
    await page.selectOption('#diff-from', '1');
    await page.selectOption('#diff-to', '2');
    await page.getByRole('button', { name: 'Compare' }).click();
    const diff = page.locator('[data-diff]');
    await diff.waitFor();
    expect((await diff.locator('[data-topic="deadline"] li').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual(deadlines);
    await check('diff');
  });

  it('When a new protocol that was never published is published, Then the check page says it is the first version and it is published with its note', async () => {
    const clinic = JSON.parse(readFileSync(join(ROOT, 'definitions', 'clinic.json'), 'utf8')) as Record<string, unknown>;
    await (await apiAs(stack.base, 'admin@clinic.example')).post('/api/definitions', { ...clinic, id: 'clinic-pilot', name: 'Clinic pilot' });
    await signIn(page, stack.base, 'admin@clinic.example');
    await page.goto(`${stack.base}/designer/clinic-pilot/publish`);
    await heading(page, 'Check your changes before publishing');
    await page.getByText('This will be the first version of this protocol').waitFor();
    await page.fill('#change-note', 'A pilot of the clinic model');
    await page.getByRole('button', { name: 'Publish version 1' }).click();
    await page.getByText('Version 1 published').waitFor();
    expect((await page.locator('tr[data-version="1"] [data-note]').textContent())?.trim()).toBe('A pilot of the clinic model');
  });
});
