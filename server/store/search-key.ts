/**
 * What case search compares: stored keys and typed queries go through the same normalisation,
 * so whatever a name was typed or pasted with, the same letters find it.
 *
 * - NFKC, then accents dropped: full-width "Ｏｋａｆｏｒ" and "ﬁ" ligatures read as plain letters,
 *   and "Ó Súilleabháin" matches "o suil".
 * - Invisible format characters (zero-width space and joiners U+200B–U+200D, word joiner U+2060,
 *   byte-order mark U+FEFF, soft hyphen U+00AD: all Unicode category Cf) are removed.
 * - Case folded (upper then lower, so "ß" and "SS" agree); curly apostrophes and dashes read as
 *   their keyboard forms ("O’Brien" = "O'Brien"); runs of spaces collapse to one.
 */
import type { Subject } from '../../engine/index.ts';

const INVISIBLE = /\p{Cf}/gu;
const APOSTROPHES = /[\u2018\u2019\u201b\u02bc\u02b9\u0060\u00b4\u2032]/g;
const DASHES = /[\u2010-\u2015\u2212\ufe63]/g;

export function normaliseSearchText(text: string): string {
  return text
    .normalize('NFKC')
    // Before spaces collapse: JavaScript's \s counts U+FEFF as a space.
    .replace(INVISIBLE, '')
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .toLowerCase()
    .replace(APOSTROPHES, "'")
    .replace(DASHES, '-')
    .replace(/ +/g, ' ')
    .trim();
}

/**
 * A date of birth typed the British way ("7/12/2018", "07.12.2018", "7-12-2018") or as ISO
 * ("2018-12-07") becomes the ISO date stored on the case; anything else is not a date.
 */
export function searchDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2], uk[1]] : [];
  if (!year || !month || !day) return null;
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const check = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(check.getTime()) && check.toISOString().startsWith(date) ? date : null;
}

/** A query as the stores compare it: a date of birth as ISO, anything else normalised text. */
export function searchTerm(query: string): string {
  const text = normaliseSearchText(query);
  return searchDate(text) ?? text;
}

/**
 * One case's search key: the case id (its reference is the first eight characters), the family
 * name, and each child's name, case-system id (Mosaic, LCS, EHM) and date of birth. Fields are
 * joined by a line break, which a normalised query never contains, so no match spans two fields.
 */
export function caseSearchKey(id: string, subject: Subject): string {
  const children = subject.children ?? [];
  const fields = [id, subject.familyName, ...children.flatMap((c) => [c.name, c.personId ?? '', c.dateOfBirth ?? ''])];
  return fields.map((f) => normaliseSearchText(String(f ?? ''))).filter((f) => f !== '').join('\n');
}
