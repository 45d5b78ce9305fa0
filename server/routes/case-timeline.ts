/**
 * GET /api/cases/:id/timeline: what has happened (the engine's history, one line per entry, with
 * who did it) and what is coming (deadlines, tasks opening, timers, escalations), in time order.
 * Instants stay in UTC; each carries a `london` string for display (the protocol's clock).
 */
import { Hono } from 'hono';
import { graphOf, type Assignment, type CaseState, type HistoryEntry, type Instant, type WorkflowDefinition } from '../../engine/index.ts';
import { londonTime } from '../../engine/scenario/format-timeline.ts';
import type { AppEnv } from '../http/env.ts';
import { assigneeView, callerCase, isOverdue, peopleOf, personView, type Person } from './case-context.ts';
import { errors, type Paths } from './openapi-types.ts';

/** `worker x` / `team y` / `role z`, as the engine writes an assignee into the history. */
function parseAssignment(text: unknown): Assignment | undefined {
  const match = typeof text === 'string' ? /^(worker|team|role) (.+)$/.exec(text) : null;
  if (!match) return undefined;
  const [, kind, id] = match as unknown as [string, 'worker' | 'team' | 'role', string];
  return kind === 'worker' ? { worker: id } : kind === 'team' ? { team: id } : { role: id };
}

function describe(entry: HistoryEntry, definition: WorkflowDefinition, people: Map<string, Person>): string {
  const graph = graphOf(definition);
  const node = entry.node ? graph.nodes.get(entry.node) : undefined;
  const name = node?.name ?? entry.node ?? '';
  const who = (a: unknown) => {
    const assignment = typeof a === 'object' && a !== null ? (a as Assignment) : parseAssignment(a);
    return assignment ? assigneeView(assignment, definition, people).name : 'someone';
  };
  const actionLabel = (id: string) => (node?.kind === 'user_task' ? node.nextActions.find((a) => a.id === id)?.label : undefined) ?? id;
  switch (entry.type) {
    case 'case_started': return `Case started: ${name}`;
    case 'task_created': return `${name}: with ${who(entry.assignee)}`;
    case 'task_completed': return `${name}: done — ${((entry.actions as string[] | undefined) ?? []).map(actionLabel).join('; ')}${entry.overdue ? ' (late)' : ''}`;
    case 'task_reassigned': return `${name}: passed to ${who(entry.to)}`;
    case 'task_cancelled': return `${name}: cancelled (${String(entry.why ?? '')})`;
    case 'deadline_passed': return `${name}: overdue`;
    case 'escalated': return `${name}: escalated (level ${String(entry.level)})`;
    case 'notification_sent': return `E-mail sent: ${String(entry.subject ?? name)}`;
    case 'timer_scheduled': return `${name}: waiting until ${londonTime(String(entry.fireAt))}`;
    case 'timer_fired': return `${name}: time reached`;
    case 'timer_skipped': return `${name}: no date to wait for, carried on`;
    case 'decision_taken': return `${name}: decided`;
    case 'join_waiting': return `${name}: waiting for the other paths`;
    case 'join_completed': return `${name}: every path arrived`;
    case 'subflow_started': return `${name}: linked case started`;
    case 'subflow_ended': return `${name}: linked case ended (${String(entry.outcome)})`;
    case 'subflow_released': return 'Linked case carries on by itself';
    case 'path_ended': return `${name}: reached`;
    case 'case_closed': return `Case closed (${String(entry.outcome)})`;
    case 'case_withdrawn': return 'Case withdrawn';
    default: return [entry.type.replace(/_/g, ' '), name].filter(Boolean).join(': ');
  }
}

export function timeline(state: CaseState, definition: WorkflowDefinition, people: Map<string, Person>, now: Instant) {
  const graph = graphOf(definition);
  const nameOf = (id: string | undefined) => (id ? (graph.nodes.get(id)?.name ?? id) : null);
  const history = state.history.map((entry) => {
    const { at, type, node, task, by, ...detail } = entry;
    return { at, london: londonTime(at), type, node: node ?? null, nodeName: nameOf(node), task: task ?? null, who: personView(by, people), text: describe(entry, definition, people), detail };
  });
  const upcoming: Array<{ at: string; kind: string; label: string; node: string; nodeName: string | null; task: string | null; overdue?: boolean }> = [];
  for (const task of Object.values(state.tasks)) {
    if (task.status !== 'open') continue;
    const base = { node: task.node, nodeName: task.name, task: task.id };
    if (task.availableFrom) upcoming.push({ ...base, at: task.availableFrom, kind: 'task_opens', label: `${task.name}: can be done from` });
    // A missed deadline stays in the list, marked, until the task is done.
    if (task.due) upcoming.push({ ...base, at: task.due, kind: 'task_due', label: `${task.name}: due${task.dueLabel ? ` (${task.dueLabel})` : ''}`, overdue: isOverdue(task, now) });
  }
  for (const timer of Object.values(state.timers)) {
    const node = graph.nodes.get(timer.node);
    const taskName = timer.task ? state.tasks[timer.task]?.name : undefined;
    if (timer.purpose === 'wait') {
      const label = node?.kind === 'timer' ? node.wait.label : undefined;
      upcoming.push({ at: timer.fireAt, kind: 'timer', label: `${node?.name ?? timer.node}${label ? ` (${label})` : ''}`, node: timer.node, nodeName: nameOf(timer.node), task: null });
    } else if (timer.purpose === 'escalation') {
      upcoming.push({ at: timer.fireAt, kind: 'escalation', label: `${taskName ?? nameOf(timer.node)}: escalates to level ${(timer.rung ?? 0) + 1} if still open`, node: timer.node, nodeName: nameOf(timer.node), task: timer.task ?? null });
    }
    // `due` timers mirror task deadlines, listed above with the task's own words.
  }
  upcoming.sort((a, b) => a.at.localeCompare(b.at) || a.label.localeCompare(b.label));
  return { caseId: state.id, status: state.status, history, upcoming: upcoming.map((u) => ({ overdue: false, ...u, london: londonTime(u.at) })) };
}

export const caseTimelineRoutes = new Hono<AppEnv>().get('/api/cases/:id/timeline', async (c) => {
  const { state, definition } = await callerCase(c, c.req.param('id'), 'timeline');
  const { store, clock } = c.get('deps');
  return c.json(timeline(state, definition, await peopleOf(store, c.get('user').authority), clock.now()));
});

export const caseTimelinePaths: Paths = {
  '/api/cases/{id}/timeline': {
    get: {
      summary: 'The case timeline: history with who did what, and upcoming deadlines, timers and escalations (UTC, with London display times; an audited read)',
      tags: ['Cases'],
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { '200': { description: 'History and upcoming, each in time order' }, ...errors(401, 404) },
    },
  },
};
