/**
 * Shared Givens for the step up scenarios: Fern (Early Help Family Worker) starts a step up on
 * Thursday 25 March 2027, the day before Good Friday, and passes her worries to Sian (Senior
 * Practitioner) as Urgent; Sian sends the MARF Form on Tuesday 30 March, after Easter Monday.
 */
import { family, newCase } from './clinic-case.ts';

export const summary = 'Fern has worked with the family since January.';
export const worries = { worries: 'Ada has disclosed being hit at home.', childProtectionConcerns: true };

export const marf = (overrides: Record<string, unknown> = {}) => ({
  dateOfDiscussion: '2027-03-30',
  thresholdsDocumentConsulted: true,
  worries: worries.worries,
  latestCaseSummary: summary,
  rationale: 'Child Protection concerns meet the threshold for a social work response.',
  ...overrides,
});

export const mashDecision = (overrides: Record<string, unknown> = {}) => ({
  dateOfDecision: '2027-03-31',
  decisionMakingAndRationale: 'Threshold met: strategy discussion and Child and Family Assessment.',
  recordedOnLcs: true,
  ...overrides,
});

export const stepUpVisit = (date: string, overrides: Record<string, unknown> = {}) => ({
  dateOfJointVisit: date,
  socialWorker: 'Sol Jones',
  earlyHelpFamilyWorker: 'Fern Ahmed',
  visitOutcome: 'Assessment started.',
  ...overrides,
});

/** Given Fern starts a step up on Thursday 25 March 2027, the day before Good Friday. */
export const started = () => newCase('2027-03-25T09:00:00Z').start('2027-03-25T14:00:00Z', 'step_up', 'fern', family, { latestCaseSummary: summary });
/** Given she passed her worries to Sian as Urgent that afternoon. */
export const atMarf = () => started().complete('2027-03-25T15:00:00Z', 'raise_worries', 'fern', worries, { action: 'raise', passTo: { worker: 'sian' }, priority: 'urgent' });
/** Given Sian sent the MARF Form to MASH on Tuesday 30 March. */
export const atMash = () => atMarf().complete('2027-03-30T09:00:00Z', 'su_marf', 'sian', marf(), 'send_marf');
/** Given MASH disputed the step up on Wednesday 31 March. */
export const disputedAtMash = () => atMash().complete('2027-03-31T10:00:00Z', 'su_mash_decision', 'mo', mashDecision(), 'dispute');
