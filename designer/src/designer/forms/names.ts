/**
 * Data names, and when they may change. A question's data name (the key its answer is kept
 * under, read by rules as `form.<step>.<name>`) is made from its text and FOLLOWS the text while
 * nothing can depend on it yet: while it is still the name the text gives, no rule, check or
 * other step reads it, and no published version has it. Once the admin types a name of their own,
 * it stays. Once a published version has the question, cases already hold answers under that
 * name, so it is LOCKED: the designer does not rename it, automatically or by hand.
 */
import type { Form, WorkflowDefinition } from '../../../../engine/schema/definition.types.ts';
import { props, suggestedName } from '../forms.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether anything outside the question's own form layout reads its answer: rules, prefill, checks, sub-flow inputs. */
export function isReferenced(definition: WorkflowDefinition, formId: string, name: string): boolean {
  const steps = definition.nodes.filter((n) => 'form' in n && n.form === formId).map((n) => n.id);
  const nodes = JSON.stringify(definition.nodes);
  const ahead = '(?![A-Za-z0-9_])';
  if (steps.some((s) => new RegExp(`form\\.${escape(s)}\\.${escape(name)}${ahead}`).test(nodes))) return true;
  if (steps.some((s) => definition.nodes.some((n) => n.id === s && n.kind === 'user_task' && (n.prefill ?? []).some((p) => p.field === name)))) return true;
  const checks = JSON.stringify(definition.forms?.[formId]?.checks ?? []);
  return new RegExp(`answers\\.${escape(name)}${ahead}|"/${escape(name)}(/|")`).test(checks);
}

/** Every data name a form holds, items of repeats as `repeat/item`. */
export function formNames(form: Form | undefined): Set<string> {
  const out = new Set<string>();
  if (!form) return out;
  for (const [name, schema] of Object.entries(props(structuredClone(form)))) {
    out.add(name);
    const items = (schema['items'] as Record<string, unknown> | undefined)?.['properties'];
    if (items && typeof items === 'object') for (const item of Object.keys(items)) out.add(`${name}/${item}`);
  }
  return out;
}

/** The question's current text (its schema title). */
export const labelOf = (form: Form, name: string): string => String(props(form)[name]?.['title'] ?? '');

/** Whether relabelling should rename: the name is still what its text gives, and nothing depends on it. */
export function followsLabel(form: Form, name: string, locked: boolean, referenced: boolean): boolean {
  return !locked && !referenced && name === suggestedName(form, name, labelOf(form, name));
}
