/**
 * Changing a question's type. What carries over: its text (label), hint, whether it must be
 * answered (and when it is revealed), its "not answered" error message, its data name, and the
 * answers between radios, checkboxes and select. What is lost, the designer says before changing:
 * answers to choose from, the questions inside a repeat, one item per child, other error
 * messages, limits such as the maximum length, and reveals of other questions that no longer fit.
 */
import type { Form } from '../../../../engine/schema/definition.types.ts';
import { findLayout, optionsOf, props, schemaFor, setReveal, typeOfField, type FieldType } from '../forms.ts';

const CHOICES: FieldType[] = ['radios', 'checkboxes', 'select'];
const labelOf = (form: Form, name: string) => String(props(form)[name]?.['title'] ?? name);
/** Schema keywords the new type's own schema does not carry (limits, patterns...). */
const LIMITS: Record<string, string> = { maxLength: 'maximum length', minLength: 'minimum length', pattern: 'pattern', minimum: 'minimum', maximum: 'maximum', minItems: 'fewest answers', maxItems: 'most answers' };

/** Questions shown only under an answer to this one. */
function revealed(form: Form, name: string): string[] {
  return (form.layout?.sections ?? []).flatMap((s) => s.fields).filter((f) => f.revealedBy?.field === name).map((f) => f.field);
}

/** Whether reveals under `from`'s answers still make sense as `to` (same kind of answers). */
function revealsSurvive(from: FieldType, to: FieldType): boolean {
  return (CHOICES.includes(from) && CHOICES.includes(to)) || (from === 'yesno' && to === 'yesno');
}

/** In plain words, what changing `name` to `to` would lose; empty when nothing is. */
export function typeChangeLosses(form: Form, name: string, to: FieldType): string[] {
  const from = typeOfField(form, name);
  if (from === to) return [];
  const out: string[] = [];
  const schema = props(form)[name] ?? {};
  const layout = findLayout(form, name)?.layout;
  const options = optionsOf(form, name);
  if (CHOICES.includes(from) && !CHOICES.includes(to) && options.length > 0) out.push(`its answers to choose from (${options.map((o) => o.label).join(', ')})`);
  if (from === 'repeat') {
    const items = Object.keys(((schema['items'] as Record<string, unknown> | undefined)?.['properties'] ?? {}) as object);
    if (items.length > 0) out.push(`the ${items.length === 1 ? 'question' : `${items.length} questions`} inside it`);
    if (layout?.eachChild) out.push('one item for each child');
  }
  const limits = Object.keys(LIMITS).filter((k) => schema[k] !== undefined && schemaFor(to, '')[k] === undefined);
  if (limits.length > 0) out.push(`its ${limits.map((k) => LIMITS[k]).join(' and ')}`);
  const messages = Object.keys(form.errorMessages?.[`/${name}`] ?? {}).filter((k) => k !== 'required');
  if (messages.length > 0) out.push(messages.length === 1 ? 'its error message for an answer that is not valid' : `${messages.length} of its error messages`);
  if (!revealsSurvive(from, to)) for (const r of revealed(form, name)) out.push(`“${labelOf(form, r)}” being shown only under its answers`);
  return out;
}

/** Changes the question's type, keeping what carries over (see above). */
export function changeType(form: Form, name: string, to: FieldType): void {
  const from = typeOfField(form, name);
  const at = findLayout(form, name);
  const old = props(form)[name];
  if (from === to || !at || !old) return;
  const next = schemaFor(to, String(old['title'] ?? ''));
  if (typeof old['description'] === 'string') next['description'] = old['description'];
  const options = optionsOf(form, name);
  if (CHOICES.includes(from) && CHOICES.includes(to) && options.length > 0) {
    const oneOf = options.map((o) => ({ const: o.value, title: o.label }));
    if (to === 'checkboxes') (next['items'] as Record<string, unknown>)['oneOf'] = oneOf;
    else next['oneOf'] = oneOf;
  }
  props(form)[name] = next;
  const layout = at.layout;
  layout.widget = to;
  delete layout.itemLabel;
  delete layout.fields;
  delete layout.eachChild;
  if (to === 'repeat') Object.assign(layout, { itemLabel: 'Item', fields: [{ field: 'name' }] });
  const own = form.errorMessages?.[`/${name}`];
  if (own && form.errorMessages) {
    if (own['required']) form.errorMessages[`/${name}`] = { required: own['required'] };
    else delete form.errorMessages[`/${name}`];
    for (const key of Object.keys(form.errorMessages)) if (key.startsWith(`/${name}/`)) delete form.errorMessages[key];
    if (Object.keys(form.errorMessages).length === 0) delete form.errorMessages;
  }
  // Reveals under its answers: rewritten for the new shape (checkboxes hold a list), or dropped.
  for (const r of revealed(form, name)) {
    const reveal = findLayout(form, r)!.layout.revealedBy!;
    setReveal(form, r, revealsSurvive(from, to) ? { field: name, values: [...reveal.values] } : null);
  }
}
