/**
 * Redaction, applied to the bundle before it is rendered, so the HTML, the PDF and the JSON all
 * say the same: each chosen third party's name (and e-mail address, for staff) is replaced
 * wherever it appears, as a whole name in any case, by "[Third party N]", N being their place
 * in the list the admin chose from, so a reader can still follow who did what.
 */
import type { SubjectAccessBundle } from './bundle.ts';
import type { ThirdParty } from './third-parties.ts';

export const redactionLabel = (index: number) => `[Third party ${index + 1}]`;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A whole name (not part of a longer word or name), any case, any run of spaces between its words. */
function pattern(text: string): RegExp {
  const body = text.trim().split(/\s+/).map(escape).join('\\s+');
  // A hyphen joins a double-barrelled name: "Jo Bloggs" is not in "Jo Bloggs-Smith" (but is in "Jo Bloggs's").
  return new RegExp(`(?<![\\p{L}\\p{N}-])${body}(?![\\p{L}\\p{N}]|-[\\p{L}])`, 'giu');
}

function replaceAll<T>(value: T, replace: (text: string) => string): T {
  if (typeof value === 'string') return replace(value) as T;
  if (Array.isArray(value)) return value.map((v) => replaceAll(v, replace)) as T;
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceAll(v, replace)])) as T;
  return value;
}

/** The bundle with `chosen` (ids of `found`) replaced; `found` keeps its order for the labels. */
export function redact(bundle: SubjectAccessBundle, found: ThirdParty[], chosen: ReadonlySet<string>): SubjectAccessBundle {
  // Longest first, so "Kate Osei-Mensah" goes before "Kate Osei" could cut it in two.
  const rules = found
    .map((party, index) => ({ party, label: redactionLabel(index) }))
    .filter(({ party }) => chosen.has(party.id))
    .flatMap(({ party, label }) => [party.name, ...party.also].filter((t) => t.trim() !== '').map((text) => ({ text, label })))
    .sort((a, b) => b.text.length - a.text.length)
    .map(({ text, label }) => ({ regex: pattern(text), label }));
  const replace = (text: string) => rules.reduce((out, rule) => out.replace(rule.regex, rule.label), text);
  const { redaction: _unset, ...rest } = bundle;
  const labels = found.flatMap((party, index) => (chosen.has(party.id) ? [redactionLabel(index)] : []));
  return { ...replaceAll(rest, replace), redaction: { found: found.length, redacted: labels.length, labels } };
}
