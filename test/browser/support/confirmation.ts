/**
 * The confirmation after a task (TaskDone.svelte, completion.ts): it names who has the work
 * next — each task the completion opened, "now with" its team, role or person ("you" for the
 * person signed in) — or says the case is closed; a jointly signed step waiting for its other
 * signature says so, and a path that hands nothing on names the work still waiting elsewhere.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from './stack.ts';
import type { Completion } from '../../../designer/src/lib/api-types.ts';

const literally = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Checks the panel's text against the completion the server returned with POST …/complete. */
export function expectConfirmation(said: string, completion: Completion, what: string): void {
  if (!completion.completed) {
    expect(said, what).toContain('Your signature is recorded');
    return;
  }
  expect(said, what).toContain('Task completed');
  // A path that ends at a join hands nothing on: the page names the work already waiting on the other paths, if any.
  if (completion.nextTasks.length === 0 && !completion.closed && completion.startedCases.length === 0) {
    if (completion.stillOpen.length === 0) expect(said, what).toContain('Nothing is waiting for anyone yet: the case goes on when the other steps are done.');
    for (const task of completion.stillOpen) {
      expect(said, `${what}: the confirmation names who still has “${task.name}”`).toMatch(new RegExp(`Still waiting: ${literally(task.name)}, with (you|${literally(task.assignee.name)})`));
    }
  }
  for (const task of completion.nextTasks) {
    expect(said, `${what}: the confirmation names who has “${task.name}”`).toMatch(new RegExp(`${literally(task.name)}: now with (you|${literally(task.assignee.name)})`));
  }
  if (completion.startedCases.length > 0) expect(said, what).toContain('A linked case has been started');
  if (completion.closed) expect(said, what).toContain(completion.outcome ? `The case is closed: ${completion.outcome.name}` : 'The case is closed');
}

/** What each confirmation said on a walk, as a Markdown table, to test-artifacts/confirmations-<definition>.md. */
export function writeConfirmations(definition: string, said: ReadonlyArray<{ node: string; who: string; said: string }>): void {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
  const lines = ['| # | Task (node) | Done by | The confirmation panel |', '|---|---|---|---|', ...said.map((c, i) => `| ${i + 1} | \`${c.node}\` | ${c.who} | ${cell(c.said)} |`), ''];
  mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
  writeFileSync(join(ROOT, 'test-artifacts', `confirmations-${definition}.md`), lines.join('\n'));
}
