/**
 * The designer's live checks in plain English, each tied to its control (issue 16). Camden's admin
 * changes "Screen the step down referral" from 2 to 3 working days in the property panel; the
 * problems panel warns that the practitioner-facing wording still says 2 (the deadline's label and
 * both escalation messages); choosing a problem takes focus to the control that fixes it; fixing
 * each clears it; she then reviews "Check your changes" and publishes with a change note: issue
 * 16's first journey, the step found by its name. axe finds nothing serious or critical with the
 * problems shown, at 1280 and 390 px, and both are photographed
 * (test-artifacts/screenshots/designer-checks-*.png).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveDraftElsewhere } from './designer-steps.ts';
import { axeViolations } from './support/axe.ts';
import { eventually, heading, signIn } from './support/people.ts';
import { SHOTS, stackForFile, type Stack } from './support/stack.ts';

let stack: Stack;
let page: Page;

// axe is injected as a script, which the app's CSP forbids: this context alone bypasses it.
stackForFile((opened) => ({ stack, page } = opened), { bypassCSP: true, viewport: { width: 1280, height: 900 } });

/** Waits until the draft is saved and the engine has checked it. */
async function saved(): Promise<void> {
  await page.waitForTimeout(60);
  await eventually(() => page.locator('[data-status]').getAttribute('data-status'), 'the draft saved').toBe('saved');
}

const problems = () => page.locator('.stepwise-problem');
const wordingProblem = (path: string) => page.locator(`.stepwise-problem[data-code="wording_contradicts_timescale"][data-path$="${path}"]`);
const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');

async function photograph(width: number, what = 'problems'): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SHOTS, `designer-checks-${what}-${width}.png`), fullPage: true });
  expect(await axeViolations(page), `axe at ${width} px`).toEqual([]);
}

describe('Given Camden’s admin in the designer', { timeout: 300_000 }, () => {
  it('When she changes screening from 2 to 3 working days, Then the checks say the wording still says 2, take her to each wording control, clear as she fixes them, and she publishes with a note', async () => {
    await signIn(page, stack.base, 'admin@camden.example');
    await page.goto(`${stack.base}/designer/camden`);
    // She finds the step by its name, as she knows it from the protocol.
    await page.locator('#find-step').fill('Screen the step down referral');
    const found = page.getByRole('listbox', { name: 'Steps found' }).getByRole('option');
    await eventually(() => found.count()).toBeGreaterThan(0);
    expect(await found.first().getAttribute('data-find-step')).toBe('asm_screen');
    await page.keyboard.press('Enter');
    const panel = page.locator('[data-node-panel="asm_screen"]');
    await panel.waitFor();
    await saved();
    expect(await problems().count()).toBe(0);

    // The deadline, found as a person would: the "Amount" box of the step's "Due" group.
    const due = panel.getByRole('group', { name: /^Due/ });
    const amount = due.getByLabel('Amount', { exact: true });
    expect(await amount.inputValue()).toBe('2');
    await amount.fill('3');
    await saved();

    // Three texts still say 2: the deadline's wording and both escalation messages.
    await eventually(() => page.locator('.stepwise-problem[data-code="wording_contradicts_timescale"]').count()).toBe(3);
    const label = wordingProblem('/due/label');
    const text = (await label.textContent()) ?? '';
    expect(text).toContain('Screen the step down referral');
    expect(text).toContain('"2 working days"');
    expect(text).toContain('due in 3 working days');
    expect(text).not.toMatch(/asm_screen|\/due|is missing/);
    await photograph(1280);
    await photograph(390);
    await page.setViewportSize({ width: 1280, height: 900 });

    // Choosing the problem takes focus to the wording's own control; fixing it clears the problem.
    await label.click();
    await eventually(focusedId).toBe('node-due-label');
    const wording = panel.getByLabel('How the protocol words it (optional)');
    expect(await wording.inputValue()).toBe('within 2 working days');
    await wording.fill('within 3 working days');
    await wording.press('Tab');
    await saved();
    await eventually(() => label.count()).toBe(0);
    expect(await page.locator('.stepwise-problem[data-code="wording_contradicts_timescale"]').count()).toBe(2);

    // The escalation messages: each problem opens its rung's message box.
    for (const rung of [0, 1]) {
      const problem = wordingProblem(`/escalations/${rung}/message`);
      expect(await problem.textContent()).toContain(`Escalation ${rung + 1} of "Screen the step down referral"`);
      await problem.click();
      await eventually(focusedId).toBe(`node-escalations-${rung}-message`);
      const box = page.locator(`#node-escalations-${rung}-message`);
      await box.fill(((await box.inputValue()) ?? '').replace('within 2 working days', 'within 3 working days'));
      await box.press('Tab');
      await saved();
      await eventually(() => problem.count()).toBe(0);
    }
    expect(await problems().count()).toBe(0);

    // With nothing left to fix she publishes: the change in plain English, then a change note.
    const publish = page.getByRole('button', { name: 'Publish', exact: true });
    await eventually(() => publish.isEnabled()).toBe(true);
    await publish.click();
    await heading(page, 'Check your changes before publishing');
    const deadline = page.locator('[data-changes] [data-topic="deadline"] li').first();
    expect((await deadline.textContent())?.replace(/\s+/g, ' ')).toContain('Screen the step down referral: due within 3 working days (was 2)');
    await page.fill('#change-note', 'Screening now has 3 working days, agreed with the front door.');
    await page.getByRole('button', { name: 'Publish version 2' }).click();
    await page.getByText('Version 2 published').waitFor();
    expect((await page.locator('tr[data-version="2"] [data-note]').textContent())?.trim()).toBe('Screening now has 3 working days, agreed with the front door.');
  });

  it('When the screening step is removed, Then its dozens of problems are folded under one root cause, the first arrow to it (the steps it left unreachable follow from it too)', async () => {
    await saveDraftElsewhere(stack.base, 'admin@camden.example', 'camden', (definition) => {
      definition['nodes'] = (definition['nodes'] as Array<{ id: string }>).filter((n) => n.id !== 'asm_screen');
    });
    await page.goto(`${stack.base}/designer/camden`);
    await page.locator('[data-problems]').waitFor();
    await saved();
    const total = Number(await page.locator('[data-problems]').getAttribute('data-problems'));
    expect(total).toBeGreaterThan(30);
    const roots = page.locator('.stepwise-problems__list > li');
    expect(await roots.count()).toBe(1);
    const first = roots.nth(0);
    expect(await first.locator('> .stepwise-problem').getAttribute('data-code')).toBe('unknown_node');
    expect(await first.locator('> .stepwise-problem').textContent()).toContain('leads to "asm_screen", but no step has that ID');
    expect(await page.locator('[role="status"]', { hasText: `${total} problems from 1 cause` }).count()).toBe(1);
    // The knock-ons are folded: hidden until asked for, then each still opens its control.
    const more = first.locator('details');
    expect(await more.locator('.stepwise-problem').first().isVisible()).toBe(false);
    await more.locator('summary').click();
    expect(await more.locator('.stepwise-problem').first().isVisible()).toBe(true);
    await photograph(1280, 'causes');
    await photograph(390, 'causes');
  });
});
