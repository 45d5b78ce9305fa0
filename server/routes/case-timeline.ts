/**
 * GET /api/cases/:id/timeline: what has happened (the engine's history, one line per entry, with
 * who did it) and what is coming (deadlines, tasks opening, timers, escalations), in time order.
 * Instants stay in UTC; each carries a `london` string for display (the protocol's clock).
 */
import { Hono } from 'hono';
import { graphOf, type CaseState, type Instant, type WorkflowDefinition } from '../../engine/index.ts';
import { londonTime } from '../../engine/calendar/index.ts';
import type { AppEnv } from '../http/env.ts';
import type { NotificationMessage } from '../runtime/index.ts';
import { callerCase, isOverdue, peopleOf, personView, type Person } from './case-context.ts';
import { recordedForms } from './case-file.ts';
import { errors, type Paths } from './openapi-types.ts';
import { describeEntry, INTERNAL_ENTRIES } from './timeline-words.ts';
import type * as Api from './api-types.gen.ts';

/** An e-mail as sent: its subject and body, by notification id. */
export type SentEmails = Map<string, { subject: string; body: string }>;

export function timeline(state: CaseState, definition: WorkflowDefinition, people: Map<string, Person>, now: Instant, emails: SentEmails = new Map()): Api.Timeline {
  const graph = graphOf(definition);
  const nameOf = (id: string | undefined) => (id ? (graph.nodes.get(id)?.name ?? id) : null);
  const history = state.history.map((entry) => {
    const { at, type, node, task, by, ...detail } = entry;
    // An e-mail links to what was sent; the outbox keeps it, the history only its subject.
    const email = type === 'notification_sent' && typeof detail['notification'] === 'string' ? (emails.get(detail['notification']) ?? null) : null;
    return { at, london: londonTime(at), type, node: node ?? null, nodeName: nameOf(node), task: task ?? null, who: personView(by, people), text: describeEntry(entry, definition, people), internal: INTERNAL_ENTRIES.has(type), detail, email };
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
  return {
    caseId: state.id, status: state.status, history, upcoming: upcoming.map((u) => ({ overdue: false, ...u, london: londonTime(u.at) })),
    /** Every form recorded on the case, newest first: each links to its answers. */
    forms: recordedForms(state, definition, people),
  };
}

export const caseTimelineRoutes = new Hono<AppEnv>().get('/api/cases/:id/timeline', async (c) => {
  const { state, definition } = await callerCase(c, c.req.param('id'), 'timeline');
  const { store, clock } = c.get('deps');
  const [people, outbox] = await Promise.all([peopleOf(store, c.get('user').authority), store.listOutbox({ authority: state.authority, caseId: state.id })]);
  const emails: SentEmails = new Map();
  for (const message of outbox) {
    if (message.kind !== 'notify') continue;
    const { notification } = message.payload as NotificationMessage;
    emails.set(message.id, { subject: notification.subject, body: notification.body });
  }
  return c.json(timeline(state, definition, people, clock.now(), emails) satisfies Api.Timeline);
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
