/**
 * Givens shared by the definitions route tests: a signed-in admin's draft, changed and saved the
 * way the designer does it (load, edit, PUT with the token), and a clinic case started as the
 * clinic's social worker.
 */
import type { WorkflowDefinition } from '../../engine/index.ts';
import type { Api } from '../../test/support/api.ts';
import { booking, family } from '../../test/clinic/clinic-case.ts';

type Client = Awaited<ReturnType<Api['signIn']>>;

export interface DraftBody {
  savedAt: string | null;
  savedBy: string | null;
  definition: WorkflowDefinition;
  problems: Array<{ code: string; path: string; message: string }>;
  unpublishedChanges: number | null;
}

export async function loadDraft(admin: Client, id: string): Promise<DraftBody> {
  const response = await admin.get(`/api/definitions/${id}/draft`);
  if (response.status !== 200) throw new Error(`draft of ${id}: ${response.status} ${await response.text()}`);
  return (await response.json()) as DraftBody;
}

/** Loads the draft, applies `edit` to a copy, and saves it with the token; returns the response. */
export async function editDraft(admin: Client, id: string, edit: (d: WorkflowDefinition) => void): Promise<Response> {
  const { savedAt, definition } = await loadDraft(admin, id);
  const copy = structuredClone(definition);
  edit(copy);
  return admin.put(`/api/definitions/${id}/draft`, copy, savedAt ? { 'if-match': savedAt } : {});
}

/** A node of a definition by id, loosely typed for editing. */
export function nodeOf(definition: WorkflowDefinition, id: string): Record<string, unknown> & { due?: { after?: { amount: number } } } {
  const node = definition.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node as never;
}

/** Given Sam (the clinic's social worker) books a Step Down Clinic slot for the Okafor family. */
export function startClinicCase(api: Api) {
  return api.runner.startCase({
    definition: 'clinic',
    entry: 'step_down',
    subject: family,
    data: booking(),
    by: { id: 'clinic.social_worker', roles: ['social_worker'], teams: [] },
  });
}

/** Points the transfer form's "send" action at a node that does not exist: one lint problem. */
export function breakTransferForm(definition: WorkflowDefinition): void {
  (nodeOf(definition, 'transfer_form')['nextActions'] as Array<{ to: string }>)[0]!.to = 'nowhere';
}
