import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../lib/api.ts';
import type { WorkItem } from '../../lib/api-types.ts';
import { allocateEach, movedMessage } from './allocate.ts';

const task = (taskId: string, familyName: string): WorkItem => ({
  caseId: `case-${taskId}`,
  reference: taskId.toUpperCase(),
  taskId,
  familyName,
  name: 'Offer a consultation',
  node: 'asm_offer_consultation',
  stage: null,
  definition: { id: 'camden', name: 'Camden' },
  assignee: { kind: 'team', id: 'kte', name: 'Kentish Town East' },
  via: 'team',
  priority: 'normal',
  due: null,
  dueLabel: null,
  overdue: false,
  dueTag: null,
  canTake: true,
  createdAt: '2026-12-23T10:00:00.000Z',
});

describe('Given a manager allocating three tray tasks to one person', () => {
  it('When the second is refused, Then the third is still passed on, and the refusal is named with the server’s reason', async () => {
    const asked: string[] = [];
    const result = await allocateEach([task('a1', 'Clark'), task('b2', 'Dunn'), task('c3', 'Frost')], 'camden.eh_team_manager', async (caseId, taskId, to) => {
      asked.push(`${caseId}/${taskId}→${to.worker}`);
      if (taskId === 'b2') throw new ApiProblem(409, { code: 'task_not_open', detail: 'Someone else already did this: the task was cancelled.' });
    });
    expect(asked).toEqual(['case-a1/a1→camden.eh_team_manager', 'case-b2/b2→camden.eh_team_manager', 'case-c3/c3→camden.eh_team_manager']);
    expect(result).toEqual({ moved: 2, refusals: [{ taskId: 'b2', label: 'Offer a consultation for the Dunn family (B2)', reason: 'Someone else already did this: the task was cancelled.' }] });
    expect(movedMessage(result.moved, 'Demo Early Help team manager')).toBe('2 tasks now with Demo Early Help team manager.');
  });

  it('When the network fails, Then the refusal asks to try again, and nothing moved says nothing', async () => {
    const result = await allocateEach([task('a1', 'Clark')], 'someone', () => Promise.reject(new TypeError('Failed to fetch')));
    expect(result.refusals.map((r) => r.reason)).toEqual(['It could not be allocated. Try again.']);
    expect(movedMessage(result.moved, 'someone')).toBe('');
    expect(movedMessage(1, 'you')).toBe('1 task now with you.');
  });
});
