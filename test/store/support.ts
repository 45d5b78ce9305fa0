/**
 * Shared by the runtime tests, the two-process and crash tests and the store benchmark: a
 * temporary SQLite store with the every-node fixture published, its practitioners, and a
 * "player" that knows how to complete each of the fixture's tasks.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Actor, CaseState, ChosenAction, Subject, WorkflowDefinition } from '../../engine/index.ts';
import type { CaseRunner, RunnerEvent, SimulatedClock } from '../../server/runtime/index.ts';
import { openSqliteStore, type Store } from '../../server/store/index.ts';

const here = dirname(fileURLToPath(import.meta.url));

export function fixtureDefinition(): WorkflowDefinition {
  return JSON.parse(readFileSync(join(here, '../fixtures/every-node.json'), 'utf8')) as WorkflowDefinition;
}

export const actors = {
  sam: { id: 'sam', roles: ['social_worker'], teams: [] },
  dana: { id: 'dana', roles: ['duty_manager'], teams: ['front_door'] },
  tess: { id: 'tess', roles: ['eh_team_manager'], teams: ['locality_north', 'panel'] },
  fay: { id: 'fay', roles: ['family_worker'], teams: ['locality_north'] },
  max: { id: 'max', roles: ['mash_manager'], teams: [] },
} satisfies Record<string, Actor>;

export const subject: Subject = { familyName: 'Okafor', children: [{ name: 'Ada Okafor', dateOfBirth: '2015-04-02' }] };

export const T0 = '2026-11-02T09:00:00.000Z';

export function tempDir(): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-store-'));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Publishes a definition (the fixture by default) as its next version. */
export async function publishDefinition(store: Store, definition = fixtureDefinition()): Promise<void> {
  await store.saveDraft(definition, { by: 'admin', at: T0 });
  await store.publish(definition.id, { by: 'admin', at: T0 });
}

export async function openFixtureStore(): Promise<{ store: Store; path: string; dispose(): Promise<void> }> {
  const temp = tempDir();
  const path = join(temp.dir, 'stepwise.db');
  const store = openSqliteStore({ path });
  await publishDefinition(store);
  const dispose = async () => {
    await store.close();
    temp.dispose();
  };
  return { store, path, dispose };
}

export type Route = 'team' | 'panel' | 'advice';

/** How each fixture task is done: who does it, the answers and the next action. */
function play(node: string, route: Route): { by: Actor; data: Record<string, unknown>; action: ChosenAction } {
  switch (node) {
    case 'plan':
      return { by: actors.sam, data: { consent: true, finalReviewDate: '2027-01-20' }, action: { action: 'refer' } };
    case 'screen':
      return { by: actors.dana, data: { route }, action: { action: 'decide' } };
    case 'panel_decision':
      return { by: actors.tess, data: {}, action: { action: 'allocate', passTo: { team: 'locality_north' } } };
    case 'joint_visit':
      return { by: actors.fay, data: { visitDate: '2026-11-12' }, action: { action: 'visited' } };
    case 'review':
      return { by: actors.fay, data: { summary: 'Going well' }, action: { action: 'close' } };
    case 'mash_decision':
      return { by: actors.max, data: { rationale: 'Threshold met' }, action: { action: 'record' } };
    default:
      throw new Error(`no play for ${node}`);
  }
}

/** Completing the case's first open task, or null when it only waits for timers. */
export function nextTaskEvent(state: CaseState, route: Route = 'team'): RunnerEvent | null {
  const task = Object.values(state.tasks).filter((t) => t.status === 'open').sort((a, b) => (a.id < b.id ? -1 : 1))[0];
  if (!task) return null;
  const { by, data, action } = play(task.node, route);
  return { type: 'task_completed', taskId: task.id, by, data, actions: [action] };
}

/** The notification ids a case's timeline says were sent (notification nodes and escalations). */
export function notificationIds(state: CaseState): string[] {
  return state.history.flatMap((h) => (typeof h.notification === 'string' ? [h.notification] : []));
}

/**
 * One family through the fixture, an hour of the clock between steps: start, then each task in
 * turn and each waiting timer when it is due, until nothing is left. Each step runs through
 * `timed`, which the benchmarks use to measure it. Returns the number of steps.
 */
export async function walkFixtureCase(runner: CaseRunner, clock: SimulatedClock, timed: (work: () => Promise<CaseState>) => Promise<CaseState>): Promise<number> {
  clock.set(T0);
  let state = await timed(() => runner.startCase({ definition: 'every-node', entry: 'step_down', subject, data: { consent: true, finalReviewDate: '2027-01-20' }, by: actors.sam }));
  for (let steps = 1; ; steps++) {
    clock.advance(3600_000);
    const event = nextTaskEvent(state);
    const waiting = Object.values(state.timers).find((t) => t.purpose === 'wait');
    const id = state.id;
    if (event) state = await timed(() => runner.dispatch(id, event));
    else if (waiting) state = await timed(() => runner.dispatch(id, { type: 'timer_fired', timerId: waiting.id }, { at: waiting.fireAt }));
    else return steps;
  }
}
