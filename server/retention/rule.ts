/**
 * When a closed case is due to be disposed of, from its definition's retention rule, its
 * children's dates of birth and the day it closed. Pure: the job (plan.ts) supplies the facts.
 *
 * Dates are London calendar days. "Kept until the 25th birthday" means disposed of on that
 * birthday; a 29 February birthday falls on 1 March in a common year (as the law reads it).
 */
import type { Disposal, LocalDate, Retention } from '../../engine/index.ts';
import { DEFAULT_RETENTION, describeRule, ordinal } from '../../engine/definition/retention.ts';
import { localDateOf } from '../../engine/calendar/zone.ts';
import { formatLocalDate, isLeapYear, isLocalDate, parseLocalDate } from '../../engine/calendar/local-date.ts';

export { DEFAULT_RETENTION, describeRule };

/** What the rule needs to know of one closed case. */
export interface RetentionFacts {
  /** When the case closed or was withdrawn. */
  closedAt: string;
  /** The children's dates of birth, where known. */
  childrenBornOn: readonly string[];
}

export type DisposalDate =
  | { due: LocalDate; then: Disposal; because: string }
  /** The rule cannot be applied (no child's date of birth is known): kept, and listed for review. */
  | { due: null; then: Disposal; because: string };

/** `date` moved `years` years on; 29 February becomes 1 March in a common year. */
export function yearsAfter(date: LocalDate, years: number): LocalDate {
  const { year, month, day } = parseLocalDate(date);
  const to = year + years;
  if (month === 2 && day === 29 && !isLeapYear(to)) return formatLocalDate(to, 3, 1);
  return formatLocalDate(to, month, day);
}

const later = (a: LocalDate, b: LocalDate) => (a > b ? a : b);

/** The day a case is due to be disposed of under `rule`, with the reason in plain English. */
export function disposalDate(rule: Retention, facts: RetentionFacts): DisposalDate {
  const closedOn = localDateOf(facts.closedAt);
  if ('keepFor' in rule) {
    const years = rule.keepFor.years;
    return { due: yearsAfter(closedOn, years), then: rule.then, because: `${years} year${years === 1 ? '' : 's'} after the case closed on ${closedOn}` };
  }
  const born = facts.childrenBornOn.filter(isLocalDate).sort();
  const youngest = born.at(-1);
  if (youngest === undefined) {
    return { due: null, then: rule.then, because: `no child's date of birth is recorded, so the ${ordinal(rule.age)} birthday cannot be worked out` };
  }
  const birthday = yearsAfter(youngest, rule.age);
  const minimum = rule.atLeastYearsAfterClosing;
  if (minimum !== undefined && yearsAfter(closedOn, minimum) > birthday) {
    return { due: later(birthday, yearsAfter(closedOn, minimum)), then: rule.then, because: `${minimum} years after the case closed on ${closedOn}, later than the youngest child's ${ordinal(rule.age)} birthday` };
  }
  return { due: birthday, then: rule.then, because: `the youngest child's ${ordinal(rule.age)} birthday` };
}

/** Whether a case due on `due` is due by the instant `now` (its London day). */
export function isDue(due: LocalDate, now: string): boolean {
  return due <= localDateOf(now);
}
