/**
 * The words for the definition format's parts, so a schema problem reads as an admin would say
 * it: 'The unit of the deadline of "Screen the referral"', not 'Node "asm_screen" (at
 * /due/after/unit)'; and what to do about a missing part: 'needs a deadline: choose how long
 * after the step starts it is due'.
 */
import { valueAt } from './values.ts';

export const KINDS = 'start, user_task (a task), decision, timer, parallel, join, notification, subflow (a linked case) or end';

const segments = (path: string) => path.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The phrase for one part, given the part it is in ('the unit', 'next action "Refer"'). */
function partWord(key: string, parent: string | undefined, index: number | undefined, value: unknown): string {
  if (index !== undefined) {
    const label = typeof (value as { label?: unknown })?.label === 'string' ? (value as { label: string }).label : undefined;
    const nth = index + 1;
    switch (parent) {
      case 'nextActions': return label ? `next action "${label}"` : `next action ${nth}`;
      case 'escalations': return `escalation ${nth}`;
      case 'to': return `recipient ${nth}`;
      case 'notify': return `recipient ${nth}`;
      case 'branches': return label ? `branch "${label}"` : `branch ${nth}`;
      case 'guards': return `guard ${nth}`;
      case 'prefill': return `copied answer ${nth}`;
      case 'choose': return `choice ${nth}`;
      case 'signers': return `signer ${nth}`;
      case 'checks': return `check ${nth}`;
      default: return `item ${nth} of the list`;
    }
  }
  if (key === 'to' && /^\d+$/.test(parent ?? '')) return 'where it leads';
  const words: Record<string, string> = {
    due: 'the deadline', availableFrom: 'when it becomes available', wait: 'the wait', otherwise: 'the deadline otherwise',
    after: '', before: '', window: 'the window', then: '', earliest: 'the earliest', latest: 'the latest', unit: 'the unit',
    amount: 'the amount', from: 'the date it counts from', nextSlot: 'the weekly slot', start: 'the start time', end: 'the end time',
    days: 'the days', assignee: 'the assignee', fallback: 'the assignee otherwise', passTo: 'who it can be passed to', message: 'the message',
    reassignTo: 'who it is reassigned to', raisePriority: 'the priority it raises', subject: 'the subject', body: 'the text', kind: 'the kind',
    id: 'the ID', name: 'the name', label: 'the wording', roles: 'the roles', teams: 'the teams', priority: 'the priority', form: 'the form',
    next: 'where it leads', default: 'where it leads otherwise', outcome: 'the outcome', closureReason: 'the census reason', when: 'the condition',
    rule: 'the rule', chosenBy: 'the answer that chooses it', signatures: 'the joint signatures', caseFile: 'what it shows from the case',
    separateFrom: 'the steps it is kept apart from', position: 'the position on the map', description: 'the description', stage: 'the stage',
    nextActions: 'the next actions', escalations: 'the escalations', notify: 'who it tells', branches: 'the branches', guards: 'the guards',
    prefill: 'the copied answers', choose: 'the choices', signers: 'the signers', checks: 'the checks',
    calendar: 'the calendar', authority: 'the authority', region: 'the region', closures: 'the closure days', version: 'the version',
  };
  return Object.hasOwn(words, key) ? words[key]! : `"${key}"`;
}

/** Who or what a pointer is about, as the subject of a sentence: 'The unit of the deadline of "Screen the referral"'. */
export function placeOf(path: string, definition: unknown): string {
  const parts = segments(path);
  if (parts.length === 0) return 'The definition';
  let owner: string;
  let start: number;
  if (parts[0] === 'nodes' && /^\d+$/.test(parts[1] ?? '')) {
    const name = valueAt(`/nodes/${parts[1]}/name`, definition);
    const id = valueAt(`/nodes/${parts[1]}/id`, definition);
    owner = typeof name === 'string' && name.trim() ? `"${name}"` : typeof id === 'string' ? `the step "${id}"` : `step ${Number(parts[1]) + 1}`;
    start = 2;
  } else if (['roles', 'teams', 'mailboxes', 'outcomes'].includes(parts[0]!) && /^\d+$/.test(parts[1] ?? '')) {
    const id = valueAt(`/${parts[0]}/${parts[1]}/id`, definition);
    const noun = { roles: 'role', teams: 'team', mailboxes: 'mailbox', outcomes: 'outcome' }[parts[0]!];
    owner = typeof id === 'string' ? `the ${noun} "${id}"` : `${noun} ${Number(parts[1]) + 1}`;
    start = 2;
  } else if (parts[0] === 'forms' && parts[1] !== undefined) {
    const title = valueAt(`/forms/${parts[1]}/title`, definition);
    owner = `the form "${typeof title === 'string' && title ? title : parts[1]}"`;
    start = 2;
  } else {
    owner = "the definition";
    start = 0;
  }
  const words: string[] = [];
  for (let i = start; i < parts.length; i += 1) {
    const key = parts[i]!;
    const index = /^\d+$/.test(key) ? Number(key) : undefined;
    const here = valueAt(`/${parts.slice(0, i + 1).join('/')}`, definition);
    const word = partWord(key, parts[i - 1], index, here);
    if (index === undefined && /^\d+$/.test(parts[i + 1] ?? '') && ['nextActions', 'escalations', 'to', 'notify', 'branches', 'guards', 'prefill', 'choose', 'signers', 'checks'].includes(key)) continue;
    if (word) words.push(word);
  }
  return cap([...words.reverse(), owner].join(' of '));
}

/** What a When is for, where it is: the deadline, when a task becomes available, a timer's wait. */
function whenUse(container: string): { noun: string; verb: string } | undefined {
  const last = segments(container).filter((s) => !/^\d+$/.test(s));
  const key = last.at(-1);
  if (key === 'due' || key === 'then' || key === 'otherwise') return { noun: 'a deadline', verb: 'it is due' };
  if (key === 'availableFrom') return { noun: 'a time it becomes available', verb: 'it becomes available' };
  if (key === 'wait') return { noun: 'something to wait for', verb: 'the wait ends' };
  return undefined;
}

const NEEDS: Record<string, [string, string]> = {
  amount: ['an amount', 'enter how many'], unit: ['a unit', 'choose working days, days, weeks or months'],
  days: ['a day of the week', 'choose at least one'], start: ['a start time', 'enter it as HH:MM, for example 09:30'],
  earliest: ['its earliest', 'enter how long after it opens'], latest: ['its latest', 'enter how long after it closes'],
  name: ['a name', 'enter what practitioners call it'], id: ['an ID', 'enter one in lower-case letters, digits and underscores'],
  kind: ['a kind', `use one of: ${KINDS}`], next: ['a next step', 'choose the step it leads to'],
  assignee: ['someone to do it', 'choose who does it'], nextActions: ['a next action', 'add one'],
  subject: ['a subject', 'enter the subject of the e-mail'], body: ['a message', 'enter the text of the e-mail'],
  branches: ['branches', 'add at least one'], outcome: ['an outcome', 'choose how the case ends here'],
  definition: ['a protocol to start', 'enter its ID'], entry: ['a way in', 'choose the start node the linked case begins at'],
  wait: ['something to wait for', 'choose how long it waits'], label: ['wording', 'enter the words practitioners see'],
  notify: ['someone to tell', 'add who it goes to'], when: ['a condition', 'say when it is taken'], rule: ['a rule', 'build the condition'],
  message: ['a message', 'enter what the practitioner is told'], field: ['a question', 'choose a question of the form'],
  values: ['answers', 'choose the answers that choose it'], show: ['steps to show', 'choose at least one'],
  roles: ['roles', 'tick at least one'], title: ['a title', 'enter the title practitioners see'], schema: ['questions', 'add a question'],
};

/** One sentence for `container` lacking `missing`. */
export function needsSentence(container: string, missing: string, definition: unknown): string {
  const use = whenUse(container);
  if (use && ['after', 'before', 'at', 'nextSlot', 'window', 'from'].includes(missing)) {
    const owner = placeOf(container.replace(/\/(due|availableFrom|wait)(\/.*)?$/, ''), definition);
    const how: Record<string, string> = {
      after: `choose how long after the step starts (or after a date from the case) ${use.verb}`,
      before: `choose how long before a date from the case ${use.verb}`,
      at: `choose the date from the case on which ${use.verb}`,
      nextSlot: `choose the day and time of the weekly slot at which ${use.verb}`,
      window: `choose the earliest and the latest ${use.verb}`,
      from: `choose the date from the case it counts from`,
    };
    const noun = missing === 'from' ? `a date for ${use.noun.replace(/^an? /, 'its ')} to count from` : use.noun;
    return `${owner} needs ${noun}: ${how[missing]}.`;
  }
  const [noun, hint] = NEEDS[missing] ?? [`"${missing}"`, 'add it'];
  const subject = missing === 'to' ? (segments(container).includes('nextActions') ? ['a step to lead to', 'choose where it leads'] : ['someone to send it to', 'add a recipient']) : [noun, hint];
  return `${placeOf(container, definition)} needs ${subject[0]}: ${subject[1]}.`;
}
