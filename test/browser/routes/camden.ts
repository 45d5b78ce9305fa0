/**
 * Camden (test/api/camden.test.ts): step down after a Child and Family assessment. Sam refers,
 * giving the day the assessment was completed and three working days for the joint visit;
 * the front door identifies IEYS Kentish Town East; its duty tray has no roles (membership
 * decides, and no demo person is a member), so Kate — an EH team manager — takes the offer from
 * the case page, as the API walkthrough does; the joint visit, the C&F sections and the manager's
 * two next actions follow; Kate passes the step down record to Dev, who passes the work to Fay;
 * Sam closes to CSSW with RC9.
 */
import { WorkingCalendar } from '../../../engine/index.ts';
import { personId, type Route } from './route.ts';

const sam = 'social_worker@camden.example';
const dora = 'eh_front_door_manager@camden.example';
const kate = 'eh_team_manager@camden.example';
const tina = 'sw_team_manager@camden.example';
const dev = 'eh_duty_manager@camden.example';
const fay = 'eh_family_worker@camden.example';
const kte = 'ieys_kte_duty_manager';

const children = [
  { name: 'Ada Okafor', dateOfBirth: '2015-04-02', personId: '2075012' },
  { name: 'Ben Okafor', dateOfBirth: '2018-09-30', personId: '2075013' },
];

/** Camden's dates are London dates, and its bookings (joint visit dates, the consultation) fall on working days. */
const london = WorkingCalendar.for({ timeZone: 'Europe/London' });

export function camdenRoute(now = new Date()): Route {
  const today = london.localDate(now.toISOString());
  const nextWorkingDay = (n: number) => london.addWorkingDays(today, n);
  const referral = {
    familyAgreed: true,
    agreementDate: today,
    agreementRecorded: true,
    assessmentCompletedOn: today,
    repeatAssessment: false,
    children: children.map((c) => ({ ...c, schoolsAttended: 'Argyle Primary School' })),
    supportNeeded: 'Parenting support with routines and school attendance.',
    reasonsForIntervention: 'Neglect concerns after a referral from school.',
    assessmentAttached: true,
    alreadyOpenToEarlyHelp: false,
    provisionalVisitDates: [nextWorkingDay(1), nextWorkingDay(2), nextWorkingDay(3)],
  };
  return {
    definition: 'camden',
    entry: 'sw_assessment',
    starter: sam,
    family: { familyName: 'Okafor', children },
    steps: [
      { who: sam, node: 'referral', data: referral, actions: [{ action: 'send_referral' }] },
      {
        who: dora,
        node: 'asm_screen',
        data: { outcome: 'team', ehTeam: kte, rationale: 'Needs fit the service specification.' },
        actions: [{ action: 'contact_team', passTo: { team: kte } }],
      },
      { who: kate, node: 'asm_offer_consultation', passFirst: { by: kate, worker: personId(kate) }, data: { contactedOn: today, proposedConsultationDate: london.isWorkingDay(today) ? today : nextWorkingDay(1) }, actions: [{ action: 'offer' }] },
      {
        who: kate,
        node: 'asm_consultation',
        data: { consultationDate: today, decision: 'accept', familyWorkerName: 'Fay Green' },
        actions: [{ action: 'accept' }],
        refuse: { without: ['familyWorkerName'], message: 'Enter the name of the allocated Early Help Family Worker' },
      },
      { who: sam, node: 'asm_joint_visit', data: { visitDate: today, socialWorkerAttended: true, familyWorkerAttended: true, familyWorkerName: 'Fay Green' }, actions: [{ action: 'visited' }] },
      {
        who: sam,
        node: 'asm_cfa_sections',
        data: {
          reasonForAssessment: 'Referral from school about neglect.',
          previousInvolvement: 'No previous social work involvement.',
          analysis: 'Needs are below the CSSW threshold.',
          serviceTakingLead: kte,
          summaryOfConcerns: 'Routines and school attendance.',
          outlineStepDownPlan: '1. Parenting programme. 2. School attendance support.',
          circumstancesReferBack: 'Any disclosure of harm, or attendance below 80%.',
          dateOfClosure: today,
          reasonForClosure: 'RC9',
        },
        actions: [{ action: 'submit' }],
      },
      { who: tina, node: 'asm_cfa_authorise', data: { signedOffOn: today }, actions: [{ action: 'step_down_to_eh', passTo: { team: kte } }, { action: 'progress_to_closure' }] },
      {
        who: dev,
        node: 'eh_record',
        passFirst: { by: kate, worker: personId(dev) },
        data: { children, dateOfStepDown: today, caseSteppedDownFrom: 'sw_assessment', decisionsAndActions: 'Allocate to Fay Green.' },
        actions: [{ action: 'eh_assessment_required', passTo: { worker: personId(fay) } }],
      },
      { who: fay, node: 'eh_work', data: { workType: 'eh_assessment_required', familyEngaged: true, safeguardingConcerns: false }, actions: [{ action: 'engaged' }] },
      { who: sam, node: 'asm_close', data: { dateOfClosure: today, reasonForClosure: 'RC9', serviceTakingLead: kte }, actions: [{ action: 'close' }] },
    ],
    outcome: 'Stepped down to Early Help',
  };
}
