/**
 * Definition lint for one form: is its schema usable, and does its layout fit the schema?
 * Collects every problem; never throws.
 */
import { checkRule, varsRead } from '../logic/index.ts';
import type { Problem } from '../problems.ts';
import type { FieldLayout, Form } from '../schema/definition.types.ts';
import { fieldExists } from './form-fields.ts';
import { checkEachChild } from './inspect-each-child.ts';
import { locate } from './locate.ts';
import { schemaInvalidReason, validatorFor } from './compile.ts';
import { choicesOf, isSchema, itemsOf, optionsOf, propertiesOf, sameJson, typeOf } from './schema-info.ts';
import type { JsonSchema } from './schema-info.ts';

export { fieldExists, formFields } from './form-fields.ts';
export type { FieldInfo } from './form-fields.ts';

function reason(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/\.?\s*$/, '');
}

function checkSchema(schema: unknown, at: string): Problem[] {
  const problem = (message: string): Problem[] => [{ code: 'invalid_form_schema', path: at, message }];
  if (!isSchema(schema)) return problem('The form schema must be a JSON object.');
  try {
    const invalid = schemaInvalidReason(schema);
    if (invalid !== undefined) return problem(`The form schema is not valid JSON Schema 2020-12: ${invalid}.`);
    validatorFor(schema);
  } catch (e) {
    return problem(`The form schema does not compile: ${reason(e)}.`);
  }
  if (schema['type'] !== 'object') {
    return problem('The form schema must describe an object: set "type": "object" at its top level.');
  }
  return [];
}

function checkReveal(layout: FieldLayout, props: Map<string, JsonSchema>, at: string, out: Problem[]): void {
  const { field, values } = layout.revealedBy ?? { field: '', values: [] };
  const target = props.get(field);
  if (!target) {
    out.push({
      code: 'revealed_by_unknown', path: `${at}/revealedBy/field`,
      message: `"${layout.field}" is revealed by "${field}", which is not a question beside it in the form.`,
    });
    return;
  }
  const options = choicesOf(target);
  if (!options) {
    out.push({
      code: 'revealed_by_unknown', path: `${at}/revealedBy/field`,
      message: `"${field}" has no fixed answers to reveal "${layout.field}" by; use a radios, checkboxes or yes/no question.`,
    });
    return;
  }
  (Array.isArray(values) ? values : []).forEach((value: unknown, k) => {
    if (options.some((o) => sameJson(o.value, value))) return;
    out.push({
      code: 'revealed_by_unknown', path: `${at}/revealedBy/values/${k}`,
      message: `${JSON.stringify(value)} is not one of the answers to "${field}", so it can never reveal "${layout.field}".`,
    });
  });
}

/** A repeat needs an array with an item schema that is not a set of checkbox options. */
function isRepeatable(schema: JsonSchema): boolean {
  const items = itemsOf(schema);
  return typeOf(schema) === 'array' && items !== undefined && !optionsOf(items);
}

function checkFields(fields: unknown, schema: JsonSchema | undefined, at: string, out: Problem[], within?: string): void {
  const props = propertiesOf(schema);
  (Array.isArray(fields) ? (fields as FieldLayout[]) : []).forEach((layout, j) => {
    const fAt = `${at}/${j}`;
    const sub = props.get(layout.field);
    if (!sub) {
      out.push({
        code: 'layout_field_unknown', path: `${fAt}/field`,
        message: `The layout shows "${layout.field}", but the form schema has no such property${within ? ` inside "${within}"` : ''}.`,
      });
    }
    if (layout.revealedBy) checkReveal(layout, props, fAt, out);
    if (sub && layout.widget === 'repeat' && !isRepeatable(sub)) {
      out.push({
        code: 'repeat_without_items', path: `${fAt}/widget`,
        message: `"${layout.field}" is shown as a repeat, but its schema is not an array with an "items" schema to repeat.`,
      });
    }
    if (layout.eachChild) checkEachChild(layout, sub, fAt, out);
    if (sub && layout.fields) {
      const inner = typeOf(sub) === 'array' ? itemsOf(sub) : sub;
      checkFields(layout.fields, inner, `${fAt}/fields`, out, layout.field);
    }
  });
}

/**
 * Where a form check's rule may read: the case, this form's `answers` (`item`, `index` with
 * `each`), and `node`, the step the form is answered at (a form two steps share may differ by step).
 */
const CHECK_SPACES = new Set(['case', 'form', 'done', 'entered', 'action', 'passedTo', 'today', 'now', 'node']);

function checkChecks(form: Form, path: string, out: Problem[]): void {
  (form.checks ?? []).forEach((check, i) => {
    const at = `${path}/checks/${i}`;
    if (check.each !== undefined) {
      const target = locate(form, check.each).schema;
      if (!target || typeOf(target) !== 'array') {
        out.push({ code: 'check_each_unknown', path: `${at}/each`, message: `"${check.each}" is not a list of answers on this form, so its items cannot each be checked.` });
        return;
      }
    }
    const field = check.each !== undefined ? `${check.each}/0${check.field ?? ''}` : check.field;
    if (field !== undefined && field !== '' && locate(form, field).schema === undefined) {
      out.push({ code: 'check_field_unknown', path: `${at}/field`, message: `The check reports its error at "${check.field}", which is not a question on this form.` });
    }
    const unsafe = checkRule(check.rule, `${at}/rule`);
    out.push(...unsafe);
    if (unsafe.length > 0) return;
    for (const read of varsRead(check.rule)) {
      const [space, ...rest] = read.split('.');
      const ok =
        space === 'answers' ? rest.length > 0 && fieldExists(form, rest.join('.')) :
        space === 'item' || space === 'index' ? check.each !== undefined :
        CHECK_SPACES.has(space ?? '');
      if (!ok) {
        out.push({
          code: 'condition_reads_unknown_field', path: `${at}/rule`,
          message: space === 'answers'
            ? `The check reads "${read}", but the form "${form.title}" has no field "${rest.join('.')}".`
            : space === 'item' || space === 'index'
              ? `The check reads "${read}", which only exists when it checks each item of a list ("each").`
              : `The check reads "${read}"; it can read answers, item, index, node, case, form, done, entered, action, passedTo, today and now.`,
        });
      }
    }
  });
}

/** Every problem with `form`, which sits at JSON pointer `path` in the definition. */
export function checkForm(form: Form, path: string): Problem[] {
  const out = checkSchema(form.schema, `${path}/schema`);
  const seen = new Set<string>();
  const sections = Array.isArray(form.layout?.sections) ? form.layout.sections : [];
  sections.forEach((section, i) => {
    const at = `${path}/layout/sections/${i}`;
    if (seen.has(section.id)) {
      out.push({
        code: 'duplicate_section_id', path: `${at}/id`,
        message: `Section id "${section.id}" is already used by an earlier section of this form; section ids must be unique.`,
      });
    }
    seen.add(section.id);
    checkFields(section.fields, isSchema(form.schema) ? form.schema : undefined, `${at}/fields`, out);
  });
  if (!out.some((p) => p.code === 'invalid_form_schema')) checkChecks(form, path, out);
  return out;
}
