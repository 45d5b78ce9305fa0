/* Generated from definitions/clinic.json by `npm run gen:form-types`. Do not edit by hand. */

/**
 * Early Help Step Down Clinic: case discussion slot
 */
export interface ClinicBookingData {
  /**
   * Allocated Social Worker
   */
  socialWorkerName: string;
  /**
   * Social Work team
   */
  socialWorkTeam: string;
  /**
   * When is the case stepping down?
   */
  stepDownPoint: 'after_assessment' | 'cin_plan_ended';
  /**
   * Why does the family no longer require social work involvement?
   */
  reasonForStepDown: string;
  /**
   * What ongoing support does the family need?
   */
  ongoingSupportNeeded: string;
  /**
   * Has the family agreed to the step down to Early Help?
   */
  familyAgreed: boolean;
  /**
   * Is this a referral to MASH which has resulted in allocation to Early Help?
   */
  mashReferralAllocatedToEarlyHelp: false;
}

/**
 * Case Discussion
 */
export type CaseDiscussionData = {
  /**
   * Date of Case Discussion
   */
  dateOfDiscussion: string;
  /**
   * Allocated Social Worker
   */
  allocatedSocialWorker: string;
  /**
   * Team Manager from Social Work
   */
  socialWorkTeamManager: string;
  /**
   * Team Manager from Early Help
   */
  earlyHelpTeamManager: string;
  /**
   * Outcome of the discussion
   */
  outcome:
    'eh_family_worker_team' | 'universal_services' | 'remain_social_work' | 'dispute' | 'no_longer_required';
  /**
   * Date to complete assessment
   */
  assessmentCompletionDate?: string;
  /**
   * Identified Early Help Family Worker
   */
  identifiedFamilyWorker?: string;
  /**
   * Rationale for decision making
   */
  rationale: string;
  /**
   * Has a case note been added to EHM detailing the outcome of the discussion and the rationale for decision making?
   */
  ehmCaseNoteAdded: boolean;
};

/**
 * Complete assessment
 */
export type AssessmentCompletedData = {
  /**
   * Assessment completed
   */
  assessmentType: 'child_and_family' | 'cin_review' | 'other';
  /**
   * If Other, please specify
   */
  assessmentTypeOther?: string;
  /**
   * Date assessment completed
   */
  dateAssessmentCompleted: string;
};

/**
 * Transfer form
 */
export type TransferFormData = {
  /**
   * Identified Early Help Family Worker
   */
  identifiedFamilyWorker?: string;
  /**
   * Why does the family no longer require social work involvement?
   */
  reasonForStepDown: string;
  /**
   * What ongoing support does the family need?
   */
  ongoingSupportNeeded: string;
  /**
   * Has the family agreed to the step down to Early Help?
   */
  familyAgreed: boolean;
  /**
   * Most recent assessment of each child
   */
  assessments?: {
    /**
     * Child's name
     */
    name: string;
    /**
     * Date of the most recent assessment
     */
    dateOfAssessment: string;
    /**
     * Is a copy of this assessment included with the transfer form?
     */
    copyIncluded: boolean;
  }[];
};

/**
 * Allocate to the identified Early Help Family Worker
 */
export interface AllocationData {
  /**
   * Identified Early Help Family Worker
   */
  identifiedFamilyWorker: string;
  /**
   * Date allocated
   */
  dateAllocated: string;
}

/**
 * Joint visit
 */
export interface JointVisitData {
  /**
   * Date of joint visit
   */
  dateOfJointVisit: string;
  /**
   * Social Worker
   */
  socialWorker: string;
  /**
   * Early Help Family Worker
   */
  earlyHelpFamilyWorker: string;
  /**
   * What was agreed with the family at the joint visit?
   */
  visitOutcome: string;
}

/**
 * Step down review
 */
export interface StepDownReviewData {
  /**
   * Latest case summary
   */
  latestCaseSummary: string;
  /**
   * Worries which require a social work response
   */
  worries?: string;
}

/**
 * Step Up to Children's Services
 */
export interface StepUpStartData {
  /**
   * Latest case summary
   */
  latestCaseSummary: string;
  /**
   * Worries which require a social work response
   */
  worries?: string;
}

/**
 * Raise worries with Senior Practitioner
 */
export interface RaiseWorriesData {
  /**
   * Worries which require a social work response
   */
  worries: string;
  /**
   * Are there Child Protection concerns?
   */
  childProtectionConcerns: boolean;
}

/**
 * MARF Form
 */
export interface MarfData {
  /**
   * Date of discussion with the Early Help Family Worker
   */
  dateOfDiscussion: string;
  /**
   * Has the Thresholds Document been consulted?
   */
  thresholdsDocumentConsulted: boolean;
  /**
   * Worries raised by the Early Help Family Worker
   */
  worries: string;
  /**
   * Latest case summary
   */
  latestCaseSummary: string;
  /**
   * Rationale for the plan to step up to Children's Services
   */
  rationale?: string;
  /**
   * Why a social work response is not needed
   */
  reasonNotSteppingUp?: string;
}

/**
 * MASH decision
 */
export interface MashDecisionData {
  /**
   * Latest case summary (from the MARF Form)
   */
  latestCaseSummary?: string;
  /**
   * Rationale for the plan to step up (from the MARF Form)
   */
  marfRationale?: string;
  /**
   * Date of decision
   */
  dateOfDecision: string;
  /**
   * Decision making and rationale
   */
  decisionMakingAndRationale: string;
  /**
   * Have the decision making and rationale been recorded on LCS?
   */
  recordedOnLcs: boolean;
}

/**
 * Joint review by Operational Managers
 */
export interface DisputeReviewData {
  /**
   * Date of joint review
   */
  dateOfJointReview: string;
  /**
   * Operational Manager for Early Help
   */
  operationalManagerEarlyHelp: string;
  /**
   * Operational Manager for MASH
   */
  operationalManagerMash: string;
  /**
   * Which service is right for the child, young person and family, and why
   */
  rationale: string;
}

export interface FormData {
  "clinic_booking": ClinicBookingData;
  "case_discussion": CaseDiscussionData;
  "assessment_completed": AssessmentCompletedData;
  "transfer_form": TransferFormData;
  "allocation": AllocationData;
  "joint_visit": JointVisitData;
  "step_down_review": StepDownReviewData;
  "step_up_start": StepUpStartData;
  "raise_worries": RaiseWorriesData;
  "marf": MarfData;
  "mash_decision": MashDecisionData;
  "dispute_review": DisputeReviewData;
}
