/**
 * Required questions and conditional reveals, which the definition format writes in two places:
 * the layout's `revealedBy` (what the renderer shows) and, for a question required only when it
 * is shown, an `allOf` if/then rule in the schema (what the engine checks), as definitions/README.md
 * describes for "If Other, please specify".
 */
import type { Form } from '../../../engine/schema/definition.types.ts';
import { findLayout } from './forms.ts';

type Schema = Record<string, unknown>;

const props = (form: Form): Record<string, Schema> => (form.schema['properties'] ?? {}) as Record<string, Schema>;
const requiredList = (form: Form): string[] => (Array.isArray(form.schema['required']) ? (form.schema['required'] as string[]) : []);

/** The if/then rules this designer writes: "when <revealer> is one of <values>, <name> is required". */
function revealRules(form: Form): Schema[] {
  return Array.isArray(form.schema['allOf']) ? (form.schema['allOf'] as Schema[]) : [];
}
const requiresIn = (rule: Schema, name: string) => Array.isArray((rule['then'] as Schema | undefined)?.['required']) && ((rule['then'] as Schema)['required'] as string[]).includes(name);

export function dropRevealRules(form: Form, name: string): void {
  const kept = revealRules(form).filter((r) => !requiresIn(r, name));
  if (kept.length > 0) form.schema['allOf'] = kept;
  else delete form.schema['allOf'];
}

export function isRequired(form: Form, name: string): boolean {
  return requiredList(form).includes(name) || revealRules(form).some((r) => requiresIn(r, name));
}

function revealCondition(form: Form, revealer: string, values: unknown[]): Schema {
  const isList = props(form)[revealer]?.['type'] === 'array';
  const match = values.length === 1 ? { const: values[0] } : { enum: values };
  return { properties: { [revealer]: isList ? { type: 'array', contains: match } : match }, required: [revealer] };
}

/**
 * Required, or not. A question revealed under another answer is required only when revealed:
 * an `allOf` if/then rule instead of the top-level `required`.
 */
export function setRequired(form: Form, name: string, required: boolean): void {
  form.schema['required'] = requiredList(form).filter((r) => r !== name);
  dropRevealRules(form, name);
  const reveal = findLayout(form, name)?.layout.revealedBy;
  if (required && reveal) {
    form.schema['allOf'] = [...revealRules(form), { if: revealCondition(form, reveal.field, reveal.values), then: { required: [name] } }];
  } else if (required) {
    form.schema['required'] = [...requiredList(form), name];
  }
  if (requiredList(form).length === 0) delete form.schema['required'];
}

/** Shows the question only under these answers of another (radios, checkboxes, select or yes/no) question. */
export function setReveal(form: Form, name: string, reveal: { field: string; values: unknown[] } | null): void {
  const at = findLayout(form, name);
  if (!at) return;
  const wasRequired = isRequired(form, name);
  if (reveal && reveal.values.length > 0) at.layout.revealedBy = { field: reveal.field, values: reveal.values as [unknown, ...unknown[]] };
  else delete at.layout.revealedBy;
  setRequired(form, name, wasRequired);
}

