/**
 * Who may act on a task, as the task page says it: the roles the step is given to ("Only an EH
 * team manager can do this step"), a step signed jointly (who has signed, on what date, and who
 * still needs to), and the workers an action may be passed to. Role names read the engine's way
 * (`aRole`: "a social worker", "an EH team manager"), so the page and the refusals agree.
 */
import { aRole } from '../../../../engine/nodes/who-may-act.ts';
import type { WorkflowDefinition } from '../../../../engine/schema/definition.types.ts';
import type { Named, NextActionView, Signer, TaskForm, TaskSigning } from '../../lib/api-types.ts';
import { londonDate } from '../../lib/format.ts';

/** "a social worker", "an EH team manager". */
export const aRoleNamed = (name: string) => aRole({ roles: [{ id: '-', name }] } as unknown as WorkflowDefinition, '-');

/** "a social worker", "a social worker or an EH team manager" (`joiner` "and" for all of them). */
export function rolesText(roles: readonly Named[], joiner: 'or' | 'and' = 'or'): string {
  const names = roles.map((r) => aRoleNamed(r.name));
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${joiner} ${names.at(-1)}`;
}

/** "Only an EH team manager can do this step", or null when the assignment alone decides. */
export function onlyRolesText(roles: readonly Named[] | null): string | null {
  return roles && roles.length > 0 ? `Only ${rolesText(roles)} can do this step` : null;
}

/**
 * Who a signer is: the protocol's words for them, or "a social worker or an EH team manager";
 * "another service manager" when an earlier signer is said the same way.
 */
function signerTexts(signers: readonly Signer[]): string[] {
  const said: string[] = [];
  return signers.map((signer) => {
    const derived = signer.label === signer.roles.map((r) => r.name).join(' or ');
    const text = derived ? rolesText(signer.roles) : signer.label;
    const again = said.includes(text);
    said.push(text);
    return again && /^an? /.test(text) ? text.replace(/^an? /, 'another ') : text;
  });
}

const joined = (texts: readonly string[]) => (texts.length <= 1 ? (texts[0] ?? '') : `${texts.slice(0, -1).join(', ')} and ${texts.at(-1)}`);

/** The signing so far, sentence by sentence: each signature given, then who still has to sign. */
export function signingText(signing: TaskSigning, me?: string): string[] {
  const texts = signerTexts(signing.signers);
  const signed = signing.signers.flatMap((s) => (s.signature ? [s.signature] : []));
  if (signed.length === 0) {
    return [`This step is signed jointly by ${joined(texts)}: each submits the same answers and next actions, and the last signature completes it.`];
  }
  const lines = signed.map((s) => `Signed by ${s.person?.id === me && me ? 'you' : (s.person?.name ?? 'someone')} (${s.role.name}) on ${londonDate(s.at)}.`);
  const waiting = texts.filter((_, i) => !signing.signers[i]!.signature);
  if (waiting.length === 0) return lines;
  const needs = `${waiting.length === 1 ? 'It needs a signature from' : 'It needs signatures from'} ${joined(waiting)}.`;
  return [...lines, `${needs} To sign, submit the same answers and next actions; a change means everyone signs again.`];
}

/** Who "Pass to worker" offers for this action: holders of its worker roles, or every practitioner. */
export function workersFor(action: NextActionView, view: Pick<TaskForm, 'people'>): TaskForm['people'] {
  const roles = action.passTo?.workerRoles;
  if (!roles) return view.people;
  const ids = new Set(roles.map((r) => r.id));
  return view.people.filter((p) => p.roles.some((r) => ids.has(r.id)));
}

/** The hint beside an action that must be chosen with others: "Choose it together with “Close the case”". */
export function togetherText(action: NextActionView, view: Pick<TaskForm, 'actions'>): string | null {
  if (action.requires.length === 0) return null;
  const labels = action.requires.map((id) => `“${view.actions.find((a) => a.id === id)?.label ?? id}”`);
  const listed = labels.length === 1 ? labels[0]! : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
  return `Choose it together with ${listed}`;
}
