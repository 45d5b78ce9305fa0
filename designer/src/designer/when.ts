/**
 * The due-date picker's model and the definition's `When`, both ways: "N working days / days /
 * weeks / months after (or before) a case date or when the task starts", "the date itself",
 * "the next <weekday> at HH:MM", or "a window of N to M weeks". The protocol's wording (`label`)
 * and where it comes from (`source`) ride along untouched.
 */
import type { Duration, When } from '../../../engine/schema/definition.types.ts';

export type WhenMode = 'none' | 'after' | 'before' | 'at' | 'slot' | 'window';
export type Unit = Duration['unit'];
export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

export interface WhenModel {
  mode: WhenMode;
  amount: number;
  unit: Unit;
  /** Data paths counted from (the latest that is set); empty: when the task starts. */
  from: string[];
  days: Weekday[];
  start: string;
  end: string;
  /** Skip bank holidays; null when the definition does not say. */
  workingDaysOnly: boolean | null;
  earliest: Duration;
  latest: Duration;
  label: string;
  source: string;
}

export const UNITS: ReadonlyArray<{ unit: Unit; label: string }> = [
  { unit: 'working_days', label: 'working days' },
  { unit: 'days', label: 'days' },
  { unit: 'weeks', label: 'weeks' },
  { unit: 'months', label: 'months' },
];

export const WEEKDAYS: readonly Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

export function emptyWhen(): WhenModel {
  return {
    mode: 'none', amount: 1, unit: 'working_days', from: [], days: ['tuesday'], start: '09:30', end: '', workingDaysOnly: null,
    earliest: { amount: 6, unit: 'weeks' }, latest: { amount: 8, unit: 'weeks' }, label: '', source: '',
  };
}

const anchorList = (from: unknown): string[] => (typeof from === 'string' ? [from] : Array.isArray(from) ? from.filter((x): x is string => typeof x === 'string') : []);

export function fromWhen(when: When | undefined): WhenModel {
  const m = emptyWhen();
  if (!when || typeof when !== 'object') return m;
  const w = when as unknown as Record<string, unknown>;
  m.from = anchorList(w['from']);
  m.label = typeof w['label'] === 'string' ? w['label'] : '';
  m.source = typeof w['source'] === 'string' ? w['source'] : '';
  if ('after' in when || 'before' in when) {
    const d = ('after' in when ? when.after : (when as { before: Duration }).before) ?? { amount: 1, unit: 'working_days' };
    m.mode = 'after' in when ? 'after' : 'before';
    m.amount = d.amount;
    m.unit = d.unit;
  } else if ('at' in when) {
    m.mode = 'at';
  } else if ('nextSlot' in when) {
    m.mode = 'slot';
    m.days = [...when.nextSlot.days];
    m.start = when.nextSlot.start;
    m.end = when.nextSlot.end ?? '';
    m.workingDaysOnly = when.nextSlot.workingDaysOnly ?? null;
  } else if ('window' in when) {
    m.mode = 'window';
    m.earliest = { ...when.window.earliest };
    m.latest = { ...when.window.latest };
  }
  return m;
}

/** The `When` for the model; undefined for "no due date". */
export function toWhen(m: WhenModel): When | undefined {
  const from = m.from.length === 0 ? {} : { from: m.from.length === 1 ? m.from[0]! : (m.from as [string, ...string[]]) };
  const words = { ...(m.label ? { label: m.label } : {}), ...(m.source ? { source: m.source } : {}) };
  const duration = { amount: m.amount, unit: m.unit };
  switch (m.mode) {
    case 'none':
      return undefined;
    case 'after':
      return { ...from, after: duration, ...words } as When;
    case 'before':
      return { ...from, before: duration, ...words } as When;
    case 'at':
      return { ...from, at: true, ...words } as When;
    case 'slot': {
      const nextSlot = { days: m.days, start: m.start, ...(m.end ? { end: m.end } : {}), ...(m.workingDaysOnly !== null ? { workingDaysOnly: m.workingDaysOnly } : {}) };
      return { ...from, nextSlot, ...words } as When;
    }
    case 'window':
      return { ...from, window: { earliest: m.earliest, latest: m.latest }, ...words } as When;
  }
}

const unitWord = (d: Duration) => {
  const label = UNITS.find((u) => u.unit === d.unit)?.label ?? d.unit;
  return d.amount === 1 ? label.replace(/s$/, '') : label;
};
const title = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The timescale in words: "2 working days after Date of referral". */
export function describeWhen(m: WhenModel, labelOf: (path: string) => string = (p) => p): string {
  const anchor = m.from.length === 0 ? 'the task starts' : m.from.map(labelOf).join(' or ');
  switch (m.mode) {
    case 'none':
      return 'No due date';
    case 'after':
      return `${m.amount} ${unitWord(m)} after ${anchor}`;
    case 'before':
      return `${m.amount} ${unitWord(m)} before ${anchor}`;
    case 'at':
      return `On ${anchor}`;
    case 'slot':
      return `The next ${m.days.map(title).join(' or ')} at ${m.start}${m.end ? `–${m.end}` : ''} after ${anchor}`;
    case 'window':
      return `Between ${m.earliest.amount} ${unitWord(m.earliest)} and ${m.latest.amount} ${unitWord(m.latest)} after ${anchor}`;
  }
}
