/**
 * What-if with the real forms (issue 16). Camden's admin runs Camden's route after a Child and
 * Family assessment on the draft, from the referral to closure, filling each task's form in the
 * practitioners' own form renderer (the answers are the Camden route's, test/browser/routes/camden.ts,
 * dated the simulated day), except one step started from the engine's example answers. One
 * submit leaves two answers out on purpose: the engine refuses it, and both problems show at once,
 * GOV.UK style, in an error summary whose links go to the questions. Tasks say who they are with
 * by name. axe finds nothing serious or critical; screenshots at 1280 and 390 px wide.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { camdenRoute } from './routes/camden.ts';
import type { ChosenAction, Json } from './routes/route.ts';
import { axeViolations } from './support/axe.ts';
import { definitionFile } from './support/definition.ts';
import { fillForm } from './support/fill-form.ts';
import { signIn } from './support/people.ts';
import { SHOTS, stackForFile, type Stack } from './support/stack.ts';

let stack: Stack;
let page: Page;

// axe is injected as a script, which the app's CSP forbids: this context alone bypasses it.
stackForFile((opened) => ({ stack, page } = opened), { bypassCSP: true, viewport: { width: 1280, height: 900 } });

const camden = definitionFile('camden');
/** The what-if run's family: one child, as the start form makes it. */
const child = { name: 'Child Okafor', dateOfBirth: '2018-05-01' };

/** axe finds nothing serious or critical; photographed at 1280 and, for `phone`, at 390 px wide. */
async function look(name: string, phone = false): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  expect(await axeViolations(page), `axe on ${name}`).toEqual([]);
  await page.screenshot({ path: join(SHOTS, `designer-what-if-${name}-1280.png`), fullPage: true });
  if (!phone) return;
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await axeViolations(page), `axe on ${name} at 390 px`).toEqual([]);
  await page.screenshot({ path: join(SHOTS, `designer-what-if-${name}-390.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

function taskForm(node: string): Locator {
  return page.locator(`form[data-task="${node}"]`);
}

/** The route's answers for the what-if family: its one child in place of the route's two. */
function answersFor(data: Json): Json {
  if (!Array.isArray(data['children'])) return data;
  const [first] = data['children'] as Json[];
  return { ...data, children: [{ ...first, name: child.name, dateOfBirth: child.dateOfBirth }] };
}

/** Next actions as the what-if form offers them: one in a select, several as checkboxes; each passed on by its select. */
async function chooseActions(form: Locator, key: string, actions: ChosenAction[]): Promise<void> {
  const multiple = (await form.locator(`[id^="${key}-action-"]`).count()) > 0;
  if (multiple) {
    const boxes = form.locator(`input[id^="${key}-action-"]`);
    for (let i = 0; i < (await boxes.count()); i++) {
      const label = (await form.locator(`label[for="${key}-action-${i}"]`).textContent())!.trim();
      const wanted = actions.some((a) => camdenLabel(a.action) === label);
      if ((await boxes.nth(i).isChecked()) !== wanted) await form.locator(`label[for="${key}-action-${i}"]`).click();
    }
  } else {
    await form.locator(`[id="${key}-action"]`).selectOption(actions[0]!.action);
  }
  for (const [i, a] of actions.entries()) {
    if (!a.passTo) continue;
    const value = 'team' in a.passTo ? `team:${a.passTo.team}` : `worker:${a.passTo.worker.replace(/^camden\./, '')}`;
    await form.locator(`[id="${key}-pass${i === 0 ? '' : `-${i + 1}`}"]`).selectOption(value);
  }
}

function camdenLabel(action: string): string | undefined {
  for (const n of camden.nodes) if (n.kind === 'user_task') for (const a of n.nextActions) if (a.id === action) return a.label;
  return undefined;
}

/** Records the open task at `node`: waits for the engine's answer (the task gone, or refused). */
async function record(form: Locator): Promise<void> {
  const answered = page.waitForResponse((r) => r.url().endsWith('/simulate') && r.request().method() === 'POST');
  await form.getByRole('button', { name: /^Record/ }).click();
  await answered;
}

describe('Given Camden’s admin on the what-if page of Camden’s draft', { timeout: 600_000 }, () => {
  it('When she runs the route after an assessment to closure, filling each task’s form, Then one wrong submit shows every problem at once and the case closes', async () => {
    await signIn(page, stack.base, 'admin@camden.example');
    await page.goto(`${stack.base}/designer/camden/what-if`);
    await page.locator('form[data-what-if-start]').waitFor();
    // Monday 2 November 2026, 09:00: the route's dates are that day's.
    await page.fill('#run-date', '2026-11-02');
    await page.fill('#run-time', '09:00');
    await page.fill('#run-family', 'Okafor');
    await page.locator('#run-entry').selectOption('sw_assessment');
    await look('start');
    await page.getByRole('button', { name: 'Start the run' }).click();

    const route = camdenRoute(new Date('2026-11-02T12:00:00Z'));
    for (const step of route.steps) {
      const form = taskForm(step.node);
      await form.waitFor();
      const key = (await form.getAttribute('data-action-id'))!;
      const prefix = (await form.getAttribute('data-form-prefix'))!;
      const formInput = camden.forms[(camden.nodes.find((n) => n.id === step.node) as { form: string }).form]!;

      if (step.node === 'referral') {
        // People and teams by name, not ids.
        expect(await form.locator('[data-with]').textContent()).toContain('With the social worker (CIN social worker)');
      }
      if (step.node === 'asm_screen') expect(await form.locator('[data-with]').textContent()).toContain('With the Early Help front door team');

      if (step.node === 'asm_joint_visit') {
        // Started from the engine's example answers for this case on this day: they pass as they are.
        await form.getByRole('button', { name: /^Fill in example answers/ }).click();
        await expect.poll(() => form.locator(`[id="${prefix}-visitDate-year"]`).inputValue()).toBe('2026');
        await chooseActions(form, key, step.actions);
        await record(form);
        await form.waitFor({ state: 'detached' });
        continue;
      }

      if (step.node === 'asm_consultation') {
        // A wrong submit: the date of the consultation and the Family Worker's name left out.
        const { consultationDate: _date, familyWorkerName: _name, ...partial } = step.data;
        await fillForm(page, formInput, partial, { prefix });
        await chooseActions(form, key, step.actions);
        await record(form);
        const summary = form.locator('.govuk-error-summary');
        await summary.waitFor();
        const links = summary.locator('a');
        expect(await links.allTextContents()).toEqual([expect.stringMatching(/date/i), 'Enter the name of the allocated Early Help Family Worker']);
        await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(true);
        expect(await form.locator('.govuk-error-message').count()).toBe(2);
        await look('refused', true);
        // The second link goes to the Family Worker's name.
        await links.nth(1).click();
        expect(await page.evaluate(() => document.activeElement?.id)).toBe(`${prefix}-familyWorkerName`);
      }

      await fillForm(page, formInput, answersFor(step.data), { prefix });
      await chooseActions(form, key, step.actions);
      if (step.node === 'asm_cfa_authorise') await look('task');
      await record(form);
      await expect.poll(async () => (await form.count()) === 0 || (await form.locator('.govuk-error-summary').count()) > 0).toBe(true);
      expect(await form.locator('.govuk-error-summary').allTextContents(), `${step.node} refused`).toEqual([]);
    }

    await page.locator('[data-final-status="closed"]').waitFor();
    expect(await page.locator('[data-run-error]').count()).toBe(0);
    const timeline = (await page.locator('table[data-timeline]').textContent())!;
    // Names, not ids, in the timeline too.
    expect(timeline).toContain('by the social worker (CIN social worker)');
    expect(timeline).not.toContain('by social_worker');
    await look('closed', true);
  });

  it('When she starts again and lets the clock run past the screening’s deadline, Then that deadline shows as overdue, not as still to come', async () => {
    await page.getByRole('button', { name: 'Start again' }).click();
    await page.fill('#run-family', 'Okafor');
    await page.fill('#run-date', '2026-11-02');
    await page.fill('#run-time', '09:00');
    await page.locator('#run-entry').selectOption('sw_assessment');
    await page.getByRole('button', { name: 'Start the run' }).click();
    const [referral] = camdenRoute(new Date('2026-11-02T12:00:00Z')).steps;
    const form = taskForm('referral');
    await form.waitFor();
    await fillForm(page, camden.forms['step_down_referral']!, answersFor(referral!.data), { prefix: (await form.getAttribute('data-form-prefix'))! });
    await record(form);
    await taskForm('asm_screen').waitFor();
    // The front door must reply by the end of Wednesday 4 November; the clock runs to Friday 6th.
    await page.fill('#until-date', '2026-11-06');
    const answered = page.waitForResponse((r) => r.url().endsWith('/simulate'));
    await page.locator('form[data-clock]').getByRole('button', { name: 'Let the clock run' }).click();
    await answered;
    const overdue = page.locator('table[data-timeline] tr[data-type="overdue"]');
    await overdue.first().waitFor();
    expect(await overdue.allTextContents()).toEqual([expect.stringContaining('Screen the step down referral')]);
    expect(await overdue.textContent()).toContain('Wednesday 4 November 2026');
    const toCome = await page.locator('table[data-timeline] tr[data-type="upcoming"]').allTextContents();
    expect(toCome.filter((row) => row.includes('Screen the step down referral'))).toEqual([]);
    expect(await taskForm('asm_screen').locator('[data-with]').textContent()).toContain('(overdue)');
    await look('overdue');
  });
});
