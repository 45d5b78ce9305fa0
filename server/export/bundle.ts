/**
 * The subject access bundle: everything Stepwise holds about a family's case (or about one child
 * in it), gathered in the words people read, ready to be redacted and rendered as HTML, PDF or
 * JSON. The JSON format is versioned (`format` and `version`); README "Subject access requests"
 * documents it. Staff are named, never identified by their user ids or e-mail addresses, except
 * where an e-mail was addressed to a named mailbox (that address is what was sent).
 */
import { answerSections, type AnswerSection, type CaseState, type Recipient, type WorkflowDefinition } from '../../engine/index.ts';
import { londonTime } from '../../engine/calendar/index.ts';
import type { NotificationMessage } from '../runtime/index.ts';
import type { AccessRecord, AuditRecord, OutboxMessage } from '../store/index.ts';
import { assigneeView, caseReference, personView, type Person } from '../routes/case-context.ts';
import { startFormFile } from '../routes/case-file.ts';
import { describeEntry, INTERNAL_ENTRIES } from '../routes/timeline-words.ts';

export const BUNDLE_FORMAT = 'stepwise-subject-access';
export const BUNDLE_VERSION = 1;

export interface BundleChild {
  name: string;
  dateOfBirth: string | null;
  /** The case system's person id (Mosaic, LCS...), if recorded. */
  personId: string | null;
}

export interface BundleForm {
  step: string;
  form: string;
  completedAt: string;
  completedAtLondon: string;
  completedBy: string | null;
  sections: AnswerSection[];
}

export interface BundleTimelineEntry {
  at: string;
  london: string;
  /** The engine's entry type (`task_completed`, `notification_sent`...). */
  type: string;
  text: string;
  who: string | null;
  /** Only how the engine moved (a decision taken, a join waiting), not what anybody did. */
  internal: boolean;
}

export interface BundleEmail {
  createdAt: string;
  createdAtLondon: string;
  status: 'sent' | 'waiting to be sent' | 'could not be sent';
  to: string[];
  subject: string;
  body: string;
}

export interface BundleView {
  at: string;
  london: string;
  who: string;
  /** What was looked at, in words ("the case page", "a subject access export"). */
  what: string;
}

export interface SubjectAccessBundle {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  exportedAt: string;
  authority: { id: string; name: string };
  /** The whole family's case, or one child in it (family-level facts plus that child's entries). */
  scope: { kind: 'family' } | { kind: 'child'; child: string };
  case: {
    id: string;
    reference: string;
    protocol: { id: string; version: number; name: string };
    status: CaseState['status'];
    startedAt: string;
    startedBy: string | null;
    outcome: { name: string; closureReason: string | null; at: string } | null;
    familyName: string;
    children: BundleChild[];
  };
  forms: BundleForm[];
  timeline: BundleTimelineEntry[];
  emails: BundleEmail[];
  views: BundleView[];
  redaction: {
    /** How many third parties' names were found, and how many of them are replaced here. */
    found: number;
    redacted: number;
    /** The replacements used, e.g. "[Third party 1]"; never the names they replace. */
    labels: string[];
  };
}

export interface GatherInput {
  state: CaseState;
  definition: WorkflowDefinition;
  people: Map<string, Person>;
  outbox: OutboxMessage[];
  audit: AuditRecord[];
  /** Readers' access-log entries naming the case: lists and searches it appeared in. */
  access: AccessRecord[];
  now: string;
  /** Index into `state.subject.children`, for one child's export. */
  child?: number;
}

const SYSTEM = 'Stepwise (timers and automatic steps)';

/** What a `case_read` entry's `what` was, in words. */
const READS: Record<string, string> = {
  case_page: 'the case page',
  timeline: 'the case timeline',
  audit: 'the audit trail',
  audit_verify: 'the audit trail check',
  task_form: 'a task and its form',
  start_form: 'the start form',
  subject_access_preview: 'the subject access export page',
};

/** Lists a case can appear in, by name and (unlike a report's counts) so seen. */
const LISTS: Record<string, string> = {
  case_search: 'a case search that found it',
  case_list: 'the list of cases',
  my_work: 'a work list (My work)',
  tray: 'a team’s tray',
  outbox: 'the outbox',
  retention_report: 'the retention report',
};

export function readWords(what: unknown): string {
  // `task_form:<task id>`, `subject_access_export:<format>:...`: the kind is before the first colon.
  const kind = (typeof what === 'string' ? what : '').split(':')[0]!;
  if (kind === 'subject_access_export') return 'a subject access export';
  return READS[kind] ?? (kind ? kind.replace(/_/g, ' ') : 'the case');
}

const nameOf = (id: string, people: Map<string, Person>) => (id === 'system' ? SYSTEM : (people.get(id)?.name ?? 'a former member of staff'));

function recipientName(recipient: Recipient, definition: WorkflowDefinition, people: Map<string, Person>): string {
  if ('mailbox' in recipient) return `${recipient.name} <${recipient.address}>`;
  return assigneeView(recipient, definition, people).name;
}

const EMAIL_STATUS: Record<OutboxMessage['status'], BundleEmail['status']> = { done: 'sent', pending: 'waiting to be sent', dead: 'could not be sent' };

/** Drops the repeat items named after another child: for one child's export. */
function onlyChild(sections: AnswerSection[], others: Set<string>): AnswerSection[] {
  const keep = (label: string) => !others.has(label.trim().toLowerCase());
  const rows = (list: AnswerSection['rows']): AnswerSection['rows'] =>
    list.map((row) => (row.items ? { ...row, items: row.items.filter((i) => keep(i.label)).map((i) => ({ ...i, rows: rows(i.rows) })) } : row));
  return sections.map((s) => ({ ...s, rows: rows(s.rows) }));
}

export function gather(input: GatherInput): SubjectAccessBundle {
  const { state, definition, people, outbox, audit, access, now, child } = input;
  const outcome = definition.outcomes?.find((o) => o.id === state.outcome?.id);
  const children = state.subject.children.map((c) => ({ name: c.name, dateOfBirth: c.dateOfBirth ?? null, personId: c.personId ?? null }));
  const chosen = child === undefined ? undefined : children[child];
  const others = new Set(children.filter((_, i) => child !== undefined && i !== child).map((c) => c.name.trim().toLowerCase()));

  // Every recorded form, oldest first: the start form, then each completed task's answers.
  const start = startFormFile(state, definition, people);
  const tasks = Object.values(state.tasks).filter((t) => t.status === 'completed' && t.answers && t.form && t.completedAt);
  const taskForms = tasks.map((task) => {
    const form = Object.hasOwn(definition.forms, task.form!) ? definition.forms[task.form!] : undefined;
    // Question titles from the definition version the case ran on, never the raw keys.
    const sections = form ? answerSections(form, task.answers!, definition.calendar.timeZone) : [];
    return { name: task.name, form: form?.title ?? task.form!, completedAt: task.completedAt!, completedBy: personView(task.completedBy, people), sections };
  });
  const forms: BundleForm[] = [
    ...(start ? [{ name: start.name, form: start.form.title, completedAt: start.completedAt, completedBy: start.completedBy, sections: start.sections }] : []),
    ...taskForms.sort((a, b) => a.completedAt.localeCompare(b.completedAt)),
  ].map((f) => ({
    step: f.name,
    form: f.form,
    completedAt: f.completedAt,
    completedAtLondon: londonTime(f.completedAt),
    completedBy: f.completedBy ? nameOf(f.completedBy.id, people) : null,
    sections: others.size > 0 ? onlyChild(f.sections, others) : f.sections,
  }));

  const timeline = state.history
    // A correction of another child's facts is that child's entry, not this one's.
    .filter((entry) => !(others.size > 0 && entry.type === 'subject_corrected' && Array.isArray(entry.changes) && (entry.changes as Array<{ name?: string }>).every((ch) => others.has(String(ch.name ?? '').trim().toLowerCase()))))
    .map((entry) => ({ at: entry.at, london: londonTime(entry.at), type: entry.type, text: describeEntry(entry, definition, people), who: entry.by ? nameOf(entry.by, people) : null, internal: INTERNAL_ENTRIES.has(entry.type) }));

  const emails = outbox
    .filter((m) => m.kind === 'notify')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    .map((m) => {
      const { notification } = m.payload as NotificationMessage;
      return { createdAt: m.createdAt, createdAtLondon: londonTime(m.createdAt), status: EMAIL_STATUS[m.status], to: notification.to.map((r) => recipientName(r, definition, people)), subject: notification.subject, body: notification.body };
    });

  // Reads of the case itself, and the lists that showed it (a report's counts show no case, so are left out).
  const reads = audit.filter((e) => e.action === 'case_read').map((e) => ({ at: e.at, actor: e.actor, what: readWords(e.detail['what']) }));
  const listed = access
    .filter((e) => e.action === 'cases_listed' && Object.hasOwn(LISTS, String(e.detail['what'])))
    .map((e) => ({ at: e.at, actor: e.actor, what: LISTS[String(e.detail['what'])]! }));
  const views = [...reads, ...listed]
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((v) => ({ at: v.at, london: londonTime(v.at), who: nameOf(v.actor, people), what: v.what }));

  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: now,
    authority: { id: state.authority, name: definition.authority.name },
    scope: chosen ? { kind: 'child', child: chosen.name } : { kind: 'family' },
    case: {
      id: state.id,
      reference: caseReference(state.id),
      protocol: { id: definition.id, version: state.definition.version, name: definition.name },
      status: state.status,
      startedAt: state.startedAt,
      startedBy: state.startedBy ? nameOf(state.startedBy, people) : null,
      outcome: state.outcome ? { name: outcome?.name ?? (state.status === 'withdrawn' ? 'Withdrawn' : state.outcome.id), closureReason: state.outcome.closureReason ?? null, at: state.outcome.at } : null,
      familyName: state.subject.familyName,
      children: chosen ? [chosen] : children,
    },
    forms,
    timeline,
    emails,
    views,
    redaction: { found: 0, redacted: 0, labels: [] },
  };
}
