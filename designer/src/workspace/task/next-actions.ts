/**
 * Next actions the Mosaic way, as data: which action (or actions) is chosen, and for each who it
 * is passed to, its priority, scheduled date and note; the request body they make; and where
 * the server's refusals belong on the page. Element ids live here too, so links in the error
 * summary and the controls agree.
 */
import type { ApiProblem } from '../../lib/api.ts';
import type { ChosenAction, FieldError, NextActionView, PassTo, Priority, TaskForm } from '../../lib/api-types.ts';
import { dateIssue, splitDate, type DatePart } from '../../lib/forms/dates.ts';
import { choosingQuestion } from './chosen-by.ts';
import { rolesText } from './who-may-act.ts';

export interface ActionDetails {
  /** `''`, `team:<id>` or `worker:<id>`. */
  passTo: string;
  priority: Priority;
  /** As typed in the date boxes (`YYYY-MM-DD` when whole). */
  scheduledFor?: string | undefined;
  note: string;
}

export interface NextActionsValue {
  chosen: string[];
  details: Record<string, ActionDetails>;
}

export const ACTIONS_ID = 'next-action';
export const actionInputId = (index: number) => (index === 0 ? ACTIONS_ID : `${ACTIONS_ID}-${index + 1}`);
export const detailId = (action: string, what: 'pass-to' | 'priority' | 'scheduled' | 'note') => `${ACTIONS_ID}-${action}-${what}`;

/**
 * Nothing chosen yet; or, on a step signed jointly that someone has signed, what they signed:
 * the next signer must submit the same to sign it too.
 */
export function initialActions(view: TaskForm): NextActionsValue {
  const details: Record<string, ActionDetails> = {};
  for (const a of view.actions) {
    // One team and no named workers to choose from: nothing to choose, so it is filled in.
    const only = a.passTo && !a.passTo.workers && a.passTo.teams.length === 1 ? `team:${a.passTo.teams[0]!.id}` : '';
    details[a.id] = { passTo: only, priority: a.defaultPriority ?? 'normal', note: '' };
  }
  const proposed = (view.signing?.proposedActions ?? []).filter((p) => details[p.action]);
  for (const p of proposed) {
    const passTo = p.passTo ? ('team' in p.passTo ? `team:${p.passTo.team}` : `worker:${p.passTo.worker}`) : '';
    details[p.action] = { passTo, priority: p.priority ?? details[p.action]!.priority, note: p.note ?? '', ...(p.scheduledFor ? { scheduledFor: p.scheduledFor } : {}) };
  }
  return { chosen: proposed.map((p) => p.action), details };
}

/** Guards not met with the answers as they were when the page opened. */
export const unmetGuards = (action: NextActionView) => action.guards.filter((g) => g.passes !== true);

/** Blocked for good: a guard fails that no answer on this form can change. Otherwise selectable. */
export const isBlocked = (action: NextActionView) => action.guards.some((g) => g.passes === false && !g.mayDependOnAnswers);

export function passToValue(value: string): PassTo | undefined {
  if (value.startsWith('team:')) return { team: value.slice(5) };
  if (value.startsWith('worker:')) return { worker: value.slice(7) };
  return undefined;
}

/** The `actions` of POST …/complete, in the order they are listed. */
export function chosenActions(view: TaskForm, value: NextActionsValue): ChosenAction[] {
  return view.actions
    .filter((a) => value.chosen.includes(a.id))
    .map((a) => {
      const d = value.details[a.id] ?? { passTo: '', priority: a.defaultPriority ?? 'normal', note: '' };
      const passTo = passToValue(d.passTo);
      return {
        action: a.id,
        ...(passTo ? { passTo } : {}),
        priority: d.priority,
        ...(a.scheduledDate && d.scheduledFor ? { scheduledFor: d.scheduledFor } : {}),
        ...(d.note.trim() ? { note: d.note.trim() } : {}),
      };
    });
}

/** What is wrong with one next-action control; for a date, the boxes at fault. */
export interface ActionIssue {
  messages: string[];
  parts?: DatePart[];
}

/** Where a refusal of POST …/complete belongs: form questions, next-action controls, or the page. */
export interface PlacedProblem {
  form: FieldError[];
  /** By control: `actions`, or `<action id>/passTo|priority|scheduledFor|note`. */
  actions: Map<string, ActionIssue>;
  page: string[];
}

const DETAIL: Record<string, string> = { passTo: 'passTo', priority: 'priority', scheduledFor: 'scheduledFor', note: 'note' };

export function placeProblem(problem: ApiProblem, view: TaskForm, sent: ChosenAction[], value?: NextActionsValue): PlacedProblem {
  const out: PlacedProblem = { form: [], actions: new Map(), page: [] };
  const add = (key: string, message: string) => {
    const [id, what] = key.split('/');
    // A team named by an answer is that question's to put right: there is no "Pass to" to link to.
    const teamFrom = what === 'passTo' ? view.actions.find((a) => a.id === id)?.passTo?.teamFromAnswer : null;
    if (teamFrom) return void out.form.push({ pointer: `/${teamFrom}`, keyword: 'pass_to', message });
    const held = out.actions.get(key);
    const sharp = sharper(key);
    const text = sharp && sharp.kind !== 'not_real' ? sharp.message : message;
    out.actions.set(key, { messages: [...(held?.messages ?? []), text], ...(sharp ? { parts: sharp.parts } : {}) });
  };
  // A scheduled date typed in part: "must include a month" says more than "must be a real date".
  const sharper = (key: string) => {
    const [action, what] = key.split('/');
    if (what !== 'scheduledFor' || !value || !action) return undefined;
    const label = view.actions.find((a) => a.id === action)?.scheduledDate?.label ?? 'Scheduled date';
    return dateIssue(label, splitDate(value.details[action]?.scheduledFor));
  };
  const actionAt = (index: unknown) => (typeof index === 'number' ? sent[index]?.action : undefined);
  /** The action a refusal about a named worker is about (the engine names the worker, not the action). */
  const workerAction = (worker: unknown) => sent.find((a) => a.passTo && 'worker' in a.passTo && a.passTo.worker === worker)?.action;
  const label = (id: string | undefined) => view.actions.find((a) => a.id === id);
  place(problem.code, problem.detail, problem.extra, problem.errors);
  return out;

  function place(code: string, detail: string, extra: Record<string, unknown>, errors: FieldError[]): void {
    switch (code) {
      case 'form_invalid': {
        out.form = errors;
        // Every problem at once: the task's guards and each next action's problem come with the answers'.
        const guards = Array.isArray(extra['guardMessages']) ? (extra['guardMessages'] as string[]) : [];
        if (guards.length > 0) place('guard_failed', guards.join(' '), { messages: guards }, []);
        const actionErrors = Array.isArray(extra['actionErrors']) ? (extra['actionErrors'] as Array<Record<string, unknown>>) : [];
        for (const e of actionErrors) place(String(e['code']), String(e['message']), e, []);
        break;
      }
      case 'request_invalid':
        for (const e of errors) {
          const data = /^\/data(\/.*)$/.exec(e.pointer);
          const detail = /^\/actions\/(\d+)\/([^/]+)/.exec(e.pointer);
          if (data) out.form.push({ ...e, pointer: data[1]! });
          else if (detail && actionAt(Number(detail[1])) && DETAIL[detail[2]!]) add(`${actionAt(Number(detail[1]))}/${DETAIL[detail[2]!]}`, e.message);
          else if (e.pointer.startsWith('/actions')) add('actions', 'Select what happens next');
          else out.page.push(e.message);
        }
        break;
      case 'guard_failed': {
        const messages = Array.isArray(extra['messages']) ? (extra['messages'] as string[]) : [detail];
        // GOV.UK error messages carry no full stop; guard messages are written as sentences.
        messages.forEach((m) => add('actions', m.replace(/\.$/, '')));
        break;
      }
      case 'pass_to_required':
        add(`${actionAt(extra['index'])}/passTo`, `Select who to pass “${label(actionAt(extra['index']))?.label ?? 'this'}” to`);
        break;
      case 'pass_to_not_allowed': {
        const id = actionAt(extra['index']) ?? workerAction(extra['worker']);
        const roles = label(id)?.passTo?.workerRoles;
        // Not the team recorded earlier: the engine's sentence names the one it must go to.
        const text = 'expected' in extra ? detail.replace(/\.$/, '') : 'worker' in extra && roles ? `Select a worker who is ${rolesText(roles)}` : 'Select a team or worker from the list';
        if (id) add(`${id}/passTo`, text);
        else out.page.push(detail);
        break;
      }
      case 'unknown_worker': {
        const id = workerAction(extra['worker']);
        if (id) add(`${id}/passTo`, 'Select a worker from the list');
        else out.page.push(detail);
        break;
      }
      case 'actions_incomplete': {
        const missing = Array.isArray(extra['missing']) ? (extra['missing'] as string[]) : [];
        const named = missing.map((m) => `“${label(m)?.label ?? m}”`).join(' and ');
        add('actions', missing.length > 0 ? `Select ${named} as well: “${label(String(extra['action']))?.label}” must be chosen together with ${missing.length === 1 ? 'it' : 'them'}` : detail.replace(/\.$/, ''));
        break;
      }
      case 'scheduled_date_required': {
        const action = label(actionAt(extra['index']));
        add(`${action?.id}/scheduledFor`, `Enter the ${(action?.scheduledDate?.label ?? 'scheduled date').toLowerCase()}`);
        break;
      }
      case 'invalid_event':
        if (extra['field'] === 'actions' && detail === 'Choose a next action.') add('actions', 'Select what happens next');
        else if (typeof extra['index'] === 'number') add(`${actionAt(extra['index'])}/scheduledFor`, detail.replace(/\.$/, ''));
        else add('actions', detail.replace(/\.$/, ''));
        break;
      case 'unknown_action':
        add('actions', 'Select one of the next actions listed');
        break;
      case 'action_not_chosen': {
        // Decided once: the answer chooses the action, so the question is where to put it right.
        const field = typeof extra['field'] === 'string' ? extra['field'] : choosingQuestion(view);
        if (field) out.form.push({ pointer: `/${field}`, keyword: code, message: detail.replace(/\.$/, '') });
        else add('actions', detail.replace(/\.$/, ''));
        break;
      }
      default:
        out.page.push(detail);
    }
  }
}

/** The control an action error links to. */
export function actionTarget(key: string, view: TaskForm, value: NextActionsValue): string {
  if (key === 'actions') {
    // Chosen by an answer: no radios, the "What happens next" section itself.
    if (choosingQuestion(view) !== null) return ACTIONS_ID;
    const first = view.actions.findIndex((a) => value.chosen.includes(a.id));
    return actionInputId(first < 0 ? 0 : first);
  }
  const [action, what] = key.split('/') as [string, string];
  if (what === 'passTo') return detailId(action, 'pass-to');
  if (what === 'scheduledFor') return `${detailId(action, 'scheduled')}-day`;
  if (what === 'priority') return detailId(action, 'priority');
  return detailId(action, 'note');
}
