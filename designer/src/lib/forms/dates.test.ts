import { describe, expect, it } from 'vitest';
import { dateIssue, joinDate, longDate, splitDate } from './dates.ts';

describe('date boxes and YYYY-MM-DD', () => {
  it('pads day and month of a whole date', () => {
    expect(joinDate({ day: '5', month: '3', year: '2027' })).toBe('2027-03-05');
    expect(splitDate('2027-03-05')).toEqual({ day: '05', month: '03', year: '2027' });
  });

  it('keeps a partial or impossible date as typed, so the server refuses it and the boxes show it back', () => {
    expect(joinDate({ day: '31', month: '', year: '2026' })).toBe('2026--31');
    expect(splitDate('2026--31')).toEqual({ day: '31', month: '', year: '2026' });
    expect(joinDate({ day: '30', month: 'Feb', year: '26' })).toBe('26-Feb-30');
    expect(splitDate(joinDate({ day: ' 1-2 ', month: '3', year: '2027' }))).toEqual({ day: '12', month: '03', year: '2027' });
  });

  it('is no answer when all three boxes are empty', () => {
    expect(joinDate({ day: ' ', month: '', year: '' })).toBeUndefined();
    expect(splitDate(undefined)).toEqual({ day: '', month: '', year: '' });
  });
});

describe('GOV.UK date errors, in GOV.UK order', () => {
  const issue = (day: string, month: string, year: string) => dateIssue('Date of closure', { day, month, year });

  it('names the missing parts first', () => {
    expect(issue('3', '', '2027')).toEqual({ message: 'Date of closure must include a month', parts: ['month'], kind: 'incomplete' });
    expect(issue('', '', '2027')?.message).toBe('Date of closure must include a day and month');
    expect(issue('', '4', '')?.message).toBe('Date of closure must include a day and year');
    expect(issue('x', '', '')?.parts).toEqual(['month', 'year']);
  });

  it('then boxes that cannot be right, then the year, then days the month does not have', () => {
    expect(issue('32', '13', '2027')).toEqual({ message: 'Date of closure must be a real date', parts: ['day', 'month'], kind: 'not_real' });
    expect(issue('3', '4', '27')).toEqual({ message: 'Date of closure must include a year with 4 numbers', parts: ['year'], kind: 'year' });
    expect(issue('29', '2', '2027')?.kind).toBe('not_real');
    expect(issue('29', '2', '2028')).toBeUndefined();
    expect(issue('', '', '')).toBeUndefined();
  });
});

describe('longDate', () => {
  it('reads a date as people write it, and leaves anything else alone', () => {
    expect(longDate('2027-01-04')).toBe('4 January 2027');
    expect(longDate('2027-02-30')).toBe('2027-02-30');
    expect(longDate('2026--3')).toBe('2026--3');
  });
});
