import { describe, expect, it } from 'vitest';
import { shortDue } from './labels.ts';

describe('Given deadlines stored in UTC', () => {
  it('When one is the end of a London working day in winter, Then the table shows the date alone', () => {
    expect(shortDue('2026-12-21T23:59:59.999Z')).toBe('21 Dec 2026');
  });

  it('When one is the end of a London day in summer (BST), Then it is still that London date', () => {
    expect(shortDue('2027-03-31T22:59:59.999Z')).toBe('31 Mar 2027');
  });

  it('When one is a time of day (a duty slot), Then the London time is shown too, noon as 12', () => {
    expect(shortDue('2026-12-02T12:00:00.000Z')).toBe('2 Dec 2026, 12:00pm');
  });
});
