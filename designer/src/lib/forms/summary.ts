/** Error summary items and sharpened errors for a form, placed as the renderer with the same `idPrefix` places them. */
import { fieldIssues, refineErrors, summaryItems, type FieldError, type FormFieldError, type SummaryItem } from './errors.ts';
import { buildFormModel, type FormInput } from './model.ts';
import type { Data } from './values.ts';

/** `refineErrors` for a form: call it once, when a 422 arrives, with the answers that were sent. */
export function refineFormErrors(form: FormInput, sent: Data, errors: readonly FieldError[]): FormFieldError[] {
  return refineErrors(buildFormModel(form), sent, errors);
}

export function formErrorSummary(form: FormInput, errors: readonly FormFieldError[], idPrefix?: string): SummaryItem[];
/** @deprecated The answers are no longer needed: call `formErrorSummary(form, errors, idPrefix)`, with errors from `refineFormErrors`. */
export function formErrorSummary(form: FormInput, data: Data, errors: readonly FormFieldError[], idPrefix?: string): SummaryItem[];
export function formErrorSummary(form: FormInput, ...rest: unknown[]): SummaryItem[] {
  const [errors, idPrefix] = (Array.isArray(rest[0]) ? rest : rest.slice(1)) as [readonly FormFieldError[], string | undefined];
  const model = buildFormModel(form);
  return summaryItems(model, fieldIssues(errors), idPrefix ?? 'f');
}
