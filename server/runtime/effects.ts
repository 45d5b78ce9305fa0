/**
 * Turns a step's effects into what the store writes with the case: audit entries and outbox
 * messages. Task and timer effects need nothing here: the store derives its task and timer rows
 * from the new case state itself, in the same transaction.
 */
import type { CaseState, Effect, Instant, Notification } from '../../engine/index.ts';
import type { AuditInput, OutboxInput } from '../store/index.ts';

/** What the outbox carries for a notification; `id` is the idempotency key (GOV.UK Notify `reference`). */
export interface NotificationMessage {
  id: string;
  caseId: string;
  authority: string;
  notification: Notification;
}

export interface EndParentWaitJob {
  parent: { caseId: string; node: string };
  childCaseId: string;
  outcome: string;
}

export type StartSubflowJob = Extract<Effect, { type: 'start_subflow' }>;

/**
 * The audit entry's `at` is when the write happened; when the step ran at another instant (a
 * timer caught up after downtime fires at its own due time) that instant goes in `effectiveAt`.
 */
export function auditOf(effects: Effect[], writtenAt: Instant, by?: string): AuditInput[] {
  return effects.flatMap((effect) => {
    if (effect.type !== 'record_audit') return [];
    const { entry } = effect;
    const effectiveAt = new Date(entry.at).toISOString();
    const detail = effectiveAt === writtenAt ? entry.detail : { ...entry.detail, effectiveAt };
    // The engine attributes `case_started` to "system"; the person who started it is known here.
    return [{ at: writtenAt, actor: by ?? entry.actor, action: entry.action, detail }];
  });
}

/** Outbox ids come from the step (engine ids), so writing the same step twice adds nothing. */
export function outboxOf(state: CaseState, effects: Effect[]): OutboxInput[] {
  return effects.flatMap((effect): OutboxInput[] => {
    switch (effect.type) {
      case 'notify': {
        const payload: NotificationMessage = { id: effect.notification.id, caseId: state.id, authority: state.authority, notification: effect.notification };
        return [{ id: effect.notification.id, kind: 'notify', payload }];
      }
      case 'start_subflow':
        return [{ id: `${effect.caseId}:start`, kind: 'start_subflow', payload: effect satisfies StartSubflowJob }];
      case 'end_parent_wait': {
        const payload: EndParentWaitJob = { parent: effect.parent, childCaseId: state.id, outcome: effect.outcome };
        return [{ id: `${state.id}:ended`, kind: 'end_parent_wait', payload }];
      }
      default:
        return [];
    }
  });
}
