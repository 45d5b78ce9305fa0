export { validateFormData } from './validate-form.ts';
export { withoutBlankAnswers, type FormContext } from './form-checks.ts';
export { CHILD_FACTS, childCorrections, type ChildCorrection, type ChildFact } from './child-updates.ts';
export { checkForm, fieldExists, formFields } from './inspect-form.ts';
export type { FieldInfo } from './inspect-form.ts';
export { defaultWidget } from './schema-info.ts';
export type { FieldOption, FieldType, Widget } from './schema-info.ts';
export { answerSections, longDate, NOT_ANSWERED, type AnswerRow, type AnswerSection } from './answer-rows.ts';
