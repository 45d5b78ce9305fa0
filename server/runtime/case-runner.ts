/**
 * The runtime loop around the pure engine: load the case and the definition version it runs on
 * → `step` → one atomic `commitStep` (case, task rows, timer rows, audit, outbox) checked against
 * the loaded version. Effects that leave the process (e-mails, sub-flows) are only written to the
 * outbox here; the outbox worker performs them after the commit, so a crash loses none.
 *
 * Two people completing the same task at once: both load version N, both step, one commit wins.
 * The loser's commit gets a ConflictError; the runner reloads and steps again, and the engine now
 * refuses (`task_not_open`, "Someone else already did this") — nothing is written twice.
 */
import { randomUUID } from 'node:crypto';
import { Refusal, step, type Actor, type CaseEvent, type Person, type CaseState, type Instant, type Subject, type WorkflowDefinition } from '../../engine/index.ts';
import { ConflictError, StoreError, type IdempotencyHold, type IdempotentCommit, type Store } from '../store/index.ts';
import { instant } from '../store/rows.ts';
import type { Clock } from './clock.ts';
import { auditOf, outboxOf, type StartSubflowJob } from './effects.ts';
import { eventMessagesFor } from '../events/case-events.ts';

/** Where published definitions come from; defaults to the store. */
export interface DefinitionSource {
  get(id: string, version: number): Promise<WorkflowDefinition | null>;
  latest(id: string): Promise<WorkflowDefinition | null>;
}

export interface CaseRunnerOptions {
  store: Store;
  clock: Clock;
  definitions?: DefinitionSource;
  /** Case ids; random UUIDs by default. */
  newCaseId?: () => string;
  /** Commits tried before giving up with `stale_version` when the case keeps changing underneath. */
  maxAttempts?: number;
}

export interface StartCaseInput {
  definition: string;
  /** Defaults to the latest published version. */
  version?: number;
  entry: string;
  subject: Subject;
  data?: Record<string, unknown>;
  by: Actor;
  caseId?: string;
  parent?: { caseId: string; node: string };
}

export type RunnerEvent = Exclude<CaseEvent, { type: 'case_started' }>;

/**
 * A request sent with an Idempotency-Key (server/http/idempotency.ts). Its change is marked in the
 * change's own transaction; if an earlier attempt already committed (and died before answering),
 * the runner makes no change and returns the case as it now stands, for the route to answer with.
 */
export interface KeyedRequest {
  hold: IdempotencyHold;
  committed: IdempotentCommit | null;
}

export interface DispatchOptions {
  at?: Instant;
  keyed?: KeyedRequest;
  /**
   * The case as the caller just loaded it (a route checking who may act on it), so the first
   * attempt steps from it instead of loading and parsing it again. Safe because the commit is
   * checked against its version: if the case changed since, the commit conflicts and the retry
   * loads it afresh. The engine never changes the state it is given.
   */
  loaded?: CaseState;
}

export interface CaseRunner {
  startCase(input: StartCaseInput, options?: { keyed?: KeyedRequest }): Promise<CaseState>;
  /** `at`: the instant the event happened, if earlier than now (a timer caught up after downtime). */
  dispatch(caseId: string, event: RunnerEvent, options?: DispatchOptions): Promise<CaseState>;
  /** Loads a case for a person and records the read in the case's audit log first. */
  readCase(caseId: string, actor: string, what: string, options?: { authority?: string }): Promise<CaseState>;
  /** Starts the child case a `start_subflow` effect asked for, with the id the engine chose. */
  startSubflow(job: StartSubflowJob): Promise<CaseState>;
}

/** Pauses between reloads that have not yet seen a conflict's winner: 5, 10, … 320 ms, about 0.6 s in all. */
const RELOAD_FIRST_PAUSE_MS = 5;
const RELOAD_LAST_PAUSE_MS = 320;

const noCase = (caseId: string) => new StoreError('not_found', `There is no case ${caseId}.`, { caseId, missing: 'case' });

export function storeDefinitions(store: Store): DefinitionSource {
  // Published versions never change, so caching them is safe.
  const cache = new Map<string, WorkflowDefinition>();
  return {
    async get(id, version) {
      const key = `${id}@${version}`;
      const hit = cache.get(key);
      if (hit) return hit;
      const found = await store.getDefinition(id, version);
      if (found) cache.set(key, found.definition);
      return found?.definition ?? null;
    },
    async latest(id) {
      const found = await store.latestPublished(id);
      if (!found) return null;
      // The same object for the same version, so the engine's per-definition compile is reused.
      const key = `${id}@${found.version}`;
      const hit = cache.get(key);
      if (hit) return hit;
      cache.set(key, found.definition);
      return found.definition;
    },
  };
}

export function createCaseRunner(options: CaseRunnerOptions): CaseRunner {
  const { store, clock } = options;
  const definitions = options.definitions ?? storeDefinitions(store);
  const newCaseId = options.newCaseId ?? (() => randomUUID());
  const maxAttempts = options.maxAttempts ?? 3;

  type Commit = { state: CaseState; expectedVersion: number | null; effects: ReturnType<typeof step>['effects']; writtenAt: Instant; by?: string; previous?: CaseState; keyed?: KeyedRequest };
  async function commit({ state, expectedVersion, effects, writtenAt, by, previous, keyed }: Commit) {
    // Events for case systems (server/events) go out through the outbox too, written with the step.
    const events = await eventMessagesFor(store, state, effects, expectedVersion === null ? null : (previous ?? null));
    await store.commitStep({
      caseState: state, expectedVersion, audit: auditOf(effects, writtenAt, by), at: writtenAt,
      outbox: [...outboxOf(state, effects), ...events],
      ...(previous ? { previous } : {}), ...(keyed ? { request: keyed.hold } : {}),
    });
  }

  /** The case an earlier attempt of this keyed request already changed, as it now stands. */
  async function alreadyCommitted({ caseId }: IdempotentCommit): Promise<CaseState> {
    const state = await store.getCase(caseId);
    if (!state) throw noCase(caseId);
    return state;
  }

  async function startCase(input: StartCaseInput, options: { keyed?: KeyedRequest } = {}): Promise<CaseState> {
    const { keyed } = options;
    if (keyed?.committed) return alreadyCommitted(keyed.committed);
    const definition = input.version === undefined ? await definitions.latest(input.definition) : await definitions.get(input.definition, input.version);
    if (!definition) throw new StoreError('not_found', `There is no published definition ${input.definition}.`, { definition: input.definition, missing: 'definition' });
    const now = instant(clock.now());
    const { caseState, effects } = step(definition, null, {
      type: 'case_started',
      caseId: input.caseId ?? newCaseId(),
      entry: input.entry,
      subject: input.subject,
      ...(input.data ? { data: input.data } : {}),
      by: input.by,
      ...(input.parent ? { parent: input.parent } : {}),
    }, { now });
    await commit({ state: caseState, expectedVersion: null, effects, writtenAt: now, by: input.by.id, ...(keyed ? { keyed } : {}) });
    return caseState;
  }

  /**
   * The directory entries of the workers an event passes work to, from this authority's active
   * people only, so the engine can refuse work passed to a stranger or to the wrong role.
   */
  async function peopleNamed(event: RunnerEvent, authority: string): Promise<Record<string, Person>> {
    const named = new Set<string>();
    if (event.type === 'task_completed') for (const a of event.actions) if (a.passTo && 'worker' in a.passTo) named.add(a.passTo.worker);
    if (event.type === 'task_reassigned' && 'worker' in event.to) named.add(event.to.worker);
    const people: Record<string, Person> = {};
    for (const id of named) {
      const user = typeof id === 'string' ? await store.getUser(id) : null;
      if (user && user.authority === authority && !user.disabled) people[id] = { roles: user.roles, teams: user.teams };
    }
    return people;
  }

  async function dispatch(caseId: string, event: RunnerEvent, opts: DispatchOptions = {}): Promise<CaseState> {
    const { keyed } = opts;
    if (keyed?.committed) return alreadyCommitted(keyed.committed);
    let people: Record<string, Person> | undefined;
    // The version the store held when the last commit conflicted, if it said (the winner's).
    let winner: number | null = null;
    for (let attempt = 1; ; attempt++) {
      const current = attempt === 1 && opts.loaded?.id === caseId ? opts.loaded : await reload(caseId, winner);
      if (!current) throw noCase(caseId);
      people ??= await peopleNamed(event, current.authority);
      const definition = await definitions.get(current.definition.id, current.definition.version);
      if (!definition) throw new StoreError('not_found', `Definition ${current.definition.id} v${current.definition.version} is missing.`, { caseId, missing: 'definition' });
      const writtenAt = instant(clock.now());
      // Case time never runs backwards, even if the clock or a late timer would have it so.
      const now = latest(opts.at ?? writtenAt, current.updatedAt);
      const { caseState, effects } = step(definition, current, event, { now, people });
      try {
        await commit({ state: caseState, expectedVersion: current.version, effects, writtenAt, previous: current, ...(keyed ? { keyed } : {}) });
        return caseState;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        winner = typeof error.details.actual === 'number' ? error.details.actual : null;
        if (attempt >= maxAttempts) {
          throw new Refusal('stale_version', 'This case is changing as you act on it. Reload it and try again.', { caseId });
        }
      }
    }
  }

  /**
   * The case after a conflict, at least at the version the store reported holding (`atLeast`):
   * a read that returns an older one — a MongoDB majority read from a session that has not yet
   * seen the winner's commit — is tried again after a short pause, so the step runs against the
   * winner and the loser hears "Someone else already did this", as on SQLite, rather than
   * spending its attempts on reads that miss the winner and getting `stale_version`.
   */
  async function reload(caseId: string, atLeast: number | null): Promise<CaseState | null> {
    for (let pause = RELOAD_FIRST_PAUSE_MS; ; pause *= 2) {
      const state = await store.getCase(caseId);
      if (!state || atLeast === null || state.version >= atLeast || pause > RELOAD_LAST_PAUSE_MS) return state;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  async function readCase(caseId: string, actor: string, what: string, options: { authority?: string } = {}): Promise<CaseState> {
    // One load: another authority's case is "not found" and its log gets no entry. The read is
    // recorded before the state is handed out: a read that cannot be recorded does not happen.
    const state = await store.getCase(caseId);
    if (!state || (options.authority !== undefined && state.authority !== options.authority)) {
      throw noCase(caseId);
    }
    await store.appendRead(caseId, actor, what, instant(clock.now()));
    return state;
  }

  async function startSubflow(job: StartSubflowJob): Promise<CaseState> {
    const definition = await definitions.latest(job.definition);
    if (!definition) throw new StoreError('not_found', `There is no published definition ${job.definition}.`, { definition: job.definition, missing: 'definition' });
    // The protocol itself starts a sub-flow, so the system acts with every role it defines.
    const system: Actor = { id: 'system', roles: definition.roles.map((r) => r.id), teams: [] };
    return startCase({ definition: job.definition, version: definition.version, entry: job.entry, subject: job.subject, data: job.input, by: system, caseId: job.caseId, parent: job.parent });
  }

  return { startCase, dispatch, readCase, startSubflow };
}

function latest(a: Instant, b: Instant): Instant {
  const x = instant(a);
  const y = instant(b);
  return x > y ? x : y;
}
