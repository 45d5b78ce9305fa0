/**
 * Type-aware lint: what passes the format but fails, or silently misbehaves, at run time.
 * - Every question of a form has the `title` the format's reference requires (the label a
 *   practitioner, a report and the designer show; a layout label does not replace it).
 * - `assignee: {passedTo: true}` without a fallback only where every way into the step comes from
 *   a next action that can pass the work to someone: otherwise the task silently goes back to
 *   whoever did the step before. A way in through a decision, a notification or a parallel split
 *   carries the pass-to through; one through a timer, a join or a sub-flow does not. An action
 *   whose passing on is optional counts (not passing on is the worker's choice to keep it), and so
 *   does a start (the work is with whoever started the case, as the start says).
 * - A condition compares a form's answer with a value of the answer's type: a yes/no question
 *   with true or false, a text answer with text (and, when it has a closed list of answers, one
 *   of them), a number with a number. Anything else can never be equal, so its branch never fires.
 */
import type { Graph } from '../definition/graph.ts';
import { formFields, type FieldInfo } from '../forms/index.ts';
import type { Form, Node, WorkflowDefinition } from '../schema/definition.types.ts';
import type { Problem } from '../problems.ts';

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

export function typeProblems(definition: WorkflowDefinition, graph: Graph): Problem[] {
  return [...titleProblems(definition), ...passedToProblems(definition, graph), ...comparisonProblems(definition, graph)];
}

// ---------------------------------------------------------------- titles

function titleProblems(definition: WorkflowDefinition): Problem[] {
  const problems: Problem[] = [];
  for (const [id, form] of Object.entries(definition.forms)) {
    if (!form) continue;
    const stack: Array<{ schema: unknown; path: string; within: string }> = [{ schema: form.schema, path: `/forms/${escape(id)}/schema`, within: '' }];
    while (stack.length > 0) {
      const { schema, path, within } = stack.pop()!;
      if (!schema || typeof schema !== 'object') continue;
      const record = schema as Record<string, unknown>;
      const properties = record.properties;
      if (properties && typeof properties === 'object' && !Array.isArray(properties)) {
        const entries = Object.entries(properties as Record<string, unknown>);
        for (let i = entries.length - 1; i >= 0; i -= 1) {
          const [name, property] = entries[i]!;
          const at = `${path}/properties/${escape(name)}`;
          const title = property && typeof property === 'object' ? (property as Record<string, unknown>).title : undefined;
          if (typeof title !== 'string' || title.trim() === '') {
            problems.unshift({
              code: 'field_without_title',
              path: at,
              message: `The question "${within}${name}" of the form "${form.title}" has no title: give it one, as the practitioner should read it (the title labels it on the form, in the case file and in reports).`,
            });
          }
          stack.push({ schema: property, path: at, within: `${within}${name}.` });
        }
      }
      if (record.items && typeof record.items === 'object') stack.push({ schema: record.items, path: `${path}/items`, within });
    }
  }
  // Document order: the loop above pushes in reverse and unshifts, so sort by path position.
  return problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

// ---------------------------------------------------------------- passed to

/** Nodes that hand their arrival (with whom it was passed to) straight on to the next. */
const CARRIES_PASS_TO = new Set<Node['kind']>(['decision', 'notification', 'parallel']);

function passedToProblems(definition: WorkflowDefinition, graph: Graph): Problem[] {
  const problems: Problem[] = [];
  definition.nodes.forEach((node, i) => {
    if (node.kind !== 'user_task' || !('passedTo' in node.assignee) || node.assignee.fallback) return;
    const none = waysInPassingToNoOne(graph, node.id);
    if (none.length === 0) return;
    const kept = graph.nodes.get(node.id) === node; // a duplicate id is reported elsewhere
    if (!kept) return;
    problems.push({
      code: 'passed_to_without_pass',
      path: `/nodes/${i}/assignee`,
      message: `"${node.name}" goes to whoever the step before passed it to, but ${listOf(none)} ${none.length === 1 ? 'passes' : 'pass'} it to no one, so the task would stay with whoever did that step: let ${none.length === 1 ? 'that action' : 'those actions'} pass the work to someone, or give the assignee a fallback.`,
    });
  });
  return problems;
}

/** Every way into `target` (described in words) along which nobody is sure to have been passed the work. */
function waysInPassingToNoOne(graph: Graph, target: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const edge of graph.edges) {
      if (edge.to !== id) continue;
      const from = graph.nodes.get(edge.from);
      if (!from) continue;
      if (from.kind === 'user_task') {
        const index = Number(/^\/nextActions\/(\d+)/.exec(edge.via)?.[1]);
        const action = from.nextActions[index];
        if (action && !action.passTo) found.push(`"${action.label}" of "${from.name}"`);
      } else if (CARRIES_PASS_TO.has(from.kind)) {
        visit(from.id);
      } else if (from.kind !== 'start') {
        found.push(`the way in through "${from.name}" (a ${from.kind === 'subflow' ? 'linked case' : from.kind}: nothing passed on before it reaches past it)`);
      }
    }
  };
  visit(target);
  return [...new Set(found)];
}

// ---------------------------------------------------------------- comparisons

const EQUALITY = new Set(['==', '===', '!=', '!==']);
const ORDER = new Set(['<', '<=', '>', '>=']);

function comparisonProblems(definition: WorkflowDefinition, graph: Graph): Problem[] {
  const problems: Problem[] = [];
  const rule = (value: unknown, where: string) => {
    walkRule(value, where, (operator, args, at) => {
      const [left, right] = args;
      if (operator === 'in') {
        const field = fieldRead(definition, graph, left);
        if (field && Array.isArray(right)) right.forEach((literal, k) => check(field, literal, `${at}/in/1/${k}`, problems));
        return;
      }
      if (!EQUALITY.has(operator) && !ORDER.has(operator)) return;
      const leftField = fieldRead(definition, graph, left);
      const rightField = fieldRead(definition, graph, right);
      if (leftField && isLiteral(right)) check(leftField, right, `${at}/${operator}/1`, problems, ORDER.has(operator));
      else if (rightField && isLiteral(left)) check(rightField, left, `${at}/${operator}/0`, problems, ORDER.has(operator));
    });
  };
  definition.nodes.forEach((node, i) => {
    const at = `/nodes/${i}`;
    if (node.kind === 'decision') node.branches.forEach((b, j) => rule(b.when, `${at}/branches/${j}/when`));
    if (node.kind === 'start') (node.guards ?? []).forEach((g, j) => rule(g.rule, `${at}/guards/${j}/rule`));
    if (node.kind === 'user_task') {
      (node.guards ?? []).forEach((g, j) => rule(g.rule, `${at}/guards/${j}/rule`));
      node.nextActions.forEach((a, j) => (a.guards ?? []).forEach((g, k) => rule(g.rule, `${at}/nextActions/${j}/guards/${k}/rule`)));
      if (node.due && 'choose' in node.due) node.due.choose.forEach((option, j) => rule(option.when, `${at}/due/choose/${j}/when`));
    }
  });
  return problems;
}

type Read = { path: string; field: FieldInfo; form: Form };

const isLiteral = (value: unknown) => value === null || ['string', 'number', 'boolean'].includes(typeof value);

/** The form question `{"var": "form.<step>.<question>"}` reads, when it is a top-level question of that step's form. */
function fieldRead(definition: WorkflowDefinition, graph: Graph, operand: unknown): Read | undefined {
  if (!operand || typeof operand !== 'object' || Array.isArray(operand)) return undefined;
  const entries = Object.entries(operand);
  if (entries.length !== 1 || entries[0]![0] !== 'var') return undefined;
  const raw = entries[0]![1];
  const path = Array.isArray(raw) ? raw[0] : raw;
  if (typeof path !== 'string') return undefined;
  const [space, id, name, ...rest] = path.split('.');
  if (space !== 'form' || !id || !name || rest.length > 0) return undefined;
  const node = graph.nodes.get(id);
  const formId = node && (node.kind === 'user_task' || node.kind === 'start') ? node.form : undefined;
  const form = formId && Object.hasOwn(definition.forms, formId) ? definition.forms[formId] : undefined;
  const field = form ? formFields(form).get(name) : undefined;
  return form && field ? { path, field, form } : undefined;
}

/** Calls `visit` for every operation in a JSON Logic rule, with its pointer. Iterative. */
function walkRule(rule: unknown, where: string, visit: (operator: string, args: unknown[], at: string) => void): void {
  const stack: Array<{ node: unknown; at: string; depth: number }> = [{ node: rule, at: where, depth: 0 }];
  while (stack.length > 0) {
    const { node, at, depth } = stack.pop()!;
    if (depth > 64 || !node || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      node.forEach((child, i) => stack.push({ node: child, at: `${at}/${i}`, depth: depth + 1 }));
      continue;
    }
    const entries = Object.entries(node);
    if (entries.length !== 1) continue;
    const [operator, args] = entries[0]!;
    const list = Array.isArray(args) ? args : [args];
    visit(operator, list, at);
    list.forEach((child, i) => stack.push({ node: child, at: Array.isArray(args) ? `${at}/${escape(operator)}/${i}` : `${at}/${escape(operator)}`, depth: depth + 1 }));
  }
}

function check(read: Read, literal: unknown, at: string, out: Problem[], ordering = false): void {
  if (literal === null) return; // "not answered"
  const { field, form } = read;
  const question = `"${field.label}" (${read.path}) of the form "${form.title}"`;
  const shown = JSON.stringify(literal);
  const options = field.options?.map((o) => o.value);
  const allowed = options ? options.map((v) => JSON.stringify(v)).join(', ') : '';
  const push = (message: string) => out.push({ code: 'condition_type_mismatch', path: at, message });
  switch (field.type) {
    case 'boolean':
      if (typeof literal !== 'boolean') push(`The condition compares ${question}, a yes/no question answered true or false, with ${shown}, which it can never equal: compare it with true or false.`);
      return;
    case 'number':
    case 'integer':
      if (typeof literal !== 'number') push(`The condition compares ${question}, a number, with ${shown}, which is not a number: compare it with a number${ordering ? '' : ' or null'}.`);
      return;
    case 'string':
      if (field.isDate) return; // dates are compared through the date operators, and with text
      if (typeof literal !== 'string') {
        push(`The condition compares ${question}, which is answered with text, with ${shown}, which it can never equal: compare it with ${options ? `one of its answers: ${allowed}` : 'text in double quotes'}.`);
        return;
      }
      if (options && !ordering && !options.includes(literal)) push(`The condition compares ${question} with ${shown}, which is not one of its answers, so it can never equal it: use one of ${allowed}.`);
      return;
    default:
      return;
  }
}

/** "a", "b" and "c". */
function listOf(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
