/**
 * One submit shows every error (GOV.UK error summary): the server reports every problem of a
 * submission at once — the form's field errors, the task's guards, each next action's problem
 * (engine complete-task.ts `refuseAtOnce`) — and the page lists each, one per question, each
 * linked to its control. Sending the same again brings up nothing new.
 */
import { expect } from 'vitest';
import type { Page, Response } from 'playwright-core';
import type { FieldError, TaskForm } from '../../../designer/src/lib/api-types.ts';
import { layoutFields, parsePointer } from '../../../engine/forms/locate.ts';
import type { Form } from '../../../engine/schema/definition.types.ts';
import { eventually } from './people.ts';

/** A refusal of POST …/complete as the server sends it (server/http/problem.ts). */
export interface Problem {
  code: string;
  detail?: string;
  errors?: FieldError[];
  /** With `form_invalid` carrying several kinds: the task's own guards, and each next action's problem. */
  guardMessages?: string[];
  actionErrors?: Array<{ code: string; message: string; messages?: string[]; field?: unknown }>;
  /** With `guard_failed` alone. */
  messages?: string[];
  field?: unknown;
}

const COMPLETE = /\/api\/cases\/[^/]+\/tasks\/[^/]+\/complete$/;
export const isCompletion = (r: Response) => r.request().method() === 'POST' && COMPLETE.test(new URL(r.url()).pathname);

/**
 * How many lines the error summary must have for `problem`: one per question with a field error,
 * one per guard, one per next-action problem. An action's problem the page puts at a question
 * (the answer that chooses the action, `action_not_chosen`) shares that question's line.
 */
export function problemCount(problem: Problem): number {
  const guards = (p: { messages?: string[] }) => p.messages?.length ?? 1;
  switch (problem.code) {
    case 'form_invalid': {
      const questions = new Set((problem.errors ?? []).map((e) => e.pointer));
      let actions = 0;
      for (const e of problem.actionErrors ?? []) {
        if (e.code === 'action_not_chosen' && typeof e.field === 'string' && e.field !== 'actions') questions.add(`/${e.field}`);
        else actions += e.code === 'guard_failed' ? guards(e) : 1;
      }
      return questions.size + (problem.guardMessages?.length ?? 0) + actions;
    }
    case 'guard_failed':
      return guards(problem);
    case 'request_invalid':
      return problem.errors?.length ?? 1;
    default:
      return 1;
  }
}

/**
 * Presses "Complete task" expecting a refusal (through check-your-answers if it comes up); returns
 * the problem once the page has shown it (the summary takes focus on each refusal).
 */
export async function submitRefused(page: Page, what: string): Promise<Problem> {
  const answered = page.waitForResponse(isCompletion);
  let settled = false;
  void answered.then(() => (settled = true), () => (settled = true));
  await page.getByRole('button', { name: 'Complete task' }).click();
  // An action that cannot be taken back is sent from check-your-answers: confirmed, if it comes up first.
  const confirm = page.getByRole('button', { name: 'Confirm and complete' });
  while (!settled) {
    if (await confirm.isVisible()) await confirm.click();
    await Promise.race([answered, new Promise((r) => setTimeout(r, 100))]);
  }
  const response = await answered;
  const body = (await response.json()) as Problem;
  if (response.ok()) throw new Error(`${what} was completed by a submission meant to be refused`);
  await eventually(() => page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')), `${what}: the error summary takes focus`).toBe(true);
  return body;
}

const plain = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Field errors inside a repeat holding one item per child, with that child's name. */
function childErrors(problem: Problem, view: TaskForm): Array<{ message: string; child: string }> {
  const layouts = view.form ? layoutFields(view.form as Form) : [];
  return (problem.errors ?? []).flatMap((e) => {
    const [field, index, inside] = parsePointer(e.pointer);
    const nameField = layouts.find((l) => l.field === field)?.eachChild?.nameField;
    if (!nameField || index === undefined || !/^\d+$/.test(index) || inside === undefined || inside === nameField) return [];
    const items = view.prefill[field!];
    const item = Array.isArray(items) ? (items[Number(index)] as Record<string, unknown> | undefined) : undefined;
    const child = typeof item?.[nameField] === 'string' ? (item[nameField] as string) : view.case.children[Number(index)]?.name;
    return child ? [{ message: e.message, child }] : [];
  });
}

/**
 * Submits the task as it opened, nothing answered and nothing chosen: one summary lists every
 * problem the server returned, each linked to a control on the page, repeated questions naming
 * their child; submitting the same again lists the same.
 */
export async function everyErrorAtOnce(page: Page, view: TaskForm): Promise<Problem> {
  const what = `${view.task.name} (${view.task.node})`;
  const summary = page.locator('.govuk-error-summary');
  const listed = async () => (await summary.locator('li').allInnerTexts()).map(plain);
  const first = await submitRefused(page, what);
  const count = problemCount(first);
  expect(count, `${what}: several questions must be answered, yet the server found ${JSON.stringify(first)}`).toBeGreaterThan(1);
  const shown = await listed();
  expect(shown, `${what}: the summary after one submit, for ${JSON.stringify(first)}`).toHaveLength(count);
  const links = summary.locator('li a');
  expect(await links.count(), `${what}: every problem links to where it is put right`).toBe(count);
  const nowhere = await links.evaluateAll((list) => list.map((a) => a.getAttribute('href') ?? '').filter((href) => !href.startsWith('#') || !document.getElementById(href.slice(1))));
  expect(nowhere, `${what}: summary links to nothing on the page`).toEqual([]);
  for (const { message, child } of childErrors(first, view)) {
    expect(message, `${what}: a repeated question names its child`).toContain(child);
    expect(shown).toContain(plain(message));
  }
  const again = await submitRefused(page, what);
  expect(problemCount(again), `${what}: a second submit of the same found more`).toBe(count);
  expect(await listed(), `${what}: a second submit of the same lists something else`).toEqual(shown);
  return first;
}

/** A form asks several things of the person (not counting what it opens with prefilled), or one per child. */
export function asksSeveral(view: TaskForm): boolean {
  if (!view.form) return false;
  const required = (view.form.schema as { required?: string[] }).required ?? [];
  const unanswered = required.filter((name) => view.prefill[name] === undefined);
  return unanswered.length > 1 || layoutFields(view.form as Form).some((l) => l.eachChild);
}
