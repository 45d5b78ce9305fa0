/**
 * Validates submitted form data against the form's schema and reports GOV.UK-style errors:
 * one per field, worded for people, in the order the fields appear on the page.
 */
import type { ErrorObject } from '../schema/ajv.ts';
import type { Form } from '../schema/definition.types.ts';
import { pointer, type FieldError } from '../problems.ts';
import { validatorFor } from './compile.ts';
import { checkErrors, eachChildErrors, withoutBlankAnswers, type FormContext } from './form-checks.ts';
import { childCorrectionErrors } from './child-updates.ts';
import { withItemNames } from './item-names.ts';
import { compareOrder, locate, type FieldContext } from './locate.ts';
import { customMessage, defaultMessage } from './messages.ts';
import { choicesOf } from './schema-info.ts';

/** Keywords that, on a field with options, all mean "that is not one of the choices". */
const CHOICE_KEYWORDS = new Set(['enum', 'const', 'oneOf', 'anyOf']);
/** Wrappers that only say "a branch failed"; a more specific error for the field wins. */
const WRAPPERS = new Set(['oneOf', 'anyOf', 'allOf', 'not', 'contains']);

function rank(keyword: string): number {
  if (keyword === 'required' || keyword === 'additionalProperties') return 0;
  if (keyword === 'format') return 1;
  if (keyword === 'enum') return 2;
  if (keyword === 'type') return 3;
  return WRAPPERS.has(keyword) ? 5 : 4;
}

interface Candidate {
  ctx: FieldContext;
  keyword: string;
  message: string;
}

function candidate(form: Form, e: ErrorObject): Candidate | undefined {
  // `if` only says "the then-branch failed"; the branch's own errors are reported too.
  if (e.keyword === 'if') return undefined;
  const params = e.params as Record<string, unknown>;
  let keyword = e.keyword;
  let path = e.instancePath;
  let extra: string | undefined;
  if (keyword === 'required' || keyword === 'dependentRequired') {
    path += pointer(String(params['missingProperty']));
    keyword = 'required';
  } else if (keyword === 'additionalProperties' || keyword === 'unevaluatedProperties') {
    extra = String(params['additionalProperty'] ?? params['unevaluatedProperty']);
    path += pointer(extra);
    keyword = 'additionalProperties';
  }
  const ctx = locate(form, path);
  if (CHOICE_KEYWORDS.has(keyword) && choicesOf(ctx.schema)) keyword = 'enum';
  const message =
    customMessage(form, ctx.pointer, keyword) ??
    (extra !== undefined ? `${extra} is not a question on this form` : defaultMessage(ctx, keyword, params));
  return { ctx, keyword, message };
}

/** Ajv's errors for `form` as field errors: one per field, in layout order. */
export function formatAjvErrors(form: Form, errors: readonly ErrorObject[]): FieldError[] {
  const best = new Map<string, Candidate>();
  for (const e of errors) {
    const c = candidate(form, e);
    if (!c) continue;
    const held = best.get(c.ctx.pointer);
    if (!held || rank(c.keyword) < rank(held.keyword)) best.set(c.ctx.pointer, c);
  }
  return [...best.values()]
    .sort((a, b) => compareOrder(a.ctx.order, b.ctx.order))
    .map(({ ctx, keyword, message }) => ({ pointer: ctx.pointer, keyword, message }));
}

/**
 * The errors in `data` as answers to `form`; empty when the data is valid. Whitespace-only text
 * counts as no answer. With a `context`, the case-aware rules run too — one item per child, the
 * form's `checks`, corrections to the children's facts (`eachChild.updates`) — and every error
 * comes back at once, in page order. The schema is compiled once
 * per schema object. An error inside a repeated item names the item ("… for Ben Okafor"). Throws only when the schema itself does not compile, which `checkForm`
 * reports when the definition is loaded.
 */
export function validateFormData(form: Form, data: unknown, context: FormContext = {}): FieldError[] {
  const answers = context.blanksAreAnswers ? data : withoutBlankAnswers(data);
  const validate = validatorFor(form.schema);
  const schemaErrors = validate(answers) ? [] : formatAjvErrors(form, validate.errors ?? []);
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return schemaErrors;
  const record = answers as Record<string, unknown>;
  // A corrected fact is worded as the start of a case words it, in place of the schema's own error there.
  const corrections = context.children ? childCorrectionErrors(form, record, context.children, context.today) : [];
  const errors = withItemNames(form, record, schemaErrors.filter((e) => !corrections.some((c) => c.pointer === e.pointer)));
  const childErrors = context.children ? eachChildErrors(form, record, context.children).filter((e) => !errors.some((x) => x.pointer === e.pointer)) : [];
  const taken = [...errors, ...corrections, ...childErrors];
  const extra = [...corrections, ...withItemNames(form, record, [...childErrors, ...checkErrors(form, record, context, taken)])];
  if (extra.length === 0) return errors;
  const order = (e: FieldError) => locate(form, e.pointer).order;
  return [...errors, ...extra].sort((a, b) => compareOrder(order(a), order(b)));
}
