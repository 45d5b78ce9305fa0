/**
 * Takes a family along a route (routes/*.ts) in the browser: each person signs in, finds the task
 * in My work or their team's tray, fills the form, chooses the next actions and completes it,
 * then signs out for the next. A step a manager must first pass on is passed from the case page.
 * On the way, every task page is checked the same: its case file shows what the earlier steps
 * recorded (case-file.ts); a form asking several things, submitted as it opened, lists every
 * problem at once (every-error.ts); the next actions an answer decides are not asked again
 * (fill-form.ts); the confirmation names who has the work next (confirmation.ts).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { Completion, TaskForm } from '../../../designer/src/lib/api-types.ts';
import { buildFormModel, findField } from '../../../designer/src/lib/forms/model.ts';
import { fieldId } from '../../../designer/src/lib/forms/errors.ts';
import type { FormInput } from '../../../designer/src/lib/forms/model.ts';
import { FAMILY_FORM } from '../../../designer/src/workspace/case/family-form.ts';
import { personId, type Route, type Step } from '../routes/route.ts';
import { checkCaseFile, type CaseFileSeen } from './case-file.ts';
import { expectConfirmation } from './confirmation.ts';
import { caseFileShow } from './definition.ts';
import { asksSeveral, everyErrorAtOnce, isCompletion, submitRefused } from './every-error.ts';
import { chooseActions, decides, fillForm } from './fill-form.ts';
import { eventually, heading, openCase, openWorkList, signIn, signOut, workRow } from './people.ts';
import { SHOTS } from './stack.ts';

/** Told of each new state of a task page (`<n>-<node>-task`, `-errors`, `-refused`, `-decided`, `-check-answers`, `-done`), to look at it. */
export type Look = (state: string) => Promise<void>;

export class Walker {
  #who: string | null = null;
  /** Nodes whose task has been opened on this walk: the second signer of a step is not refused again. */
  readonly #opened = new Set<string>();
  /** What each task page showed from earlier steps, in the order walked. */
  readonly caseFiles: CaseFileSeen[] = [];
  /** What each confirmation panel said, in the order walked. */
  readonly confirmations: Array<{ node: string; who: string; said: string }> = [];

  constructor(readonly page: Page, readonly base: string, readonly look: Look = async () => undefined) {}

  async as(email: string): Promise<void> {
    if (this.#who === email) return;
    if (this.#who !== null) await signOut(this.page);
    await signIn(this.page, this.base, email);
    this.#who = email;
  }

  /** Starts the route's case from "Start a case"; returns the new case's id. */
  async start(route: Pick<Route, 'starter' | 'entry' | 'family' | 'intake'>, intakeForm: FormInput | null): Promise<string> {
    const page = this.page;
    await this.as(route.starter);
    await page.locator('main').getByRole('link', { name: 'Start a case' }).click();
    await heading(page, 'Start a case');
    const entry = page.locator(`input[name="start-entry"][value="${route.entry}"]`);
    await page.locator(`label[for="${await entry.getAttribute('id')}"]`).click();
    await fillForm(page, FAMILY_FORM, route.family, { prefix: 'family' });
    if (intakeForm && route.intake) await fillForm(page, intakeForm, route.intake);
    await page.getByRole('button', { name: 'Start case' }).click();
    await heading(page, `${route.family.familyName} family`);
    await eventually(() => page.locator('.govuk-notification-banner').textContent()).toContain('Case started');
    return decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
  }

  /** A manager passes the step's task on from the case page. */
  async passOn(step: Step, family: string): Promise<void> {
    const page = this.page;
    await this.as(step.passFirst!.by);
    await openCase(page, family);
    await page.locator(`tr[data-node="${step.node}"]`).getByRole('link', { name: /^Pass on/ }).click();
    await heading(page, 'Pass the task on');
    if (step.passFirst!.worker === personId(step.passFirst!.by)) {
      await page.locator('label[for="pass-choice"]').click();
    } else {
      await page.getByLabel('A named person').check();
      await page.selectOption('#pass-worker', step.passFirst!.worker);
    }
    await page.getByRole('button', { name: 'Pass it on' }).click();
    await page.waitForURL((url) => url.pathname !== '/' && !url.pathname.endsWith('/pass'));
    await heading(page);
  }

  /** Opens the step's task from My work or the tray; returns the task form the page loaded. */
  async openTask(step: Step, family: string): Promise<TaskForm> {
    const page = this.page;
    await openWorkList(page, typeof step.from === 'object' ? step.from.tray : undefined);
    const row = workRow(page, step.node, family);
    await eventually(() => row.count(), `${step.node} in ${step.who}'s list`).toBe(1);
    const loaded = page.waitForResponse((r) => /\/api\/cases\/[^/]+\/tasks\/[^/]+$/.test(new URL(r.url()).pathname) && r.request().method() === 'GET');
    await row.getByRole('link').first().click();
    const view = (await (await loaded).json()) as TaskForm;
    await heading(page, view.task.name);
    return view;
  }

  /** Submits once without the answers the step names, and checks the GOV.UK error pattern. */
  async refused(step: Step, view: TaskForm): Promise<void> {
    const page = this.page;
    const { without, message } = step.refuse!;
    const answers = Object.fromEntries(Object.entries(step.data).filter(([k]) => !without.includes(k)));
    if (view.form) await fillForm(page, view.form, answers, { clear: without });
    await chooseActions(page, view, step.actions);
    await submitRefused(page, step.node);
    const summary = page.locator('.govuk-error-summary');
    expect(await summary.locator('h2').textContent()).toContain('There is a problem');
    expect(await page.title()).toMatch(/^Error: /);
    const field = findField(buildFormModel(view.form!), [without[0]!])!;
    const first = field.widget === 'date' ? `${fieldId('f', `/${without[0]}`)}-day` : fieldId('f', `/${without[0]}`);
    const link = summary.getByRole('link', { name: message });
    expect(await link.getAttribute('href')).toBe(`#${first}`);
    await link.click();
    await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe(first);
    const inline = page.locator(`[id="${fieldId('f', `/${without[0]}`)}-error"]`);
    expect(await inline.textContent()).toContain(message);
  }

  /**
   * Does the step: passes it on first if it must, opens it and reads its case file, submits it as
   * it opened once (a form asking several things, the first time the step comes up), is refused
   * once if the route says so, then fills, chooses and completes.
   */
  async step(step: Step, family: string): Promise<void> {
    if (step.passFirst) await this.passOn(step, family);
    await this.as(step.who);
    const view = await this.openTask(step, family);
    const name = `${this.caseFiles.length + 1}-${step.node}`;
    const show = caseFileShow(view.case.definition.id, step.node);
    this.caseFiles.push(await checkCaseFile(this.page, view, step.who, show, this.caseFiles.length === 0));
    await this.look(`${name}-task`);
    if (!this.#opened.has(step.node) && asksSeveral(view)) {
      await everyErrorAtOnce(this.page, view);
      await this.look(`${name}-errors`);
    }
    this.#opened.add(step.node);
    if (step.refuse) {
      await this.refused(step, view);
      await this.look(`${name}-refused`);
    }
    if (view.form) await fillForm(this.page, view.form, step.data);
    await chooseActions(this.page, view, step.actions);
    if (decides(view)) {
      // A new state of the page (decide once): what the answer chose, photographed on every walk.
      mkdirSync(SHOTS, { recursive: true });
      await this.page.screenshot({ path: join(SHOTS, `${view.case.definition.id}-${name}-decided.png`), fullPage: true });
      await this.look(`${name}-decided`);
    }
    const said = await completeOnPage(this.page, family, step.node, (state) => this.look(`${name}-${state}`));
    this.confirmations.push({ node: step.node, who: step.who, said });
  }
}

/**
 * Presses "Complete task"; confirms on the check-your-answers page when a step cannot be taken
 * back; waits for the confirmation panel, checks it names who has the work next (or that the case
 * is closed) and returns its text; then, with a family, goes on to the case page from its link.
 */
export async function completeOnPage(page: Page, family?: string, what = 'the task', look: Look = async () => undefined): Promise<string> {
  const panel = page.locator('.govuk-panel--confirmation');
  const confirm = page.getByRole('button', { name: 'Confirm and complete' });
  // An error summary may already be on the page from an earlier submit: only these two say it went through.
  const settled = page.locator('.govuk-panel--confirmation, button:has-text("Confirm and complete")').first();
  const failed = async () => {
    const problems = await page.locator('.govuk-error-summary').textContent().catch(() => null);
    return new Error(`${what} was not completed: ${problems ?? 'no error summary'}`);
  };
  // Sent on "Complete task", or on "Confirm and complete" after checking the answers.
  const sent = page.waitForResponse((r) => isCompletion(r) && r.ok(), { timeout: 40_000 });
  sent.catch(() => undefined);
  await page.getByRole('button', { name: 'Complete task' }).click();
  if (!(await settled.waitFor({ timeout: 15_000 }).then(() => true, () => false))) throw await failed();
  if (await confirm.count()) {
    await look('check-answers');
    await confirm.click();
    if (!(await panel.waitFor({ timeout: 15_000 }).then(() => true, () => false))) throw await failed();
  }
  const said = (await panel.innerText()).replace(/\n+/g, '\n').trim();
  const { completion } = (await (await sent).json()) as { completion: Completion };
  expectConfirmation(said, completion, what);
  await look('done');
  if (family) {
    await page.getByRole('link', { name: `Go to the ${family} family case` }).click();
    await heading(page, `${family} family`);
  }
  return said;
}
