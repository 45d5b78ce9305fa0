/**
 * The case file: every form recorded on a case (the start form and each completed task's
 * answers), rendered as people read them, so the next person sees what came before without
 * hunting for it. A task shows the forms its definition names in
 * `caseFile.show`, in that order; without it, every recorded form, newest first.
 */
import {
  answerSections, graphOf, type CaseState, type Task, type UserTaskNode, type WorkflowDefinition,
} from '../../engine/index.ts';
import type * as Api from './api-types.gen.ts';
import { personView, type Person } from './case-context.ts';

/** A recorded form (`task` null for the start form, which no task holds) with its answers. */
interface Found extends Api.RecordedForm {
  answers: Record<string, unknown>;
}

/** Every form recorded on the case, newest first, with the answers as recorded. */
function recorded(state: CaseState, definition: WorkflowDefinition, people: Map<string, Person>): Found[] {
  const graph = graphOf(definition);
  const formOf = (id: string | undefined) => (id && Object.hasOwn(definition.forms, id) ? { id, title: definition.forms[id]!.title } : undefined);
  const out: Found[] = [];
  const start = graph.nodes.get(state.entry);
  const startForm = start?.kind === 'start' ? formOf(start.form) : undefined;
  const startAnswers = state.form[state.entry];
  if (start && startForm && startAnswers) {
    out.push({ node: start.id, task: null, name: start.name, form: startForm, completedAt: state.startedAt, completedBy: personView(state.startedBy, people), answers: startAnswers });
  }
  for (const task of Object.values(state.tasks)) {
    const form = formOf(task.form);
    if (task.status !== 'completed' || !form || !task.answers || !task.completedAt) continue;
    out.push({ node: task.node, task: task.id, name: task.name, form, completedAt: task.completedAt, completedBy: personView(task.completedBy, people), answers: task.answers });
  }
  // Newest first; the start form is always the oldest, so ties between tasks fall back to their order.
  return out.sort((a, b) => b.completedAt.localeCompare(a.completedAt) || (b.task === null ? -1 : a.task === null ? 1 : 0));
}

/** The case page's list: each recorded form, newest first, without its answers. */
export function recordedForms(state: CaseState, definition: WorkflowDefinition, people: Map<string, Person>): Api.RecordedForm[] {
  return recorded(state, definition, people).map(({ answers: _answers, ...rest }) => rest);
}

/** What `task` shows above its form: the forms its step names, else every other recorded form. */
export function caseFileFor(state: CaseState, definition: WorkflowDefinition, task: Task, people: Map<string, Person>): Api.CaseFileEntry[] {
  const node = graphOf(definition).nodes.get(task.node);
  const show = node?.kind === 'user_task' ? (node as UserTaskNode).caseFile?.show : undefined;
  const all = recorded(state, definition, people).filter((r) => r.task !== task.id);
  const chosen = show ? show.flatMap((id) => all.filter((r) => r.node === id)) : all;
  const timeZone = definition.calendar.timeZone;
  return chosen.map(({ answers, ...rest }) => ({ ...rest, sections: answerSections(definition.forms[rest.form.id]!, answers, timeZone) }));
}

/** The start form as recorded when the case began, rendered as people read it; null if it had none. */
export function startFormFile(state: CaseState, definition: WorkflowDefinition, people: Map<string, Person>): Api.CaseFileEntry | null {
  const start = recorded(state, definition, people).find((r) => r.task === null);
  if (!start) return null;
  const { answers, ...rest } = start;
  return { ...rest, sections: answerSections(definition.forms[rest.form.id]!, answers, definition.calendar.timeZone) };
}
