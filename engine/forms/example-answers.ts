/**
 * Example answers to a form that the form itself accepts: its schema and, given the case, its
 * case-aware rules (one item per child, the definition's `checks`). A first answer to every
 * question is drawn from the schema (the first option, today, a number in range, one item per
 * child); then, while the engine's own `validateFormData` still reports a field, other answers to
 * that field are tried (each option, working days around today, other numbers, no answer) and the
 * one that leaves fewest errors is kept. Answers to questions the layout hides are left out, as
 * the form renderer leaves them out when it sends the form. Pure: the designer's what-if runs use it.
 */
import type { FieldLayout, Form } from '../schema/definition.types.ts';
import type { Child } from '../runtime/state.ts';
import type { LocalDate } from '../time.ts';
import type { FieldError } from '../problems.ts';
import type { FormContext } from './form-checks.ts';
import { layoutFields, locate, parsePointer } from './locate.ts';
import { choicesOf, formatOf, itemsOf, optionsOf, propertiesOf, sameJson, typeOf, type JsonSchema } from './schema-info.ts';
import { validateFormData } from './validate-form.ts';
import { dateCandidates, textCandidates, valueAt, withValue } from './example-values.ts';

type Answers = Record<string, unknown>;

/** What the answers are for: the case (children, data, calendar) and the day they are given. */
export interface ExampleContext extends FormContext {
  today: LocalDate;
  /** Answers copied from earlier steps: they stand, unless the form's checks refuse them. */
  prefill?: Record<string, unknown>;
  /** Rules beyond the form's own that the answers should pass (a step's guards), as field errors. */
  more?: (answers: Answers) => FieldError[];
}

const ROUNDS = 6;

/** Example answers to `form` on `context.today`; the form's checks accept them when any answers could be found that they accept. */
export function exampleAnswers(form: Form, context: ExampleContext): Answers {
  const first = firstAnswers(form, context);
  let answers = visibleOnly(layoutFields(form), first);
  let errors = errorsOf(form, answers, context);
  for (let round = 0; round < ROUNDS && errors.length > 0; round++) {
    let changed = false;
    for (const error of errors) {
      const better = repair(form, { answers, first }, error.pointer, context, cost(errors));
      if (!better) continue;
      answers = better.answers;
      errors = better.errors;
      changed = true;
      if (errors.length === 0) break;
    }
    if (!changed) break;
  }
  return answers;
}

/** The form's errors in `answers`, then those of the rules beyond it (only once the form has none to say). */
function errorsOf(form: Form, answers: Answers, context: ExampleContext): FieldError[] {
  const errors = validateFormData(form, answers, context);
  return errors.length === 0 && context.more ? context.more(answers).map((e) => ({ ...e, keyword: 'more' })) : errors;
}

/** How far answers are from passing: any error of the form's own counts for more than every guard. */
const cost = (errors: readonly FieldError[]) => errors.reduce((n, e) => n + (e.keyword === 'more' ? 1 : 1000), 0);

/** The first answer to every question, with one item per child in the repeats that ask for each child. */
function firstAnswers(form: Form, context: ExampleContext): Answers {
  const answers = sampleObject(form.schema as JsonSchema, context.today) ?? {};
  for (const layout of layoutFields(form)) {
    if (!layout.eachChild || !context.children?.length) continue;
    const item = itemsOf(propertiesOf(form.schema as JsonSchema).get(layout.field));
    answers[layout.field] = context.children.map((child) => childItem(item, layout.eachChild!, child, context.today));
  }
  return { ...answers, ...context.prefill };
}

function childItem(schema: JsonSchema | undefined, each: NonNullable<FieldLayout['eachChild']>, child: Child, today: LocalDate): Answers {
  const item = sampleObject(schema, today) ?? {};
  item[each.nameField] = child.name;
  const facts = { name: child.name, dateOfBirth: child.dateOfBirth, personId: child.personId } as Record<string, string | undefined>;
  for (const [fact, field] of Object.entries(each.updates ?? {})) {
    if (facts[fact] !== undefined) item[field] = facts[fact];
    else delete item[field];
  }
  return item;
}

/** A first answer to one question, or undefined for none. */
function sample(schema: JsonSchema | undefined, today: LocalDate): unknown {
  if (!schema) return undefined;
  if ('const' in schema) return schema['const'];
  const options = optionsOf(schema);
  if (options?.length && typeOf(schema) !== 'boolean') return options[0]!.value;
  switch (typeOf(schema)) {
    case 'boolean':
      return true;
    case 'number':
    case 'integer':
      return typeof schema['minimum'] === 'number' ? schema['minimum'] : 1;
    case 'array':
      return sampleArray(schema, today);
    case 'object':
      return sampleObject(schema, today);
    default:
      return formatOf(schema) === 'date' || formatOf(schema) === 'date-time' ? dateCandidates(schema, today)[0] : textCandidates(schema)[0];
  }
}

function sampleArray(schema: JsonSchema, today: LocalDate): unknown[] {
  const min = Math.max(1, typeof schema['minItems'] === 'number' ? schema['minItems'] : 1);
  const items = itemsOf(schema);
  const choices = choicesOf(schema);
  // Checkboxes: as many different answers as the question needs.
  if (choices?.length) return choices.slice(0, min).map((c) => c.value);
  if (formatOf(items) === 'date') return dateCandidates(items, today).filter((d) => d > today).slice(0, min);
  return Array.from({ length: min }, (_, i) => {
    const value = sample(items, today);
    return typeof value === 'string' && schema['uniqueItems'] ? `${value} ${i + 1}` : value;
  }).filter((v) => v !== undefined);
}

function sampleObject(schema: JsonSchema | undefined, today: LocalDate): Answers | undefined {
  if (!schema) return undefined;
  const out: Answers = {};
  for (const [name, sub] of propertiesOf(schema)) {
    const value = sample(sub, today);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** Other answers to try for the question at `pointer`, the first answer's kind first. */
function candidates(schema: JsonSchema | undefined, context: ExampleContext): unknown[] {
  if (!schema) return [undefined];
  const out: unknown[] = [];
  const options = optionsOf(schema);
  const type = typeOf(schema);
  if (type === 'array') {
    const items = itemsOf(schema);
    const choices = choicesOf(schema);
    const min = Math.max(1, typeof schema['minItems'] === 'number' ? schema['minItems'] : 1);
    if (choices?.length) {
      for (const c of choices) out.push([c.value]);
      out.push(choices.slice(0, min).map((c) => c.value), choices.map((c) => c.value));
    } else if (formatOf(items) === 'date') {
      const dates = dateCandidates(items, context.today, context.calendar);
      // Runs of different days: the next working days, or those a little later or earlier.
      for (let start = 0; start < 12; start++) for (let n = min; n <= min + 3; n++) out.push(dates.slice(start, start + n));
    } else {
      out.push(sampleArray(schema, context.today));
      // A list that must hold one of each kind ("the family and the professionals"): one item per option of the item's first choice.
      const [name, choice] = [...propertiesOf(items)].find(([, s]) => optionsOf(s)?.length && typeOf(s) !== 'boolean') ?? [];
      if (name && choice) out.push(optionsOf(choice)!.map((o) => ({ ...sampleObject(items, context.today), [name]: o.value })));
    }
  } else if (options?.length) out.push(...options.map((o) => o.value));
  else if (type === 'number' || type === 'integer') {
    const min = typeof schema['minimum'] === 'number' ? schema['minimum'] : 0;
    const max = typeof schema['maximum'] === 'number' ? schema['maximum'] : min + 100;
    out.push(...[min, min + 1, 0, 1, 2, 3, 5, 10, 20, max].filter((n) => n >= min && n <= max && (type === 'number' || Number.isInteger(n))));
  } else if (type === 'object') out.push(sampleObject(schema, context.today));
  else if (formatOf(schema) === 'date' || formatOf(schema) === 'date-time') out.push(...dateCandidates(schema, context.today, context.calendar));
  else out.push(...textCandidates(schema));
  out.push(undefined);
  return out;
}

/** The answers with the question at `pointer` answered otherwise, when that leaves fewer errors. */
function repair(form: Form, { answers, first }: { answers: Answers; first: Answers }, pointer: string, context: ExampleContext, count: number) {
  const segments = parsePointer(pointer);
  if (segments.length === 0) return undefined;
  const field = locate(form, pointer);
  // A checkbox error points at the group (`locate` stops there): answer the group.
  const at = field.pointer === pointer ? segments : parsePointer(field.pointer);
  const current = valueAt(answers, at);
  let best: { answers: Answers; errors: FieldError[] } | undefined;
  for (const candidate of candidates(field.schema, context)) {
    if (sameJson(candidate, current)) continue;
    // An answer that reveals a question brings that question's first answer with it.
    const next = visibleOnly(layoutFields(form), revealedFrom(layoutFields(form), first, withValue(answers, at, candidate)));
    const errors = errorsOf(form, next, context);
    if (cost(errors) < (best ? cost(best.errors) : count)) best = { answers: next, errors };
    if (errors.length === 0) break;
  }
  return best;
}

/** `level` with first answers to the revealed questions it leaves unanswered (`visibleOnly` takes out those still hidden). */
function revealedFrom(layouts: readonly FieldLayout[], first: Answers, level: Answers): Answers {
  const out = { ...level };
  for (const layout of layouts) if (layout.revealedBy && !(layout.field in out) && layout.field in first) out[layout.field] = first[layout.field];
  return out;
}

/** The answers without those to questions that are not shown (a conditional reveal whose answer was not given). */
export function visibleOnly(layouts: readonly FieldLayout[], level: Answers): Answers {
  const out: Answers = { ...level };
  for (let changed = true; changed; ) {
    changed = false;
    for (const layout of layouts) {
      if (!(layout.field in out) || !layout.revealedBy) continue;
      const given = out[layout.revealedBy.field];
      const answers = Array.isArray(given) ? given : [given];
      if (!layout.revealedBy.values.some((v) => answers.some((a) => sameJson(a, v)))) {
        delete out[layout.field];
        changed = true;
      }
    }
  }
  for (const layout of layouts) {
    const items = out[layout.field];
    if (layout.fields && Array.isArray(items)) {
      out[layout.field] = items.map((item) => (typeof item === 'object' && item !== null && !Array.isArray(item) ? visibleOnly(layout.fields!, item as Answers) : item));
    }
  }
  return out;
}
