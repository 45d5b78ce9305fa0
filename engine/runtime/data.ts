/**
 * What conditions, prefill mappings, timer anchors and message templates can read: one plain
 * object built from the case state. Paths are dotted: `case.startedAt`, `form.<node>.<field>`,
 * `done.<node>`, `entered.<node>`, `action.<node>`, `passedTo.<node>`, `now`, `today`, and while a
 * task is being completed `chosen` (its next-action ids) and `choices.<action>.priority` /
 * `.scheduledFor` / `.passTo.worker` / `.passTo.team` (what was chosen with each).
 */
import { pathSegments } from '../logic/path-segments.ts';
import type { Instant, LocalDate } from '../time.ts';
import type { ChosenAction } from './events.ts';
import type { Assignment, CaseState } from './state.ts';

export interface CaseData {
  case: {
    id: string;
    entry: string;
    startedAt: Instant;
    familyName: string;
    children: CaseState['subject']['children'];
    childCount: number;
  };
  form: CaseState['form'];
  done: CaseState['done'];
  entered: CaseState['entered'];
  action: CaseState['action'];
  passedTo: CaseState['passedTo'];
  now: Instant;
  /** Today's date in the authority's time zone, for "not in the future" checks on form dates. */
  today: LocalDate;
  /** While a task is being completed: the next-action ids chosen with it, for its guards. */
  chosen?: string[];
  /** While a task is being completed: what was chosen with each next action (priority, scheduled date, pass to). */
  choices?: Record<string, { priority?: string; scheduledFor?: LocalDate; passTo?: Assignment }>;
}

/** The top-level case fields a path may name after `case.`. */
export const CASE_FIELDS = ['id', 'entry', 'startedAt', 'familyName', 'children', 'childCount'] as const;

/** A task's answers as they are being completed, and the next actions chosen with them. */
export interface TaskAnswers {
  node: string;
  data: Record<string, unknown>;
  chosen?: ChosenAction[];
}

/**
 * Builds the data view of a case. `answers` overlays a task's just-submitted answers so that
 * guards can check them before anything is saved.
 */
export function caseData(state: CaseState, now: Instant, today: LocalDate, answers?: TaskAnswers): CaseData {
  const view: CaseData = {
    case: {
      id: state.id,
      entry: state.entry,
      startedAt: state.startedAt,
      familyName: state.subject.familyName,
      children: state.subject.children,
      childCount: state.subject.children.length,
    },
    form: state.form,
    done: state.done,
    entered: state.entered,
    action: state.action,
    passedTo: state.passedTo,
    now,
    today,
  };
  return answers ? withAnswers(view, answers) : view;
}

/**
 * A data view with a task's answers laid over it: `form.<node>` is the answers, and, when next
 * actions are chosen with them, `chosen` and `choices` say what. Pure and shared: the engine lays
 * them over the whole case data, the task page (designer/src/workspace/task) over the part of it
 * the task's rules read as the person types, so both decide guards alike.
 */
export function withAnswers<T extends { form?: CaseData['form'] }>(view: T, answers: TaskAnswers): T & Pick<CaseData, 'form' | 'chosen' | 'choices'> {
  // Object.assign, not spreads: properties added to a spread copy each make a new shape in V8 (see draft.ts).
  const form = Object.assign({}, view.form);
  form[answers.node] = answers.data;
  const laid: T & Pick<CaseData, 'form' | 'chosen' | 'choices'> = Object.assign({}, view, { form });
  if (answers.chosen) {
    laid.chosen = answers.chosen.map((a) => a.action);
    laid.choices = choicesOf(answers.chosen);
  }
  return laid;
}

function choicesOf(chosen: ChosenAction[]): NonNullable<CaseData['choices']> {
  return Object.fromEntries(
    chosen.map((a) => {
      const choice: NonNullable<CaseData['choices']>[string] = {};
      if (a.priority) choice.priority = a.priority;
      if (a.scheduledFor) choice.scheduledFor = a.scheduledFor;
      if (a.passTo) choice.passTo = a.passTo;
      return [a.action, choice];
    }),
  );
}

/** Reads a dotted path, following own properties only; `undefined` when any step is missing. */
export function readPath(data: unknown, path: string): unknown {
  let value: unknown = data;
  for (const segment of pathSegments(path)) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** Fills `{{path}}` placeholders in a message template; unknown paths become empty. */
export function renderTemplate(template: string, data: CaseData): string {
  return template.replace(/\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g, (_, path: string) => {
    const value = readPath(data, path);
    if (value === undefined || value === null) return '';
    if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  });
}
