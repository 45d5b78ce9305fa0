/**
 * Definition files at start-up: an invalid file is reported (which file, its first problems) and
 * skipped while the others are served; a file that differs from what is published is said, with
 * its changes in plain English, and published as a new version only when asked.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../engine/index.ts';
import { definitionTemplate } from '../cli/scaffold/templates.ts';
import { openSqliteStore } from '../store/index.ts';
import { compareWithPublished } from './definition-files.ts';
import { loadDefinitionFiles, publishMissing } from './demo.ts';
import { definitionsAtStartUp } from './start-up.ts';

const at = '2026-12-21T09:00:00.000Z';
const northshire = () => definitionTemplate({ id: 'northshire', authorityName: 'Northshire County Council' }) as unknown as WorkflowDefinition;
const withTriageDays = (days: number) => {
  const d = northshire();
  const triage = d.nodes.find((n) => n.id === 'triage') as unknown as { due: { after: { amount: number }; label: string } };
  triage.due = { ...triage.due, after: { ...triage.due.after, amount: days }, label: `within ${days} working days` };
  return d;
};

function project(files: Record<string, unknown>) {
  const dir = join(mkdtempSync(join(tmpdir(), 'stepwise-files-')), 'definitions');
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  return dir;
}
const freshStore = () => openSqliteStore({ path: join(mkdtempSync(join(tmpdir(), 'stepwise-files-')), 'stepwise.db') });

describe('definition files at start-up', () => {
  it('Given a file with problems and one that is not JSON, Then each is reported with its first problems and skipped, and the valid one is served', async () => {
    const broken = { ...northshire(), id: 'broken', nodes: [] };
    const dir = project({ 'northshire.json': northshire(), 'broken.json': broken, 'torn.json': '{"id": "torn",', 'northshire.scenario.json': { steps: [] } });
    const files = await loadDefinitionFiles(dir);
    expect(files.definitions.map((d) => d.id)).toEqual(['northshire']);
    expect(files.invalid.map((f) => [f.file, f.count > 0])).toEqual([['definitions/broken.json', true], ['definitions/torn.json', true]]);
    expect(files.invalid[1]!.problems[0]).toMatch(/^is not JSON: /);
    const lines: string[] = [];
    const served = await definitionsAtStartUp({ store: freshStore(), files, at, publishChanged: false, log: (l) => lines.push(l) });
    expect(served.map((d) => d.id)).toEqual(['northshire']);
    expect(lines[0]).toMatch(/^definitions\/broken\.json is skipped: it has \d+ problem\(s\); the other authorities are served\. First:$/);
    expect(lines[1]).toMatch(/^ {2}[a-z_]+ {2}\/\S* {2}\S/);
    expect(lines).toContain('  See them all with "npx stepwise validate definitions/broken.json".');
  });

  it('Given a published definition, Then the same file is "same" (its $schema line aside) and a changed one lists its changes in plain English', async () => {
    const store = freshStore();
    await publishMissing(store, [northshire()], at);
    const { $schema: _ref, ...withoutRef } = northshire();
    expect(await compareWithPublished(store, withoutRef as WorkflowDefinition)).toMatchObject({ status: 'same', publishedVersion: 1 });
    const changed = await compareWithPublished(store, withTriageDays(5));
    expect(changed.status).toBe('changed');
    expect(changed.changes.join('\n')).toMatch(/Triage the step down.*5 working days/);
  });

  it('Given a changed file, When the server starts without the flag, Then it is said and not published; with STEPWISE_PUBLISH_CHANGED it is published as version 2 with its note', async () => {
    const store = freshStore();
    await publishMissing(store, [northshire()], at);
    const files = await loadDefinitionFiles(project({ 'northshire.json': withTriageDays(5) }));
    const told: string[] = [];
    await definitionsAtStartUp({ store, files, at, publishChanged: false, log: (l) => told.push(l) });
    expect(told[0]).toBe('definitions/northshire.json differs from northshire version 1 (published by system):');
    expect(told.at(-1)).toBe('  To publish it as a new version: STEPWISE_PUBLISH_CHANGED=true, or "npx stepwise publish definitions/northshire.json".');
    expect((await store.latestPublished('northshire'))?.version).toBe(1);

    const published: string[] = [];
    await definitionsAtStartUp({ store, files, at, publishChanged: true, log: (l) => published.push(l) });
    expect(published[0]).toBe('definitions/northshire.json published as northshire version 2, changed since version 1:');
    const latest = await store.latestPublished('northshire');
    expect(latest?.version).toBe(2);
    expect(latest?.note).toMatch(/^Published from definitions\/northshire\.json, changed since version 1: .*5 working days/);
    // Published once: starting again finds nothing changed, and publishMissing adds nothing.
    const again: string[] = [];
    await definitionsAtStartUp({ store, files, at, publishChanged: true, log: (l) => again.push(l) });
    expect(again).toEqual([]);
    expect(await publishMissing(store, files.definitions, at)).toEqual([]);
  });
});
