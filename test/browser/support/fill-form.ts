/**
 * A generic GOV.UK form filler, driven by the answers (a data object) and the form's layout as
 * the renderer draws it (`buildFormModel`), finding each control by the id the renderer gives
 * it (`fieldId`): text by filling, dates in their day, month and year boxes, radios and
 * checkboxes by clicking their labels, selects by option, repeats with "Add another" (and
 * "Remove"), revealed questions after the answer that reveals them. Then the next actions.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { sameJson } from '../../../engine/forms/schema-info.ts';
import type { FormInput, FieldModel } from '../../../designer/src/lib/forms/model.ts';
import { buildFormModel, simpleField } from '../../../designer/src/lib/forms/model.ts';
import { fieldId } from '../../../designer/src/lib/forms/errors.ts';
import { childPointer } from '../../../designer/src/lib/forms/values.ts';
import { ACTIONS_ID, actionInputId, detailId } from '../../../designer/src/workspace/task/next-actions.ts';
import type { TaskForm } from '../../../designer/src/lib/api-types.ts';
import type { ChosenAction, Json } from '../routes/route.ts';

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Clicks the label of a radio or checkbox (as a person does) unless it is already as wanted. */
async function setChoice(page: Page, id: string, on: boolean): Promise<void> {
  const input = page.locator(`[id="${id}"]`);
  if ((await input.isChecked()) === on) return;
  await page.locator(`label[for="${id}"]`).click();
}

const optionId = (id: string, i: number) => (i === 0 ? id : `${id}-${i + 1}`);

async function fillRepeat(page: Page, field: FieldModel, pointer: string, prefix: string, items: unknown[]): Promise<void> {
  const id = fieldId(prefix, pointer);
  const repeat = page.locator(`fieldset:has(> [id="${id}-add"])`).first();
  const rendered = () => repeat.locator(':scope > .stepwise-repeat-item').count();
  while ((await rendered()) < items.length) await page.locator(`[id="${id}-add"]`).click();
  while ((await rendered()) > Math.max(items.length, 1)) await repeat.locator(':scope > .stepwise-repeat-item').last().getByRole('button', { name: /^Remove/ }).click();
  for (const [i, item] of items.entries()) {
    const at = childPointer(pointer, i);
    if (field.itemField) await fillField(page, { ...field.itemField, name: String(i) }, at, prefix, item);
    else if (isObject(item)) await fillFields(page, field.itemFields ?? [], at, prefix, item);
  }
}

async function fillField(page: Page, field: FieldModel, pointer: string, prefix: string, value: unknown): Promise<void> {
  const id = fieldId(prefix, pointer);
  switch (field.widget) {
    case 'repeat':
      return fillRepeat(page, field, pointer, prefix, Array.isArray(value) ? value : []);
    case 'radios':
    case 'yesno': {
      const i = field.options.findIndex((o) => sameJson(o.value, value));
      if (i < 0) throw new Error(`${pointer}: no option for ${JSON.stringify(value)}`);
      return setChoice(page, optionId(id, i), true);
    }
    case 'checkboxes': {
      const wanted = Array.isArray(value) ? value : [];
      for (const [i, o] of field.options.entries()) await setChoice(page, optionId(id, i), wanted.some((w) => sameJson(w, o.value)));
      return;
    }
    case 'select': {
      const i = field.options.findIndex((o) => sameJson(o.value, value));
      if (i < 0) throw new Error(`${pointer}: no option for ${JSON.stringify(value)}`);
      await page.selectOption(`[id="${id}"]`, String(i));
      return;
    }
    case 'autocomplete': {
      const label = field.options.find((o) => sameJson(o.value, value))?.label ?? String(value);
      return page.fill(`[id="${id}"]`, label);
    }
    case 'date': {
      const [year, month, day] = String(value).split('-') as [string, string, string];
      // As people type them: no leading zeros.
      await page.fill(`[id="${id}-day"]`, String(Number(day)));
      await page.fill(`[id="${id}-month"]`, String(Number(month)));
      await page.fill(`[id="${id}-year"]`, year);
      return;
    }
    default:
      return page.fill(`[id="${id}"]`, value === undefined ? '' : String(value));
  }
}

/** Fills one level of questions, each before the ones it reveals; unanswered ones are left as they are. */
async function fillFields(page: Page, fields: FieldModel[], pointer: string, prefix: string, answers: Json): Promise<void> {
  for (const field of fields) {
    if (answers[field.name] !== undefined) await fillField(page, field, childPointer(pointer, field.name), prefix, answers[field.name]);
    await fillFields(page, field.reveals, pointer, prefix, answers);
  }
}

/** Fills `form` with `answers`; questions listed in `clear` are emptied (text) instead. */
export async function fillForm(page: Page, form: FormInput, answers: Json, options: { prefix?: string; clear?: string[] } = {}): Promise<void> {
  const prefix = options.prefix ?? 'f';
  const model = buildFormModel(form);
  for (const section of model.sections) await fillFields(page, section.fields, '', prefix, answers);
  for (const name of options.clear ?? []) {
    const box = page.locator(`[id="${fieldId(prefix, childPointer('', name))}"]`);
    if ((await box.count()) > 0 && (await box.evaluate((e) => e instanceof HTMLTextAreaElement || (e instanceof HTMLInputElement && e.type === 'text')))) await box.fill('');
  }
}

/** What the task view says about an action the form's answer decides; absent from servers before it (null). */
type Decidable = { chosenBy?: { field: string; values: unknown[] } | null; passTo: { teamFromAnswer?: string | null } | null };
const chosenBy = (a: Decidable) => a.chosenBy ?? null;
const teamFromAnswer = (a: Decidable) => a.passTo?.teamFromAnswer ?? null;

/** An answer on the task's form decides its next actions. */
export const decides = (view: TaskForm) => view.actions.some((a) => chosenBy(a) !== null);

/**
 * Chooses the next actions, with who each is passed to, its priority and scheduled date. Where
 * an answer on the form decides them (`chosenBy`, decide once), nothing is chosen: the page asks
 * no "What happens next?" and, once the form is filled, says which actions follow; only what they
 * still ask is given, and no team that an answer names (`teamFromAnswer`).
 */
export async function chooseActions(page: Page, view: TaskForm, actions: ChosenAction[]): Promise<void> {
  const decided = decides(view);
  const index = (id: string) => {
    const i = view.actions.findIndex((a) => a.id === id);
    if (i < 0) throw new Error(`No next action ${id}: ${view.actions.map((a) => a.id).join(', ')}`);
    return i;
  };
  if (decided) {
    expect(await page.locator(`input[name="${ACTIONS_ID}"]`).count(), `${view.task.node}: the answer decides, yet "What happens next?" is asked`).toBe(0);
    const follows = view.actions.filter((a) => actions.some((c) => c.action === a.id)).map((a) => a.id).join(' ');
    const said = page.locator(`[data-chosen-action="${follows}"]`);
    if (!(await said.waitFor({ timeout: 10_000 }).then(() => true, () => false))) {
      const shown = await page.locator('[data-chosen-action]').getAttribute('data-chosen-action', { timeout: 1000 }).catch(() => null);
      throw new Error(`${view.task.node}: the page should say “${follows}” follows from the answer (data-chosen-action), but says ${shown === null ? 'nothing' : `“${shown}”`}`);
    }
  }
  for (const chosen of actions) {
    const i = index(chosen.action);
    const action = view.actions[i]!;
    if (!decided) await setChoice(page, actionInputId(i), true);
    if (chosen.passTo && teamFromAnswer(action) !== null) {
      expect(await page.locator(`select[id="${detailId(chosen.action, 'pass-to')}"]`).count(), `${chosen.action}: the team is the answer to ${teamFromAnswer(action)}, yet asked again`).toBe(0);
    } else if (chosen.passTo) {
      const value = 'team' in chosen.passTo ? `team:${chosen.passTo.team}` : `worker:${chosen.passTo.worker}`;
      await page.selectOption(`[id="${detailId(chosen.action, 'pass-to')}"]`, value);
    }
    if (chosen.priority) {
      const p = view.priorities.findIndex((x) => x.id === chosen.priority);
      await setChoice(page, optionId(detailId(chosen.action, 'priority'), p), true);
    }
    if (chosen.scheduledFor) await fillField(page, simpleField('scheduledFor', 'Scheduled date', 'date'), '', detailId(chosen.action, 'scheduled'), chosen.scheduledFor);
  }
}
