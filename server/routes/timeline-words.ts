/**
 * One line of the case timeline in a practitioner's words: the definition's names for steps,
 * outcomes, teams and people, never an id or an engine step. Entries that only record how the
 * engine moved (a decision taken, a path waiting at or leaving a join, a path's end) are
 * `internal`: kept in the API's history for the record, and not shown on the case page.
 */
import { graphOf, longDate, type Assignment, type HistoryEntry, type SubjectCorrection, type WorkflowDefinition } from '../../engine/index.ts';
import { londonTime } from '../../engine/calendar/index.ts';
import { assigneeView, type Person } from './case-context.ts';

/** How the engine moved, not what anybody did or what happened to the family. */
export const INTERNAL_ENTRIES: ReadonlySet<string> = new Set(['decision_taken', 'join_waiting', 'join_completed', 'path_ended', 'subflow_released']);

/** `worker x` / `team y` / `role z`, as the engine writes an assignee into the history. */
function parseAssignment(text: unknown): Assignment | undefined {
  const match = typeof text === 'string' ? /^(worker|team|role) (.+)$/.exec(text) : null;
  if (!match) return undefined;
  const [, kind, id] = match as unknown as [string, 'worker' | 'team' | 'role', string];
  return kind === 'worker' ? { worker: id } : kind === 'team' ? { team: id } : { role: id };
}

/** Why the engine cancelled a task (engine/runtime/run.ts), as a reason a person reads. */
const CANCELLED: Record<string, string> = { 'case withdrawn': 'the case was withdrawn', 'case closed': 'the case was closed' };

export function describeEntry(entry: HistoryEntry, definition: WorkflowDefinition, people: Map<string, Person>): string {
  const node = entry.node ? graphOf(definition).nodes.get(entry.node) : undefined;
  const name = node?.name ?? 'A step';
  const who = (a: unknown) => {
    const assignment = typeof a === 'object' && a !== null ? (a as Assignment) : parseAssignment(a);
    return assignment ? assigneeView(assignment, definition, people).name : 'someone';
  };
  const outcome = (id: unknown) => definition.outcomes?.find((o) => o.id === id)?.name ?? (node?.kind === 'end' ? node.name : 'no outcome recorded');
  const actionLabel = (id: string) => (node?.kind === 'user_task' ? node.nextActions.find((a) => a.id === id)?.label : undefined);
  switch (entry.type) {
    case 'case_started': return `Case started: ${name}`;
    case 'task_created': return `${name}: with ${who(entry.assignee)}`;
    case 'task_completed': {
      const actions = ((entry.actions as string[] | undefined) ?? []).flatMap((id) => actionLabel(id) ?? []);
      return `${name}: done${actions.length > 0 ? ` — ${actions.join('; ')}` : ''}${entry.overdue ? ' (late)' : ''}`;
    }
    case 'task_reassigned': return `${name}: passed to ${who(entry.to)}`;
    case 'task_cancelled': return `${name}: no longer needed${CANCELLED[String(entry.why)] ? ` (${CANCELLED[String(entry.why)]})` : ''}`;
    case 'deadline_passed': return `${name}: overdue`;
    case 'escalated': return `${name}: still not done, escalated to a manager${typeof entry.level === 'number' && entry.level > 1 ? ` (escalation ${entry.level})` : ''}`;
    case 'notification_sent': return `E-mail sent: ${typeof entry.subject === 'string' ? entry.subject : name}`;
    case 'timer_scheduled': return `${name}: waiting until ${londonTime(String(entry.fireAt))}`;
    case 'timer_fired': return `${name}: the wait is over`;
    case 'timer_skipped': return `${name}: no date to wait for, so the case carried on`;
    case 'decision_taken': return `${name}: decided`;
    case 'join_waiting': return `${name}: waiting for the other steps to finish`;
    case 'join_completed': return `${name}: every step before it is finished`;
    case 'subflow_started': return `${name}: linked case started`;
    case 'subflow_ended': return `${name}: linked case ended: ${outcome(entry.outcome)}`;
    case 'subflow_released': return 'The linked case carries on by itself';
    case 'path_ended': return `${name}: reached`;
    case 'case_closed': return `Case closed: ${outcome(entry.outcome)}`;
    case 'case_withdrawn': return 'Case withdrawn';
    case 'subject_corrected': return correctionWords(entry.changes);
    default: return [upperFirst(entry.type.replace(/_/g, ' ')), node?.name].filter(Boolean).join(': ');
  }
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const FACT_WORDS: Record<SubjectCorrection['fact'], string> = { name: 'name', dateOfBirth: 'date of birth', personId: 'case-system ID' };

/**
 * "Date of birth of Amira Haddad corrected from 31 January 2019 to 13 January 2019; name of Baby
 * Haddad corrected to Layla Haddad": each change a later form made to a child's facts, dates long.
 */
function correctionWords(changes: unknown): string {
  const words = (Array.isArray(changes) ? (changes as SubjectCorrection[]) : []).map(({ name, fact, from, to }) => {
    const shown = (value: string) => (fact === 'dateOfBirth' ? longDate(value) : value);
    if (fact === 'name') return `name of ${from ?? 'a child'} corrected to ${to}`;
    const what = `${FACT_WORDS[fact] ?? 'details'} of ${name}`;
    return from === undefined ? `${what} recorded as ${shown(to)}` : `${what} corrected from ${shown(from)} to ${shown(to)}`;
  });
  return words.length > 0 ? upperFirst(words.join('; ')) : 'Family details corrected';
}
