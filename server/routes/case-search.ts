/**
 * GET /api/cases: the case list with filters. Each filter value is checked against what the
 * caller's authority has (its protocols' steps and teams, its people), so a typo is a 422 that
 * names the parameter rather than an empty list. Each answer is one entry on the reader's
 * access log naming the cases listed (access-audit.ts).
 */
import type { Context } from 'hono';
import type { CaseState, WorkflowDefinition } from '../../engine/index.ts';
import type { AppEnv } from '../http/env.ts';
import type { CaseFilter } from '../store/index.ts';
import { recordListRead } from './access-audit.ts';
import { authorityDefinitions, caseReference, definitionVersion, isOverdue } from './case-context.ts';
import { booleanParam, idParam, readQuery, unknownValue, type QueryShape } from './case-params.ts';
import type * as Api from './api-types.gen.ts';

export const searchQuery: QueryShape = {
  title: 'Case search',
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      status: { type: 'string', title: 'Status', enum: ['open', 'closed', 'withdrawn'] },
      stage: idParam('Stage'),
      team: idParam('Team'),
      worker: idParam('Worker'),
      overdue: booleanParam('Overdue'),
      q: { type: 'string', title: 'Name, case-system ID, date of birth or reference', maxLength: 100 },
      definition: idParam('Protocol'),
      limit: { type: 'string', title: 'Limit', pattern: '^(?:[1-9][0-9]?|[1-4][0-9]{2}|500)$' },
    },
  },
  errorMessages: { '/limit': { pattern: 'Limit must be a whole number from 1 to 500' } },
};

type SearchQuery = Partial<Record<'status' | 'stage' | 'team' | 'worker' | 'overdue' | 'q' | 'definition' | 'limit', string>>;

export const findCasesQuery = (c: Context<AppEnv>) => readQuery<SearchQuery>(c, searchQuery);

export async function findCases(c: Context<AppEnv>, query: SearchQuery): Promise<Api.CaseList> {
  const { store, clock } = c.get('deps');
  const user = c.get('user');
  const definitions = await authorityDefinitions(store, user.authority);
  const filter: CaseFilter = { authority: user.authority, limit: query.limit ? Number(query.limit) : 100 };
  if (query.status) filter.status = query.status as CaseState['status'];
  if (query.q !== undefined && query.q.trim() !== '') filter.search = query.q;
  if (query.overdue) filter.overdue = query.overdue === 'true';
  if (query.definition !== undefined) {
    if (!definitions.some((d) => d.id === query.definition)) throw unknownValue('definition', 'Select one of your authority’s protocols');
    filter.definition = { id: query.definition };
  }
  if (query.stage !== undefined) {
    if (!definitions.some((d) => d.nodes.some((n) => n.id === query.stage && n.kind === 'user_task'))) {
      throw unknownValue('stage', 'Select a step of one of your authority’s protocols');
    }
    filter.stage = query.stage;
  }
  if (query.team !== undefined) {
    if (!definitions.some((d) => d.teams.some((t) => t.id === query.team))) throw unknownValue('team', 'Select one of your authority’s teams');
    filter.team = query.team;
  }
  if (query.worker !== undefined) {
    const worker = query.worker === 'me' ? user.id : query.worker;
    const person = await store.getUser(worker);
    if (!person || person.authority !== user.authority) throw unknownValue('worker', 'Select a person in your authority');
    filter.worker = worker;
  }
  const now = clock.now();
  const summaries = await store.findCases(filter);
  const cases = await Promise.all(
    summaries.map(async (s): Promise<Api.CaseSummary> => {
      const tasks = await store.listTasks({ authority: user.authority, caseId: s.id, status: 'open' });
      const definition: WorkflowDefinition | null = await definitionVersion(store, s.definition.id, s.definition.version);
      const dues = tasks.map((t) => t.due).filter((d): d is string => d !== null).sort();
      return {
        id: s.id,
        reference: caseReference(s.id),
        familyName: s.familyName,
        status: s.status,
        definition: { ...s.definition, name: definition?.name ?? s.definition.id },
        startedAt: s.startedAt,
        updatedAt: s.updatedAt,
        openTasks: tasks.length,
        nextDue: dues[0] ?? null,
        overdue: tasks.some((t) => isOverdue(t, now)),
        stages: tasks.map((t) => ({ node: t.node, name: t.name, stage: definition?.nodes.find((n) => n.id === t.node)?.stage ?? null })),
      };
    }),
  );
  // The search text itself is left out of the audit entry: it is a name or a date of birth.
  const { q, ...filters } = query;
  await recordListRead(c, q !== undefined && q.trim() !== '' ? 'case_search' : 'case_list', cases.map((x) => x.id), { ...filters, worker: filter.worker });
  return { cases, count: cases.length };
}

/** What `findCases` checks beyond `searchQuery`'s schema, for the documented parameters. */
export const searchNotes: Record<string, string> = {
  status: '`open`, `closed` or `withdrawn`',
  stage: 'A step (node id) the case has an open task at; must be a step of one of your authority’s protocols, otherwise 422',
  team: 'A team or tray holding an open task of the case; must be one of your authority’s teams, otherwise 422',
  worker: 'A person holding an open task of the case, `me` for yourself; must be a person in your authority, otherwise 422',
  overdue: '`true`: cases with an overdue task; `false`: cases without one',
  q: 'Part of the family name, a case-system ID, a date of birth or a reference',
  definition: 'A protocol id; must be one of your authority’s protocols, otherwise 422',
  limit: 'At most this many cases: a whole number from 1 to 500 (default 100)',
};
