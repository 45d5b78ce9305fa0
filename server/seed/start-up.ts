/**
 * What the server does with its definition files at start-up (server/main.ts): says which files
 * cannot be served and skips them, says which differ from what is published (and their changes),
 * and publishes those when asked. Returns the definitions to serve.
 */
import type { WorkflowDefinition } from '../../engine/index.ts';
import type { Store } from '../store/index.ts';
import { describeStatus, publishIfChanged, compareWithPublished, type DefinitionFiles } from './definition-files.ts';

export interface StartUpOptions {
  store: Store;
  files: DefinitionFiles;
  at: string;
  /** Publish each valid file that differs from its latest published version, as a new version. */
  publishChanged: boolean;
  log: (line: string) => void;
}

export async function definitionsAtStartUp({ store, files, at, publishChanged, log }: StartUpOptions): Promise<WorkflowDefinition[]> {
  for (const bad of files.invalid) {
    log(`${bad.file} is skipped: it has ${bad.count} problem(s); the other authorities are served. First:`);
    for (const p of bad.problems) log(`  ${p}`);
    log(`  See them all with "npx stepwise validate ${bad.file}".`);
  }
  for (const definition of files.definitions) {
    const file = files.files.get(definition) ?? definition.id;
    const status = await compareWithPublished(store, definition);
    if (status.status !== 'changed') continue;
    if (definition.version > (status.publishedVersion ?? 0)) {
      // publishMissing publishes a file whose `version` is newer than the store's, asked or not.
      log(`${file} is version ${definition.version}, newer than published version ${status.publishedVersion}, so it is published; it changes:`);
      for (const c of status.changes) log(`  - ${c}`);
    } else if (publishChanged) {
      const published = await publishIfChanged(store, definition, file, at);
      log(`${file} published as ${definition.id} version ${published.published}, changed since version ${status.publishedVersion}:`);
      for (const c of status.changes) log(`  - ${c}`);
    } else {
      for (const line of describeStatus(file, status)) log(line);
    }
  }
  return files.definitions;
}
