/** The MongoDB store's filters, checked without a server (the contract needs MONGODB_URI). */
import { describe, expect, it } from 'vitest';
import { caseFilter, escapeRegex, NO_DUE, openTaskFilter, taskDoc, taskDraft, taskDraftDoc, taskDraftKey, taskFilter, taskRow } from './mongo-docs.ts';
import type { TaskRow } from './types.ts';

describe('MongoDB filters', () => {
  it('ORs worker, teams and roles inside one authority and normalises instants', () => {
    expect(taskFilter({ authority: 'north', worker: 'sam', teams: ['front_door'], roles: [], status: 'open', dueBefore: '2026-11-10T12:00:00Z', overdue: true })).toEqual({
      authority: 'north',
      $or: [
        { assigneeKind: 'worker', assignee: 'sam' },
        { assigneeKind: 'team', assignee: { $in: ['front_door'] } },
        { assigneeKind: 'role', assignee: { $in: [] } },
      ],
      status: { $in: ['open'] },
      due: { $ne: null, $lt: '2026-11-10T12:00:00.000Z' },
      overdue: true,
    });
  });

  it('filters cases on one open task and escapes the family-name search', () => {
    expect(openTaskFilter({ authority: 'north', stage: 'screen', team: 'front_door', overdue: true })).toEqual({
      authority: 'north', status: 'open', node: 'screen', assigneeKind: 'team', assignee: 'front_door', overdue: true,
    });
    expect(openTaskFilter({ authority: 'north', status: 'open' })).toBeNull();
    expect(caseFilter({ authority: 'north', status: 'open', definition: { id: 'd', version: 2 }, search: "O’Brien (Jr.)" }, ['c1'])).toEqual({
      authority: 'north', status: 'open', definitionId: 'd', definitionVersion: 2, searchKey: { $regex: "o'brien \\(jr\\.\\)" }, _id: { $in: ['c1'] },
    });
    expect(escapeRegex('a.*b')).toBe('a\\.\\*b');
  });

  it('sorts undated tasks last and round-trips task rows', () => {
    const row: TaskRow = {
      caseId: 'c1', taskId: 'c1.t1', authority: 'north', definitionId: 'd', node: 'n', name: 'N', status: 'open',
      assigneeKind: 'team', assignee: 'front_door', priority: 'normal', due: null, overdue: false, createdAt: '2026-11-02T09:00:00.000Z', familyName: 'Okafor',
      completedAt: null, completedBy: null, dueLabel: 'within 2 working days',
    };
    expect(taskDoc(row)).toMatchObject({ _id: 'c1.t1', dueSort: NO_DUE });
    expect('2099-01-01T00:00:00.000Z' < NO_DUE).toBe(true);
    expect(taskRow(taskDoc(row))).toEqual(row);
    // Documents written before the report fields existed read them as null, like SQLite's added columns.
    const { completedAt: _a, completedBy: _b, dueLabel: _c, ...old } = taskDoc(row);
    expect(taskRow(old)).toEqual({ ...row, dueLabel: null });
  });

  it('filters on completion in a half-open period, normalising instants', () => {
    expect(taskFilter({ authority: 'north', completedFrom: '2026-11-01T00:00:00Z', completedTo: '2026-12-01T00:00:00Z' })).toEqual({
      authority: 'north', completedAt: { $ne: null, $gte: '2026-11-01T00:00:00.000Z', $lt: '2026-12-01T00:00:00.000Z' },
    });
    expect(taskFilter({ authority: 'north', completedTo: '2026-12-01T00:00:00Z' })).toEqual({ authority: 'north', completedAt: { $ne: null, $lt: '2026-12-01T00:00:00.000Z' } });
  });

  it('keys a draft by task and user unambiguously and keeps its answers as JSON', () => {
    expect(taskDraftKey('a#b', 'c')).not.toBe(taskDraftKey('a', 'b#c'));
    const draft = { caseId: 'c1', taskId: 'c1.t1', userId: 'sam', authority: 'north', data: { $ref: 'x', 'a.b': [1, null] }, savedAt: '2026-11-02T09:05:00Z' };
    expect(taskDraftDoc(draft)).toMatchObject({ _id: '["c1.t1","sam"]', data: JSON.stringify(draft.data), savedAt: '2026-11-02T09:05:00.000Z' });
    expect(taskDraft(taskDraftDoc(draft))).toEqual({ ...draft, savedAt: '2026-11-02T09:05:00.000Z' });
    expect(taskDraft(null)).toBeNull();
  });
});
