/**
 * Graft/LCS (test/api/graft-lcs.test.ts, with the answers of test/graft-lcs/*): identified in
 * supervision, the TAF Team agrees a TAF plan, the Referral to EHM goes to the Strengthening
 * Families tray, the FFP does the joint visit and the TAF meetings, and the EH Supervisor closes
 * it: stepped down. The discussion is the one with the Graft TM (the currently involved team),
 * not Duty EH's: Duty EH can only be completed in its Tuesday–Thursday morning slot, which real
 * time cannot hurry; the Graft TM then makes the Referral to EHM from the Graft tray. Step Five
 * and the TAF meeting open on their meeting dates, so those dates are today.
 */
import { day, personId, type Route } from './route.ts';

const sam = 'social_worker@graft.example';
const tara = 'sc_team_manager@graft.example';
const ellie = 'eh_team_manager@graft.example';
const fay = 'ffp@graft.example';
const sue = 'eh_supervisor@graft.example';
const gary = 'graft_team_manager@graft.example';

export function graftRoute(now = new Date()): Route {
  const today = day(0, now);
  return {
    definition: 'graft-lcs',
    entry: 'identified',
    starter: sam,
    family: { familyName: 'Achterberg', children: [{ name: 'Noor Achterberg', dateOfBirth: '2016-05-09' }, { name: 'Sem Achterberg', dateOfBirth: '2019-10-21' }] },
    intake: { identifiedIn: 'supervision', dateIdentified: today, reasons: 'CIN plan outcomes met; family needs lower-level support.' },
    steps: [
      {
        who: sam,
        node: 'step_one_family_discussion',
        data: {
          leadProfessional: 'internal_early_help',
          familyConsent: true,
          assessmentCompleted: true,
          assessmentCompletedDate: day(-10, now),
          stepDownPlan: 'School attendance and routines support; parenting programme.',
          nextCinMeetingDate: today,
          ffpFswInvolved: false,
        },
        actions: [{ action: 'request_graft_discussion', passTo: { worker: personId(tara) } }],
      },
      {
        who: tara,
        node: 'step_two_graft_discussion',
        data: { discussedWith: 'Dina (Duty EH TM)', discussionDate: today, familyConsent: true, clearStepDownPlan: true, stepDownPlan: 'School attendance and routines support; parenting programme.' },
        actions: [{ action: 'step_down_agreed' }],
      },
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
      { who: fay, node: 'joint_visit', data: { jointVisitDate: today }, actions: [{ action: 'joint_visit_done' }] },
      {
        who: fay,
        node: 'step_five_cin_taf_meeting',
        data: { meetingDate: today, ehAttendee: 'ffp_fsw', actionsContinuing: 'Morning routine plan; school attendance support.' },
        actions: [{ action: 'taf_plan_continues' }],
      },
      { who: fay, node: 'book_next_taf_meeting', data: { nextTafMeetingDate: today }, actions: [{ action: 'next_taf_meeting_booked' }] },
      { who: fay, node: 'taf_meeting', data: { meetingDate: today, actionsAgreed: 'All actions met.' }, actions: [{ action: 'work_completed', passTo: { worker: personId(sue) } }] },
      { who: sue, node: 'closure_supervision', data: { supervisionDate: today, closureTrajectory: 'Close: no role for Early Help.' }, actions: [{ action: 'close' }] },
    ],
    outcome: 'Stepped down to Early Help; work completed and closed',
  };
}
