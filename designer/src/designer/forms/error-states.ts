/**
 * The error states of one question, as a practitioner meets them: the form's own message for
 * the keyword (its `errorMessages`), else the engine's default wording from the question's text
 * — the same words `validateFormData` gives when a task is submitted.
 */
import { customMessage, defaultMessage } from '../../../../engine/forms/messages.ts';
import { locate } from '../../../../engine/forms/locate.ts';
import type { FieldError } from '../../../../engine/problems.ts';
import type { Form } from '../../../../engine/schema/definition.types.ts';
import { findLayout, isRequired, props, typeOfField } from '../forms.ts';

export interface ErrorState {
  /** When it is shown: "When it is not answered"... */
  when: string;
  /** The question alone, as a form, to render with the error. */
  form: Form;
  error: FieldError;
}

/** The keyword an answer that is not valid fails, for the question's type (null: none can). */
export function invalidKeyword(form: Form, name: string): string | null {
  const type = typeOfField(form, name);
  if (type === 'date' || type === 'email') return 'format';
  if (type === 'number') return 'type';
  if ((type === 'text' || type === 'textarea') && typeof props(form)[name]?.['maxLength'] === 'number') return 'maxLength';
  return null;
}

function alone(form: Form, name: string): Form {
  const layout = findLayout(form, name)?.layout ?? { field: name };
  const { revealedBy: _shown, ...rest } = layout;
  return {
    title: form.title,
    schema: { type: 'object', properties: { [name]: props(form)[name] ?? {} }, ...(isRequired(form, name) ? { required: [name] } : {}) },
    layout: { sections: [{ id: 'preview', title: '', fields: [rest] }] },
    ...(form.errorMessages ? { errorMessages: form.errorMessages } : {}),
  };
}

export function errorStates(form: Form, name: string): ErrorState[] {
  const pointer = `/${name}`;
  const ctx = locate(form, pointer);
  const schema = props(form)[name] ?? {};
  const message = (keyword: string, params: Record<string, unknown> = {}) => customMessage(form, pointer, keyword) ?? defaultMessage(ctx, keyword, params);
  const out: ErrorState[] = [];
  const single = alone(form, name);
  if (isRequired(form, name)) out.push({ when: 'When it is not answered', form: single, error: { pointer, keyword: 'required', message: message('required') } });
  const invalid = invalidKeyword(form, name);
  if (invalid === 'maxLength') {
    const limit = Number(schema['maxLength']);
    out.push({ when: `When the answer is longer than ${limit} characters`, form: single, error: { pointer, keyword: invalid, message: message(invalid, { limit }) } });
  } else if (invalid) {
    const params = invalid === 'type' ? { type: schema['type'] } : { format: schema['format'] };
    out.push({ when: 'When the answer is not valid', form: single, error: { pointer, keyword: invalid, message: message(invalid, params) } });
  }
  return out;
}
