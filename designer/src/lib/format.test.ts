import { describe, expect, it } from 'vitest';
import { dueText, londonDateTime } from './format.ts';

describe('London times', () => {
  it('shows an end-of-day deadline as its London date, in winter and in summer', () => {
    expect(dueText('2027-01-04T23:59:59.999Z')).toBe('Monday 4 January 2027');
    expect(dueText('2027-06-07T22:59:59.999Z')).toBe('Monday 7 June 2027');
  });

  it('shows other instants with their London time', () => {
    expect(londonDateTime('2027-06-07T08:30:00Z')).toBe('Monday 7 June 2027 at 9:30am');
    expect(dueText('2027-01-04T17:00:00Z')).toBe('Monday 4 January 2027 at 5:00pm');
  });
});
