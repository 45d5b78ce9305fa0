/**
 * Which data paths a definition can read at a given node: lint's answer to "does anything
 * earlier set this?". Used for conditions, prefill, timer anchors, sub-flow inputs and templates.
 */
import type { Form, WorkflowDefinition } from '../schema/definition.types.ts';
import { ancestors, type Graph } from '../definition/graph.ts';
import { fieldExists, formFields } from '../forms/index.ts';
import { CASE_FIELDS } from '../runtime/data.ts';

export interface PathCheck {
  ok: boolean;
  /** Why not, as the end of a sentence: "no earlier step is called \"x\"". */
  reason?: string;
  isDate?: boolean;
}

/**
 * Checks a dotted path as read at node `at` (the node itself counts as earlier for its own form).
 * `optional` reads — prefill and message text, which simply stay blank when nothing was answered —
 * may name any step of the protocol, e.g. one on a parallel branch; conditions and timescales must
 * read a step that comes earlier on every route.
 */
/**
 * The wording of the two reasons a path at an unreachable or deleted step fails. `causes.ts` reads
 * them back to fold such problems under their root cause, so both sides use these.
 */
export const noStepCalled = (id: string) => `no step is called "${id}"`;
export const NO_STEP_CALLED = /no step is called "([^"]+)"/;
export const NOT_EARLIER = 'does not come before this point';

export function checkDataPath(
  definition: WorkflowDefinition,
  graph: Graph,
  path: string,
  at: string,
  optional = false,
): PathCheck {
  const [space, id, ...rest] = path.split('.');
  if (space === 'today') return { ok: id === undefined, isDate: true, reason: '"today" has no fields' };
  if (space === 'now') return { ok: rest.length === 0 && id === undefined, isDate: true, reason: '"now" has no fields' };
  if (space === 'case') {
    const known = (CASE_FIELDS as readonly string[]).includes(id ?? '');
    const deepOk = rest.length === 0 || id === 'children';
    return known && deepOk
      ? { ok: true, isDate: id === 'startedAt' && rest.length === 0 }
      : { ok: false, reason: `the case has no field "${[id, ...rest].join('.')}"` };
  }
  if (space !== 'form' && space !== 'done' && space !== 'entered' && space !== 'action' && space !== 'passedTo') {
    return { ok: false, reason: `"${space}" is not something conditions can read (use case, form, done, entered, action, passedTo or now)` };
  }
  const node = id === undefined ? undefined : graph.nodes.get(id);
  if (!node || id === undefined) return { ok: false, reason: noStepCalled(id ?? '') };
  const earlier = optional || id === at || ancestors(graph, at).has(id);
  if (!earlier) return { ok: false, reason: `"${node.name}" ${NOT_EARLIER} in the protocol` };
  if (space === 'done' || space === 'entered') return rest.length === 0 ? { ok: true, isDate: true } : { ok: false, reason: `${space}.${id} is a date and has no fields` };
  if (space === 'passedTo') {
    const passes = node.kind === 'user_task' && node.nextActions.some((a) => a.passTo);
    const field = rest.length === 0 || (rest.length === 1 && ['worker', 'team'].includes(rest[0]!));
    return passes && field ? { ok: true } : { ok: false, reason: `"${id}" has no next action that passes the work to someone` };
  }
  if (space === 'action') {
    return node.kind === 'user_task' && rest.length === 0 ? { ok: true } : { ok: false, reason: `"${id}" is not a task with next actions` };
  }
  if (node.kind === 'subflow') return { ok: rest.length <= 1 && ['outcome', 'caseId', undefined].includes(rest[0]) };
  const formId = node.kind === 'user_task' || node.kind === 'start' ? node.form : undefined;
  const form: Form | undefined = formId && Object.hasOwn(definition.forms, formId) ? definition.forms[formId] : undefined;
  if (!form) return { ok: false, reason: `"${id}" has no form` };
  if (rest.length === 0) return { ok: true };
  const dotted = rest.join('.');
  if (!fieldExists(form, dotted)) return { ok: false, reason: `the form "${form.title}" has no field "${dotted}"` };
  return { ok: true, isDate: rest.length === 1 && formFields(form).get(rest[0]!)?.isDate === true };
}
