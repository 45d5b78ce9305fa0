/**
 * The process crash.test.ts kills: streams steps over many cases of the every-node fixture —
 * starting cases, completing tasks, and moving its clock so the scheduler fires timers — and
 * prints `ack <caseId> <version>` after each step's commit has returned (i.e. is durable).
 * Steps on IN_FLIGHT cases go at once, as concurrent requests do, so their commits share
 * transactions (the store's group commit), and the scheduler fires its batch of timers at once.
 * It never stops by itself before MAX_STEPS: it is meant to be killed.
 */
import { writeSync } from 'node:fs';
import { createCaseRunner, createScheduler, SimulatedClock, type CaseRunner } from '../../server/runtime/index.ts';
import { openSqliteStore } from '../../server/store/index.ts';
import { actors, nextTaskEvent, subject, T0, type Route } from './support.ts';

const [path, prefix] = process.argv.slice(2);
if (!path || !prefix) throw new Error('usage: crash-worker.ts <db path> <case id prefix>');

const SLOTS = 30;
/** Cases stepped at once (fewer than SLOTS, so never one case twice). */
const IN_FLIGHT = 8;
const MAX_STEPS = 20_000;
const ROUTES: Route[] = ['team', 'panel', 'advice'];

const store = openSqliteStore({ path });
const clock = new SimulatedClock(T0);
const ack = (caseId: string, version: number) => writeSync(1, `ack ${caseId} ${version}\n`);
const inner = createCaseRunner({ store, clock });
const runner: CaseRunner = {
  ...inner,
  async startCase(input) {
    const state = await inner.startCase(input);
    ack(state.id, state.version);
    return state;
  },
  async dispatch(caseId, event, options) {
    const state = await inner.dispatch(caseId, event, options);
    ack(state.id, state.version);
    return state;
  },
};
const scheduler = createScheduler({ store, runner, clock, owner: `crash-${prefix}`, batch: 10 });

const slots: Array<{ id: string; route: Route } | undefined> = [];
let started = 0;

async function startIn(slot: number): Promise<void> {
  const id = `${prefix}-${String(++started).padStart(4, '0')}`;
  slots[slot] = { id, route: ROUTES[started % ROUTES.length]! };
  await runner.startCase({ caseId: id, definition: 'every-node', entry: 'step_down', subject, data: { consent: true, finalReviewDate: '2027-01-20' }, by: actors.sam });
}

/** One step on the case in `slot`; or, when that case only waits for timers, the earliest of them. */
async function stepIn(slot: number): Promise<string | undefined> {
  const current = slots[slot];
  const state = current ? await store.getCase(current.id) : null;
  if (!current || !state || state.status !== 'open') {
    await startIn(slot);
    return undefined;
  }
  const event = nextTaskEvent(state, current.route);
  if (!event) return Object.values(state.timers).map((t) => t.fireAt).sort()[0];
  await runner.dispatch(state.id, event);
  return undefined;
}

for (let i = 0; i < MAX_STEPS; i += IN_FLIGHT) {
  clock.advance(10 * 60_000);
  const waiting = await Promise.all(Array.from({ length: IN_FLIGHT }, (_, k) => stepIn((i + k) % SLOTS)));
  // Cases with only timers left: move time to the earliest and let the scheduler fire what is due.
  const earliest = waiting.filter((at) => at !== undefined).sort()[0];
  if (!earliest) continue;
  if (Date.parse(earliest) > Date.parse(clock.now())) clock.set(earliest);
  await scheduler.tick();
}
await store.close();
