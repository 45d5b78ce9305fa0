/**
 * What every part of the property panel needs about the selected node: the node, how to change
 * it, the problems the engine found in it (by pointer, to show beside the right control), and
 * the lists its selects choose from. Built once per selection by NodePanel.
 */
import type { NextAction, WorkflowDefinition } from '../../../engine/schema/definition.types.ts';
import type { DataField } from './fields.ts';
import type { Loose } from './nodes.ts';
import { controlPointer } from './pointer.ts';

export interface Option {
  value: string;
  label: string;
  group?: string;
}

export interface NodePanelContext {
  definition: WorkflowDefinition;
  node: Loose & { id: string; kind: string; name: string };
  /**
   * The first problem message at or under this pointer inside the node, leaving out those under
   * `skip` (pointers whose own control shows them: a deadline's wording beside the deadline).
   */
  errorAt: (rest: string, skip?: readonly string[]) => string | undefined;
  edit: (recipe: (node: Loose) => void) => void;
  /** For changes beyond the node (a new form for it). */
  change: (next: WorkflowDefinition) => void;
  /** Nodes an arrow may lead to (not itself, not a start). */
  targets: Option[];
  /** Answers this node may read (earlier forms, its own for guards). */
  fields: DataField[];
  /** Dates a timescale may count from. */
  dates: DataField[];
  roles: Option[];
  teams: Option[];
  outcomes: Option[];
  mailboxes: Option[];
  forms: Option[];
}

/**
 * The element id for a pointer inside the selected node: problems focus it when clicked. Parts a
 * picker edits in a box of its own (`/due/after/amount` in the due's "Amount") get that box's id.
 */
export function controlId(rest: string): string {
  return `node${controlPointer(rest).replace(/[^A-Za-z0-9]+/g, '-')}`;
}

export const optionsOf = (list: ReadonlyArray<{ id: string; name: string }> | undefined): Option[] => (list ?? []).map((x) => ({ value: x.id, label: x.name }));

/** What an editor of one part of a next action is given: the action, its pointer, and a way to change it. */
export interface ActionPartProps {
  ctx: NodePanelContext;
  action: NextAction;
  /** The action's pointer inside the node (`/nextActions/2`). */
  base: string;
  edit: (recipe: (action: Loose) => void) => void;
}

/** What an editor of one part of the whole definition (closure days, notes) is given. */
export interface DefinitionPartProps {
  definition: WorkflowDefinition;
  /** The error for a pointer inside the part. */
  errorAt: (pointer: string) => string | undefined;
  onchange: (next: WorkflowDefinition) => void;
}
