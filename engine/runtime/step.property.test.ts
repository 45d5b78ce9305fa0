/**
 * `step` throws nothing but a `Refusal`, whatever the event (issue 10): random JSON, and valid
 * events against Camden's real definition with one part broken — a field deleted or replaced by
 * junk, odd dates, prototype names. A refused event leaves the (deep-frozen) state as it was.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { family, referral, referredAfterAssessment, screening, teamIdentified, toKte, camden, users } from '../../test/camden/given.ts';
import { Refusal } from '../problems.ts';
import type { CaseEvent, Person } from './events.ts';
import type { CaseState } from './state.ts';
import { step } from './step.ts';

const people: Record<string, Person> = Object.fromEntries(Object.entries(users).map(([id, u]) => [id, { roles: u.roles, teams: u.teams ?? [] }]));
const actor = (id: string) => ({ id, roles: users[id]!.roles, teams: users[id]!.teams ?? [] });

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Given a referral at the front door (Thursday 17 December 2026), and one passed to IEYS KTE (Monday 21st). */
const atFrontDoor = deepFreeze(referredAfterAssessment().state!);
const atTeam = deepFreeze(teamIdentified().state!);
const openTask = (state: CaseState) => Object.values(state.tasks).find((t) => t.status === 'open')!;

/** Events each case could take, as a practitioner or the scheduler would send them. */
const valid: Array<{ state: CaseState | null; event: CaseEvent; now?: string; refused?: string }> = [
  { state: null, event: { type: 'case_started', caseId: 'c9', entry: 'sw_assessment', subject: family, by: actor('sam') } },
  { state: null, event: { type: 'case_started', caseId: 'c9', entry: 'sw_assessment', subject: family, data: referral(), by: actor('sam'), parent: { caseId: 'p', node: 'n' } } },
  { state: atFrontDoor, event: { type: 'task_completed', taskId: openTask(atFrontDoor).id, by: actor('dora'), data: screening('team'), actions: [{ action: 'contact_team', passTo: toKte, priority: 'urgent', note: 'n' }] } },
  { state: atFrontDoor, event: { type: 'task_reassigned', taskId: openTask(atFrontDoor).id, by: actor('dora'), to: { worker: 'dora' }, reason: 'r' } },
  { state: atTeam, event: { type: 'task_completed', taskId: openTask(atTeam).id, by: actor('kate'), data: { contactedOn: '2026-12-22', proposedConsultationDate: '2026-12-22' }, actions: [{ action: 'offer', scheduledFor: '2026-12-23' }], expectedVersion: atTeam.version }, now: '2026-12-22T09:00:00Z' },
  { state: atTeam, event: { type: 'case_withdrawn', by: actor('sam'), reason: 'Family moved away' } },
  ...Object.values(atTeam.timers).map((timer) => ({ state: atTeam, event: { type: 'timer_fired', timerId: timer.id } as CaseEvent, now: timer.fireAt })),
  // Well formed, but the case waits for no sub-case: refused for that, and a base for broken ones.
  { state: atTeam, event: { type: 'subflow_ended', childCaseId: 'c1.c9', outcome: 'done' }, refused: 'event_not_expected' },
];

const ODD: unknown[] = [
  null, '', ' ', 0, -1, 1e308, true, [], {}, [[]], '__proto__', 'constructor', 'toString', { valueOf: null }, { toString: null },
  '2026-02-30', '0001-01-01', '9999-12-31', '2026-12-22T09:00', 'x'.repeat(3000), { worker: 'ghost' }, { team: 'mars' },
];
const junk = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(...ODD));

/** Every place in a JSON value: the paths of its properties and items, at any depth. */
function paths(value: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value !== 'object' || value === null) return [at];
  const inner = Object.entries(value).flatMap(([k, v]) => paths(v, [...at, Array.isArray(value) ? Number(k) : k]));
  return [at, ...inner];
}

type Mutation = { kind: 'replace'; with: unknown } | { kind: 'delete' } | { kind: 'add'; key: string; with: unknown };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  junk.map((w) => ({ kind: 'replace' as const, with: w })),
  fc.constant({ kind: 'delete' as const }),
  fc.tuple(fc.constantFrom('__proto__', 'constructor', 'extra', 'type', 'passTo', 'scheduledFor', 'data'), junk).map(([key, w]) => ({ kind: 'add' as const, key, with: w })),
);

function mutate(event: CaseEvent, pick: number, m: Mutation): unknown {
  const copy = structuredClone(event) as unknown;
  const all = paths(copy);
  const path = all[pick % all.length]!;
  if (path.length === 0) return m.kind === 'replace' ? m.with : copy;
  const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((o, k) => o[k] as Record<string | number, unknown>, copy as Record<string, unknown>);
  const key = path.at(-1)!;
  if (m.kind === 'replace') parent[key] = m.with;
  else if (m.kind === 'delete') delete parent[key];
  // Only what JSON can say: an object gets a key, a list does not.
  else if (typeof parent[key] === 'object' && parent[key] !== null && !Array.isArray(parent[key])) Object.defineProperty(parent[key], m.key, { value: m.with, enumerable: true, configurable: true, writable: true });
  return copy;
}

const nowFor = (state: CaseState | null) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 400 * 86_400_000 }).map((ms) => new Date(Date.parse(state?.updatedAt ?? '2026-12-16T09:00:00Z') + ms).toISOString()) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 30 * 86_400_000 }).map((ms) => new Date(Date.parse(state?.updatedAt ?? '2026-12-16T09:00:00Z') - ms).toISOString()) },
    { weight: 1, arbitrary: fc.oneof(fc.string(), fc.constantFrom('2026-12-22T09:00', '2026-02-30T09:00:00Z', '2026-12-22T09:00:00+25:00', '9999-12-31T23:59:59Z', '0001-01-01T00:00:00Z')) },
  );

function refusalOf(run: () => unknown): Refusal {
  try {
    run();
  } catch (error) {
    if (error instanceof Refusal) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** Steps the event; every throw must be a Refusal, and a refused event must leave the state unchanged. */
function onlyRefusals(state: CaseState | null, event: unknown, now: unknown): void {
  const before = JSON.stringify(state);
  try {
    step(camden, state, event as CaseEvent, { now: now as string, people });
  } catch (error) {
    if (!(error instanceof Refusal)) throw new Error(`threw ${String(error)} for ${JSON.stringify(event)} at ${String(now)}`, { cause: error });
  }
  expect(JSON.stringify(state)).toBe(before);
}

describe('step throws nothing but a Refusal', () => {
  it('Given each valid event unchanged, Then it is accepted', () => {
    for (const { state, event, now: at, refused } of valid) {
      const now = at ?? (state ? new Date(Date.parse(state.updatedAt) + 3_600_000).toISOString() : '2026-12-16T09:00:00Z');
      const run = () => step(camden, state, event, { now, people });
      if (refused) expect(run).toThrow(expect.objectContaining({ code: refused }));
      else expect(run, event.type).not.toThrow();
    }
  });

  it('When an answer a guard compares is an object with no text form, Then the completion is refused, not a crash', () => {
    const event = valid[4]!.event as Extract<CaseEvent, { type: 'task_completed' }>;
    const data = { ...event.data, contactedOn: { toString: null } };
    const refused = refusalOf(() => step(camden, atTeam, { ...event, data }, { now: '2026-12-22T09:00:00Z', people }));
    expect(refused.code).toBe('form_invalid');
  });

  it('When the event is random JSON, Then it is refused at the door', () => {
    fc.assert(
      fc.property(fc.constantFrom(null, atFrontDoor, atTeam), fc.oneof(fc.jsonValue(), fc.record({ type: fc.constantFrom(...valid.map((v) => v.event.type)) }, { requiredKeys: [] })), (state, event) =>
        onlyRefusals(state, event, '2027-01-04T09:00:00Z'),
      ),
      { numRuns: 300 },
    );
  });

  it('When one part of a valid event against Camden is broken, or its time is odd, Then any throw is a Refusal and the case is unchanged', () => {
    fc.assert(
      fc.property(
        // By index, so that a counterexample prints the event, not the whole case.
        fc.nat(valid.length - 1).chain((i) => fc.tuple(fc.constant(i), fc.nat(), mutation, nowFor(valid[i]!.state))),
        ([i, pick, m, now]) => onlyRefusals(valid[i]!.state, mutate(valid[i]!.event, pick, m), now),
      ),
      { numRuns: 600 },
    );
  });
});
