import './test-runes.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkflowDefinition } from '../../../engine/schema/definition.types.ts';
import { ApiProblem } from '../lib/api.ts';
import type { DraftView } from '../lib/api-types.ts';
import { DraftEditor, type DraftApi } from './draft.svelte.ts';
import { addNode, newNode } from './nodes.ts';
import { emptyDefinition } from './skeleton.ts';

const skeleton = emptyDefinition({ id: 'x', name: 'X', authority: { id: 'a', name: 'A' } });
const view = (definition: WorkflowDefinition, savedAt: string, problems: DraftView['problems'] = []): DraftView => ({
  id: 'x', authority: 'a', savedAt, savedBy: 'u', latestVersion: null, unpublishedChanges: null, problems, definition,
});

function fakeApi() {
  let n = 0;
  const saves: Array<{ definition: WorkflowDefinition; savedAt: string | null }> = [];
  const api = {
    saves,
    conflictNext: false,
    draft: vi.fn(async () => view(skeleton, 'server-1')),
    saveDefinitionDraft: vi.fn(async (_id: string, definition: WorkflowDefinition, savedAt: string | null) => {
      saves.push({ definition, savedAt });
      if (api.conflictNext) {
        api.conflictNext = false;
        throw new ApiProblem(409, { code: 'stale_version', detail: 'Someone else has saved this draft' });
      }
      const problems = definition.nodes.some((n) => n.kind === 'end' && !('outcome' in n)) ? [{ code: 'schema_required', path: '/nodes/2/outcome', message: 'missing outcome' }] : [];
      return view(definition, `saved-${++n}`, problems);
    }),
    publish: vi.fn(async (_id: string, _savedAt: string | null, _note: string) => ({ version: 1 })),
  };
  return api satisfies DraftApi & { saves: unknown[] };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the draft being edited', () => {
  it('Given several quick edits, When the typing pauses for 400 ms, Then one save goes with If-Match and its problems come back', async () => {
    const api = fakeApi();
    const editor = new DraftEditor('x', { api });
    await editor.load();
    expect(editor.status).toBe('saved');
    editor.change({ ...editor.definition!, name: 'Y' });
    editor.change({ ...editor.definition!, name: 'Yz' });
    editor.change(addNode(editor.definition!, { ...newNode('end', editor.definition!) }));
    expect(editor.status).toBe('dirty');
    await vi.advanceTimersByTimeAsync(399);
    expect(api.saves).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    await editor.flush();
    expect(api.saves).toHaveLength(1);
    expect(api.saves[0]).toMatchObject({ savedAt: 'server-1', definition: { name: 'Yz' } });
    expect(editor.savedAt).toBe('saved-1');
    expect(editor.problems.map((p) => p.code)).toEqual(['schema_required']);
    expect(editor.canPublish).toBe(false);
  });

  it('Given someone else saved meanwhile, When the save is refused with 409, Then the draft is reloaded and the admin is told', async () => {
    const api = fakeApi();
    const editor = new DraftEditor('x', { api });
    await editor.load();
    api.conflictNext = true;
    editor.change({ ...editor.definition!, name: 'Mine' });
    await editor.flush();
    expect(editor.status).toBe('conflict');
    expect(editor.definition!.name).toBe('X');
    expect(editor.message).toMatch(/Someone else saved this draft/);
    editor.change({ ...editor.definition!, name: 'Again' });
    await editor.flush();
    expect(editor.status).toBe('saved');
  });

  it('Given the draft already on its way when the editor is made, When it loads, Then it takes that one, and asks the server on the next load', async () => {
    const api = fakeApi();
    const early = view({ ...skeleton, name: 'Early' }, 'server-0');
    const editor = new DraftEditor('x', { api, first: Promise.resolve(early) });
    await editor.load();
    expect(api.draft).not.toHaveBeenCalled();
    expect(editor.definition!.name).toBe('Early');
    expect(editor.savedAt).toBe('server-0');
    await editor.load();
    expect(api.draft).toHaveBeenCalledTimes(1);
    expect(editor.definition!.name).toBe('X');
  });

  it('undoes the last changes, and reports arrows left dangling by a deletion before the server does', async () => {
    const api = fakeApi();
    const editor = new DraftEditor('x', { api });
    await editor.load();
    const before = editor.definition!;
    editor.change({ ...before, nodes: [before.nodes[0]!] as WorkflowDefinition['nodes'] });
    expect(editor.problems).toEqual([expect.objectContaining({ code: 'unknown_node', path: '/nodes/0/next' })]);
    expect(editor.canUndo).toBe(true);
    editor.undo();
    expect(editor.definition).toBe(before);
    expect(editor.canUndo).toBe(false);
    await editor.flush();
    expect(editor.problems).toEqual([]);
    expect(editor.canPublish).toBe(true);
    expect(await editor.publish('Undid a change')).toBe(1);
    expect(api.publish).toHaveBeenLastCalledWith('x', editor.savedAt, 'Undid a change');
  });
});
