/**
 * The case page in one response: the family, where the case stands (status, outcome, census
 * closures), its current stages and open tasks, and the protocol map with the nodes the case has
 * passed through and the ones it waits at — drawn from the same graph the engine and the
 * designer use (`graphOf`), so an arrow means the same thing everywhere.
 */
import { graphOf, type CaseState, type Instant, type WorkflowDefinition } from '../../engine/index.ts';
import type { UserRecord } from '../store/index.ts';
import { caseReference, personView, taskView, type Person } from './case-context.ts';
import type * as Api from './api-types.gen.ts';

/**
 * Nodes the case waits at now: open tasks, running timers, sub-cases it waits for. A join that
 * some paths have reached is not a stage of its own: the case waits at the other paths' steps.
 */
export function activeNodes(state: CaseState): Set<string> {
  const active = new Set<string>();
  if (state.status !== 'open') return active;
  for (const task of Object.values(state.tasks)) if (task.status === 'open') active.add(task.node);
  for (const timer of Object.values(state.timers)) if (timer.purpose === 'wait') active.add(timer.node);
  for (const node of Object.values(state.waitingFor)) active.add(node);
  return active;
}

/**
 * The map's parts that a definition version alone decides, made once per version: every case
 * page and every change answers with the map, and Camden's has 81 nodes and more edges.
 * Frozen, since each answer shares them.
 */
const mapParts = new WeakMap<WorkflowDefinition, { nodes: ReadonlyArray<Readonly<MapNode>>; edges: ReadonlyArray<Readonly<MapEdge>> }>();
type MapNode = Omit<Api.ProtocolMapView['nodes'][number], 'state'>;
type MapEdge = Api.ProtocolMapView['edges'][number];

function partsOf(definition: WorkflowDefinition) {
  const hit = mapParts.get(definition);
  if (hit) return hit;
  const nodes = definition.nodes.map((node) => Object.freeze({ id: node.id, kind: node.kind, name: node.name, stage: node.stage ?? null, ...(node.position ? { position: node.position } : {}) }));
  const edges = graphOf(definition).edges.map((e) => Object.freeze({ from: e.from, to: e.to, ...(e.label ? { label: e.label } : {}) }));
  const parts = { nodes: Object.freeze(nodes), edges: Object.freeze(edges) };
  mapParts.set(definition, parts);
  return parts;
}

export function protocolMap(state: CaseState, definition: WorkflowDefinition): Api.ProtocolMapView {
  const parts = partsOf(definition);
  const active = activeNodes(state);
  const reached = (id: string) => Object.hasOwn(state.entered, id) || Object.hasOwn(state.done, id);
  const nodes = parts.nodes.map((node) => ({
    ...node,
    state: active.has(node.id) ? ('active' as const) : reached(node.id) ? ('done' as const) : ('not_reached' as const),
  }));
  return {
    nodes,
    edges: [...parts.edges],
    active: nodes.filter((n) => n.state === 'active').map((n) => n.id),
    done: nodes.filter((n) => n.state === 'done').map((n) => n.id),
  };
}

export function caseView(state: CaseState, definition: WorkflowDefinition, people: Map<string, Person>, user: UserRecord, now: Instant): Api.CaseView {
  const graph = graphOf(definition);
  const nameOf = (id: string) => graph.nodes.get(id)?.name ?? id;
  const outcomeName = (id: string) => definition.outcomes?.find((o) => o.id === id)?.name ?? (id === 'withdrawn' ? 'Withdrawn' : id);
  const openTasks = Object.values(state.tasks)
    .filter((t) => t.status === 'open')
    .map((t) => taskView(t, definition, people, user, now))
    .sort((a, b) => (a.due ?? '\uffff').localeCompare(b.due ?? '\uffff') || a.createdAt.localeCompare(b.createdAt));
  const stages = [...activeNodes(state)].map((id) => {
    const node = graph.nodes.get(id);
    return { node: id, kind: node?.kind ?? null, name: nameOf(id), stage: node?.stage ?? null };
  });
  const children = state.history.filter((h) => h.type === 'subflow_started').map((h) => ({ caseId: String(h.child), node: h.node ?? null, at: h.at }));
  return {
    id: state.id,
    reference: caseReference(state.id),
    version: state.version,
    status: state.status,
    outcome: state.outcome
      ? { ...state.outcome, name: outcomeName(state.outcome.id), nodeName: state.outcome.node ? nameOf(state.outcome.node) : null }
      : null,
    closures: state.closures.map((c) => ({ ...c, nodeName: nameOf(c.node), outcomeName: outcomeName(c.outcome) })),
    definition: { id: definition.id, version: definition.version, name: definition.name },
    entry: { id: state.entry, name: nameOf(state.entry) },
    family: { familyName: state.subject.familyName, children: state.subject.children },
    startedAt: state.startedAt,
    startedBy: personView(state.startedBy, people),
    updatedAt: state.updatedAt,
    stages,
    openTasks,
    overdue: openTasks.some((t) => t.overdue),
    links: { parent: state.parent ?? null, children },
    map: protocolMap(state, definition),
  };
}
