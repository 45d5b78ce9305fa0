/**
 * One step's writes in the SQLite store: the case row checked against its version, its timeline
 * and audit entries appended, task and timer rows brought in line with the state, outbox messages,
 * and the Idempotency-Key mark. Runs inside a transaction the caller holds (a savepoint of a group
 * commit batch, sqlite-group-commit.ts): a throw at any write rolls back every earlier one of this
 * step.
 */
import { GENESIS_HASH, type ChainHead } from './audit-chain.ts';
import { ConflictError, StoreError } from './errors.ts';
import { caseRecord, instant, rowsToWrite, taskRows, timerRows } from './rows.ts';
import * as idempotency from './sqlite-idempotency.ts';
import type { SqliteAudit } from './sqlite-audit.ts';
import { SqliteHistory, type HistoryHead } from './sqlite-history.ts';
import type { Db } from './sqlite-schema.ts';
import type { CommitInput } from './types.ts';

interface HeadRow extends HistoryHead { version: number; authority: string; audit_count: number; audit_head: string }

export class SqliteStepWriter {
  private readonly head;
  private readonly insertCase;
  private readonly updateCase;
  private readonly upsertTask;
  private readonly dropTasks;
  private readonly dropTimers;
  private readonly upsertTimer;
  private readonly insertOutbox;
  readonly history;

  constructor(private readonly db: Db, private readonly audit: SqliteAudit) {
    this.head = db.prepare('SELECT version, authority, audit_count, audit_head, history_count, history_hash FROM cases WHERE id = ?');
    this.insertCase = db.prepare(`INSERT INTO cases (id, authority, definition_id, definition_version, status, family_name,
      family_key, search_key, version, started_at, updated_at, state, audit_count, audit_head, history_count, history_hash)
      VALUES (@id, @authority, @definitionId, @definitionVersion, @status, @familyName, @familyKey, @searchKey, @version, @startedAt,
      @updatedAt, @state, @auditCount, @auditHead, @historyCount, @historyHash)`);
    this.updateCase = db.prepare(`UPDATE cases SET definition_id = @definitionId, definition_version = @definitionVersion,
      status = @status, family_name = @familyName, family_key = @familyKey, search_key = @searchKey,
      version = @version, updated_at = @updatedAt, state = @state, audit_count = @auditCount, audit_head = @auditHead,
      history_count = @historyCount, history_hash = @historyHash WHERE id = @id AND version = @expected`);
    this.history = new SqliteHistory(db);
    this.upsertTask = db.prepare(`INSERT INTO tasks (task_id, case_id, authority, definition_id, node, name, status,
      assignee_kind, assignee, priority, due, overdue, created_at, family_name, completed_at, completed_by, due_label)
      VALUES (@taskId, @caseId, @authority, @definitionId, @node, @name, @status, @assigneeKind, @assignee, @priority,
      @due, @overdue, @createdAt, @familyName, @completedAt, @completedBy, @dueLabel)
      ON CONFLICT (task_id) DO UPDATE SET definition_id = excluded.definition_id, node = excluded.node, name = excluded.name,
      status = excluded.status, assignee_kind = excluded.assignee_kind, assignee = excluded.assignee,
      priority = excluded.priority, due = excluded.due, overdue = excluded.overdue, family_name = excluded.family_name,
      completed_at = excluded.completed_at, completed_by = excluded.completed_by, due_label = excluded.due_label`);
    this.dropTasks = db.prepare('DELETE FROM tasks WHERE case_id = ? AND task_id NOT IN (SELECT value FROM json_each(?))');
    this.dropTimers = db.prepare('DELETE FROM timers WHERE case_id = ? AND timer_id NOT IN (SELECT value FROM json_each(?))');
    // A timer that stays pending keeps its lease: another step on the case must not free it.
    this.upsertTimer = db.prepare(`INSERT INTO timers (timer_id, case_id, authority, fire_at, purpose, node)
      VALUES (@timerId, @caseId, @authority, @fireAt, @purpose, @node)
      ON CONFLICT (timer_id) DO UPDATE SET fire_at = excluded.fire_at, purpose = excluded.purpose, node = excluded.node`);
    // The id is derived from the step, so a message already there is the same message: keep it.
    this.insertOutbox = db.prepare(`INSERT INTO outbox (id, case_id, authority, kind, payload, status, attempts,
      created_at, available_at) VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT (id) DO NOTHING`);
  }

  write({ caseState: state, expectedVersion, audit, outbox, at, previous, request }: CommitInput): void {
    const stored = this.head.get(state.id) as HeadRow | undefined;
    const actual = stored?.version ?? null;
    if (actual !== expectedVersion) throw new ConflictError(state.id, expectedVersion, actual);
    if (stored && stored.authority !== state.authority) {
      throw new StoreError('authority_mismatch', `Case ${state.id} cannot move to another authority.`, { caseId: state.id });
    }
    const prior: ChainHead = stored ? { count: stored.audit_count, hash: stored.audit_head } : { count: 0, hash: GENESIS_HASH };
    // The timeline goes to its own table, new entries only (sqlite-history.ts); the row keeps the rest.
    const history = this.history.write(state.id, stored, state.history);
    const head = this.audit.writeCase(state.id, prior, audit);
    const row = { ...caseRecord(state, head, JSON.stringify({ ...state, history: [] })), ...history, expected: expectedVersion };
    if (stored) this.updateCase.run(row);
    else this.insertCase.run(row);
    const write = rowsToWrite(state, previous, expectedVersion);
    const tasks = taskRows(state);
    this.dropTasks.run(state.id, JSON.stringify(tasks.map((t) => t.taskId)));
    for (const task of tasks) if (write.task(task.taskId)) this.upsertTask.run({ ...task, overdue: task.overdue ? 1 : 0 });
    const timers = timerRows(state);
    this.dropTimers.run(state.id, JSON.stringify(timers.map((t) => t.timerId)));
    for (const timer of timers) if (write.timer(timer.timerId)) this.upsertTimer.run(timer);
    const createdAt = instant(at ?? state.updatedAt);
    for (const message of outbox) {
      this.insertOutbox.run(message.id, state.id, state.authority, message.kind, JSON.stringify(message.payload), createdAt, createdAt);
    }
    if (request) idempotency.markIdempotentCommit(this.db, request, { caseId: state.id, version: state.version });
  }
}
