/**
 * Lint for a weekly slot's wording: "the next Tuesday panel at 10:00" beside a slot on Wednesdays
 * at 09:30 (`wording_contradicts_slot`). Read: the slot's own label, and for a task due at a slot,
 * its escalation messages, which name the day it was missed on.
 */
import type { Node, When, WeeklySlot } from '../schema/definition.types.ts';
import type { Problem } from '../problems.ts';

const DAY = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b/gi;
const TIME = /\b([01]?\d|2[0-3]):([0-5]\d)\b/g;

const title = (day: string) => day.charAt(0).toUpperCase() + day.slice(1);
const list = (items: string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`);

/** What is wrong with how `text` names the slot `when`, as the end of a sentence, if anything. */
function contradiction(text: string | undefined, when: When): string | undefined {
  if (!text || !('nextSlot' in when)) return undefined;
  const slot = when.nextSlot;
  const days = slot.days.map((d) => title(d));
  for (const match of text.matchAll(DAY)) {
    const day = match[1]!.toLowerCase() as WeeklySlot['days'][number];
    if (!slot.days.includes(day)) return `names ${title(day)}, but the slot is on ${list(days)}`;
  }
  const times = [slot.start, ...(slot.end ? [slot.end] : [])];
  for (const match of text.matchAll(TIME)) {
    const time = `${match[1]!.padStart(2, '0')}:${match[2]}`;
    if (!times.includes(time)) return `says ${time}, but the slot ${slot.end ? `runs from ${slot.start} to ${slot.end}` : `starts at ${slot.start}`}`;
  }
  return undefined;
}

export function slotProblems(node: Node, at: string): Problem[] {
  const problems: Problem[] = [];
  const add = (text: string | undefined, when: When, path: string, what: string) => {
    const why = contradiction(text, when);
    if (why) problems.push({ code: 'wording_contradicts_slot', path, message: `${what} ${why}: change the wording or the slot so they agree.` });
  };
  const name = `"${node.name}"`;
  if (node.kind === 'timer') add(node.wait.label, node.wait, `${at}/wait/label`, `The wording of ${name}`);
  if (node.kind !== 'user_task' || !node.due || 'choose' in node.due) return problems;
  const due = node.due;
  add(due.label, due, `${at}/due/label`, `The wording of the deadline of ${name}`);
  (node.escalations ?? []).forEach((rung, j) => add(rung.message, due, `${at}/escalations/${j}/message`, `Escalation ${j + 1} of ${name}`));
  return problems;
}
