/** Conditions in the words practitioners see: question texts and answer labels, not data names and values. */
import type { FieldLayout, Form } from '../../../../engine/schema/definition.types.ts';
import { optionsOf, props, typeOfField } from '../forms.ts';

const questionText = (form: Form, name: string) => String(props(form)[name]?.['title'] ?? name);

/** The label an answer value has on a question: an option's text, or Yes/No. */
export function answerLabel(form: Form, name: string, value: unknown): string {
  if (typeOfField(form, name) === 'yesno' || typeof value === 'boolean') return value === true || value === 'true' ? 'Yes' : 'No';
  return optionsOf(form, name).find((o) => o.value === String(value))?.label ?? String(value);
}

/** `shown when “Screening decision” is “Allocate to a team” or “Panel”`. */
export function shownWhen(form: Form, reveal: NonNullable<FieldLayout['revealedBy']>): string {
  const values = reveal.values.map((v) => `‘${answerLabel(form, reveal.field, v)}’`);
  const list = values.length > 1 ? `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}` : values[0];
  const verb = typeOfField(form, reveal.field) === 'checkboxes' ? 'includes' : 'is';
  return `shown when ${questionText(form, reveal.field)} ${verb} ${list}`;
}
