import { describe, expect, it } from 'vitest';
import { checkRule } from './check.ts';
import { evaluate, truthy } from './rules.ts';
import { WorkingCalendar } from '../calendar/index.ts';

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

describe('working-day and time-of-day operators', () => {
  const data = { form: { referral: { sent: '2026-12-23' } }, done: { discussion: '2027-03-30T11:30:00Z' } };

  it('counts working days as deadlines do: the first day is day 0, Christmas, the substitute Boxing Day and New Year skipped', () => {
    expect(evaluate({ working_days_between: [{ var: 'form.referral.sent' }, '2027-01-04'] }, data)).toBe(5);
    expect(evaluate({ working_days_between: ['2027-01-04', { var: 'form.referral.sent' }] }, data)).toBe(-5);
    expect(evaluate({ add_working_days: [{ var: 'form.referral.sent' }, 5] }, data)).toBe('2027-01-04');
    expect(evaluate({ is_working_day: ['2026-12-28'] }, data)).toBe(false);
    expect(evaluate({ is_working_day: ['2026-12-29'] }, data)).toBe(true);
  });

  it('uses the authority calendar when given one: its closure days are not working days', () => {
    const closedOnChristmasEve = WorkingCalendar.for({ closureDays: [{ date: '2026-12-24', name: 'Council closure day' }] });
    expect(evaluate({ working_days_between: ['2026-12-23', '2026-12-29'] }, data)).toBe(2);
    expect(evaluate({ working_days_between: ['2026-12-23', '2026-12-29'] }, data, closedOnChristmasEve)).toBe(1);
    expect(evaluate({ is_working_day: ['2026-12-24'] }, data, closedOnChristmasEve)).toBe(false);
  });

  it('reads the London time of an instant, in BST and in GMT, for "mornings only" rules', () => {
    expect(evaluate({ time_of: [{ var: 'done.discussion' }] }, data)).toBe('12:30');
    expect(evaluate({ time_of: ['2026-12-01T08:30:00Z'] }, data)).toBe('08:30');
    const morning = { '<': [{ time_of: [{ var: 'done.discussion' }] }, '12:00'] };
    expect(truthy(morning, data)).toBe(false);
    expect(evaluate({ time_of: ['2026-12-01'] }, data)).toBeNull();
  });

  it('answers null for what is not a date, and the lint knows their operand counts', () => {
    expect(evaluate({ working_days_between: ['soon', '2027-01-04'] }, data)).toBeNull();
    expect(evaluate({ add_working_days: ['2026-12-23', 1e9] }, data)).toBeNull();
    expect(checkRule({ working_days_between: ['2026-12-23'] }, '/rule').map((p) => p.code)).toEqual(['logic_malformed']);
    expect(checkRule({ is_working_day: [{ var: 'today' }] }, '/rule')).toEqual([]);
  });
});
