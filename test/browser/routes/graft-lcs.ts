/**
 * Graft/LCS (test/api/graft-lcs.test.ts, with the answers of test/graft-lcs/*): identified in
 * supervision, the TAF Team agrees a TAF plan, the Referral to EHM goes to the Strengthening
 * Families tray, the FFP does the joint visit and the TAF meetings, and the EH Supervisor closes
 * it: stepped down. The discussion is the one with the Graft TM (Graft is the currently involved
 * team), not Duty EH's: Duty EH can only be completed, and held, in its Tuesday–Thursday morning
 * slot, which real time cannot hurry. The SW passes the request to the Graft TM, who signs the
 * discussion; it then waits in the SC TM's My work (the co-signer's role), who co-signs; the Graft
 * TM then makes the Referral to EHM, at its Urgent default, from the Graft tray. The FFP signs the
 * CIN review as the 1st TAF meeting; it then waits in the SW's My work, whose co-signature closes
 * the CIN case. Step Five and the
 * TAF meeting open on their meeting dates, so those dates are today, as London counts it (the
 * definition's date checks use London's today), and the discussion's time is the time now.
 */
import { personId, type Route } from './route.ts';

/** `YYYY-MM-DD` in London, `days` calendar days from `now`. */
function londonDay(days: number, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(now.getTime() + days * 24 * 3600 * 1000));
}

/** `HH:MM` in London at `now`. */
function londonTime(now: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
}

const sam = 'social_worker@graft.example';
const tara = 'sc_team_manager@graft.example';
const ellie = 'eh_team_manager@graft.example';
const fay = 'ffp@graft.example';
const sue = 'eh_supervisor@graft.example';
const gary = 'graft_team_manager@graft.example';

export function graftRoute(now = new Date()): Route {
  const today = londonDay(0, now);
  const discussion = { discussionDate: today, discussionTime: londonTime(now), familyConsent: true, clearStepDownPlan: true, stepDownPlan: 'School attendance and routines support; parenting programme.' };
  const cinReview = { meetingDate: today, ehAttendee: 'ffp_fsw', actionsContinuing: 'Morning routine plan; school attendance support.' };
  const closeAndContinue = [{ action: 'cin_closed_stepped_down' }, { action: 'taf_plan_continues', passTo: { worker: personId(fay) } }];
  const family = { familyName: 'Achterberg', children: [{ name: 'Noor Achterberg', dateOfBirth: '2016-05-09' }, { name: 'Sem Achterberg', dateOfBirth: '2019-10-21' }] };
  return {
    definition: 'graft-lcs',
    entry: 'identified',
    starter: sam,
    family,
    intake: { identifiedIn: 'supervision', dateIdentified: today, reasons: 'CIN plan outcomes met; family needs lower-level support.' },
    steps: [
      {
        who: sam,
        node: 'step_one_family_discussion',
        data: {
          leadProfessional: 'internal_early_help',
          familyDiscussionDate: today,
          familyConsent: true,
          assessmentCompleted: true,
          assessments: family.children.map((c) => ({ name: c.name, assessmentCompletedDate: londonDay(-10, now) })),
          stepDownPlan: 'School attendance and routines support; parenting programme.',
          nextCinMeetingDate: today,
          graftInvolved: true,
          ffpFswInvolved: false,
        },
        actions: [{ action: 'request_graft_discussion', passTo: { worker: personId(gary) } }],
      },
      { who: gary, node: 'step_two_graft_discussion', data: discussion, actions: [{ action: 'step_down_agreed' }] },
      { who: tara, node: 'step_two_graft_discussion', data: discussion, actions: [{ action: 'step_down_agreed' }] },
      { who: ellie, node: 'step_three_taf_decision', from: { tray: 'taf_team' }, data: { tafDiscussionDate: today, decisionReasons: 'TAF plan agreed.' }, actions: [{ action: 'taf_plan_agreed' }] },
      {
        who: ellie,
        node: 'step_three_case_note_allocation',
        data: { caseNoteDate: today, workAgreed: 'Routines and school attendance.', ffpFswAlreadyInvolved: false, workerToAllocate: 'ffp' },
        actions: [{ action: 'case_note_added' }],
        refuse: { without: ['workerToAllocate'], message: 'Select the worker to allocate' },
      },
      { who: gary, node: 'step_four_graft_referral', from: { tray: 'graft' }, data: { referralDate: today }, actions: [{ action: 'referral_to_ehm', passTo: { team: 'strengthening_families' } }] },
      { who: ellie, node: 'step_four_tray_allocation', from: { tray: 'strengthening_families' }, data: {}, actions: [{ action: 'allocate_ffp_fsw', passTo: { worker: personId(fay) } }] },
      { who: sam, node: 'sw_handover', data: { familyAware: true, professionalsAware: true, jointVisitDate: today, cinReviewDate: today, ffpFswInvited: true }, actions: [{ action: 'handover_done' }] },
      { who: fay, node: 'joint_visit', data: { jointVisitDate: today, swAttended: true }, actions: [{ action: 'joint_visit_done' }] },
      { who: fay, node: 'step_five_cin_taf_meeting', data: cinReview, actions: closeAndContinue },
      { who: sam, node: 'step_five_cin_taf_meeting', data: cinReview, actions: closeAndContinue },
      { who: fay, node: 'book_next_taf_meeting', data: { nextTafMeetingDate: today }, actions: [{ action: 'next_taf_meeting_booked' }] },
      { who: fay, node: 'taf_meeting', data: { meetingDate: today, actionsAgreed: 'All actions met.', workCompleted: true }, actions: [{ action: 'work_completed', passTo: { worker: personId(sue) } }] },
      { who: sue, node: 'closure_supervision', data: { supervisionDate: today, closureTrajectory: 'Close: no role for Early Help.' }, actions: [{ action: 'close' }] },
    ],
    outcome: 'Stepped down to Early Help; work completed and closed',
  };
}
