/**
 * One small flow — start → user task → decision → timer → end — written three ways: a Stepwise
 * definition driven by the pure `step`, a BPMN 2.0 process run by bpmn-engine, and an XState v5
 * machine. Each `run*` function takes one family from start to end; test/bench/peers.ts times
 * them side by side. The user task's answer is `{ route: 'support' }`, the decision sends
 * "support" to a one-day wait and anything else to a second end, and the timer is fired by the
 * driver — an event in Stepwise, a simulated timer in bpmn-engine, XState's SimulatedClock — so
 * no run waits on wall-clock time.
 *
 * Each run may also "persist" (`persist = true`): at each wait (the open task, the pending
 * timer) the state is written to JSON and read back before the next event, as a server does
 * between events that are days apart.
 */
import { Engine } from 'bpmn-engine';
import { EventEmitter } from 'node:events';
import { assign, createActor, setup, SimulatedClock, type Snapshot } from 'xstate';
import { step, type Actor, type CaseState, type WorkflowDefinition } from '../../engine/index.ts';

const DAY_MS = 86_400_000;
const answer = { route: 'support' };

// --- Stepwise: the definition is data; `step` validates the answer against the form's JSON
// Schema (Ajv), evaluates the decision's JSONLogic, records history and audit effects.
export const smallDefinition = {
  id: 'small-flow',
  version: 1,
  name: 'Benchmark: start, user task, decision, timer, end',
  authority: { id: 'bench', name: 'Benchmark Borough Council' },
  calendar: { region: 'england-and-wales', timeZone: 'Europe/London' },
  roles: [{ id: 'worker', name: 'Worker' }],
  teams: [],
  outcomes: [{ id: 'done', name: 'Done' }, { id: 'no_action', name: 'No action' }],
  forms: {
    screening: {
      title: 'Screening',
      schema: { type: 'object', additionalProperties: false, required: ['route'], properties: { route: { enum: ['support', 'no_action'] } } },
    },
  },
  nodes: [
    { id: 'referred', kind: 'start', name: 'Referred', roles: ['worker'], next: 'screen' },
    { id: 'screen', kind: 'user_task', name: 'Screen', form: 'screening', assignee: { role: 'worker' }, nextActions: [{ id: 'decide', label: 'Decide', to: 'route' }] },
    { id: 'route', kind: 'decision', name: 'Route', branches: [{ when: { '==': [{ var: 'form.screen.route' }, 'support'] }, to: 'wait' }], default: 'no_action' },
    { id: 'wait', kind: 'timer', name: 'Wait a day', wait: { after: { amount: 1, unit: 'days' } }, next: 'done' },
    { id: 'done', kind: 'end', name: 'Done', outcome: 'done' },
    { id: 'no_action', kind: 'end', name: 'No action', outcome: 'no_action' },
  ],
} as unknown as WorkflowDefinition;

const family = { familyName: 'Okafor', children: [{ name: 'Ada Okafor', dateOfBirth: '2015-04-02' }] };
const worker: Actor = { id: 'wendy', roles: ['worker'], teams: [] };
const T0 = '2027-03-03T09:00:00.000Z';
const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export function runStepwise(i: number, persist: boolean): string {
  const keep = (s: CaseState) => (persist ? roundTrip(s) : s);
  let state = keep(step(smallDefinition, null, { type: 'case_started', caseId: `c${i}`, entry: 'referred', subject: family, by: worker }, { now: T0 }).caseState);
  const task = Object.values(state.tasks)[0]!;
  state = keep(step(smallDefinition, state, { type: 'task_completed', taskId: task.id, by: worker, data: answer, actions: [{ action: 'decide' }] }, { now: T0 }).caseState);
  const timer = Object.values(state.timers)[0]!;
  state = step(smallDefinition, state, { type: 'timer_fired', timerId: timer.id }, { now: timer.fireAt }).caseState;
  if (state.status !== 'closed' || !('done' in state.done)) throw new Error(`Stepwise ended ${state.status}`);
  return state.status;
}

// --- XState v5: the guard and the delay are supplied as code; no form validation.
export const smallMachine = setup({
  types: { context: {} as { route?: string }, events: {} as { type: 'task_completed'; data: { route: string } } },
  guards: { isSupport: ({ context }) => context.route === 'support' },
  delays: { oneDay: DAY_MS },
}).createMachine({
  id: 'small',
  initial: 'screen',
  context: {},
  states: {
    screen: { on: { task_completed: { target: 'route', actions: assign({ route: ({ event }) => event.data.route }) } } },
    route: { always: [{ guard: 'isSupport', target: 'wait' }, { target: 'no_action' }] },
    wait: { after: { oneDay: 'done' } },
    done: { type: 'final' },
    no_action: { type: 'final' },
  },
});

export function runXState(persist: boolean): string {
  const clock = new SimulatedClock();
  let actor = createActor(smallMachine, { clock }).start();
  const resume = () => {
    if (!persist) return;
    const saved = JSON.stringify(actor.getPersistedSnapshot());
    actor.stop();
    // The restored actor re-arms the pending `after` delay on the new clock.
    actor = createActor(smallMachine, { clock, snapshot: JSON.parse(saved) as Snapshot<unknown> }).start();
  };
  resume();
  actor.send({ type: 'task_completed', data: answer });
  resume();
  // XState v5 keeps pending `after` delays in the actor system (with live actor references), not
  // in the persisted snapshot: a restored actor waiting in `wait` never fires. A server would
  // schedule the timer itself and deliver it as an event, so the persisted run sends the delay's
  // own event; in memory, the simulated clock fires it.
  if (persist) actor.send({ type: 'xstate.after.oneDay.small.wait' } as never);
  else clock.increment(DAY_MS);
  const snapshot = actor.getSnapshot();
  if (snapshot.status !== 'done' || snapshot.value !== 'done') throw new Error(`XState ended in ${String(snapshot.value)}`);
  return snapshot.status;
}

// --- bpmn-engine: BPMN 2.0 XML, parsed once; each run gets a new Engine on the parsed context.
export const smallBpmn = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  id="smallFlow" targetNamespace="http://stepwise.example/bench">
  <process id="small" isExecutable="true">
    <startEvent id="referred" />
    <sequenceFlow id="toScreen" sourceRef="referred" targetRef="screen" />
    <userTask id="screen" />
    <sequenceFlow id="toRoute" sourceRef="screen" targetRef="route" />
    <exclusiveGateway id="route" default="toNoAction" />
    <sequenceFlow id="toWait" sourceRef="route" targetRef="wait">
      <conditionExpression xsi:type="tFormalExpression">\${environment.services.equals(environment.output.screen.route,'support')}</conditionExpression>
    </sequenceFlow>
    <sequenceFlow id="toNoAction" sourceRef="route" targetRef="noAction" />
    <intermediateCatchEvent id="wait">
      <timerEventDefinition><timeDuration xsi:type="tFormalExpression">P1D</timeDuration></timerEventDefinition>
    </intermediateCatchEvent>
    <sequenceFlow id="toDone" sourceRef="wait" targetRef="done" />
    <endEvent id="done" />
    <endEvent id="noAction" />
  </process>
</definitions>`;

type TimerCallback = CallableFunction;
interface PendingTimer { callback: TimerCallback; args: unknown[]; delay: number; timerId: string; timerRef: null }

/** bpmn-engine's timers, simulated: nothing is handed to Node's setTimeout; `fire` runs them. */
class SimulatedTimers {
  readonly pending = new Set<PendingTimer>();
  private count = 0;
  /** bpmn-engine clears whatever is still executing when a run completes. */
  get executing(): PendingTimer[] {
    return [...this.pending];
  }
  register() {
    return { setTimeout: this.setTimeout, clearTimeout: this.clearTimeout };
  }
  setTimeout = (callback: TimerCallback, delay: number, ...args: unknown[]): PendingTimer => {
    const timer = { callback, args, delay, timerId: `simulated-${(this.count += 1)}`, timerRef: null };
    this.pending.add(timer);
    return timer;
  };
  clearTimeout = (timer: unknown): void => {
    this.pending.delete(timer as PendingTimer);
  };
  fire(): number {
    const due = [...this.pending];
    this.pending.clear();
    for (const t of due) (t.callback as (...args: unknown[]) => void)(...t.args);
    return due.length;
  }
}

const services = { equals: (a: unknown, b: unknown) => a === b };

/** A listener that keeps the user task's answer where the gateway's condition reads it. */
function outputListener(): EventEmitter {
  const listener = new EventEmitter();
  listener.on('activity.end', (api: { id: string; content: { output?: unknown }; environment: { output: Record<string, unknown> } }) => {
    if (api.id === 'screen') api.environment.output.screen = api.content.output;
  });
  return listener;
}

export async function parseBpmn(): Promise<unknown> {
  const [definition] = await new Engine({ name: 'parse', source: smallBpmn }).getDefinitions();
  return definition!.context.definitionContext;
}

export async function runBpmn(sourceContext: unknown, i: number, persist: boolean): Promise<string> {
  const timers = new SimulatedTimers();
  const listener = outputListener();
  const options = { name: `flow-${i}`, sourceContext: sourceContext as never, services, timers };
  let engine = new Engine(options);
  const ended = () => new Promise<void>((resolve, reject) => {
    engine.once('end', () => resolve());
    engine.once('error', reject);
  });
  await engine.execute({ listener });
  const resume = async () => {
    if (!persist) return;
    const saved = JSON.stringify(await engine.getState());
    engine.stop();
    engine = new Engine(options).recover(JSON.parse(saved) as never);
    await engine.resume({ listener });
  };
  await resume();
  const [task] = engine.execution!.getPostponed();
  if (task?.id !== 'screen') throw new Error(`bpmn-engine waits at ${task?.id}`);
  task.signal(answer);
  await resume();
  const done = ended();
  if (timers.fire() !== 1) throw new Error('bpmn-engine has no pending timer');
  await done;
  const output = engine.environment.output as Record<string, unknown>;
  if (engine.state !== 'idle' || !output.screen) throw new Error(`bpmn-engine ended ${engine.state}`);
  return engine.state;
}
