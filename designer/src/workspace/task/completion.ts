/**
 * The confirmation after a task (issue 13 §4): where the work went, in the words of the
 * definition — "Now with IEYS Kentish Town East, due Tuesday 22 December 2026" — or that the case
 * is closed; and which chosen next actions cannot be taken back, so are checked on a page first.
 */
import type { ApiProblem } from '../../lib/api.ts';
import type { Completion, NextActionView, TaskSummary } from '../../lib/api-types.ts';
import { londonDate } from '../../lib/format.ts';

export interface Confirmation {
  title: string;
  /** One line per piece of news: who has the work now, or that the case is closed. */
  lines: string[];
}

const withWhom = (task: TaskSummary, me: string | undefined) => (task.assignee.kind === 'worker' && task.assignee.id === me ? 'you' : task.assignee.name);

function nowWith(task: TaskSummary, me: string | undefined): string {
  const due = task.due ? `, due ${londonDate(task.due)}` : '';
  return `${task.name}: now with ${withWhom(task, me)}${due}`;
}

export function confirmation(completion: Completion, me?: string): Confirmation {
  if (!completion.completed) {
    return { title: 'Your signature is recorded', lines: ['The task is completed when everyone who must sign it has signed.'] };
  }
  const lines = completion.nextTasks.map((t) => nowWith(t, me));
  if (completion.startedCases.length > 0) lines.push('A linked case has been started for the next step.');
  if (completion.closed) lines.push(completion.outcome ? `The case is closed: ${completion.outcome.name}` : 'The case is closed');
  if (lines.length === 0) {
    // Nothing new: say what the case is already waiting for on its other paths, if anything.
    const waiting = completion.stillOpen.map((t) => `Still waiting: ${nowWith(t, me).replace(': now with', ', with')}`);
    lines.push(...(waiting.length > 0 ? waiting : ['Nothing is waiting for anyone yet: the case goes on when the other steps are done.']));
  }
  return { title: 'Task completed', lines };
}

/** What an irreversible action does, for the check-your-answers page's heading and warning. */
export function irreversibleText(action: NextActionView): string | null {
  switch (action.irreversible) {
    case 'closes': return `This closes the case: ${action.to.name}.`;
    case 'withdraws': return 'This withdraws the case.';
    case 'steps_up': return `This starts a linked case: ${action.to.name}.`;
    default: return null;
  }
}

/** The chosen actions that cannot be taken back; any one means the answers are checked first. */
export const irreversibleChosen = (actions: readonly NextActionView[], chosen: readonly string[]) =>
  actions.filter((a) => chosen.includes(a.id) && a.irreversible !== null);

/** The heading when a task could not be completed because of what happened meanwhile. */
export function conflictTitle(problem: Pick<ApiProblem, 'code' | 'extra'> | null): string {
  if (problem?.code === 'case_closed') return 'This case has been closed';
  if (problem?.extra['byYou'] === true) return 'You have already completed this task';
  return 'Someone else already did this';
}
