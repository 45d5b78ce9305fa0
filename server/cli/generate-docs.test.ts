/**
 * The format references and the scenario JSON Schema are generated from the schemas
 * (generate-docs.ts); these fail when one is stale, and show the scenario schema at work: a
 * malformed scenario is refused with a JSON pointer and a sentence, by the schema file an editor
 * uses and by `stepwise simulate`.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { generatedDocs, generatedPath } from './generate-docs.ts';

const run = promisify(execFile);

describe('the generated format references', () => {
  it.each(generatedDocs())('$file is up to date (run "npm run gen:docs")', ({ file, content }) => {
    expect(readFileSync(generatedPath(file), 'utf8')).toBe(content);
  });

  it('names every construct of the definition schema, each with an example', () => {
    const schema = JSON.parse(readFileSync(generatedPath('engine/schema/definition.schema.json'), 'utf8')) as { $defs: Record<string, unknown> };
    const doc = readFileSync(generatedPath('docs/definition-format.md'), 'utf8');
    for (const name of Object.keys(schema.$defs)) {
      const section = doc.split(`\n## ${name}\n`)[1]?.split('\n## ')[0];
      expect(section, name).toContain('Example:');
    }
    expect(doc).toContain('`passedToAt`');
    expect(doc).toContain('written `HH:MM`');
  });

  it('documents every step kind of a scenario, with an example', () => {
    const doc = readFileSync(generatedPath('docs/scenario-format.md'), 'utf8');
    for (const kind of ['start', 'complete', 'reassign', 'withdraw', 'subflowEnded']) expect(doc).toMatch(new RegExp(`## [^\\n]+ \\(\`steps\\[\\]\\.${kind}\`\\)\\n[\\s\\S]+?Example:`));
    for (const field of ['`expectRefusal`', '`until`', '`priority`']) expect(doc).toContain(field);
  });
});

describe('the scenario JSON Schema', () => {
  const schema = JSON.parse(readFileSync(generatedPath('engine/scenario/scenario.schema.json'), 'utf8')) as object;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  const validate = ajv.compile(schema);
  const fixture = JSON.parse(readFileSync(generatedPath('test/fixtures/every-node.scenario.json'), 'utf8')) as { steps: Array<Record<string, unknown>> };

  it('accepts the fixture scenario with a $schema', () => {
    expect(validate({ $schema: '../../engine/scenario/scenario.schema.json', ...fixture })).toBe(true);
  });

  it('Given a step with a misspelt priority and an "at" that is not a moment, Then it names each by pointer', () => {
    const broken = structuredClone(fixture);
    (broken.steps[2]!['complete'] as { actions: Array<Record<string, unknown>> }).actions[0]!['priority'] = 'high';
    broken.steps[0]!['at'] = 'Monday';
    expect(validate(broken)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toEqual(expect.arrayContaining(['/steps/2/complete/actions/0/priority', '/steps/0/at']));
  });

  it('When "stepwise simulate" loads a malformed scenario, Then it exits 2 naming the pointer and a sentence', async () => {
    const broken = structuredClone(fixture);
    broken.steps[3] = { at: '2026-11-09T12:00:00Z', until: '2026-11-09T12:00:00Z' };
    const file = join(mkdtempSync(join(tmpdir(), 'stepwise-scenario-')), 'broken.scenario.json');
    writeFileSync(file, JSON.stringify(broken));
    const bin = generatedPath('server/cli/bin.js');
    const failed = await run(process.execPath, [bin, 'simulate', 'test/fixtures/every-node.json', file], { cwd: generatedPath('') }).catch((e: { code: number; stderr: string }) => e);
    expect('code' in failed && failed.code).toBe(2);
    expect((failed as { stderr: string }).stderr).toContain('/steps/3/at: A step that runs the clock "until" a moment has no "at" or "expectRefusal" of its own');
  });
});
