/**
 * Form data in and out: answers as typed become JSON values (a blank answer is no answer at
 * all, so the server says "Enter …" rather than "must be 1 character or more"), and what is
 * sent leaves out questions that are hidden and items nobody filled in.
 */
import { sameJson } from '../../../../engine/forms/schema-info.ts';
import type { FieldModel, FormModel } from './model.ts';

export type Data = Record<string, unknown>;

export const isObject = (x: unknown): x is Data => typeof x === 'object' && x !== null && !Array.isArray(x);

/** JSON pointer segment escaping (RFC 6901). */
export const escapeSegment = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
export const childPointer = (pointer: string, segment: string | number) => `${pointer}/${escapeSegment(String(segment))}`;

/** The level object with `name` set, or removed when the answer is blank. */
export function withAnswer(level: Data, name: string, value: unknown): Data {
  const next = { ...level };
  if (value === undefined) delete next[name];
  else next[name] = value;
  return next;
}

/** What a number box holds: a number when it reads as one, else the text as typed for the server to refuse. */
export function numberAnswer(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

export const textAnswer = (text: string): string | undefined => (text.trim() === '' ? undefined : text);

/** Whether a revealed question is shown, given the answers at its level. */
export function isRevealed(field: FieldModel, level: Data): boolean {
  if (!field.revealedBy) return true;
  const answer = level[field.revealedBy.field];
  const answers = Array.isArray(answer) ? answer : [answer];
  return field.revealedBy.values.some((v) => answers.some((a) => sameJson(a, v)));
}

export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every(isBlank);
  if (isObject(value)) return Object.values(value).every(isBlank);
  return false;
}

function mapLevel(fields: FieldModel[], level: Data, each: (field: FieldModel, value: unknown, out: Data) => void): Data {
  const out: Data = { ...level };
  const walk = (list: FieldModel[]) =>
    list.forEach((f) => {
      each(f, level[f.name], out);
      walk(f.reveals);
    });
  walk(fields);
  return out;
}

function itemsOfRepeat(field: FieldModel, value: unknown, each: (fields: FieldModel[], item: Data) => Data): unknown {
  if (!Array.isArray(value)) return value;
  if (!field.itemFields) return value;
  return value.map((item) => (isObject(item) ? each(field.itemFields!, item) : item));
}

/** The answers without those to questions that are not shown (GOV.UK conditional reveal). */
export function visibleData(model: FormModel, data: Data): Data {
  const prune = (fields: FieldModel[], level: Data): Data =>
    mapLevel(fields, level, (field, value, out) => {
      const shown = (f: FieldModel): boolean => {
        if (!isRevealed(f, level)) return false;
        const revealer = f.revealedBy ? allAt(fields).find((x) => x.name === f.revealedBy!.field) : undefined;
        return revealer ? shown(revealer) : true;
      };
      if (!shown(field)) delete out[field.name];
      else if (field.widget === 'repeat' && value !== undefined) out[field.name] = itemsOfRepeat(field, value, prune);
    });
  return prune(model.sections.flatMap((s) => s.fields), data);
}

/** Repeated items left blank ("Add another" pressed, nothing typed) are not sent. */
export function withoutBlankItems(model: FormModel, data: Data): Data {
  const prune = (fields: FieldModel[], level: Data): Data =>
    mapLevel(fields, level, (field, value, out) => {
      if (field.widget !== 'repeat' || !Array.isArray(value)) return;
      const kept = (itemsOfRepeat(field, value, prune) as unknown[]).filter((item) => !isBlank(item));
      if (kept.length === 0) delete out[field.name];
      else out[field.name] = kept;
    });
  return prune(model.sections.flatMap((s) => s.fields), data);
}

/** What to send: shown answers only, without blank items. */
export function submittableData(model: FormModel, data: Data): Data {
  return visibleData(model, withoutBlankItems(model, data));
}

function allAt(fields: FieldModel[]): FieldModel[] {
  return fields.flatMap((f) => [f, ...allAt(f.reveals)]);
}

/** The value at a JSON pointer's segments, or undefined. */
export function valueAt(data: unknown, segments: string[]): unknown {
  let at: unknown = data;
  for (const s of segments) {
    if (Array.isArray(at)) at = at[Number(s)];
    else if (isObject(at)) at = Object.hasOwn(at, s) ? at[s] : undefined;
    else return undefined;
  }
  return at;
}
