import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry, WorkflowDefinition } from '../../engine/index.ts';
import type { Person } from './case-context.ts';
import { describeEntry, INTERNAL_ENTRIES } from './timeline-words.ts';

const camden = JSON.parse(readFileSync(new URL('../../definitions/camden.json', import.meta.url), 'utf8')) as WorkflowDefinition;
const people = new Map<string, Person>();
const at = '2026-11-02T09:00:00Z';
const words = (entry: Partial<HistoryEntry> & { type: string }) => describeEntry({ at, ...entry } as HistoryEntry, camden, people);
const RAW_ID = /\b[a-z]+_[a-z_]+\b/;

describe('the timeline in a practitioner’s words', () => {
  it('Given a case closed because the family did not agree, Then it says the outcome’s name, not its id', () => {
    expect(words({ type: 'case_closed', outcome: 'family_did_not_agree' })).toBe('Case closed: Family did not agree to a referral to Early Help');
  });

  it('Given a task passed to a team, Then it names the team from the definition', () => {
    const text = words({ type: 'task_reassigned', node: 'asm_screen', to: { team: 'ieys_kte_duty_manager' } });
    expect(text).toMatch(/^Screen the step down referral: passed to /);
    expect(text).not.toMatch(RAW_ID);
  });

  it('Given tasks cancelled by a closure and entries of every kind, Then no line shows an id or an engine word', () => {
    expect(words({ type: 'task_cancelled', node: 'asm_screen', why: 'case closed' })).toBe('Screen the step down referral: no longer needed (the case was closed)');
    for (const type of ['decision_taken', 'join_waiting', 'join_completed', 'path_ended', 'timer_fired', 'escalated', 'subflow_ended', 'something_new']) {
      expect(words({ type, node: 'no_such_node', outcome: 'x_y', level: 2 }), type).not.toMatch(RAW_ID);
    }
  });

  it('marks how the engine moved as internal, and what people did as not', () => {
    expect([...INTERNAL_ENTRIES]).toEqual(expect.arrayContaining(['decision_taken', 'join_waiting', 'path_ended']));
    expect(INTERNAL_ENTRIES.has('task_completed')).toBe(false);
  });
});
