/** The definitions the server publishes at start (definitions/<id>.json), read as the walks need them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FormInput } from '../../../designer/src/lib/forms/model.ts';
import type { WorkflowDefinition } from '../../../engine/schema/definition.types.ts';
import { ROOT } from './stack.ts';

const read = new Map<string, WorkflowDefinition>();

export function definitionFile(id: string): WorkflowDefinition {
  if (!read.has(id)) read.set(id, JSON.parse(readFileSync(join(ROOT, 'definitions', `${id}.json`), 'utf8')) as WorkflowDefinition);
  return read.get(id)!;
}

/** The intake form of a way in. */
export function intakeForm(definitionId: string, entry: string): FormInput | null {
  const definition = definitionFile(definitionId);
  const start = definition.nodes.find((n) => n.id === entry);
  return start?.kind === 'start' && start.form ? (definition.forms[start.form] ?? null) : null;
}

/** The earlier steps a task's page must show (`caseFile.show`); undefined when the definition names none. */
export function caseFileShow(definitionId: string, node: string): readonly string[] | undefined {
  const task = definitionFile(definitionId).nodes.find((n) => n.id === node);
  return task?.kind === 'user_task' ? task.caseFile?.show : undefined;
}
