/**
 * CAF / EHM (test/api/caf-ehm.test.ts): the Social Worker decides in supervision to step the
 * Mensah family down to a CAF, shares the proposal, finds a Lead Professional, holds the final
 * CIN meeting (today) and writes the closure summary; the Team Manager and a CAF Link Worker
 * quality assure it, and the CSC case closes stepped down to CAF while the CAF starts on EHM.
 */
import { day, type Route } from './route.ts';

const sam = 'social_worker@caf-ehm.example';
const tara = 'sw_team_manager@caf-ehm.example';
const cleo = 'caf_link_worker@caf-ehm.example';

const plan = (now: Date) => [
  { action: 'Kofi attends school every day', measure: 'Attendance above 95%', responsible: 'Mum and school', byWhen: day(120, now) },
  { action: 'Mum attends a parenting course', measure: 'Course certificate', responsible: 'Mum', byWhen: day(150, now) },
];

const partner = (agency: string, agrees: boolean) => ({
  agency,
  views: agrees ? 'Supports the step down.' : 'Worried support will drop away.',
  agrees,
  ...(agrees ? {} : { reason: 'Attendance only improved recently.' }),
});

export function cafRoute(now = new Date()): Route {
  const today = day(0, now);
  return {
    definition: 'caf-ehm',
    entry: 'decision_to_step_down',
    starter: sam,
    family: { familyName: 'Mensah', children: [{ name: 'Kofi Mensah', dateOfBirth: '2016-05-09' }] },
    intake: { supervisionDate: today, teamManager: 'Tara Team Manager', thresholdNoLongerMet: 'Home conditions and school attendance have been good for six months.', finalCinMeetingDate: today },
    steps: [
      {
        who: sam,
        node: 'share_proposal',
        data: {
          dateShared: today,
          sharedWith: ['child', 'parents', 'partners'],
          childViews: 'Kofi says things are better at home.',
          childAgrees: 'yes',
          parentViews: 'Mum is happy to work with school.',
          parentsAgree: true,
          partnerViews: [partner('Hillside Primary School', true), partner('Health visiting', true)],
          informedConsent: true,
          consentDate: today,
          informationSharing: 'Shared with the Team around the Family on EHM to coordinate support.',
        },
        actions: [{ action: 'views_recorded' }],
      },
      { who: sam, node: 'identify_lp', data: { lpAgreed: true, lpName: 'Lena Lewis', lpAgency: 'Hillside Primary School', lpAgreedDate: today, lpInvolved: true }, actions: [{ action: 'lp_agreed' }] },
      {
        who: sam,
        node: 'final_cin_meeting',
        data: {
          meetingDate: today,
          attendees: 'Social Worker, Mum, Kofi, school, health visitor',
          stepDownTo: 'caf',
          childViews: 'Kofi is happy.',
          parentViews: 'Mum agrees.',
          partnerViews: 'All partners agree.',
          lpName: 'Lena Lewis',
          lpAgency: 'Hillside Primary School',
          lpAttended: true,
          currentInformation: 'Stable for six months.',
          impactAndProgress: 'Attendance up from 70% to 92%.',
          areasRequiringSupport: 'Routines at bedtime.',
          childVoice: 'Kofi wants to keep seeing his school mentor.',
          familyPlan: plan(now),
          planAgreed: true,
          initialFpMeetingDate: day(24, now),
        },
        actions: [{ action: 'step_down_caf' }],
        refuse: { without: ['childVoice'], message: "Enter the child's voice and experience" },
      },
      {
        who: sam,
        node: 'case_closure',
        data: {
          whyInvolvement: 'Neglect concerns.',
          whatWasDone: 'CIN plan with school and health.',
          outcomeOfInvolvement: 'Needs met at home.',
          impact: 'Kofi is in school and well cared for.',
          thresholdNoLongerMet: 'Home conditions and school attendance have been good for six months.',
          stepDownTo: 'caf',
          stepDownPlan: 'CAF with Lena Lewis as Lead Professional.',
          copiesSent: true,
          copiesSentDate: today,
          ehmReferralCompleted: true,
          ehmReferralDate: today,
        },
        actions: [{ action: 'send_to_tm' }],
      },
      {
        who: tara,
        node: 'tm_quality_assurance',
        data: {
          fileChecklist: ['supervisions', 'chronology', 'childs_plans', 'childs_reviews', 'assessments_uploaded', 'views_evidenced'],
          cinMeetingQualityAssured: true,
          closureSummaryQualityAssured: true,
          cafAssessmentQualityAssured: true,
          comments: 'Good closure summary.',
        },
        actions: [{ action: 'authorise_caf' }],
      },
      { who: cleo, node: 'clw_quality_assurance', from: { tray: 'caf_link_workers' }, data: { cafQualityAssured: true }, actions: [{ action: 'authorise' }] },
    ],
    outcome: 'Closed to CSC: stepped down to CAF with a Lead Professional',
  };
}
