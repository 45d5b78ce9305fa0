/**
 * Next actions as the person types, in a real Chromium under the UI's own strict CSP
 * (`script-src 'self'`, no bypass): the guards are evaluated in the page with the engine's
 * sandboxed rules, so "Not available yet" goes as an answer meets the protocol and comes back
 * when it is changed, without a reload and without a CSP violation. Camden's front door decides
 * once: the screening decision chooses what happens next, and the team answered is where it goes,
 * so no "What happens next?" radios ask again. On a 390 px phone nothing scrolls sideways and the
 * case page keeps its stages behind "Stages of this case". axe finds nothing serious; each state
 * is photographed.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { camdenRoute } from './routes/camden.ts';
import { axeViolations } from './support/axe.ts';
import { completeOnPage, Walker } from './support/drive.ts';
import { fillForm } from './support/fill-form.ts';
import { eventually, heading, openCase } from './support/people.ts';
import { SHOTS, stackForFile, type Stack } from './support/stack.ts';

let stack: Stack;
let page: Page;
// No bypassCSP: the page runs under the Content-Security-Policy the server sends (server/routes/ui.ts).
stackForFile((opened) => ({ stack, page } = opened), { viewport: { width: 1280, height: 900 } });

/** CSP violations the page saw, and what the console said about any. */
const violations: string[] = [];
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => violations.push(`page error: ${error.message}`));
  // Init scripts are the browser's own, not the page's, so the CSP lets this listener in.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const seen = ((window as unknown as { cspViolations?: string[] }).cspViolations ??= []);
      seen.push(`${e.violatedDirective}: ${e.blockedURI}`);
    });
  });
});

const cspSeen = () => page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);

/** axe-core put into the page from outside, as DevTools would: an inline script tag is (rightly) refused here. */
const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;
async function axe(): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return axeViolations(page);
}

/** Photographed wide and at 390 px, where nothing scrolls sideways; axe finds nothing serious. */
async function check(name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `live-${name}.png`), fullPage: true });
  expect(await axe(), `axe on ${name}`).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), `no sideways scroll on ${name}`).toBe(true);
  await page.screenshot({ path: join(SHOTS, `live-${name}-390.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The hint under the next action at `index` (NextActions.svelte). */
const hint = (index: number) => page.locator(`[id="${index === 0 ? 'next-action' : `next-action-${index + 1}`}-item-hint"]`).textContent();
/** A marker set in the page: still there means the page was never reloaded. */
const mark = () => page.evaluate(() => ((window as unknown as { liveMark?: number }).liveMark = 1));
const stillMarked = () => page.evaluate(() => (window as unknown as { liveMark?: number }).liveMark === 1);

describe('Given Camden’s step down, worked in a browser under the strict CSP', { timeout: 300_000 }, () => {
  const route = camdenRoute();
  const [referral, screen] = route.steps;

  it('When Sam answers the referral, Then "Not available yet" goes as the answers meet each action’s conditions and comes back when they are changed, without a reload', async () => {
    const walker = new Walker(page, stack.base);
    await walker.start(route, null);
    const view = await walker.openTask(referral!, 'Okafor');
    await mark();
    const send = view.actions.findIndex((a) => a.id === 'send_referral');
    const notAgreed = view.actions.findIndex((a) => a.id === 'family_did_not_agree');
    // Given nothing answered yet: neither action is available.
    expect(await hint(notAgreed)).toContain('Not available yet');
    expect(await hint(send)).toContain('Not available yet: The family must agree');

    // When Sam answers that the family do not agree, Then closing the case is available at once.
    await fillForm(page, view.form!, { familyAgreed: false });
    await eventually(() => hint(notAgreed)).not.toContain('Not available yet');
    expect(await hint(send)).toContain('Not available yet: The family must agree');
    await check('referral-not-agreed');

    // When the answer is changed to "Yes" and the referral filled in, Then sending it is available, and closing is not.
    await fillForm(page, view.form!, referral!.data);
    await eventually(() => hint(send)).not.toContain('Not available yet');
    await eventually(() => hint(notAgreed)).toContain('Not available yet');
    // When one of the protocol's conditions is undone, Then its words come back.
    await fillForm(page, view.form!, { assessmentAttached: false });
    await eventually(() => hint(send)).toContain('Not available yet: Attach a copy of the most recent assessment');
    await fillForm(page, view.form!, { assessmentAttached: true });
    await eventually(() => hint(send)).not.toContain('Not available yet');
    // Nothing is ever disabled for an answer that may still change.
    expect(await page.locator('input[name="next-action"]:disabled').count()).toBe(0);
    await check('referral-available');
    expect(await stillMarked(), 'the page was not reloaded').toBe(true);
    expect(violations).toEqual([]);
    expect(await cspSeen()).toEqual([]);

    await page.locator(`label[for="next-action${send === 0 ? '' : `-${send + 1}`}"]`).click();
    await completeOnPage(page, 'Okafor', 'the referral');
  });

  it('When the front door screens it, Then no "What happens next?" is asked: the screening decision says what follows, and the team answered is where it goes', async () => {
    const walker = new Walker(page, stack.base);
    await walker.as(screen!.who);
    const view = await walker.openTask(screen!, 'Okafor');
    await mark();
    // Camden's definition: the screening decision chooses the action, the team answered is where it goes.
    expect(view.actions.map((a) => [a.id, a.chosenBy?.field])).toEqual([['contact_team', 'outcome'], ['refer_to_panel', 'outcome'], ['send_advice', 'outcome']]);
    const next = page.locator('[data-chosen-action]');
    expect(await page.locator('input[name="next-action"]').count()).toBe(0);
    expect(await page.locator('main legend', { hasText: 'What happens next?' }).count()).toBe(0);
    expect(await next.getAttribute('data-chosen-action')).toBe('');
    expect(await next.textContent()).toContain('Answer ‘Screening decision’ to see what happens next.');

    // When the decision is "suitable", Then it is to contact the team, which goes to the team answered.
    await fillForm(page, view.form!, { outcome: 'team' });
    await eventually(() => next.getAttribute('data-chosen-action')).toBe('contact_team');
    expect(await next.textContent()).toContain('Contact the social worker and the relevant Early Help team manager');
    expect(await page.locator('main').textContent()).toContain('Goes to the team you give as ‘Most appropriate Early Help team’');
    const kte = view.actions.find((a) => a.id === 'contact_team')!.passTo!.teams.find((t) => t.id === 'ieys_kte_duty_manager')!.name;
    await fillForm(page, view.form!, screen!.data);
    const goesTo = async () => ((await page.locator('[id="next-action-contact_team-pass-to"]').textContent()) ?? '').replace(/\s+/g, ' ').trim();
    await eventually(goesTo).toBe(`Goes to ${kte}`);
    expect(await page.locator('[id="next-action-contact_team-pass-to"]').evaluate((e) => e.tagName)).toBe('P');

    // When it is changed to the panel, Then that follows instead; and back again.
    await fillForm(page, view.form!, { outcome: 'panel' });
    await eventually(() => next.getAttribute('data-chosen-action')).toBe('refer_to_panel');
    await check('screening-panel');
    await fillForm(page, view.form!, { outcome: 'team' });
    await eventually(() => next.getAttribute('data-chosen-action')).toBe('contact_team');
    await check('screening-team');
    expect(await stillMarked(), 'the page was not reloaded').toBe(true);
    expect(violations).toEqual([]);
    expect(await cspSeen()).toEqual([]);

    // When it is completed, Then the action the answer chose went, to the team answered.
    const said = await completeOnPage(page, undefined, 'the screening');
    expect(said).toContain(`now with ${kte}`);
  });

  it('When the case is opened on a phone, Then the current stage shows and the rest wait behind "Stages of this case"', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openCase(page, 'Okafor');
    await heading(page, 'Okafor family');
    const stages = page.locator('main details', { hasText: 'Stages of this case' });
    await stages.waitFor();
    expect(await stages.locator('summary').textContent()).toMatch(/Stages of this case \(\d+\)/);
    expect(await stages.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    const current = page.locator('main ul.stepwise-stage-list');
    expect(await current.isVisible()).toBe(true);
    expect(await current.textContent()).toContain('(current)');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no sideways scroll').toBe(true);
    await page.screenshot({ path: join(SHOTS, 'live-case-page-390.png'), fullPage: true });
    expect(await axe(), 'axe on the case page at 390 px').toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(violations).toEqual([]);
  });
});
