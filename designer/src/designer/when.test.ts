import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { When, WorkflowDefinition } from '../../../engine/schema/definition.types.ts';
import { describeWhen, fromWhen, toWhen } from './when.ts';

const dir = new URL('../../../definitions/', import.meta.url);
const definitions = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as WorkflowDefinition);

/** Every timescale in the four definitions: task due dates, availability and timer waits. */
const everyWhen: When[] = definitions.flatMap((d) =>
  d.nodes.flatMap((n) => [n.kind === 'user_task' ? [n.due, n.availableFrom] : [], n.kind === 'timer' ? [n.wait] : []].flat().filter((w): w is When => w !== undefined)),
);

describe('the due-date picker and When', () => {
  it('Given every timescale of the four definitions, When shown in the picker and written back, Then it is unchanged', () => {
    expect(everyWhen.length).toBeGreaterThan(50);
    const kinds = new Set(everyWhen.map((w) => fromWhen(w).mode));
    expect(kinds).toEqual(new Set(['after', 'before', 'slot', 'window', 'at']));
    for (const w of everyWhen) expect(toWhen(fromWhen(w))).toEqual(w);
  });

  it('writes each mode of the picker', () => {
    const m = fromWhen(undefined);
    expect(toWhen(m)).toBeUndefined();
    expect(toWhen({ ...m, mode: 'after', amount: 10, unit: 'working_days' })).toEqual({ after: { amount: 10, unit: 'working_days' } });
    expect(toWhen({ ...m, mode: 'after', amount: 2, unit: 'weeks', from: ['form.a.date'] })).toEqual({ from: 'form.a.date', after: { amount: 2, unit: 'weeks' } });
    expect(toWhen({ ...m, mode: 'slot', days: ['tuesday'], start: '09:30', end: '12:00' })).toEqual({ nextSlot: { days: ['tuesday'], start: '09:30', end: '12:00' } });
    expect(toWhen({ ...m, mode: 'window', earliest: { amount: 6, unit: 'weeks' }, latest: { amount: 8, unit: 'weeks' } })).toEqual({ window: { earliest: { amount: 6, unit: 'weeks' }, latest: { amount: 8, unit: 'weeks' } } });
  });

  it('says the timescale in words', () => {
    expect(describeWhen(fromWhen({ after: { amount: 1, unit: 'working_days' } }))).toBe('1 working day after the task starts');
    expect(describeWhen(fromWhen({ from: 'form.a.d', before: { amount: 20, unit: 'working_days' } }), () => 'the final review')).toBe('20 working days before the final review');
    expect(describeWhen(fromWhen({ nextSlot: { days: ['tuesday'], start: '09:30' } }))).toBe('The next Tuesday at 09:30 after the task starts');
  });
});
