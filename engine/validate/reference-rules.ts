/** Lint over names: every role, team, form, mailbox, outcome and field a node mentions exists. */
import type { Assignee, Recipient, WorkflowDefinition } from '../schema/definition.types.ts';
import type { Graph } from '../definition/graph.ts';
import { fieldExists } from '../forms/index.ts';
import type { Problem } from '../problems.ts';

export function referenceProblems(definition: WorkflowDefinition, graph: Graph): Problem[] {
  const problems: Problem[] = [];
  const ids = (list: Array<{ id: string }> | undefined) => new Set((list ?? []).map((x) => x.id));
  const roles = ids(definition.roles);
  const teams = ids(definition.teams);
  const mailboxes = ids(definition.mailboxes);
  const outcomes = definition.outcomes ? ids(definition.outcomes) : undefined;
  const add = (code: string, path: string, message: string) => problems.push({ code, path, message });
  const choices = (list: Array<{ id: string; name?: string; label?: string }> | undefined, noun: string) =>
    (list ?? []).length === 0 ? `the protocol has no ${noun} yet: add one first` : `use one of: ${listOf((list ?? []).map((x) => `"${x.id}"${x.name && x.name !== x.id ? ` (${x.name})` : ''}`))}`;
  const unknownRole = (r: string) => `There is no role "${r}": ${choices(definition.roles, 'roles')}.`;

  for (const [name, list] of [['roles', definition.roles], ['teams', definition.teams], ['mailboxes', definition.mailboxes], ['outcomes', definition.outcomes]] as const) {
    duplicates(list ?? [], (i, id) => add('duplicate_id', `/${name}/${i}/id`, `Another entry in ${name} is already called "${id}".`));
  }
  definition.roles.forEach((role, i) => {
    if (role.manager && !roles.has(role.manager)) add('unknown_role', `/roles/${i}/manager`, unknownRole(role.manager));
  });
  definition.teams.forEach((team, i) =>
    (team.roles ?? []).forEach((r, j) => {
      if (!roles.has(r)) add('unknown_role', `/teams/${i}/roles/${j}`, unknownRole(r));
    }),
  );

  const checkAssignee = (a: Assignee | Recipient, path: string): void => {
    if ('role' in a && !roles.has(a.role)) add('unknown_role', `${path}/role`, unknownRole(a.role));
    if ('team' in a && !teams.has(a.team)) add('unknown_team', `${path}/team`, `There is no team "${a.team}": ${choices(definition.teams, 'teams')}.`);
    if ('mailbox' in a && !mailboxes.has(a.mailbox)) add('unknown_mailbox', `${path}/mailbox`, `There is no shared mailbox "${a.mailbox}": ${choices(definition.mailboxes, 'shared mailboxes')}.`);
    if ('performerOf' in a && !graph.nodes.has(a.performerOf)) add('unknown_node', `${path}/performerOf`, `There is no step "${a.performerOf}" (was it deleted or renamed?): choose the step whose worker it goes to.`);
    if ('passedTo' in a && a.fallback) checkAssignee(a.fallback, `${path}/fallback`);
  };

  definition.nodes.forEach((node, i) => {
    const at = `/nodes/${i}`;
    if ((node.kind === 'user_task' || node.kind === 'start') && node.form && !Object.hasOwn(definition.forms, node.form)) {
      add('unknown_form', `${at}/form`, `"${node.name}" uses the form "${node.form}", which does not exist: choose one of the protocol's forms, or make one.`);
    }
    if (node.kind === 'start') {
      (node.roles ?? []).forEach((r, j) => {
        if (!roles.has(r)) add('unknown_role', `${at}/roles/${j}`, unknownRole(r));
      });
    }
    if (node.kind === 'notification') node.to.forEach((r, j) => checkAssignee(r, `${at}/to/${j}`));
    if (node.kind === 'end' && outcomes && !outcomes.has(node.outcome)) {
      add('unknown_outcome', `${at}/outcome`, `"${node.name}" ends with the outcome "${node.outcome}", which is not one of the protocol's outcomes: ${choices(definition.outcomes, 'outcomes')}.`);
    }
    if (node.kind === 'subflow' && node.definition === definition.id && graph.nodes.get(node.entry)?.kind !== 'start') {
      add('unknown_entry', `${at}/entry`, `"${node.entry}" is not a way into this protocol: ${graph.starts.length ? `use one of: ${listOf(graph.starts.map((s) => `"${s.id}" (${s.name})`))}` : 'add a start first'}.`);
    }
    if (node.kind !== 'user_task') return;
    checkAssignee(node.assignee, `${at}/assignee`);
    const knownRoles = (list: string[] | undefined, path: string) =>
      (list ?? []).forEach((r, j) => {
        if (!roles.has(r)) add('unknown_role', `${path}/${j}`, unknownRole(r));
      });
    knownRoles(node.roles, `${at}/roles`);
    const joint = node.signatures;
    if (joint && 'roles' in joint) knownRoles(joint.roles, `${at}/signatures/roles`);
    if (joint && 'signers' in joint) joint.signers.forEach((signer, j) => knownRoles(signer.roles, `${at}/signatures/signers/${j}/roles`));
    (node.separateFrom ?? []).forEach((other, j) => {
      const target = graph.nodes.get(other);
      if (!target) add('unknown_node', `${at}/separateFrom/${j}`, `"${node.name}" is kept apart from "${other}", but no step has that ID (was it deleted or renamed?): choose another step or remove it.`);
      else if (target.kind !== 'user_task' && target.kind !== 'start') add('separate_from_not_a_task', `${at}/separateFrom/${j}`, `"${target.name}" is not a step someone does (a task or the start of the case), so it cannot be kept apart from "${node.name}".`);
      else if (other === node.id) add('separate_from_itself', `${at}/separateFrom/${j}`, `"${node.name}" cannot be kept apart from itself.`);
    });
    node.nextActions.forEach((action, j) => {
      knownRoles(action.passTo?.roles, `${at}/nextActions/${j}/passTo/roles`);
      if (action.passTo?.roles && !action.passTo.workers) {
        add('pass_to_roles_without_workers', `${at}/nextActions/${j}/passTo/roles`, `"${action.label}" limits the workers it can be passed to, but cannot be passed to a worker: allow workers or remove the roles.`);
      }
      if (action.passTo?.teamFrom && !action.passTo.teams?.length) {
        add('team_from_without_teams', `${at}/nextActions/${j}/passTo/teamFrom`, `"${action.label}" must go to the team recorded earlier, but lists no teams it can be passed to.`);
      }
      (action.requires ?? []).forEach((other, k) => {
        const where = `${at}/nextActions/${j}/requires/${k}`;
        const names = node.nextActions.filter((a) => a.id !== action.id).map((a) => `"${a.id}"`).join(', ');
        if (other === action.id) add('requires_itself', where, `"${action.label}" cannot require itself.`);
        else if (!node.nextActions.some((a) => a.id === other)) add('unknown_action', where, `"${node.name}" has no next action "${other}"; its others are ${names || 'none'}.`);
        else if (!node.multipleActions) add('requires_multiple_actions', where, `"${action.label}" must be chosen with "${other}", but "${node.name}" takes one next action at a time: allow several next actions.`);
      });
    });
    (node.escalations ?? []).forEach((rung, j) => {
      rung.notify.forEach((r, k) => checkAssignee(r, `${at}/escalations/${j}/notify/${k}`));
      if (rung.reassignTo) checkAssignee(rung.reassignTo, `${at}/escalations/${j}/reassignTo`);
    });
    duplicates(node.nextActions, (j, id) => add('duplicate_id', `${at}/nextActions/${j}/id`, `Another next action of "${node.name}" is already called "${id}".`));
    node.nextActions.forEach((action, j) =>
      (action.passTo?.teams ?? []).forEach((t, k) => {
        if (!teams.has(t)) add('unknown_team', `${at}/nextActions/${j}/passTo/teams/${k}`, `There is no team "${t}": ${choices(definition.teams, 'teams')}.`);
      }),
    );
    const form = node.form && Object.hasOwn(definition.forms, node.form) ? definition.forms[node.form] : undefined;
    (node.prefill ?? []).forEach((mapping, j) => {
      if (!form) add('prefill_without_form', `${at}/prefill/${j}`, `"${node.name}" has no form to copy answers into.`);
      else if (!fieldExists(form, mapping.field)) add('unknown_field', `${at}/prefill/${j}/field`, `The form "${form.title}" has no field "${mapping.field}".`);
    });
    (node.caseFile?.show ?? []).forEach((other, j) => {
      const where = `${at}/caseFile/show/${j}`;
      const target = graph.nodes.get(other);
      if (!target) add('unknown_node', where, `"${node.name}" shows what "${other}" recorded, but no step has that ID (was it deleted or renamed?): choose another step or remove it.`);
      else if ((target.kind !== 'user_task' && target.kind !== 'start') || !target.form) {
        add('case_file_without_form', where, `"${target.name}" records no form, so "${node.name}" has nothing of it to show.`);
      }
    });
  });
  return problems;
}

/** "a", "b" and "c"; a long list cut short. */
function listOf(items: string[]): string {
  const shown = items.length > 12 ? [...items.slice(0, 12), `${items.length - 12} more`] : items;
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}`;
}

function duplicates(list: Array<{ id: string }>, report: (index: number, id: string) => void): void {
  const seen = new Set<string>();
  list.forEach((item, i) => {
    if (seen.has(item.id)) report(i, item.id);
    seen.add(item.id);
  });
}
