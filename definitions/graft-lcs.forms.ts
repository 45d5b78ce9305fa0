/* Generated from definitions/graft-lcs.json by `npm run gen:form-types`. Do not edit by hand. */

/**
 * Potential Step Down to Early Help
 */
export interface IdentificationData {
  /**
   * Where was the potential Step Down identified?
   */
  identifiedIn: 'supervision' | 'case_discussion';
  /**
   * Date of supervision or case discussion
   */
  dateIdentified: string;
  /**
   * Why is Step Down to Early Help being considered?
   */
  reasons: string;
}

/**
 * Step One: Step Down to Early Help
 */
export type StepOneData = {
  /**
   * Who would the family like their Lead Professional to be?
   */
  leadProfessional: 'internal_early_help' | 'other_agency';
  /**
   * Which agency?
   */
  leadProfessionalAgency?: string;
  /**
   * Date discussed with the family
   */
  familyDiscussionDate: string;
  /**
   * Has consent been gained from the family for Early Help?
   */
  familyConsent: boolean;
  /**
   * Has the social worker completed an assessment of every child?
   */
  assessmentCompleted: boolean;
  /**
   * Assessment of each child
   */
  assessments: {
    /**
     * Child's name
     */
    name: string;
    /**
     * Date the assessment was completed
     */
    assessmentCompletedDate?: string;
  }[];
  /**
   * Step-down plan from the completed assessment
   */
  stepDownPlan?: string;
  /**
   * Date of next CIN meeting
   */
  nextCinMeetingDate: string;
  /**
   * Is Graft the team currently involved with the family?
   */
  graftInvolved: boolean;
  /**
   * Is there an FFP/FSW already involved?
   */
  ffpFswInvolved: boolean;
  /**
   * Name of the FFP/FSW already involved
   */
  currentFfpFsw?: string;
};

/**
 * Step Two: Step Down Discussion with the Duty EH TM
 */
export interface StepTwoData {
  /**
   * Date of discussion
   */
  discussionDate: string;
  /**
   * Time of discussion
   */
  discussionTime: string;
  /**
   * Has consent been gained from the family for Early Help?
   */
  familyConsent: boolean;
  /**
   * Is there a clear step-down plan?
   */
  clearStepDownPlan: boolean;
  /**
   * Step-down plan
   */
  stepDownPlan?: string;
  /**
   * Why was Step Down to EH not agreed?
   */
  reasonNotAgreed?: string;
}

/**
 * Step Two: Step Down Discussion with the Graft TM
 */
export interface StepTwoGraftData {
  /**
   * Date of discussion
   */
  discussionDate: string;
  /**
   * Time of discussion
   */
  discussionTime: string;
  /**
   * Has consent been gained from the family for Early Help?
   */
  familyConsent: boolean;
  /**
   * Is there a clear step-down plan?
   */
  clearStepDownPlan: boolean;
  /**
   * Step-down plan
   */
  stepDownPlan?: string;
  /**
   * Why was Step Down to EH not agreed?
   */
  reasonNotAgreed?: string;
}

/**
 * Step Three: Decision on a TAF plan
 */
export interface StepThreeData {
  /**
   * Date of discussion with TAF Team
   */
  tafDiscussionDate: string;
  /**
   * Step-down plan
   */
  stepDownPlan?: string;
  /**
   * Decision and reasons
   */
  decisionReasons: string;
}

/**
 * Case note on LCS: decision and recommended universal services
 */
export interface UniversalServicesNoteData {
  /**
   * Date of case note
   */
  caseNoteDate: string;
  /**
   * Decision
   */
  decision: string;
  /**
   * Recommended universal services
   */
  recommendedUniversalServices: string;
}

/**
 * TAF Plan Not Agreed: close the CIN case or keep it open
 */
export interface UniversalServicesClosureData {
  /**
   * Recommended universal services
   */
  recommendedUniversalServices: string;
  /**
   * Why does the family remain with Social Care?
   */
  reasonRemains?: string;
}

/**
 * Case note on LCS: work agreed and allocated worker
 */
export type AllocationCaseNoteData = {
  /**
   * Date of case note
   */
  caseNoteDate: string;
  /**
   * Work that has been agreed
   */
  workAgreed: string;
  /**
   * Is there an FFP/FSW already involved?
   */
  ffpFswAlreadyInvolved: boolean;
  /**
   * Name of the FFP/FSW already involved
   */
  currentFfpFsw?: string;
  /**
   * Worker to allocate
   */
  workerToAllocate?: 'ffp' | 'fsw';
};

/**
 * Step Four: Referral to EHM
 */
export interface EhmReferralData {
  /**
   * Date of Referral to EHM
   */
  referralDate: string;
}

/**
 * Plan to Step Down to Early Help: family, professionals, joint visit and CIN review
 */
export interface SwHandoverData {
  /**
   * Is the family aware of the plan to Step Down to Early Help?
   */
  familyAware: boolean;
  /**
   * Are the professionals involved aware of the plan to Step Down to Early Help?
   */
  professionalsAware: boolean;
  /**
   * Date of joint visit to introduce Early Help to the family
   */
  jointVisitDate: string;
  /**
   * Date of next CIN review (1st TAF meeting)
   */
  cinReviewDate: string;
  /**
   * Has the allocated FFP/FSW been invited to the next CIN review?
   */
  ffpFswInvited: boolean;
}

/**
 * Joint visit to introduce Early Help to the family
 */
export interface JointVisitData {
  /**
   * Date of joint visit
   */
  jointVisitDate: string;
  /**
   * Did the allocated Social Worker attend the visit?
   */
  swAttended: boolean;
  /**
   * Notes of the joint visit
   */
  visitNotes?: string;
}

/**
 * Step Five: CIN/TAF Meeting
 */
export interface CinTafMeetingData {
  /**
   * Date of CIN review (1st TAF meeting)
   */
  meetingDate: string;
  /**
   * Who attended for Early Help?
   */
  ehAttendee: 'ffp_fsw' | 'eh_supervisor' | 'duty';
  /**
   * Actions on the plan that will continue
   */
  actionsContinuing: string;
}

/**
 * Book next TAF meeting
 */
export interface BookTafMeetingData {
  /**
   * Date of next TAF meeting
   */
  nextTafMeetingDate: string;
}

/**
 * TAF meeting
 */
export interface TafMeetingData {
  /**
   * Date of TAF meeting
   */
  meetingDate: string;
  /**
   * Actions agreed on the plan
   */
  actionsAgreed: string;
  /**
   * Is the work completed, with no role for Early Help?
   */
  workCompleted: boolean;
}

/**
 * Closure trajectory discussed in Supervision
 */
export interface ClosureSupervisionData {
  /**
   * Date of supervision
   */
  supervisionDate: string;
  /**
   * Closure trajectory
   */
  closureTrajectory: string;
}

export interface FormData {
  "identification": IdentificationData;
  "step_one": StepOneData;
  "step_two": StepTwoData;
  "step_two_graft": StepTwoGraftData;
  "step_three": StepThreeData;
  "universal_services_note": UniversalServicesNoteData;
  "universal_services_closure": UniversalServicesClosureData;
  "allocation_case_note": AllocationCaseNoteData;
  "ehm_referral": EhmReferralData;
  "sw_handover": SwHandoverData;
  "joint_visit": JointVisitData;
  "cin_taf_meeting": CinTafMeetingData;
  "book_taf_meeting": BookTafMeetingData;
  "taf_meeting": TafMeetingData;
  "closure_supervision": ClosureSupervisionData;
}
