/**
 * Third parties: the people a subject access export names who are not the family. UK GDPR Art.
 * 15(4) lets a council withhold their names where giving them would adversely affect them; the
 * admin decides, name by name, with every name redacted unless they choose otherwise.
 *
 * What counts (README "Subject access requests"):
 * - staff: everyone of the authority who signs in to Stepwise and is named anywhere in the export
 *   (who did a step, who work was with, who viewed the record, who an e-mail went to);
 * - professionals named in answers: the answer to a short text question that asks for a
 *   worker, professional, manager, practitioner, referrer, chair or social worker by name
 *   ("Name of Lead Professional", "Allocated Social Worker", "Managers who took part"), split
 *   into names at commas, semicolons, line breaks and "and".
 * Never the family: the family name and the children named on the case are not third parties,
 * and neither are teams, roles, organisations or shared mailboxes. A name found once is
 * replaced wherever it appears, free-text answers and e-mail bodies included; a name typed
 * only in free text and never in such a question is not found (the admin reads the document
 * before it is released).
 */
import { createHash } from 'node:crypto';
import type { CaseState, WorkflowDefinition } from '../../engine/index.ts';
import type { UserRecord } from '../store/index.ts';

export interface ThirdParty {
  /** Stable across exports of the same case: `staff:<user id>` or `named:<hash of the name>`. */
  id: string;
  name: string;
  kind: 'staff' | 'named_in_answers';
  /** Also replaced wherever it appears (a member of staff's e-mail address). */
  also: string[];
}

const PROFESSIONAL = /worker|professional|manager|practitioner|referr|chair|social\s*work|lead\s*professional|\blp/i;
/** Questions that mention a professional but ask for something else than their name. */
const NOT_A_NAME = /comment|reason|resolution|worr|contribution|information|message|views|note|outcome|analysis|agency|service|date|attend|present|involved|role|why|what|which|how|when|contact|challenge/i;
/** The longest answer taken as a list of names; anything longer is narrative. */
const MAX_NAMES_ANSWER = 200;

type Schema = Record<string, unknown>;
const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Where a professional's name is asked for: a plain string, no choices, no date. */
export function asksForAName(key: string, schema: Schema): boolean {
  if (schema['type'] !== 'string' || 'enum' in schema || 'oneOf' in schema || 'const' in schema || schema['format'] !== undefined) return false;
  const title = typeof schema['title'] === 'string' ? schema['title'] : '';
  const words = `${key.replace(/([a-z])([A-Z])/g, '$1 $2')} ${title}`;
  // "Social Work Team" is a team; "Team Manager" is a person.
  const aTeam = /team$/i.test(key) || /\bteam\s*$/i.test(title);
  return PROFESSIONAL.test(words) && !aTeam && !NOT_A_NAME.test(words.replace(/\bname\b/gi, ''));
}

/** Each name given in answer to such a question, walking nested objects and repeats. */
function namesIn(schema: unknown, data: unknown, out: string[]): void {
  if (!isObject(schema)) return;
  if (Array.isArray(data)) {
    for (const item of data) namesIn(schema['items'], item, out);
    return;
  }
  if (!isObject(data) || !isObject(schema['properties'])) return;
  for (const [key, sub] of Object.entries(schema['properties'])) {
    const value = data[key];
    if (!isObject(sub) || value === undefined) continue;
    if (typeof value === 'string' && asksForAName(key, sub) && value.length <= MAX_NAMES_ANSWER) {
      out.push(...value.split(/[,;\n]|\band\b|&/i).map((n) => n.trim().replace(/\s+/g, ' ')).filter((n) => n.length >= 2 && n.length <= 80 && /\p{L}/u.test(n)));
    } else {
      namesIn(sub, value, out);
    }
  }
}

const hashOf = (name: string) => createHash('sha256').update(name.toLowerCase()).digest('hex').slice(0, 12);

/**
 * The third parties of an export: `text` is everything the export says (its JSON), to find which
 * staff it names. Staff first, then the names from answers, each by name.
 */
export function findThirdParties(state: CaseState, definition: WorkflowDefinition, users: UserRecord[], text: string): ThirdParty[] {
  const family = new Set([state.subject.familyName, ...state.subject.children.map((c) => c.name)].map((n) => n.trim().toLowerCase()));
  const haystack = text.toLowerCase();
  const staff: ThirdParty[] = users
    .filter((u) => !family.has(u.name.trim().toLowerCase()) && haystack.includes(u.name.toLowerCase()))
    .map((u) => ({ id: `staff:${u.id}`, name: u.name, kind: 'staff' as const, also: [u.email] }));
  const known = new Set(staff.map((s) => s.name.toLowerCase()));

  const answered: string[] = [];
  const formOf = (id: string | undefined) => (id && Object.hasOwn(definition.forms, id) ? definition.forms[id] : undefined);
  const start = definition.nodes.find((n) => n.id === state.entry);
  const startForm = formOf(start && 'form' in start ? (start.form as string | undefined) : undefined);
  if (startForm && state.form[state.entry]) namesIn(startForm.schema, state.form[state.entry], answered);
  for (const task of Object.values(state.tasks)) {
    const form = formOf(task.form);
    if (form && task.answers) namesIn(form.schema, task.answers, answered);
  }
  const named = new Map<string, ThirdParty>();
  for (const name of answered) {
    const key = name.toLowerCase();
    if (family.has(key) || known.has(key) || named.has(key)) continue;
    named.set(key, { id: `named:${hashOf(name)}`, name, kind: 'named_in_answers', also: [] });
  }
  const byName = (a: ThirdParty, b: ThirdParty) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  return [...staff.sort(byName), ...[...named.values()].sort(byName)];
}
