/** Where revealed questions go: under the chosen answer that reveals them (GOV.UK conditional reveal). */
import { sameJson } from '../../../../engine/forms/schema-info.ts';
import type { FieldModel, FieldOption } from './model.ts';
import { isRevealed, type Data } from './values.ts';

const chosen = (answer: unknown, option: FieldOption) =>
  Array.isArray(answer) ? answer.some((a) => sameJson(a, option.value)) : sameJson(answer, option.value);

/** Whether any question is revealed by this answer, so it needs a conditional container. */
export function revealsSomething(field: FieldModel, option: FieldOption): boolean {
  return field.reveals.some((r) => r.revealedBy?.values.some((v) => sameJson(v, option.value)));
}

/** The questions shown under `option`: each goes under the first chosen answer that reveals it. */
export function revealsUnder(field: FieldModel, option: FieldOption, level: Data): FieldModel[] {
  const answer = level[field.name];
  return field.reveals.filter((r) => {
    const anchor = field.options.find((o) => chosen(answer, o) && r.revealedBy?.values.some((v) => sameJson(v, o.value)));
    return anchor !== undefined && sameJson(anchor.value, option.value);
  });
}

/** Questions revealed by a select or other control without room inside it: shown after it. */
export function revealsAfter(field: FieldModel, level: Data): FieldModel[] {
  return field.reveals.filter((r) => isRevealed(r, level));
}

export const isChoice = (field: FieldModel) => field.widget === 'radios' || field.widget === 'checkboxes' || field.widget === 'yesno';
export { chosen as isChosen };
