/**
 * What a child's facts on the case must be, whether typed when the case starts or corrected by a
 * later form (`eachChild.updates`): a name that shows, and GOV.UK's rule for a date of birth —
 * a real date, and not after today in the authority's calendar.
 */
import { isLocalDate } from '../calendar/local-date.ts';
import type { LocalDate } from '../time.ts';

/**
 * Blank once spaces and invisible format characters (zero-width space and joiners, word joiner,
 * byte-order mark, soft hyphen: Unicode category Cf) are taken away: such a "name" shows as
 * nothing and no search can find it.
 */
export const blankName = (name: unknown) => typeof name !== 'string' || name.replace(/[\p{Cf}\p{Z}\s]/gu, '') === '';

export interface FactError {
  fact: 'name' | 'dateOfBirth';
  keyword: string;
  message: string;
}

/**
 * The problems with a child's name and date of birth, worded for `who` ("child 2", "Amira").
 * Only the facts given are checked: a name whenever the key is there (even undefined), a date
 * of birth when it has a value.
 */
export function childFactErrors(facts: { name?: unknown; dateOfBirth?: unknown }, who: string, today: LocalDate | undefined): FactError[] {
  const errors: FactError[] = [];
  if (Object.hasOwn(facts, 'name') && blankName(facts.name)) {
    errors.push({ fact: 'name', keyword: 'required', message: `Enter the name of ${who}` });
  }
  const { dateOfBirth } = facts;
  if (dateOfBirth !== undefined && !isLocalDate(dateOfBirth)) {
    errors.push({ fact: 'dateOfBirth', keyword: 'format', message: `Date of birth of ${who} must be a real date` });
  } else if (dateOfBirth !== undefined && today !== undefined && dateOfBirth > today) {
    errors.push({ fact: 'dateOfBirth', keyword: 'maximum', message: `Date of birth of ${who} must be in the past` });
  }
  return errors;
}
