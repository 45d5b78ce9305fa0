/**
 * The heart of the engine: `step(definition, caseState, event, context)` decides what an event
 * does to a case and returns the new state plus the effects for someone else to perform. Pure:
 * the input state is never changed, time comes in through the context, ids are derived from the
 * case id and its counter.
 */
import type { UserTaskNode, WorkflowDefinition } from '../schema/definition.types.ts';
import { Refusal } from '../problems.ts';
import type { Instant } from '../time.ts';
import { validateFormData, withoutBlankAnswers } from '../forms/index.ts';
import { Budget } from '../logic/index.ts';
import { completeTask, enterNode, fireDue, fireEscalation, fireWait, reassignTask } from '../nodes/index.ts';
import { rolesSentence } from '../nodes/who-may-act.ts';
import type { CaseEvent, StepContext, Effect } from './events.ts';
import { checkedNow, checkEventShape } from './event-shape.ts';
import { instantMs } from '../calendar/zone.ts';
import { compiledOf } from '../definition/compiled.ts';
import { copyJson } from './copy-json.ts';
import { Run } from './run.ts';
import { CASE_SCHEMA_VERSION, type CaseState, type Subject } from './state.ts';
import { blankName, childFactErrors } from './subject-rules.ts';

export interface StepResult {
  caseState: CaseState;
  effects: Effect[];
}

/**
 * Throws nothing but a `Refusal`: a malformed event or time is refused at the door
 * (`invalid_event`, naming the field), and a refused event leaves the state as it was.
 */
export function step(
  definition: WorkflowDefinition,
  caseState: CaseState | null,
  event: CaseEvent,
  context: StepContext,
): StepResult {
  checkEventShape(event);
  const now = checkedNow(context?.now);
  try {
    return decide(definition, caseState, event, now, context?.people);
  } catch (error) {
    // A date the event leads to beyond the calendar (past the year 9999), or answers nested deeper
    // than the stack: the event cannot be taken, and saying so is a refusal, not a crash.
    if (error instanceof RangeError) throw new Refusal('invalid_event', `This event cannot be taken: ${error.message}.`, { reason: error.message });
    throw error;
  }
}

function decide(definition: WorkflowDefinition, caseState: CaseState | null, event: CaseEvent, now: Instant, people: StepContext['people']): StepResult {
  if (event.type === 'case_started') {
    if (caseState) throw new Refusal('event_not_expected', 'This case has already started.');
    return finish(startCase(definition, event, now), event, event.by.id);
  }
  if (!caseState) throw new Refusal('event_not_expected', 'There is no case to apply this to yet.');
  if (event.expectedVersion !== undefined && event.expectedVersion !== caseState.version) {
    throw new Refusal('stale_version', 'Someone else has changed this case since you opened it. Reload it and try again.', {
      expected: event.expectedVersion,
      actual: caseState.version,
    });
  }
  if (caseState.status !== 'open') {
    throw new Refusal('case_closed', `This case is ${caseState.status}; nothing more can happen to it.`);
  }
  const run = new Run(definition, caseState, eventTime(caseState, event, now), { people });
  run.actor = 'by' in event ? event.by.id : 'system';
  applyEvent(run, event);
  return finish(run, event, run.actor);
}

/**
 * A case's history runs forwards: an event dated before the case's last change is refused. A
 * timer is the exception: it fires when it fires — late after downtime, or at once when it was set
 * for a moment already past — and is recorded then, with its due instant beside it.
 */
function eventTime(state: CaseState, event: Exclude<CaseEvent, { type: 'case_started' }>, now: Instant): Instant {
  const last = instantMs(state.updatedAt);
  if (Number.isNaN(last) || instantMs(now) >= last) return now;
  if (event.type === 'timer_fired') return new Date(last).toISOString();
  throw new Refusal('event_out_of_order', `This event is dated ${now}, before the case's last change at ${state.updatedAt}; a case's events are recorded in the order they happened.`, {
    at: now,
    lastChangedAt: state.updatedAt,
  });
}

function applyEvent(run: Run, event: Exclude<CaseEvent, { type: 'case_started' }>): void {
  switch (event.type) {
    case 'task_completed': {
      const task = openTask(run, event.taskId, event.by.id);
      completeTask(run.node(task.node) as UserTaskNode, run, run.ownTask(task.id), event);
      return;
    }
    case 'task_reassigned': {
      const task = openTask(run, event.taskId, event.by.id);
      reassignTask(run.node(task.node) as UserTaskNode, run, run.ownTask(task.id), event);
      return;
    }
    case 'timer_fired': {
      const timer = Object.hasOwn(run.state.timers, event.timerId) ? run.state.timers[event.timerId] : undefined;
      if (!timer) throw new Refusal('event_not_expected', 'That timer is no longer pending.', { timer: event.timerId });
      if (instantMs(timer.fireAt) > instantMs(run.now)) {
        throw new Refusal('event_not_expected', `That timer is not due until ${timer.fireAt}.`, { timer: timer.id, fireAt: timer.fireAt });
      }
      // Timescales this firing starts count from the due instant, as if it had fired on time.
      run.dueAt = timer.fireAt;
      delete run.own('timers')[timer.id];
      const node = run.node(timer.node);
      if (timer.purpose === 'wait' && node.kind === 'timer') fireWait(node, run, timer);
      else if (node.kind === 'user_task' && timer.task && run.state.tasks[timer.task]?.status === 'open') {
        const task = run.ownTask(timer.task);
        if (timer.purpose === 'due') fireDue(node, run, task);
        else fireEscalation(node, run, task, timer);
      }
      return;
    }
    case 'case_withdrawn':
      run.close('withdrawn', { id: 'withdrawn' }, { by: event.by.id, reason: event.reason });
      return;
    case 'subflow_ended': {
      const nodeId = Object.hasOwn(run.state.waitingFor, event.childCaseId) ? run.state.waitingFor[event.childCaseId] : undefined;
      if (!nodeId) throw new Refusal('event_not_expected', 'This case is not waiting for that sub-case.');
      delete run.own('waitingFor')[event.childCaseId];
      run.own('form')[nodeId] = { outcome: event.outcome, caseId: event.childCaseId };
      run.own('done')[nodeId] = run.now;
      run.record({ type: 'subflow_ended', node: nodeId, child: event.childCaseId, outcome: event.outcome });
      const node = run.node(nodeId);
      if (node.kind === 'subflow') run.enter(node.next, { from: nodeId });
      return;
    }
  }
}

/**
 * The open task an event is about. A task this very person completed is refused as done by them,
 * not "someone else": a submit whose answer was lost on the way back (a cut connection) and is
 * sent again finds its own work already saved.
 */
function openTask(run: Run, taskId: string, by: string) {
  const task = Object.hasOwn(run.state.tasks, taskId) ? run.state.tasks[taskId] : undefined;
  if (!task) throw new Refusal('unknown_task', 'There is no such task on this case.', { task: taskId });
  if (task.status === 'completed' && task.completedBy === by) {
    throw new Refusal('task_not_open', 'You have already completed this task: your earlier submit was saved.', {
      task: taskId,
      taskStatus: task.status,
      completedBy: by,
      completedAt: task.completedAt ?? null,
      byYou: true,
    });
  }
  if (task.status !== 'open') {
    const who = task.completedBy ? ` by ${task.completedBy}` : '';
    throw new Refusal('task_not_open', `Someone else already did this: the task was ${task.status}${who}.`, {
      task: taskId,
      taskStatus: task.status,
    });
  }
  return task;
}

function startCase(definition: WorkflowDefinition, event: Extract<CaseEvent, { type: 'case_started' }>, now: Instant): Run {
  const { graph, calendar, form: formOf } = compiledOf(definition);
  const start = graph.nodes.get(event.entry);
  if (!start || start.kind !== 'start') {
    throw new Refusal('unknown_entry', `"${event.entry}" is not a way into this protocol.`, { entry: event.entry });
  }
  if (start.roles?.length && !start.roles.some((r) => event.by.roles.includes(r))) {
    throw new Refusal('not_allowed', `Only ${rolesSentence(definition, start.roles)} can start a case at "${start.name}".`, { roles: start.roles });
  }
  const today = calendar.localDate(now);
  const fieldErrors = checkSubject(event.subject, today);
  // A copy already: the answers with blanks taken out are built afresh, so the state shares nothing with the event.
  const data = withoutBlankAnswers(event.data ?? {});
  const form = formOf(start.form);
  if (form) {
    // The intake form's checks see the family being started, once the family itself is valid.
    const subject = fieldErrors.length === 0 ? event.subject : undefined;
    const intake = subject && { case: { familyName: subject.familyName, children: subject.children, childCount: subject.children.length }, now, today };
    // Its checks share one budget, as a task's do: past it, the start is refused (`logic_too_costly`).
    const errors = validateFormData(form, data, subject ? { children: subject.children, caseData: intake, calendar, budget: new Budget() } : {});
    fieldErrors.push(...errors.map((e) => ({ ...e, pointer: `/data${e.pointer}` })));
  }
  if (fieldErrors.length > 0) throw new Refusal('form_invalid', 'The case details have answers to correct.', { fieldErrors });

  const state: CaseState = {
    schemaVersion: CASE_SCHEMA_VERSION,
    id: event.caseId,
    definition: { id: definition.id, version: definition.version },
    authority: definition.authority.id,
    status: 'open',
    entry: start.id,
    startedAt: now,
    startedBy: event.by.id,
    ...(event.parent ? { parent: event.parent } : {}),
    updatedAt: now,
    version: 1,
    seq: 0,
    subject: copyJson(event.subject),
    form: { [start.id]: data },
    done: { [start.id]: now },
    entered: { [start.id]: now },
    action: {},
    performer: { [start.id]: event.by.id },
    passedTo: {},
    closures: [],
    tasks: {},
    timers: {},
    joins: {},
    waitingFor: {},
    history: [],
  };
  const run = new Run(definition, state, now, { made: true });
  run.actor = event.by.id;
  const failed = (start.guards ?? []).filter((guard) => !run.holds(guard.rule, run.data(), start.id)).map((guard) => guard.message);
  if (failed.length > 0) throw new Refusal('guard_failed', failed.join(' '), { messages: failed });
  run.record({ type: 'case_started', node: start.id, by: event.by.id, children: event.subject.children.length });
  run.enter(start.next, { from: start.id, passedBy: event.by.id });
  return run;
}

/** The family a case is about, with GOV.UK's date rules: a date of birth is a real date in the past. */
function checkSubject(subject: Subject, today: string) {
  const errors: Array<{ pointer: string; keyword: string; message: string }> = [];
  if (blankName(subject?.familyName)) {
    errors.push({ pointer: '/subject/familyName', keyword: 'required', message: 'Enter the family name' });
  }
  if (!Array.isArray(subject?.children) || subject.children.length === 0) {
    errors.push({ pointer: '/subject/children', keyword: 'minItems', message: 'Add at least one child' });
    return errors;
  }
  subject.children.forEach((child, i) => {
    const who = blankName(child?.name) ? `child ${i + 1}` : child.name.trim();
    for (const { fact, keyword, message } of childFactErrors({ name: child?.name, dateOfBirth: child?.dateOfBirth }, who, today)) {
      errors.push({ pointer: `/subject/children/${i}/${fact}`, keyword, message });
    }
  });
  return errors;
}

/** Runs the queued paths, closes a finished case, and stamps the new version and audit entry. */
function finish(run: Run, event: CaseEvent, actor: string): StepResult {
  run.drain(enterNode);
  run.closeIfFinished();
  const state = run.state;
  if (event.type !== 'case_started') state.version += 1;
  state.updatedAt = run.now;
  run.effects.push({
    type: 'record_audit',
    entry: { at: run.now, caseId: state.id, actor, action: event.type, detail: auditDetail(event, state.version, run.dueAt) },
  });
  return { caseState: state, effects: run.effects };
}

function auditDetail(event: CaseEvent, version: number, dueAt: Instant | undefined): Record<string, unknown> {
  switch (event.type) {
    case 'task_completed':
      return { version, task: event.taskId, actions: event.actions.map((a) => a.action) };
    case 'task_reassigned':
      return { version, task: event.taskId, to: event.to };
    case 'timer_fired':
      return { version, timer: event.timerId, ...(dueAt ? { dueAt } : {}) };
    case 'subflow_ended':
      return { version, child: event.childCaseId, outcome: event.outcome };
    case 'case_started':
      return { version, entry: event.entry };
    case 'case_withdrawn':
      return { version };
  }
}
