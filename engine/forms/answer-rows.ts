/**
 * A form's recorded answers as a person reads them, for the case file that travels with the
 * work: section by section, questions in page order, labels from the layout, option titles
 * instead of stored values, "Yes"/"No", dates as "7 December 2026", and each repeat item named
 * (a child by their name). Questions hidden by their reveal are left out. Pure: the time zone for
 * date-times comes in as an argument.
 */
import { DEFAULT_TIME_ZONE, localDateOf } from '../calendar/index.ts';
import type { FieldLayout, Form } from '../schema/definition.types.ts';
import { orderedNames } from './locate.ts';
import { choicesOf, formatOf, humanise, isSchema, itemsOf, propertiesOf, sameJson, typeOf, type JsonSchema } from './schema-info.ts';

export interface AnswerRow {
  label: string;
  /** One line, or several (checkboxes, a list of dates). */
  value: string | string[];
  /** A repeat of questions: one group of rows per item, named. */
  items?: Array<{ label: string; rows: AnswerRow[] }>;
}

export interface AnswerSection {
  title: string | null;
  rows: AnswerRow[];
}

export const NOT_ANSWERED = 'Not answered';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
type Data = Record<string, unknown>;

/** `2026-12-07` → `7 December 2026`; anything else is returned as it is. */
export function longDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && month ? `${Number(match[3])} ${month} ${match[1]}` : value;
}

const blank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const asData = (v: unknown): Data => (isSchema(v) ? v : {});

function revealed(layout: FieldLayout | undefined, level: Data): boolean {
  if (!layout?.revealedBy) return true;
  const { field, values } = layout.revealedBy;
  const answer = level[field];
  const given = Array.isArray(answer) ? answer : [answer];
  return values.some((v) => given.some((g) => sameJson(g, v)));
}

function text(schema: JsonSchema | undefined, layout: FieldLayout | undefined, value: unknown, timeZone: string): string {
  const option = choicesOf(schema)?.find((o) => sameJson(o.value, value));
  if (option) return option.label;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return JSON.stringify(value);
  const format = formatOf(schema);
  if (format === 'date' || layout?.widget === 'date') return longDate(value);
  if (format === 'date-time') {
    try {
      return longDate(localDateOf(value, timeZone));
    } catch {
      return value;
    }
  }
  return value;
}

function rowsAt(schema: JsonSchema | undefined, layouts: FieldLayout[] | undefined, names: string[], level: Data, timeZone: string): AnswerRow[] {
  const props = propertiesOf(schema);
  const rows: AnswerRow[] = [];
  for (const name of names) {
    const sub = props.get(name);
    if (!sub) continue;
    const layout = layouts?.find((f) => f.field === name);
    if (!revealed(layout, level)) continue;
    const title = sub['title'];
    const label = layout?.label ?? (typeof title === 'string' ? title : humanise(name));
    rows.push(row(sub, layout, label, level[name], timeZone));
  }
  return rows;
}

function row(schema: JsonSchema, layout: FieldLayout | undefined, label: string, value: unknown, timeZone: string): AnswerRow {
  if (blank(value)) return { label, value: NOT_ANSWERED };
  const item = itemsOf(schema);
  if (typeOf(schema) === 'array' && Array.isArray(value)) {
    if (typeOf(item) !== 'object') return { label, value: value.filter((v) => !blank(v)).map((v) => text(item, undefined, v, timeZone)) };
    const names = orderedNames(item, layout?.fields);
    const nameField = layout?.eachChild?.nameField;
    const items = value.filter((v) => !blank(v)).map((v, i) => {
      const data = asData(v);
      const named = nameField ? data[nameField] : undefined;
      return {
        label: typeof named === 'string' && named.trim() !== '' ? named : `${layout?.itemLabel ?? 'Item'} ${i + 1}`,
        rows: rowsAt(item, layout?.fields, names, data, timeZone),
      };
    });
    return { label, value: '', items };
  }
  if (typeOf(schema) === 'object') {
    return { label, value: '', items: [{ label, rows: rowsAt(schema, layout?.fields, orderedNames(schema, layout?.fields), asData(value), timeZone) }] };
  }
  return { label, value: text(schema, layout, value, timeZone) };
}

/** The form's questions and answers, section by section; questions no section places come last. */
export function answerSections(form: Form, data: Data, timeZone: string = DEFAULT_TIME_ZONE): AnswerSection[] {
  const sections = form.layout?.sections ?? [];
  const placed = new Set(sections.flatMap((s) => s.fields.map((f) => f.field)));
  const out: AnswerSection[] = sections.map((s) => ({
    title: s.title,
    rows: rowsAt(form.schema, s.fields, s.fields.map((f) => f.field), data, timeZone),
  }));
  const rest = [...propertiesOf(form.schema).keys()].filter((name) => !placed.has(name));
  if (rest.length > 0) out.push({ title: null, rows: rowsAt(form.schema, undefined, rest, data, timeZone) });
  return out.filter((s) => s.rows.length > 0);
}
