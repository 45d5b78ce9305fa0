/**
 * Shared Givens for the caf-ehm scenarios: the people, the family, typical answers for every
 * form, and drivers that walk a case to a known point. Dates are real; the protocol's own
 * timescales are asserted in the tests, not here.
 */
import definitionJson from '../../definitions/caf-ehm.json' with { type: 'json' };
import type { Refusal, Subject, WorkflowDefinition } from '../../engine/index.ts';
import { CaseDriver, type DriverUser } from '../support/case-driver.ts';

export const definition = definitionJson as unknown as WorkflowDefinition;

export const users: Record<string, DriverUser> = {
  sam: { roles: ['social_worker'] },
  tara: { roles: ['sw_team_manager'] },
  sol: { roles: ['csc_service_manager'] },
  cleo: { roles: ['caf_link_worker'], teams: ['caf_link_workers'] },
  ezra: { roles: ['eh_ss_manager'] },
  lena: { roles: ['lead_professional'] },
  lou: { roles: ['lead_professional'] },
  // People who hold two roles, for maker-and-checker refusals.
  asha: { roles: ['social_worker', 'sw_team_manager'] },
  tom: { roles: ['sw_team_manager', 'caf_link_worker'], teams: ['caf_link_workers'] },
  eve: { roles: ['caf_link_worker', 'eh_ss_manager'], teams: ['caf_link_workers'] },
};

export const family = { familyName: 'Mensah', children: [{ name: 'Kofi Mensah', dateOfBirth: '2016-05-09' }] };

/** A family of two children, for "one child of two" refusals. */
export const siblings = { familyName: 'Mensah', children: [{ name: 'Kofi Mensah', dateOfBirth: '2016-05-09' }, { name: 'Ama Mensah', dateOfBirth: '2019-02-14' }] };

export const decision = (finalCinMeetingDate: string) => ({
  supervisionDate: '2026-11-26',
  teamManager: 'Tara Team Manager',
  thresholdNoLongerMet: 'Home conditions and school attendance have been good for six months.',
  finalCinMeetingDate,
});

const partner = (agency: string, agrees: boolean) => ({
  agency,
  views: agrees ? 'Supports the step down.' : 'Worried support will drop away.',
  agrees,
  ...(agrees ? {} : { reason: 'Attendance only improved recently.' }),
});

/** The Team Manager agrees the decision made in supervision. */
export const tmAgrees = { supervisionDate: '2026-11-26', thresholdNoLongerMet: 'Home conditions and school attendance have been good for six months.', agreed: true };

/** Views and consent; by default everyone agrees and the parent consents. */
export const proposal = (o: { child?: 'yes' | 'no' | 'unable'; parents?: boolean; consent?: boolean; partnerAgrees?: boolean; dateShared?: string } = {}) => ({
  dateShared: o.dateShared ?? '2026-12-09',
  sharedWith: ['child', 'parents', 'partners'],
  childrenViews: [{ name: 'Kofi Mensah', views: 'Kofi says things are better at home.', agrees: o.child ?? 'yes' }],
  parentViews: 'Mum is happy to work with school.',
  parentsAgree: o.parents ?? true,
  partnerViews: [partner('Hillside Primary School', true), partner('Health visiting', o.partnerAgrees ?? true)],
  informedConsent: o.consent ?? true,
  ...((o.consent ?? true) ? { consentDate: '2026-12-09', informationSharing: 'Shared with the Team around the Family on EHM to coordinate support.' } : {}),
});

export const lpAgreed = { lpAgreed: true, lpName: 'Lena Lewis', lpAgency: 'Hillside Primary School', lpAgreedDate: '2026-12-14', lpInvolved: true };

export const plan = [
  { action: 'Kofi attends school every day', measure: 'Attendance above 95%', responsible: 'Mum and school', byWhen: '2027-03-31' },
  { action: 'Mum attends a parenting course', measure: 'Course certificate', responsible: 'Mum', byWhen: '2027-04-30' },
];

/** The final CIN meeting stepping down to CAF. */
export const cafMeeting = (meetingDate: string, initialFpMeetingDate: string, o: { planAgreed?: boolean } = {}) => ({
  meetingDate,
  attendees: 'Social Worker, Mum, Kofi, school, health visitor',
  whoTookPart: ['social_worker', 'parents', 'child', 'partners'],
  stepDownTo: 'caf',
  childrenViews: [{ name: 'Kofi Mensah', views: 'Kofi is happy.', agrees: 'yes' }],
  parentViews: 'Mum agrees.',
  partnerViews: 'All partners agree.',
  referralBackTriggers: 'If attendance drops below 80% or home conditions slip, the Lead Professional refers back to the front door.',
  lpName: 'Lena Lewis',
  lpAgency: 'Hillside Primary School',
  lpAttended: true,
  lpContribution: 'School has seen steady attendance and will keep the mentor.',
  currentInformation: 'Stable for six months.',
  impactAndProgress: 'Attendance up from 70% to 92%.',
  areasRequiringSupport: 'Routines at bedtime.',
  childrenVoice: [{ name: 'Kofi Mensah', voice: 'Kofi wants to keep seeing his school mentor.' }],
  familyPlan: plan,
  planAgreed: o.planAgreed ?? true,
  initialFpMeetingDate,
});

export const universalMeeting = (meetingDate: string) => ({
  meetingDate,
  attendees: 'Social Worker, Mum, school',
  whoTookPart: ['social_worker', 'parents', 'partners'],
  stepDownTo: 'universal',
  childrenViews: [{ name: 'Kofi Mensah', views: 'Kofi is happy.', agrees: 'yes' }],
  parentViews: 'Mum agrees.',
  partnerViews: 'School will keep an eye on attendance.',
  referralBackTriggers: 'School refers to the front door if attendance drops again.',
});

export const closure = (stepDownTo: 'caf' | 'universal', o: { copiesSent?: boolean; ehmReferralCompleted?: boolean; on?: string } = {}) => ({
  whyInvolvement: 'Neglect concerns.',
  whatWasDone: 'CIN plan with school and health.',
  outcomeOfInvolvement: 'Needs met at home.',
  impact: 'Kofi is in school and well cared for.',
  thresholdNoLongerMet: 'Home conditions and school attendance have been good for six months.',
  stepDownTo,
  stepDownPlan: stepDownTo === 'caf' ? 'CAF with Lena Lewis as Lead Professional.' : 'Universal services: school.',
  copiesSent: o.copiesSent ?? true,
  ...((o.copiesSent ?? true) ? { copiesSentDate: o.on ?? '2027-01-06' } : {}),
  ...(stepDownTo === 'caf' ? { ehmReferralCompleted: o.ehmReferralCompleted ?? true } : {}),
  ...(stepDownTo === 'caf' && (o.ehmReferralCompleted ?? true) ? { ehmReferralDate: o.on ?? '2027-01-06' } : {}),
});

export const fullChecklist = ['supervisions', 'chronology', 'childs_plans', 'childs_reviews', 'assessments_uploaded', 'views_evidenced'];

export const tmQa = (o: { checklist?: string[]; caf?: boolean } = {}) => ({
  fileChecklist: o.checklist ?? fullChecklist,
  cinMeetingQualityAssured: true,
  closureSummaryQualityAssured: true,
  cafAssessmentQualityAssured: o.caf ?? true,
  comments: 'Good closure summary.',
});

/**
 * Given a Social Worker has started a step down to CAF, with the final CIN meeting on `finalCin`,
 * and their Team Manager has agreed the decision the same hour.
 */
export function startedCase(at: string, finalCin: string, o: { subject?: Subject; by?: string } = {}): CaseDriver {
  return new CaseDriver(definition, users, at)
    .start(at, 'decision_to_step_down', o.by ?? 'sam', o.subject ?? family, decision(finalCin))
    .complete(at, 'tm_agree_decision', 'tara', tmAgrees, 'agreed');
}

/** The field errors of a refused form, as `pointer: message`. */
export const fieldErrors = (refusal: Refusal) => (refusal.details.fieldErrors ?? []).map((e) => `${e.pointer}: ${e.message}`);

/**
 * Given a case whose final CIN meeting (4 January 2027) stepped down to CAF with Lena as Lead
 * Professional and the initial Family Planning meeting arranged for 28 January.
 */
export function atCaseClosure(): CaseDriver {
  return startedCase('2026-12-01T10:00:00Z', '2027-01-04')
    .complete('2026-12-10T14:00:00Z', 'share_proposal', 'sam', proposal(), 'views_recorded')
    .complete('2026-12-15T11:00:00Z', 'identify_lp', 'sam', lpAgreed, 'lp_agreed')
    .complete('2027-01-04T15:00:00Z', 'final_cin_meeting', 'sam', cafMeeting('2027-01-04', '2027-01-28'), 'step_down_caf');
}

/** The EHM case's intake, as the CSC case hands it over. */
export const transfer = (stepDownDate: string, initialFpMeetingDate: string) => ({
  stepDownDate,
  initialFpMeetingDate,
  lpName: 'Lena Lewis',
  lpAgency: 'Hillside Primary School',
  familyPlan: plan,
  areasRequiringSupport: 'Routines at bedtime.',
});

/** Given the CAF Link Worker started the CAF on EHM and allocated it to Lena. */
export function cafAllocated(at: string, stepDownDate: string, initialFpMeetingDate: string, subject: Subject = family): CaseDriver {
  return new CaseDriver(definition, users, at)
    .start(at, 'caf_in_ehm', 'cleo', subject, transfer(stepDownDate, initialFpMeetingDate))
    .complete(at, 'clw_contact_lp', 'cleo', { contactDate: at.slice(0, 10), supportOffered: 'Offered to co-chair the first meeting.', initialFpMeetingDate }, {
      action: 'allocate_lp',
      passTo: { worker: 'lena' },
    });
}

/** A Family planning meeting; `met` marks every action met. */
export const fpMeeting = (meetingDate: string, o: { met?: boolean; recordedOnEhm?: boolean; copiesShared?: boolean; delayReason?: string } = {}) => ({
  meetingDate,
  attendees: 'Lena, Mum, Kofi, health visitor',
  progress: 'Attendance is holding.',
  childrenVoice: [{ name: 'Kofi Mensah', voice: 'Kofi likes his mentor.' }],
  familyPlan: plan.map((p) => ({ ...p, status: o.met ? 'met' : 'in_progress' })),
  recordedOnEhm: o.recordedOnEhm ?? true,
  copiesShared: o.copiesShared ?? true,
  ...(o.delayReason ? { delayReason: o.delayReason } : {}),
});

/** Timers of the case waiting at a node. */
export const timersAt = (driver: CaseDriver, node: string) => Object.values(driver.state?.timers ?? {}).filter((t) => t.node === node);

/** Escalation e-mails sent for a node's ladder, rung by rung. */
export const escalationsOf = (driver: CaseDriver, node: string) =>
  driver.notifications().filter((n) => n.reason.startsWith(`escalation:${node}:`)).map((n) => ({ at: n.at, to: n.to, body: n.body }));
