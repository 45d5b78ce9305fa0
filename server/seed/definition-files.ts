/**
 * Definitions from files in development. The server reads every `*.json` in its definitions
 * directory at start-up: a file that is not JSON or has problems is reported (which file, its
 * first problems) and skipped while every other authority serves; each valid file is compared
 * with what the store has published, and a file that differs is said so (log line per file) and,
 * when asked (`STEPWISE_PUBLISH_CHANGED=true`, or `stepwise publish <file>`), published as a new
 * version with its changes in plain English.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describeChanges, sentence, validateDefinition, type WorkflowDefinition } from '../../engine/index.ts';
import type { Store } from '../store/index.ts';

/** How many of an invalid file's problems are shown. */
const FIRST_PROBLEMS = 5;

export interface InvalidDefinitionFile {
  file: string;
  /** The first problems, each `code path message`, or why the file could not be read. */
  problems: string[];
  /** How many problems there are in all (1 for a file that is not JSON). */
  count: number;
}

export interface DefinitionFiles {
  definitions: WorkflowDefinition[];
  invalid: InvalidDefinitionFile[];
  /** The file each definition came from, as `<dir name>/<file>`. */
  files: Map<WorkflowDefinition, string>;
}

/** Reads one definition file: the definition, or why it cannot be served. */
export async function readDefinitionFile(path: string): Promise<{ definition: WorkflowDefinition } | { problems: string[]; count: number }> {
  let definition: unknown;
  try {
    definition = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return { problems: [e.code ? `cannot be read (${e.code})` : `is not JSON: ${e.message}`], count: 1 };
  }
  const problems = validateDefinition(definition);
  if (problems.length === 0) return { definition: definition as WorkflowDefinition };
  return { problems: problems.slice(0, FIRST_PROBLEMS).map((p) => `${p.code}  ${p.path}  ${p.message}`), count: problems.length };
}

/** Every `*.json` in `dir` (scenario files excluded), valid ones loaded, invalid ones reported. */
export async function readDefinitionFiles(dir: string): Promise<DefinitionFiles> {
  const names = (await readdir(dir)).filter((f) => f.endsWith('.json') && !f.includes('.scenario')).sort();
  const result: DefinitionFiles = { definitions: [], invalid: [], files: new Map() };
  for (const name of names) {
    const file = `${basename(dir)}/${name}`;
    const read = await readDefinitionFile(join(dir, name));
    if ('definition' in read) {
      result.definitions.push(read.definition);
      result.files.set(read.definition, file);
    } else result.invalid.push({ file, ...read });
  }
  return result;
}

/** How a file stands against the store: not published yet, the same, or changed since. */
export interface FileStatus {
  id: string;
  status: 'new' | 'same' | 'changed';
  /** The latest published version, when there is one. */
  publishedVersion?: number;
  publishedBy?: string;
  /** What the file changes, in plain English (for `changed`). */
  changes: string[];
}

export async function compareWithPublished(store: Store, definition: WorkflowDefinition): Promise<FileStatus> {
  const latest = await store.latestPublished(definition.id);
  if (!latest) return { id: definition.id, status: 'new', changes: [] };
  const changes = describeChanges(withoutSchemaRef(latest.definition), withoutSchemaRef(definition)).map(sentence);
  return { id: definition.id, status: changes.length > 0 ? 'changed' : 'same', publishedVersion: latest.version, publishedBy: latest.publishedBy, changes };
}

/** `$schema` only points editors at the schema; it is not part of the protocol. */
function withoutSchemaRef(definition: WorkflowDefinition): WorkflowDefinition {
  const { $schema: _ref, ...rest } = definition;
  return rest as WorkflowDefinition;
}

/** The log lines for a file that differs: what is published, what the file changes, how to publish it. */
export function describeStatus(file: string, status: FileStatus): string[] {
  if (status.status !== 'changed') return [];
  return [
    `${file} differs from ${status.id} version ${status.publishedVersion} (published by ${status.publishedBy}):`,
    ...status.changes.map((c) => `  - ${c}`),
    `  To publish it as a new version: STEPWISE_PUBLISH_CHANGED=true, or "npx stepwise publish ${file}".`,
  ];
}

/** Publishes `definition` as the next version when it differs from the latest; returns its status and the version published. */
export async function publishIfChanged(store: Store, definition: WorkflowDefinition, file: string, at: string): Promise<FileStatus & { published?: number }> {
  const status = await compareWithPublished(store, definition);
  if (status.status === 'same') return status;
  await store.saveDraft(definition, { by: 'system', at });
  const note = status.status === 'new' ? `Published from ${file}` : `Published from ${file}, changed since version ${status.publishedVersion}: ${status.changes.join('; ')}`;
  const published = await store.publish(definition.id, { by: 'system', at, note: note.length > 2000 ? `${note.slice(0, 1997)}...` : note });
  return { ...status, published: published.version };
}
