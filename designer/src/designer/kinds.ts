/**
 * The nine node kinds as the designer shows them: a name, a one-line hint for the toolbar, and a
 * shape. The map never tells kinds apart by colour alone: every node also says its kind in words,
 * and the shapes differ (rounded ends for start and end, a diamond mark for decisions...).
 */
import type { Node } from '../../../engine/schema/definition.types.ts';

export type Kind = Node['kind'];

export interface KindInfo {
  kind: Kind;
  label: string;
  hint: string;
  /** A CSS modifier for the node's shape and colour (`stepwise-flow-node--<shape>`). */
  shape: 'pill' | 'box' | 'diamond' | 'clock' | 'bar' | 'envelope' | 'double' | 'end';
}

export const KINDS: readonly KindInfo[] = [
  { kind: 'start', label: 'Start', hint: 'A way in: a case starts here', shape: 'pill' },
  { kind: 'user_task', label: 'User task', hint: 'A form someone fills, then a next action', shape: 'box' },
  { kind: 'decision', label: 'Decision', hint: 'Chooses a route by rules over the answers', shape: 'diamond' },
  { kind: 'timer', label: 'Timer', hint: 'Waits until a date or a working-day offset', shape: 'clock' },
  { kind: 'parallel', label: 'Parallel', hint: 'Runs branches side by side', shape: 'bar' },
  { kind: 'join', label: 'Join', hint: 'Waits for every branch, then carries on', shape: 'bar' },
  { kind: 'notification', label: 'Notification', hint: 'Sends an e-mail and carries on', shape: 'envelope' },
  { kind: 'subflow', label: 'Subflow', hint: 'Starts a linked case (e.g. a step up)', shape: 'double' },
  { kind: 'end', label: 'End', hint: 'Ends the path with an outcome', shape: 'end' },
];

const BY_KIND = new Map(KINDS.map((k) => [k.kind, k]));

export function kindInfo(kind: string): KindInfo {
  return BY_KIND.get(kind as Kind) ?? { kind: kind as Kind, label: kind, hint: '', shape: 'box' };
}

/** CIN census reasons for closure (DfE Children in Need census). */
export const CLOSURE_REASONS: ReadonlyArray<{ id: string; name: string }> = [
  { id: 'RC1', name: 'RC1 Adopted' },
  { id: 'RC2', name: 'RC2 Died' },
  { id: 'RC3', name: 'RC3 Child arrangements order' },
  { id: 'RC4', name: 'RC4 Special guardianship order' },
  { id: 'RC5', name: 'RC5 Transferred to services of another local authority' },
  { id: 'RC6', name: 'RC6 Transferred to adult social care services' },
  { id: 'RC7', name: 'RC7 Services ceased for any other reason, including child no longer in need' },
  { id: 'RC8', name: 'RC8 Case closed after assessment, no further action' },
  { id: 'RC9', name: 'RC9 Case closed after assessment, referred to early help' },
];
