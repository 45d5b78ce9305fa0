/**
 * Keyboard only: a CAF / EHM Social Worker signs in, opens her task from My work and records the
 * Lead Professional — a yes/no radio whose Yes reveals more questions, among them a GOV.UK date
 * input — chooses the next action with the arrow keys and submits, with Tab, Shift+Tab, Space,
 * Enter, the arrow keys and typing, and never the mouse. After every key that moves focus, the
 * focused element must show it (an outline, or GOV.UK's yellow box-shadow; for a radio, on its
 * label's circle).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cafRoute } from './routes/caf-ehm.ts';
import { day } from './routes/route.ts';
import { apiAs, completeAt } from './support/http.ts';
import { eventually, heading, PASSWORD } from './support/people.ts';
import { stackForFile, type Stack } from './support/stack.ts';

let stack: Stack;
let page: Page;
stackForFile((opened) => ({ stack, page } = opened));

/** What has focus, and whether it shows it. */
function focusState(): { id: string; html: string; visible: boolean } {
  const el = document.activeElement as HTMLElement | null;
  if (!el || el === document.body) return { id: '', html: 'body', visible: false };
  const shows = (s: CSSStyleDeclaration) =>
    (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && s.outlineColor !== 'rgba(0, 0, 0, 0)' && s.outlineColor !== 'transparent') || (s.boxShadow !== '' && s.boxShadow !== 'none');
  let visible = shows(getComputedStyle(el));
  if (!visible && el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) {
    const label = document.querySelector(`label[for="${el.id}"]`);
    visible = label !== null && (shows(getComputedStyle(label, '::before')) || shows(getComputedStyle(label, '::after')));
  }
  return { id: el.id, html: el.outerHTML.slice(0, 140), visible };
}

/** One key; if it moved focus, the new focus must be visible. */
async function press(key: string): Promise<void> {
  await page.keyboard.press(key);
  const state = await page.evaluate(focusState);
  expect(state.visible, `focus not visible after ${key} on ${state.html}`).toBe(true);
}

/** Tab (forwards) until `selector` has focus, checking focus is visible at every stop. */
async function tabTo(selector: string, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe('Given a CAF / EHM case waiting for its Lead Professional', { timeout: 180_000 }, () => {
  it('When the Social Worker does it with the keyboard alone, Then the task is completed and focus was always visible', async () => {
    const route = cafRoute();
    const sam = await apiAs(stack.base, route.starter);
    const { id } = await sam.post<{ id: string }>('/api/cases', { definition: route.definition, entry: route.entry, subject: route.family, data: route.intake });
    // The route's steps before the Lead Professional (the Team Manager's agreement, the views), each by its person.
    for (const step of route.steps.slice(0, route.steps.findIndex((s) => s.node === 'identify_lp'))) {
      await completeAt(step.who === route.starter ? sam : await apiAs(stack.base, step.who), id, step.node, step.data, step.actions);
    }

    await page.goto(`${stack.base}/sign-in`);
    await heading(page, 'Sign in to Stepwise');
    await tabTo('#email');
    await page.keyboard.type(route.starter);
    await press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await heading(page, 'My work');
    await page.locator('tr[data-node="identify_lp"]').waitFor();
    await tabTo('tr[data-node="identify_lp"] a');
    await page.keyboard.press('Enter');
    await heading(page, 'Identify a Lead Professional');

    // Yes reveals the Lead Professional's questions.
    await tabTo('#f-lpAgreed');
    await press('Space');
    expect(await page.isChecked('#f-lpAgreed')).toBe(true);
    await tabTo('#f-lpName');
    await page.keyboard.type('Lena Lewis');
    await press('Tab');
    await page.keyboard.type('Hillside Primary School');
    await press('Shift+Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('Lena Lewis');
    const [y, m, d] = day().split('-');
    await tabTo('#f-lpAgreedDate-day');
    await page.keyboard.type(String(Number(d)));
    await press('Tab');
    await page.keyboard.type(String(Number(m)));
    await press('Tab');
    await page.keyboard.type(y!);
    await tabTo('#f-lpInvolved');
    await press('Space');

    // The next action follows from "yes": it is not asked again, and reads as decided.
    expect(await page.locator('input[name="next-action"]').count()).toBe(0);
    await eventually(() => page.locator('#next-action').getAttribute('data-chosen-action')).toBe('lp_agreed');
    await tabTo('button[type="submit"]');
    await page.keyboard.press('Enter');

    // The confirmation, then on to the case from its link.
    await heading(page, 'Task completed');
    await tabTo('a[href^="/cases/"]');
    await page.keyboard.press('Enter');
    await heading(page, 'Mensah family');
    await eventually(() => page.locator('main').textContent()).toContain('Identify a Lead Professional and seek their agreement: done');
    expect(await page.locator('tr[data-node="final_cin_meeting"]').count()).toBe(1);
  });
});
