/**
 * A completed task corrects the case's facts about its children (`eachChild.updates` on one of
 * its form's repeats): the corrected children replace those on the case, and one timeline entry,
 * `subject_corrected`, records every change with what the fact was and became. The answers were
 * checked with the rest of the form (`validateFormData`), so nothing here refuses. Only what the
 * person changed counts: an answer still as the task prefilled it is no correction, so a task
 * opened before someone else corrected a fact does not put the old fact back.
 */
import type { UserTaskNode } from '../schema/definition.types.ts';
import { childCorrections } from '../forms/index.ts';
import { parsePointer } from '../forms/locate.ts';
import type { SubjectCorrection } from '../runtime/events.ts';
import type { Run } from '../runtime/run.ts';
import type { Task } from '../runtime/state.ts';

export function correctSubject(node: UserTaskNode, run: Run, task: Task, answers: Record<string, unknown>): void {
  const form = run.compiled.form(node.form);
  const subject = run.state.subject;
  const corrections = form ? childCorrections(form, answers, subject.children).filter((c) => shownAt(task.prefill, c.pointer) !== c.to) : [];
  if (corrections.length === 0) return;
  const children = subject.children.map((child) => ({ ...child }));
  for (const { child, fact, to } of corrections) children[child]![fact] = to;
  run.replaceSubject({ ...subject, children });
  // Each change names the child as the case now has them, so a name corrected with a date reads as one child.
  const changes: SubjectCorrection[] = corrections.map(({ child, fact, from, to }) => ({
    child,
    name: children[child]!.name,
    fact,
    ...(from !== undefined ? { from } : {}),
    to,
  }));
  run.record({ type: 'subject_corrected', node: node.id, task: task.id, by: task.completedBy, changes });
}

/** The answer the task was opened with at `at`, a pointer into its form data. */
function shownAt(prefill: Task['prefill'], at: string): unknown {
  return parsePointer(at).reduce<unknown>((value, key) => (typeof value === 'object' && value !== null && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined), prefill);
}
