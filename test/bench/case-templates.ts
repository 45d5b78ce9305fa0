/**
 * Realistic Camden cases for the million-case benchmarks, made by the engine itself: families
 * started on each of the weeks before `BENCH_NOW` and taken, on working days, through the
 * assessment route (referral, front door screening, consultation offer and decision, joint
 * visit, C&F sections) to each of its stages, then every timer that fell due before
 * `BENCH_NOW` fired (overdue tasks, escalations). Each result is a template: its case state,
 * task and timer rows, audit inputs and outbox messages as JSON with placeholder tokens, so a
 * clone with a new case id, authority, workers, team and family name is a string join.
 */
import { step, WorkingCalendar, type Actor, type CaseEvent, type CaseState, type WorkflowDefinition } from '../../engine/index.ts';
import { auditOf, outboxOf } from '../../server/runtime/index.ts';
import type { AuditInput } from '../../server/store/index.ts';
import { taskRows, timerRows } from '../../server/store/rows.ts';
import { accept, camden, cfa, offer, referralOn, screening, visit } from '../camden/given.ts';

/** The benchmark's "now": a Wednesday; every loaded case is as it would be at this instant. */
export const BENCH_NOW = '2027-03-03T12:00:00.000Z';
export const KTE = 'ieys_kte_duty_manager';
/** The duty trays a front door passes Camden families to; clones spread over them. */
export const DUTY_TEAMS = camden.teams.filter((t) => t.kind === 'duty' && t.id !== 'eh_front_door').map((t) => t.id);

export const TOKENS = { caseId: 'zzcasezz', authority: 'zzauthzz', definition: 'zzdefzz', sw: 'zzswzz', tm: 'zztmzz', fd: 'zzfdzz', team: 'zzteamzz', family: 'Zzfamzz' } as const;
export type CloneValues = Record<keyof typeof TOKENS, string>;
const tokenPattern = new RegExp(`(${Object.values(TOKENS).join('|')})`);
const tokenKey = new Map<string, keyof typeof TOKENS>(Object.entries(TOKENS).map(([k, v]) => [v, k as keyof typeof TOKENS]));

/** JSON text split at the tokens: even parts are text, odd parts are token keys. */
export type Split = string[];

function split(text: string): Split {
  const tokenised = text.replaceAll('"authority":"camden"', `"authority":"${TOKENS.authority}"`)
    .replaceAll('"definition":{"id":"camden"', `"definition":{"id":"${TOKENS.definition}"`)
    .replaceAll(KTE, TOKENS.team)
    .replaceAll('"definitionId":"camden"', `"definitionId":"${TOKENS.definition}"`);
  const left = tokenised.indexOf('"camden"');
  if (left >= 0) throw new Error(`a template still names camden outside the authority fields: ${tokenised.slice(left - 40, left + 40)}`);
  return tokenised.split(tokenPattern).map((part, i) => (i % 2 ? tokenKey.get(part)! : part));
}

export function fill(parts: Split, values: CloneValues): string {
  let out = '';
  for (let i = 0; i < parts.length; i++) out += i % 2 ? values[parts[i] as keyof CloneValues] : parts[i];
  return out;
}

export interface Template {
  stage: string;
  /** Relative share of loaded cases. */
  weight: number;
  state: Split;
  tasks: Split;
  timers: Split;
  audit: Split;
  outbox: Split;
  version: number;
  startedAt: string;
  updatedAt: string;
  openTasks: number;
  overdue: boolean;
}

const DAY = 86_400_000;
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const calendar = WorkingCalendar.for(camden.calendar);
/** Moves an instant on a weekend or bank holiday to the next working day, at the same time. */
function workday(ms: number): number {
  while (!calendar.isWorkingDay(dateOf(ms))) ms += DAY;
  return ms;
}

interface Route {
  entry: string;
  /** The intake answers, given the start and the final review instants. */
  intake?: (review: number) => Record<string, unknown>;
  /** Each completion: the task's node, when (days after the start, hour UTC) and who does it. */
  steps: Array<[node: string, days: number, hour: number, by: string]>;
  /** The task a family then waits at (its due date is the review); weighed by lateness, not age. */
  waits?: string;
}

/** The two step-down routes of Camden's protocol, in the rhythm of its scenario tests. */
const ROUTES: Route[] = [
  {
    entry: 'sw_assessment',
    steps: [['referral', 1, 10, TOKENS.sw], ['asm_screen', 5, 11, TOKENS.fd], ['asm_offer_consultation', 6, 9, TOKENS.tm], ['asm_consultation', 7, 15, TOKENS.tm], ['asm_joint_visit', 14, 14, TOKENS.sw], ['asm_cfa_sections', 15, 10, TOKENS.sw]],
  },
  {
    entry: 'cin_review',
    intake: (review) => ({ finalReviewDate: dateOf(review) }),
    steps: [['referral', 1, 10, TOKENS.sw], ['cin_screen', 2, 10, TOKENS.fd], ['cin_offer_consultation', 3, 10, TOKENS.tm], ['cin_consultation', 5, 10, TOKENS.tm]],
    waits: 'cin_final_review',
  },
];

class TemplateCase {
  state: CaseState | null = null;
  readonly audit: AuditInput[] = [];
  readonly outbox: Array<{ id: string; kind: string; payload: unknown; at: string }> = [];
  constructor(private readonly definition: WorkflowDefinition) {}

  apply(event: CaseEvent, at: string, by?: string): void {
    const { caseState, effects } = step(this.definition, this.state, event, { now: at });
    this.state = JSON.parse(JSON.stringify(caseState)) as CaseState;
    this.audit.push(...auditOf(effects, at, by));
    this.outbox.push(...outboxOf(caseState, effects).map((m) => ({ ...m, at })));
  }

  /** Fires every pending timer due by `until`, in order, each at its own instant (a live scheduler). */
  runUntil(until: string): void {
    for (;;) {
      const due = Object.values(this.state?.timers ?? {}).filter((t) => t.fireAt <= until).sort((a, b) => (a.fireAt < b.fireAt ? -1 : a.fireAt > b.fireAt ? 1 : a.id < b.id ? -1 : 1))[0];
      if (!due || this.state?.status !== 'open') return;
      this.apply({ type: 'timer_fired', timerId: due.id }, new Date(due.fireAt).toISOString());
    }
  }
}

export const benchActor = (id: string, definition: WorkflowDefinition): Actor => ({ id, roles: definition.roles.map((r) => r.id), teams: definition.teams.map((t) => t.id) });

/** The completion of each stage's task, with dates taken from the moment it happens. */
export function completion(state: CaseState, node: string, at: string, taskId: string, by: Actor, team: string): CaseEvent | null {
  const day = dateOf(Date.parse(at));
  const later = (days: number) => dateOf(workday(Date.parse(at) + days * DAY));
  const done = (data: Record<string, unknown>, ...actions: Array<{ action: string; passTo?: { team: string } }>): CaseEvent => ({ type: 'task_completed', taskId, by, data, actions });
  switch (node) {
    case 'referral': {
      const review = (state.form.cin_review as { finalReviewDate?: string } | undefined)?.finalReviewDate;
      const dates = review ? { finalReviewDate: review, provisionalVisitDates: [], assessmentCompletedOn: undefined, repeatAssessment: undefined } : {};
      const children = state.subject.children.map((c) => ({ ...c, schoolsAttended: 'Argyle Primary School' }));
      return done(referralOn(day, { children, ...dates }), { action: 'send_referral' });
    }
    case 'asm_screen':
    case 'cin_screen':
      return done(screening('team', { ehTeam: team }), { action: 'contact_team', passTo: { team } });
    case 'asm_offer_consultation':
    case 'cin_offer_consultation':
      return done(offer(day), { action: 'offer' });
    case 'asm_consultation':
    case 'cin_consultation':
      return done(accept(day), { action: 'accept' });
    case 'cin_final_review':
      return done({ reviewDate: day, familyWorkerAttended: true, ...cinPlan }, { action: 'held' });
    case 'asm_joint_visit':
      return done(visit(day), { action: 'visited' });
    case 'asm_cfa_sections':
      return done(cfa({ serviceTakingLead: team, dateOfClosure: later(4) }), { action: 'submit' });
    case 'asm_cfa_authorise':
      return done({ signedOffOn: day }, { action: 'step_down_to_eh', passTo: { team } }, { action: 'progress_to_closure' });
    default:
      return null;
  }
}

const cinPlan = { ehWorkerName: 'Fay Green', supportNeeded: 'Parenting programme.', outstandingWork: 'School attendance plan.', tafProfessionals: 'School, health visitor, Fay Green.' };
const family = { familyName: TOKENS.family, children: [{ name: `Ada ${TOKENS.family}`, dateOfBirth: '2015-04-02', personId: '2075012' }, { name: `Ben ${TOKENS.family}`, dateOfBirth: '2018-09-30', personId: '2075013' }] };
/**
 * Families started on each working day of the `weeks` before `BENCH_NOW`, on both routes, at
 * every stage they could have reached, each with the timers due by then fired. A family's share
 * halves for every `halfLifeDays` it has sat at its stage past the expected time (a recent task,
 * or a review still to come, weighs 1), so most work is on time and a tail is overdue. CIN-review
 * families wait 5 to 12 weeks for their final review, so deadlines spread over months.
 */
export function buildTemplates(weeks = 12, halfLifeDays = 2): Template[] {
  const now = Date.parse(BENCH_NOW);
  const iso = (ms: number) => new Date(ms).toISOString();
  const templates: Template[] = [];
  for (let back = 0; back <= weeks * 7; back++) {
    const startDay = Date.parse(BENCH_NOW.slice(0, 10)) - back * DAY;
    if ([0, 6].includes(new Date(startDay).getUTCDay())) continue;
    const review = workday(startDay + (35 + (back % 8) * 7) * DAY) + 14 * 3_600_000;
    for (const route of ROUTES) {
      let last = 0;
      const times = [[0, 9] as const, ...route.steps.map(([, d, h]) => [d, h] as const)].map(([d, h]) => (last = Math.max(last + 3_600_000, workday(startDay + d * DAY + h * 3_600_000))));
      for (let stage = 0; stage <= route.steps.length && times[stage]! <= now; stage++) {
        const c = new TemplateCase(camden);
        c.apply({ type: 'case_started', caseId: TOKENS.caseId, entry: route.entry, subject: family, ...(route.intake ? { data: route.intake(review) } : {}), by: benchActor(TOKENS.sw, camden) }, iso(times[0]!), TOKENS.sw);
        for (const [s, [node, , , by]] of route.steps.slice(0, stage).entries()) {
          const at = iso(times[s + 1]!);
          c.runUntil(at);
          const task = Object.values(c.state!.tasks).find((t) => t.status === 'open' && t.node === node);
          if (!task) throw new Error(`no open ${node} task`);
          c.apply(completion(c.state!, node, at, task.id, benchActor(by, camden), KTE)!, at, by);
        }
        c.runUntil(BENCH_NOW);
        const waiting = stage === route.steps.length && route.waits;
        const late = waiting ? Math.max(0, now - review) : now - times[stage]!;
        const open = Object.values(c.state!.tasks).find((t) => t.status === 'open');
        templates.push(toTemplate(c, open?.node ?? 'none', Math.pow(0.5, late / DAY / halfLifeDays)));
      }
    }
  }
  return templates;
}

function toTemplate(c: TemplateCase, stage: string, weight: number): Template {
  const state = c.state!;
  const open = Object.values(state.tasks).filter((t) => t.status === 'open');
  return {
    stage, weight,
    state: split(JSON.stringify(state)),
    tasks: split(JSON.stringify(taskRows(state))),
    timers: split(JSON.stringify(timerRows(state))),
    audit: split(JSON.stringify(c.audit)),
    outbox: split(JSON.stringify(c.outbox)),
    version: state.version,
    startedAt: new Date(state.startedAt).toISOString(),
    updatedAt: new Date(state.updatedAt).toISOString(),
    openTasks: open.length,
    overdue: open.some((t) => t.overdue),
  };
}
