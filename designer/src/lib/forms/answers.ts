/**
 * Answers as people read them, for the read-only view of a completed form (a GOV.UK summary
 * list) and for the character count under a long answer.
 */
import { sameJson } from '../../../../engine/forms/schema-info.ts';
import { longDate } from './dates.ts';
import type { FieldModel, FormModel } from './model.ts';
import { isBlank, isObject, isRevealed, type Data } from './values.ts';

/**
 * GOV.UK character count wording. Characters are counted as the server's validator counts
 * them (Unicode code points), so "0 remaining" here is never "too long" there.
 */
export function characterCount(maxLength: number, value: string): { text: string; over: boolean } {
  const left = maxLength - [...value].length;
  const n = Math.abs(left);
  const noun = n === 1 ? 'character' : 'characters';
  return left >= 0 ? { text: `You have ${n} ${noun} remaining`, over: false } : { text: `You have ${n} ${noun} too many`, over: true };
}

export const NOT_ANSWERED = 'Not answered';

/** One answer as text: option labels, Yes/No, long dates; lists for several answers. */
export function answerText(field: FieldModel, value: unknown): string | string[] {
  if (isBlank(value)) return NOT_ANSWERED;
  const label = (v: unknown) => field.options.find((o) => sameJson(o.value, v))?.label ?? plain(field, v);
  if (field.widget === 'checkboxes' && Array.isArray(value)) return value.map(label);
  if (field.options.length > 0) return label(value);
  if (field.itemField && Array.isArray(value)) return value.filter((v) => !isBlank(v)).map((v) => plain(field.itemField!, v));
  return plain(field, value);
}

function plain(field: FieldModel, value: unknown): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') return field.widget === 'date' ? longDate(value) : value;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

export interface AnswerRow {
  key: string;
  /** The question's name at its level (a top-level row's pointer is `/<name>`). */
  name?: string;
  /** A text, or several lines (checkboxes, repeated dates). */
  value: string | string[];
  /** Repeats of objects: one group of rows per item. */
  items?: Array<{ label: string; rows: AnswerRow[] }>;
}

export interface AnswerSection {
  id: string;
  title?: string;
  rows: AnswerRow[];
}

function rowsAt(fields: FieldModel[], level: Data): AnswerRow[] {
  const rows: AnswerRow[] = [];
  const walk = (list: FieldModel[]) =>
    list.forEach((field) => {
      if (!isRevealed(field, level)) return;
      const value = level[field.name];
      if (field.itemFields) {
        const items = (Array.isArray(value) ? value : []).filter((item) => !isBlank(item));
        rows.push({
          key: field.label,
          name: field.name,
          value: items.length === 0 ? NOT_ANSWERED : '',
          items: items.map((item, i) => ({ label: `${field.itemLabel} ${i + 1}`, rows: rowsAt(field.itemFields!, isObject(item) ? item : {}) })),
        });
      } else {
        rows.push({ key: field.label, name: field.name, value: answerText(field, value) });
      }
      walk(field.reveals);
    });
  walk(fields);
  return rows;
}

/** The form's questions and answers, section by section; hidden questions are left out. */
export function answerSections(model: FormModel, data: Data): AnswerSection[] {
  return model.sections.map((s) => ({ id: s.id, ...(s.title ? { title: s.title } : {}), rows: rowsAt(s.fields, data) }));
}
