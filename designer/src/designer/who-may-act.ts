/**
 * The property panel's edits for who may act on a step and how its next actions go together:
 * the roles a step is given to, maker and checker, joint signatures, the roles a named worker
 * must hold, the team recorded earlier, and actions chosen together. The schema wants every list
 * to have at least one item (a joint signature two), so an empty choice removes the property
 * instead of writing `[]`.
 */
import type { WorkflowDefinition } from '../../../engine/schema/definition.types.ts';
import type { DataField } from './fields.ts';
import { earlierNodes, nodesInRouteOrder } from './graph.ts';
import type { Loose } from './nodes.ts';
import type { Option } from './panel-context.ts';

/** The definition schema's DataPath: what `passTo.teamFrom` may name. */
export const DATA_PATH = /^(case|form|done|action|entered|passedTo)(\.[A-Za-z0-9_-]+)+$/;

/** A list property set, or removed when it has fewer than `min` items. */
export function setList(target: Loose, key: string, values: readonly string[], min = 1): void {
  const unique = [...new Set(values)];
  if (unique.length >= min) target[key] = unique;
  else delete target[key];
}

/** Ticked values in the order the options list them; values no longer offered stay until unticked. */
export function toggled(values: readonly string[], value: string, on: boolean, order: readonly Option[] = []): string[] {
  const next = on ? [...values.filter((v) => v !== value), value] : values.filter((v) => v !== value);
  const rank = (v: string) => {
    const i = order.findIndex((o) => o.value === v);
    return i < 0 ? order.length : i;
  };
  return next.map((v, i) => ({ v, i })).sort((a, b) => rank(a.v) - rank(b.v) || a.i - b.i).map((x) => x.v);
}

/** Signed jointly, one signer per role: written only with two or more, since one role is not a joint signature. */
export function setSignatures(node: Loose, roles: readonly string[]): void {
  if (new Set(roles).size >= 2) node['signatures'] = { roles: [...new Set(roles)] };
  else delete node['signatures'];
}

export interface SignerDraft { roles: string[]; label?: string }

/** The signers written out one by one (`signatures.signers`), or null when the step names roles or is not signed jointly. */
export function signersIn(node: Loose): SignerDraft[] | null {
  const joint = node['signatures'] as { signers?: unknown } | undefined;
  return Array.isArray(joint?.signers) ? (joint.signers as SignerDraft[]) : null;
}

/**
 * From one signer per role to signers named one by one (two people of the same role, a choice of
 * roles): each ticked role becomes a signer, and there are at least two, the last one repeated.
 */
export function useSigners(node: Loose, fallbackRole: string): void {
  const roles = Array.isArray((node['signatures'] as { roles?: unknown } | undefined)?.roles) ? ((node['signatures'] as { roles: string[] }).roles) : [];
  const signers: SignerDraft[] = roles.map((r) => ({ roles: [r] }));
  while (signers.length < 2) signers.push({ roles: [...(signers.at(-1)?.roles ?? [fallbackRole])] });
  node['signatures'] = { signers };
}

/** Another signer, holding the roles the last one holds (the usual case: a second service manager). */
export function addSigner(node: Loose): void {
  const signers = signersIn(node) ?? [];
  node['signatures'] = { signers: [...signers, { roles: [...(signers.at(-1)?.roles ?? [])] }] };
}

/** A signer less; below two the step is no longer signed jointly. */
export function removeSigner(node: Loose, index: number): void {
  const signers = (signersIn(node) ?? []).filter((_, i) => i !== index);
  if (signers.length >= 2) node['signatures'] = { signers };
  else delete node['signatures'];
}

/** A signer's roles (never none: the schema wants one) and label (blank removes it). */
export function setSigner(node: Loose, index: number, patch: Partial<SignerDraft>): void {
  const signers = (signersIn(node) ?? []).map((signer, i) => {
    if (i !== index) return signer;
    const next: SignerDraft = { ...signer, ...(patch.roles && patch.roles.length > 0 ? { roles: [...new Set(patch.roles)] } : {}) };
    if (patch.label !== undefined) {
      if (patch.label.trim()) next.label = patch.label;
      else delete next.label;
    }
    return next;
  });
  node['signatures'] = { signers };
}

const passToOf = (action: Loose): Loose => ({ ...((action['passTo'] as Loose | undefined) ?? {}) });
function putPassTo(action: Loose, passTo: Loose): void {
  if (Object.keys(passTo).length === 0) delete action['passTo'];
  else action['passTo'] = passTo;
}

/**
 * A pass-to property: the teams, whether a named worker may be chosen, the roles that worker must
 * hold, the team recorded earlier. What only makes sense with another goes with it: no workers,
 * no worker roles; no teams, no recorded team (the engine would flag either as a problem the
 * admin could not see to fix, the control being hidden).
 */
export function setPassTo(action: Loose, key: 'teams' | 'roles' | 'workers' | 'teamFrom' | 'optional', value: readonly string[] | boolean | string): void {
  const passTo = passToOf(action);
  if (key === 'optional') {
    // `required` defaults to true: only "optional" is written.
    if (value) passTo['required'] = false;
    else delete passTo['required'];
  } else if (key === 'teams' || key === 'roles') setList(passTo, key, value as string[]);
  else if (value) passTo[key] = key === 'workers' ? true : value;
  else delete passTo[key];
  if (!passTo['workers']) delete passTo['roles'];
  if (!passTo['teams']) delete passTo['teamFrom'];
  if (!passTo['teams'] && !passTo['workers']) delete passTo['required'];
  putPassTo(action, passTo);
}

/** An action's id changed: the actions that must be chosen with it follow. */
export function renameAction(actions: Loose[], from: string, to: string): void {
  if (from === to) return;
  for (const a of actions) {
    if (Array.isArray(a['requires'])) setList(a, 'requires', (a['requires'] as string[]).map((r) => (r === from ? to : r)));
  }
}

/** An action was removed: nothing is chosen together with it any more. */
export function dropAction(actions: Loose[], id: string): void {
  for (const a of actions) {
    if (Array.isArray(a['requires'])) setList(a, 'requires', (a['requires'] as string[]).filter((r) => r !== id));
  }
}

/** The other steps people do (tasks, and starting the case), earlier ones first: "must be someone other than whoever did". */
export function otherTasks(definition: WorkflowDefinition, nodeId: string): Option[] {
  const before = earlierNodes(definition, nodeId);
  const tasks = nodesInRouteOrder(definition).filter((n) => (n.kind === 'user_task' || n.kind === 'start') && n.id !== nodeId);
  return [
    ...tasks.filter((n) => before.has(n.id)).map((n) => ({ value: n.id, label: n.name, group: 'Earlier steps' })),
    ...tasks.filter((n) => !before.has(n.id)).map((n) => ({ value: n.id, label: n.name, group: 'Other steps' })),
  ];
}

/**
 * Answers that can hold the team an action must go to ("the team the front door confirmed"): text
 * and choice answers of earlier forms and of this step's own, those whose answers are the
 * protocol's teams first.
 */
export function teamFields(fields: readonly DataField[], teams: readonly Option[]): Option[] {
  const ids = new Set(teams.map((t) => t.value));
  const holdsTeams = (f: DataField) => (f.options?.length ?? 0) > 0 && f.options!.every((o) => ids.has(String(o.value)));
  const text = fields.filter((f) => f.path.startsWith('form.') && f.type === 'string' && !f.isDate);
  return [
    ...text.filter(holdsTeams).map((f) => ({ value: f.path, label: `${f.label} (${f.group})`, group: 'Answers that choose a team' })),
    ...text.filter((f) => !holdsTeams(f)).map((f) => ({ value: f.path, label: `${f.label} (${f.group})`, group: 'Other answers' })),
  ];
}

/** What the admin typed as a data path, or why it is not one. */
export function dataPathError(text: string): string | undefined {
  if (text === '' || DATA_PATH.test(text)) return undefined;
  return 'Enter a data path like form.front_door.ehTeam (form, case, done, entered, action or passedTo, then names separated by full stops)';
}
