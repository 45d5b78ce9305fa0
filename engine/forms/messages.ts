/**
 * GOV.UK-style error messages: the form's own `errorMessages` first (exact pointer, then with
 * array indices as `*`), else a default worded from the field's label and widget.
 * See https://design-system.service.gov.uk/components/error-message/.
 */
import type { Form } from '../schema/definition.types.ts';
import type { FieldContext } from './locate.ts';
import { starPointer } from './locate.ts';
import { formatOf, lowerFirst, plural, upperFirst } from './schema-info.ts';

export function customMessage(form: Form, pointer: string, keyword: string): string | undefined {
  const messages = form.errorMessages;
  return messages?.[pointer]?.[keyword] ?? messages?.[starPointer(pointer)]?.[keyword];
}

const ENTER = new Set(['text', 'textarea', 'number', 'email', 'date']);

/** GOV.UK style writes "one" in words, other numbers as numerals. */
function count(n: number, noun: string): string {
  return n === 1 ? `one ${noun}` : `${n} ${plural(noun)}`;
}

function required(ctx: FieldContext, label: string): string {
  if (ctx.widget === 'repeat' && ctx.itemLabel) return `Add at least one ${lowerFirst(ctx.itemLabel)}`;
  return ENTER.has(ctx.widget) ? `Enter ${label}` : `Select ${label}`;
}

function minItems(ctx: FieldContext, label: string, n: number): string {
  if (ctx.widget === 'checkboxes') {
    return n === 1 ? `Select ${label}` : `Select at least ${n} options for ${label}`;
  }
  return ctx.itemLabel ? `Add at least ${count(n, lowerFirst(ctx.itemLabel))}` : `Add at least ${n} ${label}`;
}

function maxItems(ctx: FieldContext, label: string, n: number): string {
  if (ctx.widget === 'checkboxes') return `Select no more than ${n} options for ${label}`;
  return ctx.itemLabel ? `Add no more than ${count(n, lowerFirst(ctx.itemLabel))}` : `Add no more than ${n} ${label}`;
}

function format(ctx: FieldContext, Label: string): string {
  switch (formatOf(ctx.schema)) {
    case 'date': return `${Label} must be a real date`;
    case 'date-time': return `${Label} must be a real date and time`;
    case 'time': return `${Label} must be a real time`;
    case 'email': return 'Enter an email address in the correct format, like name@example.com';
    default: return `${Label} is not valid`;
  }
}

/** The default message for one failed keyword on one field. */
export function defaultMessage(ctx: FieldContext, keyword: string, params: Record<string, unknown>): string {
  const label = lowerFirst(ctx.label);
  const Label = upperFirst(ctx.label);
  const limit = Number(params['limit']);
  switch (keyword) {
    case 'required': return required(ctx, label);
    case 'enum': return `Select ${label}`;
    case 'format': return format(ctx, Label);
    case 'type':
      if (params['type'] === 'integer') return `${Label} must be a whole number`;
      if (params['type'] === 'number') return `${Label} must be a number`;
      return `${Label} is not valid`;
    case 'maxLength': return `${Label} must be ${limit} characters or less`;
    case 'minLength': return `${Label} must be ${limit} characters or more`;
    case 'minItems': return minItems(ctx, label, limit);
    case 'maxItems': return maxItems(ctx, label, limit);
    case 'minimum': return `${Label} must be ${limit} or more`;
    case 'maximum': return `${Label} must be ${limit} or less`;
    case 'exclusiveMinimum': return `${Label} must be more than ${limit}`;
    case 'exclusiveMaximum': return `${Label} must be less than ${limit}`;
    default: return `${Label} is not valid`;
  }
}
