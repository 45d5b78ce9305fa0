/**
 * Decide once (a definition's `chosenBy` and `passTo.teamFrom`): when a task's next actions follow
 * from an answer on its own form — the front door's screening decision — the page does not ask
 * "What happens next?" again; it says what the answer chooses. A team named by an answer on the
 * same form is not asked again either. The engine checks both on submit (`action_not_chosen`).
 */
import { sameJson } from '../../../../engine/forms/schema-info.ts';
import type { NextActionView, TaskForm } from '../../lib/api-types.ts';
import { targetId } from '../../lib/forms/errors.ts';
import { findField, type FormModel } from '../../lib/forms/model.ts';
import type { Data } from '../../lib/forms/values.ts';
import type { NextActionsValue } from './next-actions.ts';

/** The question whose answer chooses the next actions; null when the person chooses them. */
export function choosingQuestion(view: Pick<TaskForm, 'actions'>): string | null {
  return view.actions.find((a) => a.chosenBy)?.chosenBy?.field ?? null;
}

/** The actions an answer chooses, in the order listed: each with a value the answer is, or (an array answer) holds. */
export function actionsChosenBy(actions: readonly NextActionView[], answer: unknown): string[] {
  if (answer === undefined || answer === null || answer === '') return [];
  const held = Array.isArray(answer) ? answer : [answer];
  const chooses = (value: unknown) => sameJson(answer, value) || held.some((h) => sameJson(h, value));
  return actions.filter((a) => a.chosenBy?.values.some(chooses)).map((a) => a.id);
}

/**
 * The next actions as they will be sent: on a task decided by an answer, the actions that answer
 * chooses; and every team named by an answer on this form, as answered. Otherwise as chosen.
 */
export function decidedActions(view: Pick<TaskForm, 'actions'>, answers: Data, value: NextActionsValue): NextActionsValue {
  const field = choosingQuestion(view);
  const chosen = field === null ? value.chosen : actionsChosenBy(view.actions, answers[field]);
  const details = { ...value.details };
  for (const action of view.actions) {
    const from = action.passTo?.teamFromAnswer;
    const held = details[action.id];
    if (!from || !held) continue;
    const team = answers[from];
    details[action.id] = { ...held, passTo: typeof team === 'string' && team !== '' ? `team:${team}` : '' };
  }
  return { chosen, details };
}

/** The team an answer names, by the name the action lists it under (else the answer's own words). */
export function answeredTeam(action: NextActionView, model: FormModel | null, answers: Data): string | null {
  const from = action.passTo?.teamFromAnswer;
  const team = from ? answers[from] : undefined;
  if (!from || typeof team !== 'string' || team === '') return null;
  const listed = action.passTo?.teams.find((t) => t.id === team)?.name;
  return listed ?? question(model, from)?.field.options.find((o) => sameJson(o.value, team))?.label ?? team;
}

/** A top-level question of the form: its words and the id of the control a link to it focuses. */
export function question(model: FormModel | null, name: string) {
  const field = model ? findField(model, [name]) : undefined;
  return field ? { field, label: field.label, id: targetId('f', field, `/${name}`) } : null;
}
