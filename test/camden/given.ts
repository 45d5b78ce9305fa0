/**
 * Shared Givens for the Camden scenarios: the people, the Okafor family, typical answers for each
 * form, and the step-down paths up to the points the tests start from. Dates are real: the
 * assessment route runs over Christmas 2026 (25 and 28 December and 1 January are bank holidays).
 */
import definition from '../../definitions/camden.json' with { type: 'json' };
import { WorkingCalendar, type WorkflowDefinition } from '../../engine/index.ts';
import { CaseDriver, type DriverUser } from '../support/case-driver.ts';

export const camden = definition as unknown as WorkflowDefinition;

const kte = 'ieys_kte_duty_manager';
export const users: Record<string, DriverUser> = {
  sam: { roles: ['social_worker'] },
  tina: { roles: ['sw_team_manager'] },
  /** An assistant team manager who also holds cases as a social worker. */
  ali: { roles: ['social_worker', 'sw_team_manager'] },
  chloe: { roles: ['cin_chair'] },
  dora: { roles: ['eh_front_door_manager'] },
  kate: { roles: ['eh_team_manager'], teams: [kte] },
  will: { roles: ['eh_team_manager'], teams: ['ieys_ktw_duty_manager'] },
  dev: { roles: ['eh_duty_manager'], teams: [kte] },
  fay: { roles: ['eh_family_worker'], teams: [kte] },
  /** A family worker who helps sort the front door inbox and the panel papers. */
  fern: { roles: ['eh_family_worker'], teams: ['eh_front_door', 'eh_panel'] },
  sima: { roles: ['eh_service_manager'] },
  saul: { roles: ['eh_service_manager'] },
  hana: { roles: ['eh_head_of_service'] },
  hugo: { roles: ['eh_head_of_service'] },
  dan: { roles: ['daily_discussion_manager'] },
};

export const family = {
  familyName: 'Okafor',
  children: [{ name: 'Ada Okafor', dateOfBirth: '2015-04-02', personId: '2075012' }, { name: 'Ben Okafor', dateOfBirth: '2018-09-30', personId: '2075013' }],
};

export const referral = (overrides: Record<string, unknown> = {}) => ({
  familyAgreed: true,
  agreementDate: '2026-12-16',
  agreementRecorded: true,
  assessmentCompletedOn: '2026-12-17',
  repeatAssessment: false,
  children: family.children.map((c) => ({ ...c, schoolsAttended: 'Argyle Primary School' })),
  supportNeeded: 'Parenting support with routines and school attendance.',
  reasonsForIntervention: 'Neglect concerns after a referral from school.',
  assessmentAttached: true,
  alreadyOpenToEarlyHelp: false,
  provisionalVisitDates: ['2026-12-22', '2026-12-23', '2026-12-30'],
  ...overrides,
});

/**
 * The referral sent on `sentOn` (YYYY-MM-DD, a working day), for an assessment completed that day:
 * the agreement the day before and joint visit dates on the next three working days.
 */
export const referralOn = (sentOn: string, overrides: Record<string, unknown> = {}) => {
  const calendar = WorkingCalendar.for(camden.calendar);
  return referral({
    agreementDate: sentOn,
    assessmentCompletedOn: sentOn,
    provisionalVisitDates: [1, 2, 3].map((n) => calendar.addWorkingDays(sentOn, n)),
    ...overrides,
  });
};

/** The referral at a final CIN review on Monday 18 January 2027: agreed on 14 December, no assessment date, no joint visit dates. */
export const cinReferral = (overrides: Record<string, unknown> = {}) =>
  referral({ agreementDate: '2026-12-14', assessmentCompletedOn: undefined, repeatAssessment: undefined, finalReviewDate: '2027-01-18', provisionalVisitDates: [], ...overrides });

export const screening = (outcome: 'team' | 'panel' | 'advice', extra: Record<string, unknown> = {}) => ({
  outcome,
  ...(outcome === 'team' ? { ehTeam: kte } : outcome === 'panel' ? { panelReason: 'complex' } : { advice: 'Camden Parenting Hub; school nursing.' }),
  rationale: 'Needs fit the service specification.',
  ...extra,
});

export const toKte = { team: kte };
export const offer = (contactedOn: string) => ({ contactedOn, proposedConsultationDate: contactedOn });
export const accept = (consultationDate: string) => ({ consultationDate, decision: 'accept', familyWorkerName: 'Fay Green' });
export const visit = (visitDate: string, overrides: Record<string, unknown> = {}) => ({ visitDate, socialWorkerAttended: true, familyWorkerAttended: true, familyWorkerName: 'Fay Green', ...overrides });

export const section4 = {
  summaryOfConcerns: 'Routines and school attendance.',
  outlineStepDownPlan: '1. Parenting programme. 2. School attendance support.',
  circumstancesReferBack: 'Any disclosure of harm, or attendance below 80%.',
};
export const cfa = (overrides: Record<string, unknown> = {}) => ({
  reasonForAssessment: 'Referral from school about neglect.',
  previousInvolvement: 'No previous social work involvement.',
  analysis: 'Needs are below the CSSW threshold.',
  serviceTakingLead: kte,
  ...section4,
  dateOfClosure: '2027-01-04',
  reasonForClosure: 'RC9',
  ...overrides,
});
/** The manager's sign-off. */
export const signOff = (signedOffOn: string) => ({ signedOffOn });
export const closure = (overrides: Record<string, unknown> = {}) => ({ dateOfClosure: '2027-01-04', reasonForClosure: 'RC9', serviceTakingLead: kte, ...overrides });
export const ehRecord = { children: family.children, dateOfStepDown: '2027-01-04', caseSteppedDownFrom: 'sw_assessment', decisionsAndActions: 'Allocate to Fay Green.' };

/** Given Sam started a step down on Wednesday 16 December 2026 and, having completed the Child and Family assessment, e-mailed the inbox on Thursday 17 December at 10:00. */
export function referredAfterAssessment(): CaseDriver {
  return new CaseDriver(camden, users, '2026-12-16T09:00:00Z')
    .start('2026-12-16T09:00:00Z', 'sw_assessment', 'sam', family)
    .complete('2026-12-17T10:00:00Z', 'referral', 'sam', referral(), 'send_referral');
}

/** Given the front door identified IEYS Kentish Town East on Monday 21 December 2026. */
export function teamIdentified(): CaseDriver {
  return referredAfterAssessment().complete('2026-12-21T11:00:00Z', 'asm_screen', 'dora', screening('team'), { action: 'contact_team', passTo: toKte });
}

/** Given Kate (IEYS KTE) offered a consultation on 22 December and accepted the family on 23 December. */
export function acceptedAfterAssessment(): CaseDriver {
  return teamIdentified()
    .complete('2026-12-22T09:00:00Z', 'asm_offer_consultation', 'kate', offer('2026-12-22'), 'offer')
    .complete('2026-12-23T15:00:00Z', 'asm_consultation', 'kate', accept('2026-12-23'), 'accept');
}

/** Given the joint home visit on 30 December and the C&F step down sections sent for authorisation on 31 December. */
export function readyToAuthorise(sections: Record<string, unknown> = cfa()): CaseDriver {
  return acceptedAfterAssessment()
    .complete('2026-12-30T14:00:00Z', 'asm_joint_visit', 'sam', visit('2026-12-30'), 'visited')
    .complete('2026-12-31T10:00:00Z', 'asm_cfa_sections', 'sam', sections, 'submit');
}
