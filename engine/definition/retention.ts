/**
 * A definition's retention rule in words, and the rule when it states none: shared by the
 * retention job's report (server/retention) and the designer's description of a change.
 */
import type { Retention } from '../schema/definition.types.ts';

/** The rule when a definition states none: until the youngest child's 25th birthday, then anonymised. */
export const DEFAULT_RETENTION: Retention = { keepUntil: 'youngestChildAge', age: 25, then: 'anonymise' };

/** Describes a rule in one sentence, for the report and the README. */
export function describeRule(rule: Retention): string {
  const then = rule.then === 'delete' ? 'then deleted' : 'then anonymised';
  if ('keepFor' in rule) return `kept ${rule.keepFor.years} years after closing, ${then}`;
  const minimum = rule.atLeastYearsAfterClosing === undefined ? '' : ` and at least ${rule.atLeastYearsAfterClosing} years after closing`;
  return `kept until the youngest child's ${ordinal(rule.age)} birthday${minimum}, ${then}`;
}

/** 1st, 2nd, 3rd, 11th, 25th. */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}
