/**
 * The rules a form's schema cannot state, because they need the case: "one item for each child
 * on the case", and the definition's own `checks` (a date booked today or later, provisional dates
 * within the step-down timescale). Both report field errors, GOV.UK style, beside the schema's.
 */
import type { WorkingCalendar } from '../calendar/index.ts';
import type { FieldLayout, Form, FormCheck } from '../schema/definition.types.ts';
import { LogicError, truthy, varsRead, type Budget } from '../logic/index.ts';
import { pointer, type FieldError } from '../problems.ts';
import type { Child } from '../runtime/state.ts';
import type { LocalDate } from '../time.ts';
import { parsePointer } from './locate.ts';

/** What a form's case-aware rules can see: the case (children, answers so far, today) and its calendar. */
export interface FormContext {
  /** The children on the case, for repeats that hold one item per child. */
  children?: readonly Child[];
  /** The case data `checks` read (`case.*`, `form.*`, `done.*`, `today`…); checks are skipped without it. */
  caseData?: object;
  calendar?: WorkingCalendar;
  /** The budget of the step these checks are part of (`Run.budget`): once it is spent, checking stops with `BudgetSpent`. */
  budget?: Budget;
  /** Today in the authority's calendar: a corrected date of birth (`eachChild.updates`) may not be after it. */
  today?: LocalDate;
  /**
   * Read whitespace-only text as an answer (request shapes, where the engine's own checks
   * word the error better); answers to a protocol's forms never do.
   */
  blanksAreAnswers?: boolean;
}

/**
 * Answers with whitespace-only text removed, at any depth: "   " is no answer, so a required
 * question left blank is reported as unanswered and a blank is never stored as if it said something.
 * Array items stay where they are, so that errors still point at the item a person typed.
 */
export function withoutBlankAnswers<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => (typeof item === 'string' ? item : withoutBlankAnswers(item))) as T;
  if (typeof value !== 'object' || value === null) return value;
  const kept: Record<string, unknown> = {};
  for (const [key, answer] of Object.entries(value)) {
    if (typeof answer === 'string' && answer.trim() === '') continue;
    kept[key] = withoutBlankAnswers(answer);
  }
  return kept as T;
}

const normalName = (name: unknown) => (typeof name === 'string' ? name.trim().replace(/\s+/g, ' ').toLowerCase() : '');

/**
 * The child on the case an item of an `eachChild` repeat is about: the index of the child whose
 * name its name answer gives (spaces and letter case aside, as `eachChildErrors` pairs them), or -1.
 */
export function childNamed(name: unknown, children: readonly Child[]): number {
  const wanted = normalName(name);
  return wanted === '' ? -1 : children.findIndex((c) => normalName(c.name) === wanted);
}

/** Repeats marked `eachChild`: exactly one item per child on the case, matched by name. */
export function eachChildErrors(form: Form, data: Record<string, unknown>, children: readonly Child[]): FieldError[] {
  const errors: FieldError[] = [];
  // Section by section rather than through `layoutFields`: this runs on every submit, and most forms have no such repeat.
  for (const section of form.layout?.sections ?? []) {
    for (const layout of section.fields) {
      // Not answered at all: the schema's `required` speaks for a required repeat; an optional one may stay empty.
      if (!layout.eachChild || data[layout.field] === undefined) continue;
      const items = Array.isArray(data[layout.field]) ? (data[layout.field] as unknown[]) : [];
      const message = childMismatch(items, layout, children);
      if (message) errors.push({ pointer: pointer(layout.field), keyword: 'eachChild', message });
    }
  }
  return errors;
}

function childMismatch(items: unknown[], layout: FieldLayout, children: readonly Child[]): string | undefined {
  const nameField = layout.eachChild!.nameField;
  const given = items.map((item) => (typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[nameField] : undefined));
  const onCase = new Set(children.map((c) => normalName(c.name)));
  const missing = children.filter((c) => !given.some((name) => normalName(name) === normalName(c.name))).map((c) => c.name.trim());
  if (missing.length > 0) return `Add the details for ${listed(missing)}`;
  const stranger = given.find((name) => !onCase.has(normalName(name)));
  if (stranger !== undefined) {
    return typeof stranger === 'string' && stranger.trim() !== ''
      ? `${stranger.trim()} is not a child on this case: give the details for ${listed(children.map((c) => c.name.trim()))} only`
      : `Enter the name of each ${layout.itemLabel?.toLowerCase() ?? 'child'}`;
  }
  const seen = new Set<string>();
  const twice = given.find((name) => (seen.has(normalName(name)) ? true : (seen.add(normalName(name)), false)));
  return twice === undefined ? undefined : `${String(twice).trim()} is listed more than once`;
}

function listed(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * The form's `checks`, each over the case data plus `answers` (and `item`, `index` with `each`).
 * A check whose field already has an error is skipped: one message per field.
 */
export function checkErrors(form: Form, answers: Record<string, unknown>, context: FormContext, taken: readonly FieldError[]): FieldError[] {
  if (!context.caseData || !form.checks?.length) return [];
  const errors: FieldError[] = [];
  const clash = (e: FieldError, at: string) => e.pointer === at || at.startsWith(`${e.pointer}/`) || e.pointer.startsWith(`${at}/`);
  const busy = (at: string) => taken.some((e) => clash(e, at)) || errors.some((e) => clash(e, at));
  // Object.assign, not `{ ...caseData, answers }`: a key added to a spread copy makes V8 build a
  // new shape each time, ten times the cost, and a form with a check per item runs this per item.
  const view = Object.assign({}, context.caseData, { answers });
  // A check comparing an answer that already has an error of its own ("cannot be before the
  // referral" beside "Enter the date of the visit") cannot say anything the error does not: it waits.
  // (Only read the rule's paths when there is an error at all: most submits have none.)
  const restates = (check: FormCheck) =>
    (taken.length > 0 || errors.length > 0) &&
    varsRead(check.rule).some((path) => path.startsWith('answers.') && busy(`/${path.slice('answers.'.length).split('.')[0]}`));
  for (const check of form.checks) {
    if (restates(check)) continue;
    if (check.each === undefined) {
      const at = check.field ?? '';
      if (!busy(at) && !holds(check, view, context)) errors.push({ pointer: at, keyword: 'check', message: check.message });
      continue;
    }
    const items = read(answers, check.each);
    if (!Array.isArray(items)) continue;
    items.forEach((item: unknown, index) => {
      const at = `${check.each}/${index}${check.field ?? ''}`;
      if (!busy(at) && !holds(check, Object.assign({}, view, { item, index }), context)) errors.push({ pointer: at, keyword: 'check', message: check.message });
    });
  }
  return errors;
}

/**
 * A rule that cannot be evaluated (over its own limits) refuses: a check that cannot be made is
 * not passed. The step's budget running out (`BudgetSpent`) is not the rule's fault: it goes up.
 */
function holds(check: FormCheck, view: object, context: FormContext): boolean {
  try {
    return truthy(check.rule, view, context.calendar, context.budget);
  } catch (error) {
    if (error instanceof LogicError) return false;
    throw error;
  }
}

function read(data: unknown, at: string): unknown {
  let value = data;
  for (const segment of parsePointer(at)) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}
