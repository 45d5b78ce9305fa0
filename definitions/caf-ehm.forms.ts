/* Generated from definitions/caf-ehm.json by `npm run gen:form-types`. Do not edit by hand. */

/**
 * Decision to step down from CSC to CAF
 */
export interface StepDownDecisionData {
  /**
   * Date of the supervision where the decision was agreed with the Team Manager
   */
  supervisionDate: string;
  /**
   * Team Manager who agreed the decision
   */
  teamManager: string;
  /**
   * Why the threshold for social care involvement is no longer met
   */
  thresholdNoLongerMet: string;
  /**
   * Date of the final CIN meeting
   */
  finalCinMeetingDate: string;
}

/**
 * Team Manager agreement to step down from CSC to CAF
 */
export type TmDecisionAgreementData = {
  /**
   * Date of the supervision where the decision was agreed
   */
  supervisionDate: string;
  /**
   * Why the threshold for social care involvement is no longer met
   */
  thresholdNoLongerMet?: string;
  /**
   * Do you agree that the threshold is no longer met and the case is ready to step down?
   */
  agreed: boolean;
  /**
   * Why the case is not ready to step down
   */
  reason?: string;
};

/**
 * Step down proposal: views and informed consent
 */
export type ShareProposalData = {
  /**
   * Date the proposal was shared
   */
  dateShared: string;
  /**
   * Who the proposal was shared with
   *
   * @minItems 1
   */
  sharedWith: ['child' | 'parents' | 'partners', ...('child' | 'parents' | 'partners')[]];
  /**
   * Views of each child
   *
   * @minItems 1
   *
   * Items: Child
   */
  childrenViews: [
    {
      /**
       * Child
       */
      name: string;
      /**
       * Views of the child
       */
      views: string;
      /**
       * Does the child agree with the plan to step down to CAF and close to CSC?
       */
      agrees: ('yes' | 'no' | 'unable') & string;
    },
    ...{
      /**
       * Child
       */
      name: string;
      /**
       * Views of the child
       */
      views: string;
      /**
       * Does the child agree with the plan to step down to CAF and close to CSC?
       */
      agrees: ('yes' | 'no' | 'unable') & string;
    }[]
  ];
  /**
   * Views of the parents or carers
   */
  parentViews: string;
  /**
   * Do the parents or carers agree with the plan to step down to CAF and close to CSC?
   */
  parentsAgree: boolean;
  /**
   * Views of partners
   *
   * @minItems 1
   *
   * Items: Partner agency
   */
  partnerViews: [
    {
      /**
       * Agency
       */
      agency: string;
      /**
       * Name of professional
       */
      professional?: string;
      /**
       * Views
       */
      views: string;
      /**
       * Does the agency agree with social work involvement ending?
       */
      agrees: boolean;
      /**
       * Reason why the agency does not agree
       */
      reason?: string;
    } & {
      /**
       * Agency
       */
      agency: string;
      /**
       * Name of professional
       */
      professional?: string;
      /**
       * Views
       */
      views: string;
      /**
       * Does the agency agree with social work involvement ending?
       */
      agrees: boolean;
      /**
       * Reason why the agency does not agree
       */
      reason?: string;
    },
    ...({
      /**
       * Agency
       */
      agency: string;
      /**
       * Name of professional
       */
      professional?: string;
      /**
       * Views
       */
      views: string;
      /**
       * Does the agency agree with social work involvement ending?
       */
      agrees: boolean;
      /**
       * Reason why the agency does not agree
       */
      reason?: string;
    } & {
      /**
       * Agency
       */
      agency: string;
      /**
       * Name of professional
       */
      professional?: string;
      /**
       * Views
       */
      views: string;
      /**
       * Does the agency agree with social work involvement ending?
       */
      agrees: boolean;
      /**
       * Reason why the agency does not agree
       */
      reason?: string;
    })[]
  ];
  /**
   * Has the parent or carer given informed consent for the CAF?
   */
  informedConsent: boolean;
  /**
   * Date consent was given
   */
  consentDate?: string;
  /**
   * How their information will be shared and why
   */
  informationSharing?: string;
};

/**
 * Parent or child disagreement with the step down
 */
export type FamilyDisagreementData = {
  /**
   * Date discussed with the Team Manager
   */
  tmDiscussionDate: string;
  /**
   * Date of the further discussion with the parent and child
   */
  familyDiscussionDate: string;
  /**
   * Barriers and worries explored
   */
  barriersAndWorries: string;
  /**
   * Has the parent or carer now given informed consent for the CAF?
   */
  informedConsent: boolean;
  /**
   * Date consent was given
   */
  consentDate?: string;
  /**
   * How their information will be shared and why
   */
  informationSharing?: string;
  /**
   * Outcome and the Team Manager's decision
   */
  outcome: string;
  /**
   * Why it was not resolved within 5 working days
   */
  delayReason?: string;
};

/**
 * Partner agency disagreement with the step down
 */
export interface PartnerDisagreementData {
  /**
   * Views of partners
   *
   * @minItems 1
   *
   * Items: Partner agency
   */
  partnerViews: [
    {
      /**
       * Agency
       */
      agency: string;
      /**
       * Name of professional
       */
      professional?: string;
      /**
       * Views
       */
      views: string;
      /**
       * Does the agency agree with social work involvement ending?
       */
      agrees: boolean;
      /**
       * Reason why the agency does not agree
       */
      reason?: string;
    } & {
      /**
       * Agency
       */
      agency: string;
      /**
       * Name of professional
       */
      professional?: string;
      /**
       * Views
       */
      views: string;
      /**
       * Does the agency agree with social work involvement ending?
       */
      agrees: boolean;
      /**
       * Reason why the agency does not agree
       */
      reason?: string;
    },
    ...({
      /**
       * Agency
       */
      agency: string;
      /**
       * Name of professional
       */
      professional?: string;
      /**
       * Views
       */
      views: string;
      /**
       * Does the agency agree with social work involvement ending?
       */
      agrees: boolean;
      /**
       * Reason why the agency does not agree
       */
      reason?: string;
    } & {
      /**
       * Agency
       */
      agency: string;
      /**
       * Name of professional
       */
      professional?: string;
      /**
       * Views
       */
      views: string;
      /**
       * Does the agency agree with social work involvement ending?
       */
      agrees: boolean;
      /**
       * Reason why the agency does not agree
       */
      reason?: string;
    })[]
  ];
  /**
   * Date of the resolution
   */
  resolutionDate: string;
  /**
   * Team Manager's resolution
   */
  resolution: string;
  /**
   * Why it was not resolved within 5 working days
   */
  delayReason?: string;
}

/**
 * Identify a Lead Professional
 */
export type IdentifyLpData = {
  /**
   * Has an agency agreed to take on the Lead Professional role?
   */
  lpAgreed: boolean;
  /**
   * Name of Lead Professional
   */
  lpName?: string;
  /**
   * Agency
   */
  lpAgency?: string;
  /**
   * Telephone or email
   */
  lpContact?: string;
  /**
   * Date they agreed to take on the role
   */
  lpAgreedDate?: string;
  /**
   * Is the Lead Professional currently involved with the family?
   */
  lpInvolved?: boolean;
  /**
   * Agencies asked to take on the role and their responses
   */
  agenciesApproached?: string;
};

/**
 * Challenge and support to identify a Lead Professional
 */
export type ClwLpChallengeData = {
  /**
   * Date partners were challenged
   */
  challengeDate: string;
  /**
   * Partners challenged to take Lead Professional responsibility, and their responses
   */
  partnersChallenged: string;
  /**
   * Has an agency agreed to take on the Lead Professional role?
   */
  lpAgreed: boolean;
  /**
   * Name of Lead Professional
   */
  lpName?: string;
  /**
   * Agency
   */
  lpAgency?: string;
  /**
   * Telephone or email
   */
  lpContact?: string;
  /**
   * Date they agreed to take on the role
   */
  lpAgreedDate?: string;
  /**
   * Is the Lead Professional currently involved with the family?
   */
  lpInvolved?: boolean;
};

/**
 * Transforming Lives Panel: Lead Professional
 */
export type TransformingLivesPanelData = {
  /**
   * Date of the Transforming Lives Panel
   */
  panelDate: string;
  /**
   * Panel discussion
   */
  panelDiscussion: string;
  /**
   * Has an agency agreed to take on the Lead Professional role?
   */
  lpAgreed: boolean;
  /**
   * Name of Lead Professional
   */
  lpName?: string;
  /**
   * Agency
   */
  lpAgency?: string;
  /**
   * Telephone or email
   */
  lpContact?: string;
  /**
   * Date they agreed to take on the role
   */
  lpAgreedDate?: string;
  /**
   * Is the Lead Professional currently involved with the family?
   */
  lpInvolved?: boolean;
  /**
   * Case note: no agency will agree to take the Lead Professional role
   */
  caseNote?: string;
};

/**
 * Final CIN / Step down to CAF meeting
 */
export type FinalCinMeetingData = {
  /**
   * Date of the final CIN meeting
   */
  meetingDate: string;
  /**
   * Who attended
   */
  attendees: string;
  /**
   * Who took part
   */
  whoTookPart: ('social_worker' | 'parents' | 'child' | 'partners')[];
  /**
   * Plan on closing to CSC
   */
  stepDownTo: ('caf' | 'universal') & string;
  /**
   * Views of each child
   *
   * @minItems 1
   *
   * Items: Child
   */
  childrenViews: [
    {
      /**
       * Child
       */
      name: string;
      /**
       * Views of the child
       */
      views: string;
      /**
       * Does the child agree with the case closing to CSC?
       */
      agrees?: ('yes' | 'no' | 'unable') & string;
    },
    ...{
      /**
       * Child
       */
      name: string;
      /**
       * Views of the child
       */
      views: string;
      /**
       * Does the child agree with the case closing to CSC?
       */
      agrees?: ('yes' | 'no' | 'unable') & string;
    }[]
  ];
  /**
   * Views of the parents or carers
   */
  parentViews: string;
  /**
   * Views of partners
   */
  partnerViews: string;
  /**
   * When a referral back into social care may be necessary
   */
  referralBackTriggers: string;
  /**
   * Name of Lead Professional
   */
  lpName?: string;
  /**
   * Agency
   */
  lpAgency?: string;
  /**
   * Did the Lead Professional attend the final CIN meeting?
   */
  lpAttended?: boolean;
  /**
   * Why the Lead Professional did not attend
   */
  lpNotAttendedReason?: string;
  /**
   * Lead Professional's contribution to the CAF assessment
   */
  lpContribution?: string;
  /**
   * Updated and current information
   */
  currentInformation?: string;
  /**
   * Impact and progress made for the child
   */
  impactAndProgress?: string;
  /**
   * Areas that still require support
   */
  areasRequiringSupport?: string;
  /**
   * Each child's voice and experience
   *
   * @minItems 1
   *
   * Items: Child
   */
  childrenVoice?: [
    {
      /**
       * Child
       */
      name: string;
      /**
       * The child's voice and experience
       */
      voice: string;
    },
    ...{
      /**
       * Child
       */
      name: string;
      /**
       * The child's voice and experience
       */
      voice: string;
    }[]
  ];
  /**
   * SMART family plan
   *
   * @minItems 1
   *
   * Items: Action
   */
  familyPlan?: [
    {
      /**
       * What needs to happen (specific)
       */
      action: string;
      /**
       * How we will know it has happened (measurable)
       */
      measure: string;
      /**
       * Who will do it
       */
      responsible: string;
      /**
       * By when
       */
      byWhen: string;
    },
    ...{
      /**
       * What needs to happen (specific)
       */
      action: string;
      /**
       * How we will know it has happened (measurable)
       */
      measure: string;
      /**
       * Who will do it
       */
      responsible: string;
      /**
       * By when
       */
      byWhen: string;
    }[]
  ];
  /**
   * Has the family plan been agreed by the family and all partners?
   */
  planAgreed?: boolean;
  /**
   * Date of the initial Family Planning meeting
   */
  initialFpMeetingDate?: string;
};

/**
 * Case closure summary and referral to EHM
 */
export type CaseClosureData = {
  /**
   * Why the child has had statutory children's social care involvement
   */
  whyInvolvement: string;
  /**
   * What has been done to support the child and family
   */
  whatWasDone: string;
  /**
   * What was the outcome
   */
  outcomeOfInvolvement: string;
  /**
   * The impact of social care involvement on the outcomes for the child
   */
  impact: string;
  /**
   * How the threshold for social care involvement is no longer met
   */
  thresholdNoLongerMet: string;
  /**
   * Plan on closing to CSC
   */
  stepDownTo: ('caf' | 'universal') & string;
  /**
   * Plan to step down to universal services or CAF, including the step down plan
   */
  stepDownPlan: string;
  /**
   * Has a copy of the CIN minutes and the step down CAF assessment, including the family plan, been sent to all relevant family and partners?
   */
  copiesSent: boolean;
  /**
   * Date the copies were sent
   */
  copiesSentDate?: string;
  /**
   * Has the referral to EHM been completed with the multi-agency step down CAF assessment?
   */
  ehmReferralCompleted?: boolean;
  /**
   * Date of the referral to EHM
   */
  ehmReferralDate?: string;
};

/**
 * Team Manager quality assurance: case closure and step down CAF assessment
 */
export interface TmQualityAssuranceData {
  /**
   * Recorded on the child's file
   */
  fileChecklist: (
    | 'supervisions'
    | 'chronology'
    | 'childs_plans'
    | 'childs_reviews'
    | 'assessments_uploaded'
    | 'views_evidenced'
  )[];
  /**
   * Have you quality assured the last CIN meeting?
   */
  cinMeetingQualityAssured: boolean;
  /**
   * Have you quality assured the closure summary?
   */
  closureSummaryQualityAssured: boolean;
  /**
   * Have you quality assured the CAF step down assessment?
   */
  cafAssessmentQualityAssured?: boolean;
  /**
   * Team Manager's comments
   */
  comments: string;
}

/**
 * CAF Link Worker quality assurance of the CAF assessment
 */
export type ClwQualityAssuranceData = {
  /**
   * Can the CAF assessment be authorised?
   */
  cafQualityAssured: boolean;
  /**
   * Further information required from the Social Worker
   */
  furtherInformation?: string;
  /**
   * CAF Link Worker's comments
   */
  comments?: string;
};

/**
 * Further information for the CAF Link Worker
 */
export interface SwFurtherInformationData {
  /**
   * Further information requested by the CAF Link Worker
   */
  informationRequested: string;
  /**
   * Further information provided
   */
  informationProvided: string;
}

/**
 * Step down CAF transferred to EHM
 */
export interface CafTransferData {
  /**
   * Date of the step down (the final CIN meeting)
   */
  stepDownDate: string;
  /**
   * Date of the initial Family Planning meeting
   */
  initialFpMeetingDate: string;
  /**
   * Name of Lead Professional
   */
  lpName: string;
  /**
   * Agency
   */
  lpAgency: string;
  /**
   * SMART family plan
   *
   * @minItems 1
   *
   * Items: Action
   */
  familyPlan: [
    {
      /**
       * What needs to happen (specific)
       */
      action: string;
      /**
       * How we will know it has happened (measurable)
       */
      measure: string;
      /**
       * Who will do it
       */
      responsible: string;
      /**
       * By when
       */
      byWhen: string;
    },
    ...{
      /**
       * What needs to happen (specific)
       */
      action: string;
      /**
       * How we will know it has happened (measurable)
       */
      measure: string;
      /**
       * Who will do it
       */
      responsible: string;
      /**
       * By when
       */
      byWhen: string;
    }[]
  ];
  /**
   * Areas that still require support
   */
  areasRequiringSupport?: string;
}

/**
 * Contact the Lead Professional
 */
export interface ClwContactLpData {
  /**
   * Date the Lead Professional was contacted
   */
  contactDate: string;
  /**
   * Support and guidance offered
   */
  supportOffered: string;
  /**
   * Date of the initial Family Planning meeting
   */
  initialFpMeetingDate: string;
  /**
   * Why the initial Family Planning meeting cannot take place within 4 weeks of the step down
   */
  delayReason?: string;
}

/**
 * Family planning meeting
 */
export interface FamilyPlanningMeetingData {
  /**
   * Date of the Family planning meeting
   */
  meetingDate: string;
  /**
   * Who attended
   */
  attendees: string;
  /**
   * Progress against the family plan
   */
  progress: string;
  /**
   * Each child's voice and experience: how the plan is improving outcomes for them
   *
   * @minItems 1
   *
   * Items: Child
   */
  childrenVoice: [
    {
      /**
       * Child
       */
      name: string;
      /**
       * The child's voice and experience
       */
      voice: string;
    },
    ...{
      /**
       * Child
       */
      name: string;
      /**
       * The child's voice and experience
       */
      voice: string;
    }[]
  ];
  /**
   * Family plan
   *
   * @minItems 1
   *
   * Items: Action
   */
  familyPlan: [
    {
      /**
       * What needs to happen (specific)
       */
      action: string;
      /**
       * How we will know it has happened (measurable)
       */
      measure: string;
      /**
       * Who will do it
       */
      responsible: string;
      /**
       * By when
       */
      byWhen: string;
      /**
       * Progress
       */
      status: ('not_started' | 'in_progress' | 'met') & string;
    },
    ...{
      /**
       * What needs to happen (specific)
       */
      action: string;
      /**
       * How we will know it has happened (measurable)
       */
      measure: string;
      /**
       * Who will do it
       */
      responsible: string;
      /**
       * By when
       */
      byWhen: string;
      /**
       * Progress
       */
      status: ('not_started' | 'in_progress' | 'met') & string;
    }[]
  ];
  /**
   * Has the meeting been recorded on EHM?
   */
  recordedOnEhm: boolean;
  /**
   * Have copies been shared with the child, parents and partners?
   */
  copiesShared: boolean;
  /**
   * Why the meeting was not held within the timescale
   */
  delayReason?: string;
}

/**
 * CAF reassessment with the Team around the Family
 */
export type CafReassessmentData = {
  /**
   * Is the CAF still required to provide support to the family?
   */
  cafStillRequired: boolean;
  /**
   * Date of the reassessment
   */
  reassessmentDate?: string;
  /**
   * Contributions from the Team around the Family
   *
   * @minItems 1
   *
   * Items: Team around the Family member
   */
  tafContributions?: [
    {
      /**
       * Name
       */
      name: string;
      /**
       * Member of the Team around the Family
       */
      member: ('family' | 'professional') & string;
      /**
       * Agency or relationship to the child
       */
      agency: string;
      /**
       * Contribution to the reassessment
       */
      contribution: string;
    },
    ...{
      /**
       * Name
       */
      name: string;
      /**
       * Member of the Team around the Family
       */
      member: ('family' | 'professional') & string;
      /**
       * Agency or relationship to the child
       */
      agency: string;
      /**
       * Contribution to the reassessment
       */
      contribution: string;
    }[]
  ];
  /**
   * Reassessment of the child's and family's needs
   */
  reassessment?: string;
  /**
   * Revised family plan
   *
   * @minItems 1
   *
   * Items: Action
   */
  familyPlan?: [
    {
      /**
       * What needs to happen (specific)
       */
      action: string;
      /**
       * How we will know it has happened (measurable)
       */
      measure: string;
      /**
       * Who will do it
       */
      responsible: string;
      /**
       * By when
       */
      byWhen: string;
      /**
       * Progress
       */
      status: ('not_started' | 'in_progress' | 'met') & string;
    },
    ...{
      /**
       * What needs to happen (specific)
       */
      action: string;
      /**
       * How we will know it has happened (measurable)
       */
      measure: string;
      /**
       * Who will do it
       */
      responsible: string;
      /**
       * By when
       */
      byWhen: string;
      /**
       * Progress
       */
      status: ('not_started' | 'in_progress' | 'met') & string;
    }[]
  ];
};

/**
 * Final Family planning meeting and CAF closure
 */
export interface CafClosureData {
  /**
   * Date of the final Family planning meeting
   */
  finalMeetingDate: string;
  /**
   * Reason for closing the CAF
   */
  closureReason: ('plan_met' | 'no_longer_required') & string;
  /**
   * Progress and impact of the multi-agency support for the child and family
   */
  progressAndImpact: string;
  /**
   * Each child's voice and experience
   *
   * @minItems 1
   *
   * Items: Child
   */
  childrenVoice: [
    {
      /**
       * Child
       */
      name: string;
      /**
       * The child's voice and experience
       */
      voice: string;
    },
    ...{
      /**
       * Child
       */
      name: string;
      /**
       * The child's voice and experience
       */
      voice: string;
    }[]
  ];
  /**
   * Has the final meeting and CAF closure been recorded on EHM?
   */
  recordedOnEhm: boolean;
  /**
   * Have copies been shared with the child, parents and partners?
   */
  copiesShared: boolean;
}

export interface FormData {
  "step_down_decision": StepDownDecisionData;
  "tm_decision_agreement": TmDecisionAgreementData;
  "share_proposal": ShareProposalData;
  "family_disagreement": FamilyDisagreementData;
  "partner_disagreement": PartnerDisagreementData;
  "identify_lp": IdentifyLpData;
  "clw_lp_challenge": ClwLpChallengeData;
  "transforming_lives_panel": TransformingLivesPanelData;
  "final_cin_meeting": FinalCinMeetingData;
  "case_closure": CaseClosureData;
  "tm_quality_assurance": TmQualityAssuranceData;
  "clw_quality_assurance": ClwQualityAssuranceData;
  "sw_further_information": SwFurtherInformationData;
  "caf_transfer": CafTransferData;
  "clw_contact_lp": ClwContactLpData;
  "family_planning_meeting": FamilyPlanningMeetingData;
  "caf_reassessment": CafReassessmentData;
  "caf_closure": CafClosureData;
}
