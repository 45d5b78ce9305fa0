/**
 * The retention job. `planRetention` reads every closed case (a page at a time) and works out,
 * from its definition's rule (rule.ts), which are due to be disposed of today: the report an
 * admin reads, and what a dry run prints. `runRetention` carries the plan out: each due case
 * anonymised (anonymise.ts) or deleted in a transaction of its own, refused if it was put on
 * legal hold or changed since it was planned, and recorded on the acting person's access log
 * (`system` for the daily job) by case id and rule, never the family's names.
 *
 * The rule applied is the one in the latest published version of the case's definition, so a
 * change of policy reaches cases closed under earlier versions; a definition with no rule gets
 * DEFAULT_RETENTION. Running it twice does no more: anonymised cases leave the closed list, and
 * deleted ones are gone.
 */
import type { Disposal, LocalDate, Retention, WorkflowDefinition } from '../../engine/index.ts';
import { localDateOf } from '../../engine/calendar/zone.ts';
import { StoreError, type ClosedCase, type LegalHold, type Store } from '../store/index.ts';
import { anonymiseCase } from './anonymise.ts';
import { DEFAULT_RETENTION, describeRule, disposalDate, isDue } from './rule.ts';

/** One closed case in the report. */
export interface PlannedDisposal {
  caseId: string;
  authority: string;
  definition: { id: string; version: number };
  status: ClosedCase['status'];
  version: number;
  closedAt: string;
  /** The London day it is due to go; null when the rule cannot be applied (no date of birth). */
  due: LocalDate | null;
  then: Disposal;
  /** Why it is due then, in plain English. */
  because: string;
  /** The rule, in plain English. */
  rule: string;
  hold: LegalHold | null;
}

export interface RetentionReport {
  at: string;
  /** The London day the report is for. */
  today: LocalDate;
  authority: string | null;
  /** Due by today and not held: what a run disposes of. */
  due: PlannedDisposal[];
  /** On legal hold, due or not: kept whatever the rule says. */
  held: PlannedDisposal[];
  /** No child's date of birth is known, so the rule cannot be applied: kept, for someone to review. */
  undated: PlannedDisposal[];
  /** Closed cases not due yet (not held, dated). */
  notYetDue: number;
}

export interface RetentionRun extends RetentionReport {
  dryRun: boolean;
  /** Disposed of by this run. */
  disposed: Array<{ caseId: string; then: Disposal }>;
  /** Due but left: put on hold or changed since the plan was made. */
  skipped: Array<{ caseId: string; reason: string }>;
}

export interface RetentionOptions {
  /** One authority's cases; every authority's when absent. */
  authority?: string;
  /** Who is acting: an admin's id, or `system` for the daily job. */
  by?: string;
  /** Closed cases read per page. */
  pageSize?: number;
}

export const SYSTEM_ACTOR = 'system';

export async function planRetention(store: Store, now: string, options: RetentionOptions = {}): Promise<RetentionReport> {
  const today = localDateOf(now);
  const rules = new Map<string, Retention>();
  const ruleOf = async (id: string, version: number): Promise<Retention> => {
    let rule = rules.get(id);
    if (!rule) {
      const definition = (await store.latestPublished(id)) ?? (await store.getDefinition(id, version));
      rule = definition?.definition.retention ?? DEFAULT_RETENTION;
      rules.set(id, rule);
    }
    return rule;
  };
  const report: RetentionReport = { at: now, today, authority: options.authority ?? null, due: [], held: [], undated: [], notYetDue: 0 };
  let after = '';
  for (;;) {
    const page = await store.listClosedCases({ ...(options.authority === undefined ? {} : { authority: options.authority }), after, limit: options.pageSize ?? 500 });
    for (const closed of page) {
      const rule = await ruleOf(closed.definitionId, closed.definitionVersion);
      const date = disposalDate(rule, closed);
      const planned: PlannedDisposal = {
        caseId: closed.id, authority: closed.authority, definition: { id: closed.definitionId, version: closed.definitionVersion },
        status: closed.status, version: closed.version, closedAt: closed.closedAt, due: date.due, then: date.then, because: date.because,
        rule: describeRule(rule), hold: closed.hold,
      };
      if (closed.hold) report.held.push(planned);
      else if (date.due === null) report.undated.push(planned);
      else if (isDue(date.due, now)) report.due.push(planned);
      else report.notYetDue += 1;
    }
    if (page.length < (options.pageSize ?? 500)) break;
    after = page.at(-1)!.id;
  }
  return report;
}

/** Plans, then (unless `dryRun`) disposes of each due case. */
export async function runRetention(store: Store, now: string, options: RetentionOptions & { dryRun: boolean }): Promise<RetentionRun> {
  const report = await planRetention(store, now, options);
  const run: RetentionRun = { ...report, dryRun: options.dryRun, disposed: [], skipped: [] };
  if (options.dryRun) return run;
  const by = options.by ?? SYSTEM_ACTOR;
  const definitions = new Map<string, WorkflowDefinition | null>();
  for (const planned of report.due) {
    try {
      await dispose(store, planned, now, by, definitions);
      run.disposed.push({ caseId: planned.caseId, then: planned.then });
    } catch (error) {
      if (!(error instanceof StoreError) || !['legal_hold', 'conflict', 'not_found'].includes(error.code)) throw error;
      run.skipped.push({ caseId: planned.caseId, reason: error.code === 'legal_hold' ? 'put on legal hold since the plan was made' : 'changed since the plan was made' });
    }
  }
  return run;
}

async function dispose(store: Store, planned: PlannedDisposal, now: string, by: string, definitions: Map<string, WorkflowDefinition | null>): Promise<void> {
  const { caseId, then } = planned;
  const detail = {
    caseId, cases: [caseId], definition: planned.definition, rule: planned.rule, due: planned.due, closedAt: planned.closedAt, because: planned.because,
  };
  const record = { at: now, actor: by, action: then === 'delete' ? 'case_deleted' : 'case_anonymised', detail };
  if (then === 'delete') {
    await store.deleteCase({ caseId, expectedVersion: planned.version, record });
    return;
  }
  const state = await store.getCase(caseId);
  if (!state || state.version !== planned.version) throw new StoreError('conflict', `Case ${caseId} changed since it was planned.`, { caseId });
  const key = `${state.definition.id}@${state.definition.version}`;
  if (!definitions.has(key)) definitions.set(key, (await store.getDefinition(state.definition.id, state.definition.version))?.definition ?? null);
  await store.anonymiseCase({
    caseState: anonymiseCase(state, definitions.get(key)!, now),
    expectedVersion: state.version,
    audit: { at: now, actor: by, action: 'case_anonymised', detail: { rule: planned.rule, due: planned.due } },
    record,
  });
}
