/**
 * The wording lint: practitioner-facing text that contradicts its own timescale. Each case
 * changes one number in a real definition and expects the text beside it to be reported, and
 * only that text.
 */
import { describe, expect, it } from 'vitest';
import camden from '../../definitions/camden.json' with { type: 'json' };
import cafEhm from '../../definitions/caf-ehm.json' with { type: 'json' };
import clinic from '../../definitions/clinic.json' with { type: 'json' };
import type { WorkflowDefinition } from '../schema/definition.types.ts';
import { durationsIn } from './durations.ts';
import { validateDefinition } from './validate-definition.ts';

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const copy = (d: unknown) => structuredClone(d) as WorkflowDefinition & Loose;
const nodeAt = (d: WorkflowDefinition, id: string) => d.nodes.findIndex((n) => n.id === id);
const node = (d: WorkflowDefinition, id: string) => d.nodes[nodeAt(d, id)] as unknown as Loose;
const wording = (d: WorkflowDefinition) => validateDefinition(d).filter((p) => p.code.startsWith('wording_'));

describe('durationsIn: what a sentence says about time', () => {
  it('reads numbers, number words, "a" where a length is meant, ranges and hyphenated forms', () => {
    expect(durationsIn('within 2 working days').map((s) => [s.amount, s.unit, s.about])).toEqual([[2, 'working_days', 'deadline']]);
    expect(durationsIn('Still open a working day after its deadline.').map((s) => [s.amount, s.about])).toEqual([[1, 'overdue']]);
    expect(durationsIn('every 6-8 weeks').map((s) => s.amount)).toEqual([6, 8]);
    expect(durationsIn('the 12-month review, within two weeks').map((s) => [s.amount, s.unit])).toEqual([[12, 'months'], [2, 'weeks']]);
    expect(durationsIn('2 working days after the 5 working day timescale').map((s) => s.about)).toEqual(['any', 'deadline']);
  });

  it('does not take "on a working day" or an ordinal for a duration', () => {
    expect(durationsIn('The meeting must be on a working day, by the end of the third week.')).toEqual([]);
  });
});

describe('wording_contradicts_timescale', () => {
  it('Given the four definitions as written, When validated, Then no wording contradicts its timescale', () => {
    for (const d of [camden, cafEhm, clinic]) expect(wording(copy(d))).toEqual([]);
  });

  it('Given Camden screening due in 3 working days, When validated, Then its wording and both escalation messages that say 2 are reported, naming both numbers', () => {
    const d = copy(camden);
    node(d, 'asm_screen').due.after.amount = 3;
    const at = `/nodes/${nodeAt(d, 'asm_screen')}`;
    const problems = wording(d);
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['wording_contradicts_timescale', `${at}/due/label`],
      ['wording_contradicts_timescale', `${at}/escalations/0/message`],
      ['wording_contradicts_timescale', `${at}/escalations/1/message`],
    ]);
    expect(problems[0]!.message).toBe('"Screen the step down referral" is due in 3 working days, but the wording of its deadline says "2 working days": change the wording to say 3 working days, or change the deadline.');
  });

  it('Given an escalation sent 2 working days after the deadline that says "a working day after", When validated, Then the message is reported against its own delay', () => {
    const d = copy(camden);
    node(d, 'asm_screen').escalations[1].after.amount = 2;
    const [problem] = wording(d);
    expect(problem).toMatchObject({ path: `/nodes/${nodeAt(d, 'asm_screen')}/escalations/1/message` });
    expect(problem!.message).toContain('says the step is "a working day" late, but it is sent 2 working days after the deadline');
  });

  it('Given a consultation due in 2 working days, When validated, Then the e-mail sent beside it that promises 1 is reported', () => {
    const d = copy(camden);
    node(d, 'asm_offer_consultation').due.after.amount = 2;
    const paths = wording(d).map((p) => p.path);
    expect(paths).toContain(`/nodes/${nodeAt(d, 'asm_tell_sw_team')}/body`);
  });

  it('Given a description that says "within 5 working days" on a 2-day task, When validated, Then the description is reported', () => {
    const d = copy(camden);
    node(d, 'asm_screen').description = 'Reply to the social worker within 5 working days.';
    expect(wording(d).map((p) => p.path)).toEqual([`/nodes/${nodeAt(d, 'asm_screen')}/description`]);
  });

  it('Given a description that only mentions working days in passing, When validated, Then nothing is reported', () => {
    const d = copy(camden);
    node(d, 'asm_screen').description = 'Meetings are held on a working day; the panel meets every 2 weeks.';
    expect(wording(d)).toEqual([]);
  });

  it('Given a step a 6 to 8 week timer starts, When its wording says 8 weeks for a 2-week deadline, Then it is right (the wait and the deadline together)', () => {
    const d = copy(cafEhm);
    expect(node(d, 'fp_meeting').due.label).toContain('8 weeks');
    expect(wording(d)).toEqual([]);
  });

  it('Given 4 weeks written as 28 days, When validated, Then they agree; 4 working days do not', () => {
    const d = copy(cafEhm);
    const task = node(d, 'initial_fp_meeting');
    task.due.label = 'within 28 days of the step down';
    expect(wording(d)).toEqual([]);
    task.due.label = 'within 4 working days of the step down';
    expect(wording(d).map((p) => p.code)).toEqual(['wording_contradicts_timescale']);
  });
});

describe('wording_contradicts_slot', () => {
  it('Given the clinic timer on Thursdays, When its wording says Wednesdays at 10:00, Then the day is reported', () => {
    const d = copy(clinic);
    const timer = node(d, 'clinic_meets');
    timer.wait.label = 'the next clinic, Wednesdays 09:30 to 12:30';
    expect(wording(d).map((p) => [p.code, p.path])).toEqual([['wording_contradicts_slot', `/nodes/${nodeAt(d, 'clinic_meets')}/wait/label`]]);
    timer.wait.label = 'the next clinic, Thursdays 10:00 to 12:30';
    expect(wording(d)[0]!.message).toContain('says 10:00, but the slot runs from 09:30 to 12:30');
  });
});
