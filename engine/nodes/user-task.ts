/**
 * User task: a form someone fills, with a due date, an escalation ladder and the Mosaic-style
 * next actions that decide where the case goes and to whom it is passed.
 */
import type { FieldLayout, UserTaskNode } from '../schema/definition.types.ts';
import { CHILD_FACTS } from '../forms/index.ts';
import { copyJson } from '../runtime/copy-json.ts';
import { readPath } from '../runtime/data.ts';
import type { Arrival, Run } from '../runtime/run.ts';
import type { Task, Timer } from '../runtime/state.ts';
import type { Instant } from '../time.ts';
import { chooseWhen, resolveWhen } from '../runtime/when.ts';
import { describeAssignment, resolveAssignee, resolveRecipients } from './assign.ts';

type EachChild = NonNullable<FieldLayout['eachChild']>;

export function enterUserTask(node: UserTaskNode, run: Run, arrival: Arrival): void {
  const data = run.data();
  const dueWhen = node.due ? chooseWhen(node.due, data, run.calendar, run.budget) : undefined;
  const due = dueWhen ? resolveWhen(dueWhen, 'due', data, run.countFrom, run.calendar) : undefined;
  const opens = node.availableFrom ? resolveWhen(node.availableFrom, 'wait', data, run.countFrom, run.calendar) : undefined;
  const assignee = resolveAssignee(node.assignee, run, arrival);
  const task: Task = {
    id: run.nextId('t'),
    node: node.id,
    name: node.name,
    ...(node.form ? { form: node.form } : {}),
    status: 'open',
    assignee,
    priority: arrival.priority ?? node.priority ?? 'normal',
    createdAt: run.now,
    overdue: false,
    escalationLevel: 0,
  };
  if (due && 'at' in due) task.due = due.at;
  const dueLabel = dueWhen?.label ?? (node.due && 'choose' in node.due ? node.due.label : undefined);
  if (dueLabel) task.dueLabel = dueLabel;
  const availableFrom = opens && 'at' in opens ? opens.at : due && 'at' in due ? due.opens : undefined;
  if (availableFrom && availableFrom > run.now) task.availableFrom = availableFrom;
  const prefill = prefillFor(node, run);
  if (prefill) task.prefill = prefill;
  if (arrival.passedBy) task.passedBy = arrival.passedBy;
  if (arrival.note) task.note = arrival.note;
  if (arrival.scheduledFor) task.scheduledFor = arrival.scheduledFor;
  run.createTask(task);
  run.record({
    type: 'task_created',
    node: node.id,
    task: task.id,
    assignee: describeAssignment(assignee),
    priority: task.priority,
    due: task.due,
    ...(due && 'missing' in due ? { dueMissing: due.missing } : {}),
  });
  if (task.due) run.schedule({ purpose: 'due', node: node.id, task: task.id, fireAt: task.due });
}

/**
 * Answers copied over from earlier steps, as the node's prefill mappings say; and for a repeat
 * that holds one item per child, an item for each child on the case, already named.
 */
function prefillFor(node: UserTaskNode, run: Run): Record<string, unknown> | undefined {
  const prefill: Record<string, unknown> = {};
  if (node.prefill?.length) {
    const data = run.data();
    for (const mapping of node.prefill) {
      const value = readPath(data, mapping.from);
      if (value !== undefined) prefill[mapping.field] = copyJson(value);
    }
  }
  const form = run.compiled.form(node.form);
  for (const section of form?.layout?.sections ?? []) {
    for (const field of section.fields) {
      if (field.eachChild && prefill[field.field] === undefined) prefill[field.field] = childItems(form!.schema, field.field, field.eachChild, run);
    }
  }
  return Object.keys(prefill).length > 0 ? prefill : undefined;
}

/**
 * One item per child: the name, and the date of birth and case-system id where the item asks for
 * them; with `updates`, each question that corrects a fact holds the fact as it stands.
 */
function childItems(schema: Record<string, unknown>, field: string, eachChild: EachChild, run: Run): Array<Record<string, unknown>> {
  const item = (schema['properties'] as Record<string, { items?: { properties?: Record<string, unknown> } }> | undefined)?.[field]?.items;
  const asks = (name: string) => Object.hasOwn(item?.properties ?? {}, name);
  return run.state.subject.children.map((child) => {
    const prefilled: Record<string, unknown> = {
      [eachChild.nameField]: child.name,
      ...(asks('dateOfBirth') && child.dateOfBirth ? { dateOfBirth: child.dateOfBirth } : {}),
      ...(asks('personId') && child.personId ? { personId: child.personId } : {}),
    };
    for (const fact of CHILD_FACTS) {
      const question = eachChild.updates?.[fact];
      if (question !== undefined && child[fact] !== undefined) prefilled[question] = child[fact];
    }
    return prefilled;
  });
}

/** The deadline passed: mark the task overdue and start the escalation ladder. */
export function fireDue(node: UserTaskNode, run: Run, task: Task): void {
  task.overdue = true;
  run.updateTask(task);
  run.record({ type: 'deadline_passed', node: node.id, task: task.id, due: task.due });
  (node.escalations ?? []).forEach((rung, index) => {
    if (!rung.after || rung.after.amount === 0) escalate(node, run, task, index);
    else run.schedule({ purpose: 'escalation', node: node.id, task: task.id, rung: index, fireAt: run.calendar.deadline(task.due!, rung.after) });
  });
}

export function fireEscalation(node: UserTaskNode, run: Run, task: Task, timer: Timer): void {
  escalate(node, run, task, timer.rung ?? 0, timer.fireAt);
}

/** `dueAt`: when the rung was due, recorded beside the escalation when its timer fired late. */
function escalate(node: UserTaskNode, run: Run, task: Task, index: number, dueAt?: Instant): void {
  const rung = node.escalations?.[index];
  if (!rung) return;
  const arrival: Arrival = task.passedBy ? { passedBy: task.passedBy } : {};
  if (rung.reassignTo) task.assignee = resolveAssignee(rung.reassignTo, run, arrival);
  if (rung.raisePriority) task.priority = rung.raisePriority;
  task.escalationLevel = Math.max(task.escalationLevel, index + 1);
  run.updateTask(task);
  const notification = {
    id: run.nextId('n'),
    to: resolveRecipients(rung.notify, run, arrival),
    subject: `Overdue: ${task.name}`,
    body: rung.message ?? `"${task.name}" was due ${task.due} and is still open.`,
    reason: `escalation:${node.id}:${index + 1}`,
  };
  run.effects.push({ type: 'notify', notification });
  const late = dueAt !== undefined && dueAt !== run.now ? { dueAt } : {};
  run.record({ type: 'escalated', node: node.id, task: task.id, level: index + 1, notification: notification.id, to: notification.to, ...late });
}
