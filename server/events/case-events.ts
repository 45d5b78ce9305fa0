/**
 * What a step tells case systems: the CloudEvents a committed step gives rise to, written to the
 * outbox in the step's own commit (one `event` message each, for the types the authority's
 * subscriptions want), so an event exists exactly when its step does. Event ids come from the case, its new version and what happened, so they are the
 * same however often the outbox retries, and the receiver can deduplicate on them.
 *
 * Events carry ids and codes, never names or answers: the family's children appear only by the
 * case system's own person ids (Mosaic ID, LCS ID...), which is what a receiver matches on.
 */
import type { CaseState, Effect } from '../../engine/index.ts';
import type { OutboxInput, Store } from '../store/index.ts';

export const EVENT_TYPES = {
  caseStarted: 'uk.gov.stepwise.case.started',
  taskCreated: 'uk.gov.stepwise.task.created',
  taskCompleted: 'uk.gov.stepwise.task.completed',
  caseClosed: 'uk.gov.stepwise.case.closed',
  caseSteppedUp: 'uk.gov.stepwise.case.stepped_up',
} as const;

export type EventType = (typeof EVENT_TYPES)[keyof typeof EVENT_TYPES];
export const ALL_EVENT_TYPES: EventType[] = Object.values(EVENT_TYPES);

/**
 * Outcomes that mean the family went (back) up to children's social care. Camden and the Clinic
 * end a successful step up with `stepped_up`; the CAF/EHM authority's Early Help case ends
 * `referred_back_to_csc`.
 */
export const STEP_UP_OUTCOMES: readonly string[] = ['stepped_up', 'referred_back_to_csc'];

/** One event as the outbox keeps it: the CloudEvent's attributes and data, before it is signed and sent. */
export interface CaseEventMessage {
  id: string;
  type: EventType;
  /** `/authorities/<authority>/cases/<caseId>`: the CloudEvent `source`. */
  source: string;
  /** The task for task events, else the case: the CloudEvent `subject`. */
  subject: string;
  /** When it happened (the step's instant). */
  time: string;
  data: Record<string, unknown>;
}

function caseFacts(state: CaseState) {
  return {
    caseId: state.id,
    authority: state.authority,
    definition: { id: state.definition.id, version: state.definition.version },
    caseVersion: state.version,
    personIds: state.subject.children.flatMap((child) => (child.personId ? [child.personId] : [])),
  };
}

/**
 * The events of one step: `previous` is the case before it (null for a new case). Task created
 * comes from the engine's effects; completion and closure from comparing the two states.
 */
export function eventsOf(state: CaseState, effects: readonly Effect[], previous: CaseState | null): CaseEventMessage[] {
  const base = caseFacts(state);
  const source = `/authorities/${state.authority}/cases/${state.id}`;
  const at = state.updatedAt;
  const events: CaseEventMessage[] = [];
  const add = (type: EventType, key: string, subject: string, data: Record<string, unknown>) =>
    events.push({ id: `${state.id}:${state.version}:${key}`, type, source, subject, time: new Date(at).toISOString(), data: { ...base, ...data } });

  if (previous === null) {
    add(EVENT_TYPES.caseStarted, 'case.started', state.id, { entry: state.entry, startedBy: state.startedBy, ...(state.parent ? { parentCaseId: state.parent.caseId } : {}) });
  }
  for (const task of Object.values(state.tasks)) {
    const before = previous?.tasks[task.id];
    if (task.status === 'completed' && before?.status === 'open') {
      add(EVENT_TYPES.taskCompleted, `task.completed:${task.id}`, task.id, {
        taskId: task.id, node: task.node, name: task.name, completedBy: task.completedBy ?? null, actions: task.actions ?? [],
      });
    }
  }
  for (const effect of effects) {
    if (effect.type !== 'create_task') continue;
    const { task } = effect;
    add(EVENT_TYPES.taskCreated, `task.created:${task.id}`, task.id, {
      taskId: task.id, node: task.node, name: task.name, assignee: task.assignee, priority: task.priority, due: task.due ?? null,
    });
  }
  if (state.status !== 'open' && (previous === null || previous.status === 'open')) {
    const outcome = state.outcome;
    // The census reason of the end reached, else of the last CSC episode the case closed on its way.
    const closureReason = outcome?.closureReason ?? state.closures.at(-1)?.closureReason ?? null;
    add(EVENT_TYPES.caseClosed, 'case.closed', state.id, {
      status: state.status, outcome: outcome?.id ?? null, endNode: outcome?.node ?? null, closureReason, censusClosures: state.closures,
    });
    if (outcome && STEP_UP_OUTCOMES.includes(outcome.id)) {
      add(EVENT_TYPES.caseSteppedUp, 'case.stepped_up', state.id, { outcome: outcome.id, endNode: outcome.node ?? null });
    }
  }
  return events;
}

/**
 * The step's events as outbox messages of kind `event`, one each, keyed by the event id: only
 * those of a type an active subscription of the authority wants, so an authority without
 * subscriptions has nothing more in its outbox. Read when the step is about to commit: a
 * subscription made while a step commits may miss that step's events (never half of them).
 */
export async function eventMessagesFor(store: Pick<Store, 'listWebhookSubscriptions'>, state: CaseState, effects: readonly Effect[], previous: CaseState | null): Promise<OutboxInput[]> {
  const wanted = new Set((await store.listWebhookSubscriptions(state.authority)).filter((s) => s.disabledAt === null).flatMap((s) => s.events));
  if (wanted.size === 0) return [];
  return eventsOf(state, effects, previous).filter((event) => wanted.has(event.type)).map((event) => ({ id: event.id, kind: 'event', payload: event }));
}
