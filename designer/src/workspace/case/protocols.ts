/**
 * The authority's published protocols in full, fetched once per person signed in: case search
 * lists their steps and teams, and starting a case draws their ways in and intake forms.
 */
import { api } from '../../lib/api.ts';
import type { PublishedDefinition } from '../../lib/api-types.ts';
import type { WorkflowDefinition } from '../../../../engine/schema/definition.types.ts';

let cache: { key: string; value: Promise<PublishedDefinition[]> } | undefined;

export function protocols(userId: string): Promise<PublishedDefinition[]> {
  if (cache?.key !== userId) {
    const value = api.definitions().then((list) => Promise.all(list.definitions.filter((d) => d.latestVersion !== null).map((d) => api.definition(d.id))));
    cache = { key: userId, value };
    // A failure is not remembered: the next page to ask tries again.
    value.catch(() => cache?.value === value && (cache = undefined));
  }
  return cache.value;
}

export interface OptionGroup {
  label: string;
  options: Array<{ id: string; name: string }>;
}

/** Task steps a case can wait at, grouped by the protocol's stages, for the stage filter. */
export function stepOptions(definitions: readonly WorkflowDefinition[]): OptionGroup[] {
  const groups = new Map<string, Map<string, string>>();
  const many = definitions.length > 1;
  for (const d of definitions) {
    for (const n of d.nodes) {
      if (n.kind !== 'user_task') continue;
      const label = [many ? d.name : '', n.stage ?? 'Other steps'].filter(Boolean).join(': ');
      if (!groups.has(label)) groups.set(label, new Map());
      groups.get(label)!.set(n.id, n.name);
    }
  }
  return [...groups].map(([label, options]) => ({ label, options: [...options].map(([id, name]) => ({ id, name })) }));
}

/** Every team and tray of the protocols, by name. */
export function teamOptions(definitions: readonly WorkflowDefinition[]): Array<{ id: string; name: string }> {
  const teams = new Map<string, string>();
  for (const d of definitions) for (const t of d.teams) if (!teams.has(t.id)) teams.set(t.id, t.name);
  return [...teams].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** The ways into a protocol this person may use: start nodes naming one of their roles, or none. */
export function entriesFor(definition: WorkflowDefinition, roles: readonly string[]) {
  return definition.nodes.flatMap((n) =>
    n.kind === 'start' && (!n.roles?.length || n.roles.some((r) => roles.includes(r)))
      ? [{ id: n.id, name: n.name, description: n.description ?? null, form: n.form ? (definition.forms[n.form] ?? null) : null, formId: n.form ?? null }]
      : [],
  );
}
