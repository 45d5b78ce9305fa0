/**
 * Clinic. The step down waits for the weekly clinic (a timer to Wednesday noon's agenda, then
 * Thursday's clinic), which real time cannot hurry, so the browser run books a step down and
 * sees it waiting, then takes a family through the clinic's other whole route, the step up
 * (test/clinic/step-up.test.ts): the Family Worker raises worries to her Senior Practitioner,
 * who completes the MARF Form; MASH steps the family up to a Social Worker, who does the joint visit.
 */
import { day, personId, type Route } from './route.ts';

const sam = 'social_worker@clinic.example';
const fern = 'eh_family_worker@clinic.example';
const sian = 'eh_senior_practitioner@clinic.example';
const mo = 'mash_manager@clinic.example';

const family = { familyName: 'Okafor', children: [{ name: 'Ada Okafor', dateOfBirth: '2015-04-02' }, { name: 'Ben Okafor' }] };

/** The step down as far as real time allows: booked, then waiting for the agenda to close. */
export const clinicBooking = {
  definition: 'clinic',
  entry: 'step_down',
  starter: sam,
  family,
  intake: {
    socialWorkerName: 'Sam Patel',
    socialWorkTeam: 'Assessment Team 2',
    stepDownPoint: 'after_assessment',
    reasonForStepDown: 'Home conditions have improved and school attendance is good.',
    ongoingSupportNeeded: 'Parenting support and help with routines.',
    familyAgreed: true,
    mashReferralAllocatedToEarlyHelp: false,
  },
};

export function clinicStepUpRoute(now = new Date()): Route {
  const today = day(0, now);
  const worries = 'Ada has disclosed being hit at home.';
  const summary = 'Fern has worked with the family since January.';
  return {
    definition: 'clinic',
    entry: 'step_up',
    starter: fern,
    family: { familyName: 'Osei', children: [{ name: 'Ama Osei', dateOfBirth: '2014-02-11' }] },
    intake: { latestCaseSummary: summary },
    steps: [
      { who: fern, node: 'raise_worries', data: { worries, childProtectionConcerns: true }, actions: [{ action: 'raise', passTo: { worker: personId(sian) }, priority: 'urgent' }] },
      {
        who: sian,
        node: 'su_marf',
        data: {
          dateOfDiscussion: today,
          thresholdsDocumentConsulted: true,
          worries,
          latestCaseSummary: summary,
          rationale: 'Child Protection concerns meet the threshold for a social work response.',
        },
        actions: [{ action: 'send_marf' }],
      },
      {
        who: mo,
        node: 'su_mash_decision',
        from: { tray: 'mash' },
        data: { dateOfDecision: today, decisionMakingAndRationale: 'Threshold met: strategy discussion and Child and Family Assessment.', recordedOnLcs: true },
        actions: [{ action: 'step_up', passTo: { worker: personId(sam) } }],
        refuse: { without: ['dateOfDecision'], message: 'Enter the date of the decision' },
      },
      { who: sam, node: 'su_joint_visit', data: { dateOfJointVisit: today, socialWorker: 'Sam Patel', earlyHelpFamilyWorker: 'Fern Ahmed', visitOutcome: 'Assessment started.' }, actions: [{ action: 'visit_done' }] },
    ],
    outcome: "Stepped up to Children's Services",
  };
}
