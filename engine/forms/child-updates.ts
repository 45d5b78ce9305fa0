/**
 * `eachChild.updates`: a later form corrects what the case holds about each child — name, date
 * of birth, case-system id. Each item is paired with its child as `eachChild` pairs them, by
 * name; an answer that differs from the fact as it stands is a correction, and a blank answer
 * (stripped before this runs) is none, so no fact is ever removed this way.
 */
import type { FieldLayout, Form } from '../schema/definition.types.ts';
import { pointer, type FieldError } from '../problems.ts';
import type { Child } from '../runtime/state.ts';
import { childFactErrors } from '../runtime/subject-rules.ts';
import type { LocalDate } from '../time.ts';
import { childNamed } from './form-checks.ts';

export type ChildFact = 'name' | 'dateOfBirth' | 'personId';

/** In this order: a name corrected in the same submit names the child in the other corrections. */
export const CHILD_FACTS: readonly ChildFact[] = ['name', 'dateOfBirth', 'personId'];

export interface ChildCorrection {
  /** Index of the child in `subject.children`. */
  child: number;
  fact: ChildFact;
  /** The fact as it stood; absent when the case did not have it. */
  from?: string;
  to: string;
  /** Where the answer is in the form data, e.g. `/children/0/dateOfBirth`. */
  pointer: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every correction `answers` make to the children's facts, in page order. */
export function childCorrections(form: Form, answers: Record<string, unknown>, children: readonly Child[]): ChildCorrection[] {
  const corrections: ChildCorrection[] = [];
  // Section by section rather than through `layoutFields`: every completed task asks, and few forms correct facts.
  for (const section of form.layout?.sections ?? []) {
    for (const layout of section.fields) {
      const items = answers[layout.field];
      if (layout.eachChild?.updates && Array.isArray(items)) correctionsIn(layout.field, layout.eachChild, items, children, corrections);
    }
  }
  return corrections;
}

/** The corrections the items of one `eachChild` repeat make, added to `corrections`. */
function correctionsIn(repeat: string, eachChild: NonNullable<FieldLayout['eachChild']>, items: unknown[], children: readonly Child[], corrections: ChildCorrection[]): void {
  const updates = eachChild.updates ?? {};
  items.forEach((item: unknown, index) => {
    const child = isRecord(item) ? childNamed(item[eachChild.nameField], children) : -1;
    if (child < 0) return;
    for (const fact of CHILD_FACTS) {
      const field = updates[fact];
      const answer = field === undefined ? undefined : (item as Record<string, unknown>)[field];
      if (typeof answer !== 'string' || answer.trim() === '') continue;
      const to = answer.trim();
      const from = children[child]![fact];
      if (to !== from) corrections.push({ child, fact, ...(from !== undefined ? { from } : {}), to, pointer: pointer(repeat, index, field!) });
    }
  });
}

/**
 * A corrected name must show and a corrected date of birth must be a real date, not after
 * `today` (when known): the rules a case's start holds the family to, worded with the child's
 * name as the case has it ("Date of birth of Amira must be in the past").
 */
export function childCorrectionErrors(form: Form, answers: Record<string, unknown>, children: readonly Child[], today: LocalDate | undefined): FieldError[] {
  return childCorrections(form, answers, children).flatMap(({ child, fact, to, pointer: at }) => {
    if (fact === 'personId') return [];
    const who = children[child]!.name.trim();
    return childFactErrors({ [fact]: to }, who, today).map(({ keyword, message }) => ({ pointer: at, keyword, message }));
  });
}
