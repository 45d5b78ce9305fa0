/**
 * Lint for "decide once": next actions chosen by an answer on the task's own form (`chosenBy`),
 * and teams named by an answer (`passTo.teamFrom`) offered under the definition's own team names,
 * so that the practitioner answers once and reads one list of teams.
 */
import type { Form, NextAction, UserTaskNode, WorkflowDefinition } from '../schema/definition.types.ts';
import { formFields } from '../forms/index.ts';
import type { Problem } from '../problems.ts';

export function choiceProblems(definition: WorkflowDefinition): Problem[] {
  const problems: Problem[] = [];
  definition.nodes.forEach((node, i) => {
    if (node.kind !== 'user_task') return;
    const form = node.form && Object.hasOwn(definition.forms, node.form) ? definition.forms[node.form] : undefined;
    problems.push(...chosenByProblems(node, `/nodes/${i}`, form), ...teamNameProblems(definition, node, `/nodes/${i}`));
  });
  return problems;
}

function chosenByProblems(node: UserTaskNode, at: string, form: Form | undefined): Problem[] {
  const problems: Problem[] = [];
  const add = (code: string, path: string, message: string) => problems.push({ code, path, message });
  const fields = form ? formFields(form) : undefined;
  // The question the others are measured against: the first one the form has.
  const chosen = node.nextActions.flatMap((a) => (a.chosenBy ? [a.chosenBy] : []));
  const first = chosen.find((by) => fields?.has(by.field)) ?? chosen[0];
  if (!first) return problems;
  const label = (field: string) => fields?.get(field)?.label ?? field;
  const chosenAt = new Map<unknown, NextAction>();
  node.nextActions.forEach((action, j) => {
    const where = `${at}/nextActions/${j}`;
    const by = action.chosenBy;
    if (!by) {
      add('chosen_by_partial', where, `"${node.name}" has its next actions chosen by the answer to "${label(first.field)}", but not "${action.label}": say which answers choose it too, or let the person choose every action.`);
      return;
    }
    if (by.field !== first.field) {
      add('chosen_by_fields_differ', `${where}/chosenBy/field`, `"${action.label}" is chosen by the answer to "${label(by.field)}", but the other next actions of "${node.name}" by "${label(first.field)}": choose them all by the same question.`);
      return;
    }
    const question = fields?.get(by.field);
    if (!question) {
      const why = form ? `its form "${form.title}" has no question "${by.field}"` : 'it has no form';
      add('chosen_by_field_unknown', `${where}/chosenBy/field`, `"${action.label}" of "${node.name}" follows from an answer, but ${why}: name a question of the step's own form.`);
      return;
    }
    by.values.forEach((value, k) => {
      const option = question.options?.find((o) => o.value === value);
      if (!option) {
        const answers = question.options?.map((o) => `"${o.label}"`).join(', ');
        const use = answers ? `use one of its answers: ${answers}` : 'choose by a question with options';
        add('chosen_by_value_unknown', `${where}/chosenBy/values/${k}`, `"${String(value)}" is not an answer to "${question.label}", so it never chooses "${action.label}": ${use}.`);
        return;
      }
      const other = chosenAt.get(value);
      if (other && !node.multipleActions) {
        add('chosen_by_overlap', `${where}/chosenBy/values/${k}`, `The answer "${option.label}" to "${question.label}" chooses both "${other.label}" and "${action.label}", but "${node.name}" takes one next action at a time: give the answer to one of them.`);
      }
      if (!other) chosenAt.set(value, action);
    });
  });
  return problems;
}

/** "One list of teams, with the definition's names": a question that names the team offers the teams the action goes to, as the definition calls them. */
function teamNameProblems(definition: WorkflowDefinition, node: UserTaskNode, at: string): Problem[] {
  const problems: Problem[] = [];
  const teams = new Map(definition.teams.map((t) => [t.id, t.name]));
  node.nextActions.forEach((action, j) => {
    const [space, stepId, field, ...deeper] = action.passTo?.teamFrom?.split('.') ?? [];
    if (space !== 'form' || !stepId || !field || deeper.length > 0) return;
    const step = definition.nodes.find((n) => n.id === stepId);
    const formId = step && (step.kind === 'user_task' || step.kind === 'start') ? step.form : undefined;
    const form = formId && Object.hasOwn(definition.forms, formId) ? definition.forms[formId] : undefined;
    const question = form ? formFields(form).get(field) : undefined;
    if (!question) return;
    const where = `${at}/nextActions/${j}/passTo/teamFrom`;
    for (const option of question.options ?? []) {
      // An answer that is not a team ("Other") is for the form's own checks, not this list.
      const name = typeof option.value === 'string' ? teams.get(option.value) : undefined;
      if (name === undefined) continue;
      if (!action.passTo?.teams?.includes(option.value as string)) {
        problems.push({ code: 'team_option_names_differ', path: where, message: `"${question.label}" offers "${option.label}", but "${action.label}" of "${node.name}" cannot be passed to that team: add it to the action's teams, or take it out of the question.` });
      } else if (option.label !== name) {
        problems.push({ code: 'team_option_names_differ', path: where, message: `"${question.label}" calls a team "${option.label}", but the definition's teams call it "${name}", where "${action.label}" of "${node.name}" passes it: give it one name in both.` });
      }
    }
  });
  return problems;
}
