/**
 * The server's field errors, placed the GOV.UK way: one message per question, shown beside it
 * and in the error summary, whose links go to the first box of the question (the day box of a
 * date, the first radio of a group, the first question of the first item of a repeat).
 */
import type { FieldError } from '../../../../engine/problems.ts';
import { parsePointer } from '../../../../engine/forms/locate.ts';
import { dateIssue, splitDate, type DatePart } from './dates.ts';
import { findField, type FieldModel, type FormModel } from './model.ts';
import { childPointer, valueAt } from './values.ts';

export type { FieldError };

export interface FieldIssue {
  message: string;
  /** For dates: the boxes to mark (all three when not said). */
  parts?: DatePart[];
}

export interface SummaryItem {
  text: string;
  /** `#id` of the control to go to; absent when the error names no question on the page. */
  href?: string;
}

/** An element id for the control at `pointer`: `f-children-0-name`. Safe in `#` links and CSS. */
export function fieldId(prefix: string, pointer: string): string {
  const segments = parsePointer(pointer).map((s) => s.replace(/[^A-Za-z0-9_]/g, (c) => `_${c.charCodeAt(0).toString(16)}`));
  return [prefix, ...segments].join('-');
}

/** A server field error, sharpened when it arrived (see `refineErrors`). */
export interface FormFieldError extends FieldError {
  /** For dates: the boxes to mark (all three when not said). */
  parts?: DatePart[];
}

/**
 * The server's errors as the page shows them, worked out once, when they arrive, from the
 * answers that were sent: a date sent incomplete gets GOV.UK's sharper wording ("must include a
 * month", even over a form's own "must be a real date") and marks only the boxes at fault. Done
 * once so that the messages stay as they were while the person corrects the answers.
 */
export function refineErrors(model: FormModel, sent: unknown, errors: readonly FieldError[]): FormFieldError[] {
  return errors.map((error) => {
    const segments = parsePointer(error.pointer);
    const field = findField(model, segments);
    if (field?.widget !== 'date' || error.keyword !== 'format') return error;
    const issue = dateIssue(field.label, splitDate(valueAt(sent, segments)));
    if (!issue) return error;
    return { ...error, message: issue.kind === 'not_real' ? error.message : issue.message, parts: issue.parts };
  });
}

/** Each question's error, keyed by pointer (the first, when the server sends several). */
export function fieldIssues(errors: readonly FormFieldError[]): Map<string, FieldIssue> {
  const out = new Map<string, FieldIssue>();
  for (const error of errors) {
    if (!out.has(error.pointer)) out.set(error.pointer, error.parts ? { message: error.message, parts: error.parts } : { message: error.message });
  }
  return out;
}

/** The id of the first control of the question at `pointer`, which an error link focuses. */
export function targetId(prefix: string, field: FieldModel, pointer: string, issue?: FieldIssue): string {
  if (field.widget === 'date') return `${fieldId(prefix, pointer)}-${issue?.parts?.[0] ?? 'day'}`;
  if (field.widget === 'repeat') return itemTargetId(prefix, field, pointer, 0);
  return fieldId(prefix, pointer);
}

/** The first control of item `n` of a repeat (a new item is focused when it is added). */
export function itemTargetId(prefix: string, field: FieldModel, pointer: string, n: number): string {
  const at = childPointer(pointer, n);
  if (field.itemField) return targetId(prefix, field.itemField, at);
  const first = field.itemFields?.[0];
  return first ? targetId(prefix, first, childPointer(at, first.name)) : fieldId(prefix, pointer);
}

export function summaryItems(model: FormModel, issues: Map<string, FieldIssue>, prefix: string): SummaryItem[] {
  return [...issues].map(([pointer, issue]) => {
    const field = findField(model, parsePointer(pointer));
    return field ? { text: issue.message, href: `#${targetId(prefix, field, pointer, issue)}` } : { text: issue.message };
  });
}
