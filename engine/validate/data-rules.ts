/**
 * Lint over what the protocol reads: conditions (safe, and reading fields an earlier form
 * defines), timer and deadline anchors (dates that something sets), prefill sources, sub-flow
 * inputs and message templates.
 */
import type { When, WorkflowDefinition } from '../schema/definition.types.ts';
import type { Graph } from '../definition/graph.ts';
import { checkRule, varsRead } from '../logic/index.ts';
import type { Problem } from '../problems.ts';
import { checkDataPath } from './data-paths.ts';

export function dataProblems(definition: WorkflowDefinition, graph: Graph): Problem[] {
  const problems: Problem[] = [];
  const read = (path: string, at: string, where: string, code: string, what: string, optional = false) => {
    const check = checkDataPath(definition, graph, path, at, optional);
    if (!check.ok) problems.push({ code, path: where, message: `${what} reads "${path}", but ${check.reason ?? 'nothing earlier sets it'}.` });
    return check;
  };
  /** `completing`: a task's own guards, which may read `chosen` and `choices` (the next actions chosen with it). */
  const rule = (value: unknown, at: string, where: string, completing = false) => {
    const unsafe = checkRule(value, where);
    problems.push(...unsafe);
    if (unsafe.length > 0) return;
    for (const path of varsRead(value)) {
      if (completing && (path === 'chosen' || path === 'choices' || path.startsWith('choices.'))) continue;
      read(path, at, where, 'condition_reads_unknown_field', 'The condition');
    }
  };
  const anchor = (when: When | undefined, at: string, where: string) => {
    if (!when?.from) return;
    const paths = typeof when.from === 'string' ? [when.from] : when.from;
    paths.forEach((path, i) => {
      const pointer = typeof when.from === 'string' ? `${where}/from` : `${where}/from/${i}`;
      const check = read(path, at, pointer, 'timer_anchor_unset', 'The timescale');
      if (check.ok && !check.isDate) {
        problems.push({ code: 'timer_anchor_unset', path: pointer, message: `The timescale counts from "${path}", which is not a date.` });
      }
    });
  };

  definition.nodes.forEach((node, i) => {
    const at = `/nodes/${i}`;
    switch (node.kind) {
      case 'start':
        (node.guards ?? []).forEach((g, j) => rule(g.rule, node.id, `${at}/guards/${j}/rule`));
        break;
      case 'decision':
        node.branches.forEach((b, j) => rule(b.when, node.id, `${at}/branches/${j}/when`));
        break;
      case 'timer':
        anchor(node.wait, node.id, `${at}/wait`);
        break;
      case 'subflow':
        for (const [field, path] of Object.entries(node.input ?? {})) {
          if (path) read(path, node.id, `${at}/input/${field}`, 'subflow_input_unknown', 'The sub-flow input');
        }
        break;
      case 'notification':
        for (const [key, text] of [['subject', node.subject], ['body', node.body]] as const) {
          for (const match of text.matchAll(/\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g)) {
            read(match[1]!, node.id, `${at}/${key}`, 'template_reads_unknown_field', 'The message', true);
          }
        }
        break;
      case 'user_task':
        (node.guards ?? []).forEach((g, j) => rule(g.rule, node.id, `${at}/guards/${j}/rule`, true));
        node.nextActions.forEach((a, j) => {
          (a.guards ?? []).forEach((g, k) => rule(g.rule, node.id, `${at}/nextActions/${j}/guards/${k}/rule`, true));
          if (a.passTo?.teamFrom) read(a.passTo.teamFrom, node.id, `${at}/nextActions/${j}/passTo/teamFrom`, 'team_from_unknown', 'The pass-to team');
        });
        if (node.due && 'choose' in node.due) {
          node.due.choose.forEach((option, j) => {
            rule(option.when, node.id, `${at}/due/choose/${j}/when`);
            anchor(option.then, node.id, `${at}/due/choose/${j}/then`);
          });
          anchor(node.due.otherwise, node.id, `${at}/due/otherwise`);
        } else anchor(node.due, node.id, `${at}/due`);
        anchor(node.availableFrom, node.id, `${at}/availableFrom`);
        (node.prefill ?? []).forEach((m, j) => read(m.from, node.id, `${at}/prefill/${j}/from`, 'prefill_from_unknown', 'The prefill', true));
        break;
      default:
        break;
    }
  });
  return problems;
}
