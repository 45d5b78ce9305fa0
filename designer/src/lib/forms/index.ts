/** The GOV.UK form renderer and its pure model, for the task page and the designer's preview. */
export { default as FormRenderer } from './FormRenderer.svelte';
export { default as ErrorSummary } from './ErrorSummary.svelte';
export { default as FormAnswers } from './FormAnswers.svelte';
export { buildFormModel, findField, topLevelFields } from './model.ts';
export type { FieldModel, FormInput, FormModel, SectionModel } from './model.ts';
export { fieldId, fieldIssues, refineErrors, summaryItems, targetId } from './errors.ts';
export type { FieldError, FieldIssue, FormFieldError, SummaryItem } from './errors.ts';
export { submittableData, visibleData, withoutBlankItems } from './values.ts';
export type { Data } from './values.ts';
export { answerSections, characterCount } from './answers.ts';
export { dateIssue, joinDate, longDate, splitDate } from './dates.ts';
export { formErrorSummary, refineFormErrors } from './summary.ts';
