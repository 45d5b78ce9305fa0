/**
 * Shared Givens for the clinic scenarios: the people, the family, typical answers for each form,
 * and the step-down happy path (booked Monday 14 December 2026, discussed and signed by both Team
 * Managers on Thursday 17 December, allocated after Christmas, joint visit on 14 January 2027).
 */
import definition from '../../definitions/clinic.json' with { type: 'json' };
import type { WorkflowDefinition } from '../../engine/index.ts';
import { CaseDriver, type DriverUser } from '../support/case-driver.ts';

export const clinic = definition as unknown as WorkflowDefinition;

export const users: Record<string, DriverUser> = {
  sam: { roles: ['social_worker'] },
  sol: { roles: ['social_worker'], teams: ['social_work_team'] },
  tina: { roles: ['sw_team_manager'] },
  /** A second Social Work Team Manager, in the Social Work Team. */
  tom: { roles: ['sw_team_manager'], teams: ['social_work_team', 'step_down_clinic'] },
  ellen: { roles: ['eh_team_manager'] },
  sian: { roles: ['eh_senior_practitioner'] },
  fern: { roles: ['eh_family_worker'] },
  /** A Family Worker who sits in the Early Help Family Worker Team (and so sees its tray). */
  faye: { roles: ['eh_family_worker'], teams: ['eh_family_worker_team'] },
  /** Holds both Early Help roles: may raise worries or complete a MARF Form, never both on one case. */
  sue: { roles: ['eh_family_worker', 'eh_senior_practitioner'] },
  mo: { roles: ['mash_manager'] },
  /** A social worker who sits in the MASH tray but is not a MASH Manager. */
  max: { roles: ['social_worker'], teams: ['mash'] },
  olga: { roles: ['eh_operational_manager'] },
  otto: { roles: ['mash_operational_manager'] },
};

export const family = { familyName: 'Okafor', children: [{ name: 'Ada Okafor', dateOfBirth: '2015-04-02' }, { name: 'Ben Okafor' }] };

export const booking = (overrides: Record<string, unknown> = {}) => ({
  socialWorkerName: 'Sam Patel',
  socialWorkTeam: 'Assessment Team 2',
  stepDownPoint: 'after_assessment',
  reasonForStepDown: 'Home conditions have improved and school attendance is good.',
  ongoingSupportNeeded: 'Parenting support and help with routines.',
  familyAgreed: true,
  mashReferralAllocatedToEarlyHelp: false,
  ...overrides,
});

const withoutBlanks = (answers: Record<string, unknown>) => Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined));

/** Answers for the Case Discussion; an override of `undefined` leaves the question unanswered. */
export const discussion = (overrides: Record<string, unknown> = {}): Record<string, unknown> =>
  withoutBlanks({
    dateOfDiscussion: '2026-12-17',
    allocatedSocialWorker: 'Sam Patel',
    socialWorkTeamManager: 'Tina Brown',
    earlyHelpTeamManager: 'Ellen Shaw',
    outcome: 'eh_family_worker_team',
    assessmentCompletionDate: '2026-12-23',
    identifiedFamilyWorker: 'Fern Ahmed',
    rationale: 'Needs can be met by Early Help family work.',
    ehmCaseNoteAdded: true,
    ...overrides,
  });

export const assessment = (date = '2026-12-23') => ({ assessmentType: 'child_and_family', dateAssessmentCompleted: date });

/** The most recent assessment of each child, with its copy, as the transfer form lists them. */
export const assessments = (date = '2026-12-23') => [
  { name: 'Ada Okafor', dateOfAssessment: date, copyIncluded: true },
  { name: 'Ben Okafor', dateOfAssessment: date, copyIncluded: true },
];

export const transfer = (overrides: Record<string, unknown> = {}): Record<string, unknown> =>
  withoutBlanks({
    identifiedFamilyWorker: 'Fern Ahmed',
    reasonForStepDown: 'Home conditions have improved and school attendance is good.',
    ongoingSupportNeeded: 'Parenting support and help with routines.',
    familyAgreed: true,
    assessments: assessments(),
    ...overrides,
  });

export const allocation = (date = '2027-01-04') => ({ identifiedFamilyWorker: 'Fern Ahmed', dateAllocated: date });

export const jointVisit = (date: string) => ({
  dateOfJointVisit: date,
  socialWorker: 'Sam Patel',
  earlyHelpFamilyWorker: 'Fern Ahmed',
  visitOutcome: 'Family agreed to weekly sessions with Fern.',
});

export const jointReview = (overrides: Record<string, unknown> = {}) => ({
  dateOfJointReview: '2026-12-21',
  operationalManagerEarlyHelp: 'Olga Reid',
  operationalManagerMash: 'Otto Khan',
  rationale: 'Agreed after reading the assessment together.',
  ...overrides,
});

export const newCase = (at = '2026-12-14T09:00:00Z') => new CaseDriver(clinic, users, at);

/** Given a case booked on Monday 14 December 2026 and the clinic meeting on Thursday 17 December. */
export const atClinic = (d: CaseDriver = newCase()): CaseDriver =>
  d.start('2026-12-14T10:00:00Z', 'step_down', 'sam', family, booking()).runUntil('2026-12-17T09:30:00Z');

/**
 * Given a case booked on Monday 14 December 2026 and discussed at the clinic on Thursday 17
 * December, the outcome signed by Tina (Team Manager, Social Work) and then Ellen (Team Manager, Early Help).
 */
export function discussed(d: CaseDriver, bookingOverrides: Record<string, unknown> = {}, discussionOverrides: Record<string, unknown> = {}): CaseDriver {
  return d
    .start('2026-12-14T10:00:00Z', 'step_down', 'sam', family, booking(bookingOverrides))
    .complete('2026-12-17T12:00:00Z', 'case_discussion', 'tina', discussion(discussionOverrides), 'record_outcome')
    .complete('2026-12-17T12:05:00Z', 'case_discussion', 'ellen', discussion(discussionOverrides), 'record_outcome');
}

/** Given the transfer form sent on Tuesday 29 December 2026. */
export function transferred(d: CaseDriver, bookingOverrides: Record<string, unknown> = {}): CaseDriver {
  return discussed(d, bookingOverrides)
    .complete('2026-12-23T15:00:00Z', 'complete_assessment', 'sam', assessment(), 'assessment_completed')
    .complete('2026-12-29T10:00:00Z', 'transfer_form', 'sam', transfer(), 'send_transfer');
}

/** Given the family allocated to Fern on Monday 4 January 2027. */
export const allocated = (d: CaseDriver, bookingOverrides: Record<string, unknown> = {}): CaseDriver =>
  transferred(d, bookingOverrides).complete('2027-01-04T09:00:00Z', 'allocate_family_worker', 'sian', allocation(), { action: 'allocate', passTo: { worker: 'fern' } });

/** Given the family allocated to Fern on 4 January 2027 and the joint visit done on 14 January. */
export function atReview(d: CaseDriver, bookingOverrides: Record<string, unknown> = {}): CaseDriver {
  return allocated(d, bookingOverrides).complete('2027-01-14T14:00:00Z', 'sd_joint_visit', 'fern', jointVisit('2027-01-14'), 'visit_done');
}

/** Given a dispute at the Case Discussion on Thursday 17 December 2026. */
export const disputed = (d: CaseDriver = newCase()): CaseDriver =>
  discussed(d, {}, { outcome: 'dispute', assessmentCompletionDate: undefined, identifiedFamilyWorker: undefined });

/** The escalation e-mails a node's ladder has sent so far. */
export const escalations = (d: CaseDriver, node: string) => d.notifications().filter((n) => n.reason.startsWith(`escalation:${node}:`));
