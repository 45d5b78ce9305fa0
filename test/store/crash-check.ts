/**
 * What crash.test.ts checks after a kill: nothing acknowledged is missing and nothing is
 * half-written — every case agrees with its audit chain, task rows, timer rows and outbox.
 */
import { expect } from 'vitest';
import type { CaseState } from '../../engine/index.ts';
import { taskRows, timerRows } from '../../server/store/rows.ts';
import type { Store } from '../../server/store/index.ts';
import { notificationIds } from './support.ts';

export interface Ack { caseId: string; version: number }

export function parseAcks(lines: string[]): Ack[] {
  return lines.flatMap((line) => {
    const match = /^ack (\S+) (\d+)$/.exec(line);
    return match ? [{ caseId: match[1]!, version: Number(match[2]) }] : [];
  });
}

export async function allCases(store: Store): Promise<CaseState[]> {
  const summaries = await store.findCases({ authority: 'fixture', limit: 100_000 });
  return Promise.all(summaries.map(async (s) => (await store.getCase(s.id))!));
}

export async function expectAcknowledgedStepsPresent(store: Store, acks: Ack[]): Promise<void> {
  for (const { caseId, version } of acks) {
    const state = await store.getCase(caseId);
    expect(state, `acknowledged case ${caseId}`).not.toBeNull();
    expect(state!.version).toBeGreaterThanOrEqual(version);
  }
}

/** One case, every record the store holds about it, agreeing with each other. */
export async function expectCaseWhole(store: Store, state: CaseState): Promise<void> {
  const writes = (await store.listAudit(state.id)).filter((a) => a.action !== 'case_read');
  // One audit entry per accepted event: the versions are exactly 1..version.
  expect(writes.map((a) => a.detail.version), state.id).toEqual(Array.from({ length: state.version }, (_, i) => i + 1));
  expect(await store.verifyAudit(state.id)).toMatchObject({ ok: true });

  const byId = <T extends { taskId?: string; timerId?: string }>(rows: T[]) => [...rows].sort((a, b) => ((a.taskId ?? a.timerId)! < (b.taskId ?? b.timerId)! ? -1 : 1));
  expect(byId(await store.listTasks({ authority: state.authority, caseId: state.id }))).toEqual(byId(taskRows(state)));
  expect(byId(await store.listTimers(state.id))).toEqual(byId(timerRows(state)));

  const outbox = (await store.listOutbox({ caseId: state.id })).filter((m) => m.kind === 'notify').map((m) => m.id);
  expect(outbox.sort()).toEqual(notificationIds(state).sort());
}

export function timerFiredIds(audit: Array<{ action: string; detail: Record<string, unknown> }>): string[] {
  return audit.filter((a) => a.action === 'timer_fired').map((a) => String(a.detail.timer));
}
