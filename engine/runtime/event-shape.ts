/**
 * The door of `step`: an event is checked for its shape before anything reads it, so that a
 * malformed one is refused with `invalid_event` naming the field, never a TypeError or RangeError
 * from deep inside. The server's request schemas catch most of this first; the engine holds the
 * line for every other caller (scenarios, the designer, scripts). What the event's contents mean
 * (is the task open, are the answers right) is checked later, by the node behaviours.
 */
import { isLocalDate } from '../calendar/local-date.ts';
import { canonicalInstant } from '../calendar/zone.ts';
import { Refusal, pointer, type FieldError } from '../problems.ts';
import type { Instant } from '../time.ts';
import type { CaseEvent } from './events.ts';

type Check = (value: unknown, at: string, errors: FieldError[]) => void;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const own = (value: Record<string, unknown>, key: string): unknown => (Object.hasOwn(value, key) ? value[key] : undefined);
const fail = (errors: FieldError[], at: string, keyword: string, message: string) => errors.push({ pointer: at, keyword, message });
const named = (at: string) => (at === '' ? 'the event' : `"${at.slice(1).replace(/\//g, '.')}"`);

const id: Check = (value, at, errors) => {
  if (typeof value !== 'string' || value.trim() === '') fail(errors, at, 'type', `${named(at)} must be a non-empty id`);
};
const text: Check = (value, at, errors) => {
  if (typeof value !== 'string') fail(errors, at, 'type', `${named(at)} must be text`);
};
const object: Check = (value, at, errors) => {
  if (!isObject(value)) fail(errors, at, 'type', `${named(at)} must be an object`);
};
const ids: Check = (value, at, errors) => {
  if (!Array.isArray(value)) return void fail(errors, at, 'type', `${named(at)} must be a list of ids`);
  // Indexed, not forEach: a sparse list's holes are items too.
  for (let i = 0; i < value.length; i++) id(value[i], `${at}/${i}`, errors);
};
const oneOf = (...allowed: string[]): Check => (value, at, errors) => {
  if (typeof value !== 'string' || !allowed.includes(value)) fail(errors, at, 'enum', `${named(at)} must be one of ${allowed.join(', ')}`);
};
const localDate: Check = (value, at, errors) => {
  if (!isLocalDate(value)) fail(errors, at, 'format', `${named(at)} must be a real date, like 2027-01-27`);
};
const version: Check = (value, at, errors) => {
  if (!Number.isSafeInteger(value) || (value as number) < 0) fail(errors, at, 'type', `${named(at)} must be a whole number`);
};

/**
 * An object with these fields; `?` after a name makes it optional. The field list is taken apart
 * here, once, not on every event: checking the shape was a seventh of a small step's time.
 */
function shape(fields: Record<string, Check>): Check {
  const list = Object.entries(fields).map(([key, check]) => {
    const optional = key.endsWith('?');
    const name = optional ? key.slice(0, -1) : key;
    return { name, optional, check, at: pointer(name) };
  });
  return (value, at, errors) => {
    if (!isObject(value)) return void fail(errors, at, 'type', `${named(at)} must be an object`);
    for (const { name, optional, check, at: field } of list) {
      const given = own(value, name);
      if (given !== undefined) check(given, at + field, errors);
      else if (!optional) fail(errors, at + field, 'required', `${named(at + field)} is missing`);
    }
  };
}

/** A worker or a team, exactly one of the two. */
const passTo: Check = (value, at, errors) => {
  if (!isObject(value)) return void fail(errors, at, 'type', `${named(at)} must name a worker or a team`);
  const keys = ['worker', 'team'].filter((k) => own(value, k) !== undefined);
  if (keys.length !== 1 || Object.keys(value).length !== 1) return void fail(errors, at, 'oneOf', `${named(at)} must name a worker or a team: one of the two`);
  id(own(value, keys[0]!), `${at}/${keys[0]}`, errors);
};

const actor = shape({ id, roles: ids, teams: ids });
const chosenAction = shape({ action: id, 'passTo?': passTo, 'priority?': oneOf('urgent', 'normal', 'low'), 'scheduledFor?': localDate, 'note?': text });
const actions: Check = (value, at, errors) => {
  if (!Array.isArray(value)) return void fail(errors, at, 'type', `${named(at)} must be a list of the next actions chosen`);
  for (let i = 0; i < value.length; i++) chosenAction(value[i], `${at}/${i}`, errors);
};

const EVENTS: Record<CaseEvent['type'], Record<string, Check>> = {
  case_started: { caseId: id, entry: id, subject: object, 'data?': object, by: actor, 'parent?': shape({ caseId: id, node: id }) },
  task_completed: { taskId: id, by: actor, data: object, actions },
  task_reassigned: { taskId: id, by: actor, to: passTo, 'reason?': text },
  timer_fired: { timerId: id },
  case_withdrawn: { by: actor, reason: text },
  subflow_ended: { childCaseId: id, outcome: id },
};
/** Each event's shape, built once; any event may also name the version it expects. */
const EVENT_SHAPES = new Map(Object.entries(EVENTS).map(([type, fields]) => [type, shape({ ...fields, 'expectedVersion?': version })]));

/** Refuses an event whose shape is wrong, with every field at fault (`fieldErrors`) and the first named. */
export function checkEventShape(event: unknown): asserts event is CaseEvent {
  if (!isObject(event)) {
    throw new Refusal('invalid_event', 'The event must be an object.', { field: '', fieldErrors: [{ pointer: '', keyword: 'type', message: 'The event must be an object' }] });
  }
  const errors: FieldError[] = [];
  const type = own(event, 'type');
  const checkShape = typeof type === 'string' ? EVENT_SHAPES.get(type) : undefined;
  if (checkShape) checkShape(event, '', errors);
  else fail(errors, '/type', 'enum', `"type" must be one of ${Object.keys(EVENTS).join(', ')}`);
  if (errors.length === 0) return;
  const first = errors[0]!;
  throw new Refusal('invalid_event', `The event cannot be read: ${first.message}.`, { field: first.pointer, fieldErrors: errors });
}

/**
 * The step's time as the canonical UTC instant (`2026-12-01T09:30:00.000Z`), so that instants in
 * the case compare as text; refused unless it is ISO 8601 with a zone and a real date and time.
 */
export function checkedNow(now: unknown): Instant {
  try {
    return canonicalInstant(now as Instant);
  } catch {
    const given = typeof now === 'string' ? `"${now}"` : `a ${now === null ? 'null' : typeof now}`;
    throw new Refusal('invalid_event', `The time of the event, ${given}, must be a real date and time with a zone, like 2026-12-01T09:30:00Z.`, { field: 'now' });
  }
}
