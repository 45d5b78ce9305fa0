/**
 * Durations as practitioners read them in a definition's text ("within 2 working days", "a
 * working day after its deadline", "every 6-8 weeks", "the 12-month review"), for the wording
 * lint. Each is read with what it is said about, from the words around it:
 * - `deadline`: "within N …", "the N … timescale" — the step's own deadline;
 * - `overdue`: "N … overdue", "N … after (or past) its deadline" — an escalation's delay;
 * - `any`: anything else ("2 weeks have lapsed"), which may be either.
 */
import type { Duration } from '../schema/definition.types.ts';

export type Unit = Duration['unit'];

export interface Said {
  amount: number;
  unit: Unit;
  /** The words as written ("a working day", "6-8 weeks"). */
  text: string;
  about: 'deadline' | 'overdue' | 'any';
}

const WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30,
};
const NUMBER = `(\\d+|${Object.keys(WORDS).join('|')})`;
const PHRASE = new RegExp(`\\b${NUMBER}(?:\\s*(?:-|–|to|or)\\s*${NUMBER})?[\\s-]+(working[\\s-]days?|calendar[\\s-]days?|days?|weeks?|months?)\\b`, 'gi');
/** "a working day" is a duration only where a length of time is meant ("on a working day" is not). */
const ARTICLE_BEFORE = /\b(within|in|over|than|under|after|least|most|about|and|open|outstanding|is|are|now)\s+$/i;
const ARTICLE_AFTER = /^\s+(after|overdue|past|late|later|before|of|from)\b/i;
const OVERDUE_AFTER = /^\s+(overdue|late\b|(after|past|beyond)\s+(its|the)\b[^.,;]{0,30}?\b(deadline|due date|due)\b)/i;
const DEADLINE_BEFORE = /\bwithin\s+(the\s+)?$/i;
const DEADLINE_AFTER = /^\s+timescale\b/i;

function unitOf(word: string): Unit {
  const w = word.toLowerCase();
  if (w.startsWith('working')) return 'working_days';
  if (w.startsWith('week')) return 'weeks';
  if (w.startsWith('month')) return 'months';
  return 'days';
}

const numberOf = (word: string): number => (/^\d+$/.test(word) ? Number(word) : (WORDS[word.toLowerCase()] ?? NaN));

/** Every duration `text` states, in order; a range ("6 to 8 weeks") gives both ends. */
export function durationsIn(text: string): Said[] {
  const out: Said[] = [];
  for (const match of text.matchAll(PHRASE)) {
    const [whole, first, second, unitWord] = match;
    const before = text.slice(0, match.index);
    const after = text.slice(match.index + whole.length);
    const article = /^an?$/i.test(first!);
    if (article && !ARTICLE_BEFORE.test(before) && !ARTICLE_AFTER.test(after)) continue;
    const about: Said['about'] = OVERDUE_AFTER.test(after) ? 'overdue' : DEADLINE_BEFORE.test(before) || DEADLINE_AFTER.test(after) ? 'deadline' : 'any';
    const unit = unitOf(unitWord!);
    for (const n of second === undefined ? [first!] : [first!, second]) {
      const amount = numberOf(n);
      if (Number.isFinite(amount)) out.push({ amount, unit, text: whole, about });
    }
  }
  return out;
}

/** In days where days and weeks compare; working days and months only with themselves. */
function scale(d: { amount: number; unit: Unit }): [string, number] {
  if (d.unit === 'weeks') return ['days', d.amount * 7];
  return [d.unit, d.amount];
}

export function sameDuration(a: { amount: number; unit: Unit }, b: { amount: number; unit: Unit }): boolean {
  const [ua, na] = scale(a);
  const [ub, nb] = scale(b);
  return ua === ub && na === nb;
}

/** `a` + `b`, where they add up (same kind of unit). */
export function addDurations(a: Duration, b: Duration): Duration | undefined {
  if (a.unit === b.unit) return { amount: a.amount + b.amount, unit: a.unit };
  const [ua, na] = scale(a);
  const [ub, nb] = scale(b);
  return ua === ub ? { amount: na + nb, unit: 'days' } : undefined;
}

const UNIT_WORDS: Record<Unit, [string, string]> = {
  working_days: ['working day', 'working days'],
  days: ['day', 'days'],
  weeks: ['week', 'weeks'],
  months: ['month', 'months'],
};

/** "1 working day", "3 working days", "4 weeks". */
export function durationText(d: Duration): string {
  return `${d.amount} ${UNIT_WORDS[d.unit][d.amount === 1 ? 0 : 1]}`;
}

/** "3 working days", "2 or 3 weeks", "10, 15 or 20 working days" (distinct, in order). */
export function durationsText(list: Duration[]): string {
  const texts = [...new Set(list.map(durationText))];
  if (texts.length <= 1) return texts[0] ?? '';
  const units = new Set(list.map((d) => d.unit));
  const short = units.size === 1 ? [...new Set(list.map((d) => String(d.amount)))] : texts;
  const words = units.size === 1 ? ` ${UNIT_WORDS[list[0]!.unit][1]}` : '';
  return `${short.slice(0, -1).join(', ')} or ${short.at(-1)}${words}`;
}
