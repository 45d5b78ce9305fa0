import { describe, it, expect } from 'vitest';
import { endOfLocalDay, instantAt, localDateOf, parseInstant, parseTimeOfDay, startOfLocalDay } from './zone.ts';

describe('Europe/London conversions', () => {
  it('ends a winter day at 23:59:59.999Z and a summer day at 22:59:59.999Z', () => {
    expect(endOfLocalDay('2026-12-14')).toBe('2026-12-14T23:59:59.999Z');
    expect(endOfLocalDay('2026-07-01')).toBe('2026-07-01T22:59:59.999Z');
  });

  it('handles the clock changes (29 March and 25 October 2026)', () => {
    // Clocks go forward at 01:00 GMT on 29 March: the day starts in GMT and ends in BST.
    expect(startOfLocalDay('2026-03-29')).toBe('2026-03-29T00:00:00.000Z');
    expect(endOfLocalDay('2026-03-29')).toBe('2026-03-29T22:59:59.999Z');
    expect(endOfLocalDay('2026-03-28')).toBe('2026-03-28T23:59:59.999Z');
    // Clocks go back at 02:00 BST on 25 October: the day starts in BST and ends in GMT.
    expect(startOfLocalDay('2026-10-25')).toBe('2026-10-24T23:00:00.000Z');
    expect(endOfLocalDay('2026-10-25')).toBe('2026-10-25T23:59:59.999Z');
    expect(endOfLocalDay('2026-10-24')).toBe('2026-10-24T22:59:59.999Z');
  });

  it('resolves skipped and repeated local times', () => {
    expect(instantAt('2026-03-29', '01:30')).toBe('2026-03-29T01:30:00.000Z'); // 02:30 BST
    expect(instantAt('2026-10-25', '01:30')).toBe('2026-10-25T00:30:00.000Z'); // the first 01:30 (BST)
    expect(instantAt('2026-10-25', '02:00')).toBe('2026-10-25T02:00:00.000Z');
  });

  it('converts instants to local dates', () => {
    expect(localDateOf('2026-06-30T23:30:00.000Z')).toBe('2026-07-01');
    expect(localDateOf('2026-12-31T23:30:00Z')).toBe('2026-12-31');
    expect(localDateOf('2026-03-29T00:59:59.999Z')).toBe('2026-03-29');
    expect(localDateOf('2026-10-24T23:00:00.000Z')).toBe('2026-10-25');
    expect(localDateOf('2026-10-24T22:59:59.999Z')).toBe('2026-10-24');
    expect(localDateOf('2026-07-01T00:30:00+02:00')).toBe('2026-06-30');
    expect(localDateOf('2026-06-30T23:30:00.000Z', 'UTC')).toBe('2026-06-30');
  });

  it('converts local times to instants', () => {
    expect(instantAt('2026-12-15', '10:00')).toBe('2026-12-15T10:00:00.000Z');
    expect(instantAt('2026-06-16', '10:00')).toBe('2026-06-16T09:00:00.000Z');
    expect(instantAt('2026-06-16', '10:00', 'America/New_York')).toBe('2026-06-16T14:00:00.000Z');
  });

  it('rejects malformed input with RangeError', () => {
    for (const bad of ['2026-02-30T00:00:00Z', '2026-12-01T24:00:00Z', '2026-12-01 09:30:00Z', '2026-12-01T09:30:00', 'yesterday', '2026-12-01T09:60Z']) {
      expect(() => parseInstant(bad), bad).toThrow(RangeError);
    }
    for (const bad of ['24:00', '9:30', '09:60', '09:30:00', '']) {
      expect(() => parseTimeOfDay(bad), bad).toThrow(RangeError);
    }
    expect(() => endOfLocalDay('2026-02-29')).toThrow(RangeError);
    expect(parseInstant('2026-12-01T09:30:00.000Z')).toBe(Date.UTC(2026, 11, 1, 9, 30));
    expect(parseInstant('2026-12-01T09:30Z')).toBe(Date.UTC(2026, 11, 1, 9, 30));
  });
});
