/**
 * Shared Given steps for the Graft/LCS step-down scenarios: the people, the family, and drivers
 * that walk a case to a known point on real dates. Each scenario file starts from one of these.
 */
import definition from '../../definitions/graft-lcs.json' with { type: 'json' };
import type { ChosenAction, WorkflowDefinition } from '../../engine/index.ts';
import { CaseDriver, type DriverUser } from '../support/case-driver.ts';

export const graft = definition as unknown as WorkflowDefinition;

export const users: Record<string, DriverUser> = {
  sam: { roles: ['social_worker'] },
  sian: { roles: ['social_worker'] },
  tara: { roles: ['sc_team_manager'] },
  tom: { roles: ['sc_team_manager'] },
  dina: { roles: ['duty_eh_team_manager'], teams: ['eh_duty'] },
  gary: { roles: ['graft_team_manager'], teams: ['graft', 'taf_team'] },
  ellie: { roles: ['eh_team_manager'], teams: ['taf_team', 'strengthening_families'] },
  sue: { roles: ['eh_supervisor'] },
  fay: { roles: ['ffp'] },
  fred: { roles: ['fsw'] },
};

export const family = {
  familyName: 'Achterberg',
  children: [
    { name: 'Noor Achterberg', dateOfBirth: '2016-05-09' },
    { name: 'Sem Achterberg', dateOfBirth: '2019-10-21' },
  ],
};

export const identification = { identifiedIn: 'supervision', dateIdentified: '2026-11-30', reasons: 'CIN plan outcomes met; family needs lower-level support.' };

/** Both children's assessments, completed on `date`. */
export const assessed = (date = '2026-11-20') => family.children.map((c) => ({ name: c.name, assessmentCompletedDate: date }));

/** Step One answers for a family that wants internal Early Help, consents and has a plan; Graft is not involved. */
export function stepOne(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    leadProfessional: 'internal_early_help',
    familyDiscussionDate: '2026-12-01',
    familyConsent: true,
    assessmentCompleted: true,
    assessments: assessed(),
    stepDownPlan: 'School attendance and routines support; parenting programme.',
    nextCinMeetingDate: '2027-01-04',
    graftInvolved: false,
    ffpFswInvolved: false,
    ...overrides,
  };
}

/** The Step Down Discussion held in Wednesday 2 December 2026's duty slot, at 10:30. */
export const stepTwo = {
  discussionDate: '2026-12-02',
  discussionTime: '10:30',
  familyConsent: true,
  clearStepDownPlan: true,
  stepDownPlan: 'School attendance and routines support; parenting programme.',
};

/** Given a case started on Monday 30 November 2026 after supervision that day. */
export function started(at = '2026-11-30T10:00:00Z', intake = identification): CaseDriver {
  return new CaseDriver(graft, users, at).start(at, 'identified', 'sam', family, intake);
}

/** Given the SW asked on Tuesday 1 December 2026 for the duty discussion, passing it to Tara. */
export function atDutyDiscussion(answers = stepOne()): CaseDriver {
  return started().complete('2026-12-01T14:00:00Z', 'step_one_family_discussion', 'sam', answers, { action: 'request_duty_eh_discussion', passTo: { worker: 'tara' } });
}

/** Given Tara (SC TM) and Dina (Duty EH TM) signed "Step Down to EH agreed" on Wednesday 2 December. */
export function atTafDecision(answers = stepOne()): CaseDriver {
  return atDutyDiscussion(answers)
    .complete('2026-12-02T11:00:00Z', 'step_two_duty_eh_discussion', 'tara', stepTwo, 'step_down_agreed')
    .complete('2026-12-02T11:10:00Z', 'step_two_duty_eh_discussion', 'dina', stepTwo, 'step_down_agreed');
}

/** Given Step Down to EH was agreed in Wednesday's duty slot and the TAF Team agreed a TAF plan. */
export function atCaseNote(answers = stepOne()): CaseDriver {
  return atTafDecision(answers).complete('2026-12-03T10:00:00Z', 'step_three_taf_decision', 'ellie', { tafDiscussionDate: '2026-12-03', decisionReasons: 'TAF plan agreed.' }, 'taf_plan_agreed');
}

export const caseNote = { caseNoteDate: '2026-12-04', workAgreed: 'Routines and school attendance.', ffpFswAlreadyInvolved: false, workerToAllocate: 'ffp' };

/** Given the EH TM's case note (no FFP/FSW involved) on Friday 4 December 2026. */
export const atReferral = () => atCaseNote().complete('2026-12-04T10:00:00Z', 'step_three_case_note_allocation', 'ellie', caseNote, 'case_note_added');

/** Given Tara's Referral to EHM to the Strengthening Families tray on Monday 7 December 2026. */
export function atTrayAllocation(): CaseDriver {
  return atReferral().complete('2026-12-07T10:00:00Z', 'step_four_sw_tm_referral', 'tara', { referralDate: '2026-12-07' }, { action: 'referral_to_ehm', passTo: { team: 'strengthening_families' } });
}

export const handover = { familyAware: true, professionalsAware: true, jointVisitDate: '2026-12-17', cinReviewDate: '2027-01-04', ffpFswInvited: true };

export const jointVisit = { jointVisitDate: '2026-12-17', swAttended: true };

/** Step Five, as recorded when the CIN review of Monday 4 January 2027 became the 1st TAF meeting. */
export const meeting = { meetingDate: '2027-01-04', ehAttendee: 'ffp_fsw', actionsContinuing: 'Morning routine plan; school attendance support.' };

/** The two next actions that go together at Step Five when an FFP/FSW is allocated: close CIN, and the TAF plan goes on with them. */
export const closeCinAndContinue = (worker = 'fay'): ChosenAction[] => [{ action: 'cin_closed_stepped_down' }, { action: 'taf_plan_continues', passTo: { worker } }];

/** Step Five signed by the Early Help worker at `at`, then by Sam (SW) half an hour later. */
export function cinReviewSigned(driver: CaseDriver, at: string, ehWorker: string, data: Record<string, unknown>, actions: ChosenAction[]): CaseDriver {
  const later = new Date(Date.parse(at) + 30 * 60 * 1000).toISOString();
  return driver.complete(at, 'step_five_cin_taf_meeting', ehWorker, data, ...actions).complete(later, 'step_five_cin_taf_meeting', 'sam', data, ...actions);
}
