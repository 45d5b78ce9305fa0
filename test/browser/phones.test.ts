/**
 * Phones and plain words: Camden's front door manager on a 390 px and a 320 px phone opens every
 * practitioner page of a step down under way. No page scrolls sideways; the case page's map
 * becomes its list of stages; the timeline shows no raw ids (snake_case) or engine steps; the
 * pages are set in Arial under the council's name, with no GOV.UK crest or GDS Transport; axe
 * finds no serious or critical violation; each page is photographed to test-artifacts/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { camdenRoute } from './routes/camden.ts';
import { axeViolations } from './support/axe.ts';
import { Walker } from './support/drive.ts';
import { heading, signOut } from './support/people.ts';
import { SHOTS, stackForFile, type Stack } from './support/stack.ts';
import { overflow } from './support/phone.ts';

let stack: Stack;
let page: Page;
stackForFile((opened) => ({ stack, page } = opened), { bypassCSP: true, viewport: { width: 1280, height: 900 } });
beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});

const RAW_ID = /\b[a-z]+_[a-z_]+\b/;

/** No sideways scrolling, Arial, no crest; axe clean; photographed. */
async function check(name: string, width: number): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SHOTS, `phone-${width}-${name}.png`), fullPage: true });
  const sizes = await page.evaluate(overflow);
  expect.soft(sizes.scrollWidth, `${name} at ${width} px overflows: ${sizes.wide.join(', ')}`).toBeLessThanOrEqual(sizes.innerWidth);
  const look = await page.evaluate(() => ({
    font: getComputedStyle(document.querySelector('main h1') ?? document.body).fontFamily,
    crest: document.querySelectorAll('.govuk-header__logotype, .govuk-header__crown, .govuk-footer__copyright-logo, svg[aria-label*="GOV.UK" i]').length,
    faces: [...document.fonts].map((f) => f.family),
  }));
  expect(look.font, name).toMatch(/^arial, sans-serif$/i);
  expect(look.crest, name).toBe(0);
  expect(look.faces.filter((f) => /GDS Transport/i.test(f)), name).toEqual([]);
  if (width === 390) expect.soft(await axeViolations(page), `axe on ${name} at ${width} px`).toEqual([]);
}

async function visit(path: string, name: string, width: number, title?: string | RegExp): Promise<void> {
  await page.goto(`${stack.base}${path}`);
  await heading(page, title);
  await page.locator('main').getByRole('heading').first().waitFor();
  await check(name, width);
}

describe('Given Camden’s front door manager on a phone, in a real browser', { timeout: 300_000 }, () => {
  it('When every practitioner page is opened at 390 and 320 px, Then none scrolls sideways, the map is a list, and the words are plain', async () => {
    const route = camdenRoute();
    const [referral, screen] = route.steps;
    const walker = new Walker(page, stack.base);
    const caseId = await walker.start(route, null);
    const done = await walker.openTask(referral!, 'Okafor');
    await walker.step(referral!, 'Okafor');
    await walker.as(screen!.who);
    const open = await walker.openTask(screen!, 'Okafor');
    const cases = `/cases/${encodeURIComponent(caseId)}`;

    for (const width of [390, 320]) {
      await page.setViewportSize({ width, height: 800 });
      await visit('/work', 'my-work', width, 'My work');
      await visit('/trays/eh_front_door', 'tray', width);
      await visit(`/cases?q=Okafor`, 'case-search', width, 'Cases');
      await visit('/cases/new', 'start-case', width, 'Start a case');
      await visit(cases, 'case-page', width, 'Okafor family');
      // The map is its list on a phone: the stages as text, no empty drawing.
      expect.soft(await page.locator('svg[role="img"]').isVisible().catch(() => false)).toBe(false);
      expect.soft(await page.locator('.stepwise-stage-list').first().isVisible()).toBe(true);
      const timeline = (await page.locator('.stepwise-timeline').allInnerTexts()).join('\n').trim();
      expect(timeline.length).toBeGreaterThan(0);
      expect.soft(timeline, 'a raw id in the timeline').not.toMatch(RAW_ID);
      expect(await page.locator('header').innerText()).toContain('London Borough of Camden');
      await visit(`${cases}/tasks/${open.task.id}`, 'task-page', width, open.task.name);
      await visit(`${cases}/tasks/${open.task.id}/pass`, 'pass-task', width, 'Pass the task on');
      await visit(`${cases}/withdraw`, 'withdraw', width, 'Withdraw the case');
      await visit(`${cases}/tasks/${done.task.id}/view`, 'task-view', width, done.task.name);
    }
    await signOut(page);
    for (const width of [390, 320]) {
      await page.setViewportSize({ width, height: 800 });
      await visit('/sign-in', 'sign-in', width, 'Sign in to Stepwise');
    }
  });
});
