/**
 * CAF / EHM (test/api/caf-ehm.test.ts): the Social Worker decides in supervision to step the
 * Mensah family down to a CAF and the Team Manager agrees; the Social Worker shares the proposal,
 * finds a Lead Professional, holds the final CIN meeting (today, brought forward from the next
 * working day it was booked for) and writes the closure summary; the Team Manager and a CAF Link
 * Worker quality assure it, and the CSC case closes stepped down to CAF while the CAF starts on EHM.
 */
import { WorkingCalendar } from '../../../engine/index.ts';
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

/** Bookings (the final CIN meeting, the initial Family Planning meeting) fall on London working days. */
const london = WorkingCalendar.for({ timeZone: 'Europe/London' });

export function cafRoute(now = new Date()): Route {
  const today = day(0, now);
  const workingDayFrom = (days: number) => {
    let date = day(days, now);
    while (!london.isWorkingDay(date)) date = london.addWorkingDays(date, 1);
    return date;
  };
  // The meeting was booked for the next working day but is held today: the proposal and the Lead
  // Professional came before it, on earlier days.
  const supervision = day(-14, now);
  const shared = day(-7, now);
  return {
    definition: 'caf-ehm',
    entry: 'decision_to_step_down',
    starter: sam,
    family: { familyName: 'Mensah', children: [{ name: 'Kofi Mensah', dateOfBirth: '2016-05-09' }] },
    intake: {
      supervisionDate: supervision,
      teamManager: 'Tara Team Manager',
      thresholdNoLongerMet: 'Home conditions and school attendance have been good for six months.',
      finalCinMeetingDate: workingDayFrom(1),
    },
    steps: [
      {
        who: tara,
        node: 'tm_agree_decision',
        data: { supervisionDate: supervision, thresholdNoLongerMet: 'Home conditions and school attendance have been good for six months.', agreed: true },
        actions: [{ action: 'agreed' }],
      },
      {
        who: sam,
        node: 'share_proposal',
        data: {
          dateShared: shared,
          sharedWith: ['child', 'parents', 'partners'],
          childrenViews: [{ name: 'Kofi Mensah', views: 'Kofi says things are better at home.', agrees: 'yes' }],
          parentViews: 'Mum is happy to work with school.',
          parentsAgree: true,
          partnerViews: [partner('Hillside Primary School', true), partner('Health visiting', true)],
          informedConsent: true,
          consentDate: shared,
          informationSharing: 'Shared with the Team around the Family on EHM to coordinate support.',
        },
        actions: [{ action: 'views_recorded' }],
      },
      { who: sam, node: 'identify_lp', data: { lpAgreed: true, lpName: 'Lena Lewis', lpAgency: 'Hillside Primary School', lpAgreedDate: day(-3, now), lpInvolved: true }, actions: [{ action: 'lp_agreed' }] },
      {
        who: sam,
        node: 'final_cin_meeting',
        data: {
          meetingDate: today,
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
          familyPlan: plan(now),
          planAgreed: true,
          initialFpMeetingDate: workingDayFrom(21),
        },
        actions: [{ action: 'step_down_caf' }],
        refuse: { without: ['referralBackTriggers'], message: 'Enter when a referral back into social care may be necessary' },
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
