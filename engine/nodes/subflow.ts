/** Sub-flow: start a case on another definition or entry (step up), and maybe wait for it. */
import type { SubflowNode } from '../schema/definition.types.ts';
import { readPath } from '../runtime/data.ts';
import type { Run } from '../runtime/run.ts';

export function enterSubflow(node: SubflowNode, run: Run): void {
  const data = run.data();
  const input: Record<string, unknown> = {};
  for (const [field, path] of Object.entries(node.input ?? {})) {
    const value = path === undefined ? undefined : readPath(data, path);
    if (value !== undefined) input[field] = value;
  }
  const caseId = run.nextId('c');
  const parent = { caseId: run.state.id, node: node.id };
  run.effects.push({
    type: 'start_subflow',
    caseId,
    definition: node.definition,
    entry: node.entry,
    subject: run.state.subject,
    input,
    parent,
    by: run.actor,
  });
  run.record({ type: 'subflow_started', node: node.id, child: caseId, definition: node.definition });
  if (node.wait) {
    run.own('waitingFor')[caseId] = node.id;
    return;
  }
  run.own('done')[node.id] = run.now;
  run.enter(node.next, { from: node.id });
}
