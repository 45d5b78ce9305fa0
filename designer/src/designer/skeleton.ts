/**
 * A new definition: the smallest one the engine accepts — a start leading straight to an end
 * with one outcome — for the admin to build on. The calendar is England and Wales, London time.
 */
import type { WorkflowDefinition } from '../../../engine/schema/definition.types.ts';

export function emptyDefinition(given: { id: string; name: string; authority: { id: string; name: string } }): WorkflowDefinition {
  return {
    id: given.id,
    version: 1,
    name: given.name,
    authority: given.authority,
    calendar: { region: 'england-and-wales', timeZone: 'Europe/London' },
    roles: [],
    teams: [],
    outcomes: [{ id: 'closed', name: 'Closed' }],
    forms: {},
    nodes: [
      { id: 'start', kind: 'start', name: 'Start', next: 'end', position: { x: 40, y: 40 } },
      { id: 'end', kind: 'end', name: 'End', outcome: 'closed', position: { x: 40, y: 200 } },
    ],
  };
}

/** The people, teams and outcomes of another definition, to start from instead of typing them. */
export function withPeopleOf(definition: WorkflowDefinition, from: WorkflowDefinition): WorkflowDefinition {
  return {
    ...definition,
    roles: structuredClone(from.roles),
    teams: structuredClone(from.teams),
    ...(from.mailboxes ? { mailboxes: structuredClone(from.mailboxes) } : {}),
    outcomes: structuredClone([...(definition.outcomes ?? []), ...(from.outcomes ?? [])].filter((o, i, all) => all.findIndex((x) => x.id === o.id) === i)),
  };
}
