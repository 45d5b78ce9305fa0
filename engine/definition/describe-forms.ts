/**
 * Changes to one form in words, question by question, each named by the label practitioners see:
 * questions added or removed, relabelled, their answers to choose from, which are required, hints
 * and conditional reveals, and the checks on the answers.
 */
import { locate } from '../forms/locate.ts';
import { choicesOf, type JsonSchema } from '../forms/schema-info.ts';
import type { FieldLayout, Form } from '../schema/definition.types.ts';
import type { Change } from './diff.ts';
import type { Described } from './describe.ts';
import { list, quote, segments, type Sides } from './describe-words.ts';

const ATTRIBUTES: Record<string, string> = {
  type: 'the kind of answer changed', format: 'the kind of answer changed', items: 'the kind of answer changed', description: 'its hint changed',
  maxLength: 'the limits on the answer changed', minLength: 'the limits on the answer changed', minimum: 'the limits on the answer changed',
  maximum: 'the limits on the answer changed', pattern: 'the answer’s required pattern changed', minItems: 'how many answers it takes changed',
  maxItems: 'how many answers it takes changed', required: 'which of its answers are required changed',
};

export function describeForm(sides: Sides, id: string, changes: Change[]): Described[] {
  const [b, a] = [sides.before.forms[id], sides.after.forms[id]];
  const title = quote((a ?? b)?.title ?? id);
  const about = `Form ${quote((b ?? a)?.title ?? id)}`;
  const say = (text: string): Described[] => [{ topic: 'question', about, text }];
  if (!b && a) return [{ topic: 'question', about: null, text: `new form ${title}, with ${questionCount(a)}` }];
  if (b && !a) return [{ topic: 'question', about: null, text: `form ${title} removed` }];
  if (!a || !b) return [];
  const parts = segments(changes[0]!.path);
  if (parts[2] === 'schema' && parts[3] === 'properties' && parts[4] !== undefined) return say(question(b, a, parts[4], changes));
  if (parts[2] === 'schema' && parts[3] === 'required') return say(required(b, a));
  if (parts[2] === 'layout') return say(layout(b, a));
  if (parts[2] === 'title') return say(`renamed ${title}`);
  if (parts[2] === 'checks') return say(checks(b, a));
  if (parts[2] === 'errorMessages') return say('its error messages changed');
  if (parts[2] === 'description') return say('its description changed');
  return say(`${parts.slice(2).join(' ')} changed`);
}

const questionCount = (form: Form) => {
  const n = Object.keys((form.schema['properties'] as object | undefined) ?? {}).length;
  return `${n} question${n === 1 ? '' : 's'}`;
};
const label = (form: Form, pointer: string) => quote(locate(form, pointer).label);

/** The data pointer a schema path names (`children/items/properties/name` → `/children/0/name`) and the attribute after it. */
function pointerOf(field: string, rest: string[]): { pointer: string; attribute: string | undefined } {
  const names = [field];
  let i = 0;
  for (; i < rest.length; i++) {
    if (rest[i] === 'items' && rest[i + 1] === 'properties') names.push('0');
    else if (rest[i] === 'properties' && rest[i + 1] !== undefined) names.push(rest[++i]!);
    else break;
  }
  return { pointer: `/${names.join('/')}`, attribute: rest[i] };
}

function question(b: Form, a: Form, field: string, changes: Change[]): string {
  const phrases = new Set<string>();
  const top = `/${field}`;
  for (const change of changes) {
    const { pointer, attribute } = pointerOf(field, segments(change.path).slice(5));
    const form = change.kind === 'removed' ? b : a;
    const inner = pointer === top ? '' : ` ${label(form, pointer)} inside it`;
    if (attribute === undefined) phrases.add(change.kind === 'added' ? `new question${inner || ` ${label(a, top)}`}` : change.kind === 'removed' ? `question${inner || ` ${label(b, top)}`} removed` : `question${inner} changed`);
    else if (attribute === 'title') phrases.add(`${inner ? `${inner.trim()} ` : ''}now reads ${label(a, pointer)}`);
    else if (['oneOf', 'anyOf', 'enum', 'items', 'const'].includes(attribute) && options(b, a, pointer)) phrases.add(options(b, a, pointer)!);
    else phrases.add(`${inner ? `${inner.trim()}: ` : ''}${ATTRIBUTES[attribute] ?? `its ${attribute} changed`}`);
  }
  const said = [...phrases];
  if (said.length === 1 && /^(new question|question “)/.test(said[0]!)) return said[0]!;
  return `question ${label(b, top)}: ${said.join('; ')}`;
}

/** The answers to choose from, compared by label: "answer “Other” added; “Panel” removed". */
function options(b: Form, a: Form, pointer: string): string | null {
  const [was, now] = [choicesOf(locate(b, pointer).schema as JsonSchema | undefined), choicesOf(locate(a, pointer).schema as JsonSchema | undefined)];
  if (!was || !now) return null;
  const [w, n] = [was.map((o) => o.label), now.map((o) => o.label)];
  const added = n.filter((l) => !w.includes(l)).map(quote);
  const removed = w.filter((l) => !n.includes(l)).map(quote);
  const parts = [added.length ? `answer${added.length === 1 ? '' : 's'} ${list(added)} added` : '', removed.length ? `answer${removed.length === 1 ? '' : 's'} ${list(removed)} removed` : ''].filter(Boolean);
  return parts.length ? parts.join('; ') : 'the order or values of its answers changed';
}

function required(b: Form, a: Form): string {
  const of = (f: Form) => (f.schema['required'] as string[] | undefined) ?? [];
  const [was, now] = [of(b), of(a)];
  const parts = [
    ...now.filter((f) => !was.includes(f)).map((f) => `${label(a, `/${f}`)} must now be answered`),
    ...was.filter((f) => !now.includes(f)).map((f) => `${label(a, `/${f}`)} is now optional`),
  ];
  return parts.length ? parts.join('; ') : 'which questions must be answered changed';
}

function flatten(form: Form): Map<string, FieldLayout> {
  const out = new Map<string, FieldLayout>();
  const walk = (fields: FieldLayout[], prefix: string) => {
    for (const f of fields) {
      out.set(`${prefix}/${f.field}`, f);
      if (f.fields) walk(f.fields, `${prefix}/${f.field}/0`);
    }
  };
  walk((form.layout?.sections ?? []).flatMap((s) => s.fields), '');
  return out;
}

function layout(b: Form, a: Form): string {
  const [was, now] = [flatten(b), flatten(a)];
  const parts: string[] = [];
  for (const [pointer, f] of now) {
    const g = was.get(pointer);
    if (!g) continue;
    if (locate(b, pointer).label !== locate(a, pointer).label) parts.push(`${label(b, pointer)} now reads ${label(a, pointer)}`);
    if (f.hint !== g.hint) parts.push(`the hint for ${label(a, pointer)} changed`);
    if (f.widget !== g.widget) parts.push(`${label(a, pointer)} is now shown as ${f.widget ?? 'its default'}`);
    if (JSON.stringify(f.revealedBy) !== JSON.stringify(g.revealedBy)) {
      parts.push(f.revealedBy ? `${label(a, pointer)} is now shown only for some answers to ${label(a, `/${f.revealedBy.field}`)}` : `${label(a, pointer)} is now always shown`);
    }
  }
  const sections = (f: Form) => new Map((f.layout?.sections ?? []).map((s) => [s.id, s.title]));
  const [sb, sa] = [sections(b), sections(a)];
  for (const [id, t] of sa) {
    if (!sb.has(id)) parts.push(`new section ${quote(t)}`);
    else if (sb.get(id) !== t) parts.push(`section ${quote(sb.get(id)!)} renamed ${quote(t)}`);
  }
  for (const [id, t] of sb) if (!sa.has(id)) parts.push(`section ${quote(t)} removed`);
  return parts.length ? parts.join('; ') : 'the order or grouping of its questions changed';
}

function checks(b: Form, a: Form): string {
  const [was, now] = [(b.checks ?? []).map((c) => c.message), (a.checks ?? []).map((c) => c.message)];
  const added = now.filter((m) => !was.includes(m)).map(quote);
  const removed = was.filter((m) => !now.includes(m)).map(quote);
  const parts = [added.length ? `new check on the answers: ${list(added)}` : '', removed.length ? `check ${list(removed)} removed` : ''].filter(Boolean);
  return parts.length ? parts.join('; ') : 'the checks on its answers changed';
}
