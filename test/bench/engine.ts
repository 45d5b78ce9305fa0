/**
 * The pure engine: steps per second on Camden's assessment route (the largest definition, a
 * realistic family from referral to authorisation, every state round-tripped through JSON as a
 * store would), and how long validating each definition takes — cold (first compile of its
 * forms) and warm (a freshly parsed copy, as the designer re-checks on every edit).
 *
 *   npx tsx test/bench/engine.ts [seconds]
 *
 * Appends to test/bench/results/engine.md. Not part of `npm test`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateDefinition } from '../../engine/index.ts';
import { readyToAuthorise } from '../camden/given.ts';
import { CaseDriver } from '../support/case-driver.ts';
import { appendResults, table } from './machine.ts';

const seconds = Number(process.argv[2] ?? 5);
// Freezing every input state is the tests' check that the engine never changes it, not engine work.
CaseDriver.freezeInputs = false;
const definitionsDir = fileURLToPath(new URL('../../definitions/', import.meta.url));
const resultsFile = fileURLToPath(new URL('./results/engine.md', import.meta.url));

function camdenSteps(): { cases: number; steps: number; perSecond: number } {
  for (let i = 0; i < 50; i++) readyToAuthorise(); // warm-up
  let cases = 0;
  let steps = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    steps += readyToAuthorise().state!.version;
    cases += 1;
  }
  return { cases, steps, perSecond: steps / ((performance.now() - start) / 1000) };
}

function validation(): Array<[string, number, number, number]> {
  return readdirSync(definitionsDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const text = readFileSync(definitionsDir + file, 'utf8');
      const coldStart = performance.now();
      const problems = validateDefinition(JSON.parse(text)).length;
      const cold = performance.now() - coldStart;
      const runs = 50;
      const warmStart = performance.now();
      for (let i = 0; i < runs; i++) validateDefinition(JSON.parse(text));
      const warm = (performance.now() - warmStart) / runs;
      return [file, problems, cold, warm];
    });
}

const camden = camdenSteps();
const checks = validation();
const lines = [
  ...table(['measurement', 'count', 'per second'], [
    ['Camden assessment route: `step` incl. JSON round trip of the state', camden.steps, Math.round(camden.perSecond)],
    ['Camden families from referral to authorisation', camden.cases, Math.round(camden.cases / seconds)],
  ]),
  '',
  ...table(['definition', 'problems', 'validate cold (ms)', 'validate warm, fresh parse (ms)'], checks.map(([f, p, c, w]) => [f, p, c.toFixed(1), w.toFixed(2)])),
];
console.log(lines.join('\n'));
appendResults(resultsFile, 'Engine', `npx tsx test/bench/engine.ts ${seconds}`, lines);
