import { describe, expect, it } from 'vitest';
import { checkRule } from './check.ts';
import { evaluate, truthy } from './rules.ts';

describe('date operators', () => {
  const data = { form: { meeting: { date: '2026-12-22', next: '2027-01-19' } }, done: { referral: '2026-12-17T23:30:00Z' }, today: '2026-12-23' };

  it('counts calendar days between form dates and London dates of instants, across the year end', () => {
    expect(evaluate({ days_between: [{ var: 'form.meeting.date' }, { var: 'form.meeting.next' }] }, data)).toBe(28);
    expect(evaluate({ days_between: [{ var: 'done.referral' }, { var: 'today' }] }, data)).toBe(6);
    expect(truthy({ '<=': [{ days_between: [{ var: 'form.meeting.date' }, { var: 'form.meeting.next' }] }, 28] }, data)).toBe(true);
  });

  it('names the weekday, as a "Tuesday to Thursday" check needs', () => {
    expect(evaluate({ weekday: [{ var: 'form.meeting.date' }] }, data)).toBe('tuesday');
    expect(truthy({ in: [{ weekday: [{ var: 'form.meeting.next' }] }, ['tuesday', 'wednesday', 'thursday']] }, data)).toBe(true);
    // 23:30 UTC on 17 Dec 2026 is still the 17th in London (GMT): a Thursday.
    expect(evaluate({ weekday: [{ var: 'done.referral' }] }, data)).toBe('thursday');
  });

  it('adds days, and answers null (false in conditions) for anything that is not a date', () => {
    expect(evaluate({ add_days: [{ var: 'form.meeting.date' }, 28] }, data)).toBe('2027-01-19');
    expect(evaluate({ days_between: ['2026-02-30', '2026-03-01'] }, data)).toBeNull();
    expect(evaluate({ weekday: [{ var: 'form.missing' }] }, data)).toBeNull();
    expect(evaluate({ add_days: ['2026-01-01', 1.5] }, data)).toBeNull();
    // JSONLogic reads null as 0 in < and >, so a rule checks the date is there first.
    const within28 = { and: [{ '!!': [{ var: 'form.meeting.later' }] }, { '<=': [{ days_between: [{ var: 'form.meeting.date' }, { var: 'form.meeting.later' }] }, 28] }] };
    expect(truthy(within28, data)).toBe(false);
  });

  it('is on the allow-list, so definitions may use them', () => {
    expect(checkRule({ weekday: [{ var: 'today' }] }, '/rule')).toEqual([]);
  });
});
