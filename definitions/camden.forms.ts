/* Generated from definitions/camden.json by `npm run gen:form-types`. Do not edit by hand. */

/**
 * Step down at the final CIN review
 */
export interface CinStepDownStartData {
  /**
   * Date of the final CIN review
   */
  finalReviewDate: string;
}

/**
 * Step down referral to the Early Help Step Down inbox
 */
export type StepDownReferralData = {
  /**
   * Has the family agreed to a referral being made to Early Help Services on their behalf?
   */
  familyAgreed: boolean;
  /**
   * Date the family agreed
   */
  agreementDate?: string;
  /**
   * Has the family’s agreement been recorded?
   */
  agreementRecorded?: boolean;
  /**
   * Date the Child and Family assessment was completed
   */
  assessmentCompletedOn?: string;
  /**
   * Is this a Repeat Assessment?
   */
  repeatAssessment?: boolean;
  /**
   * Children
   *
   * @minItems 1
   */
  children?: [
    {
      /**
       * Child’s name
       */
      name: string;
      /**
       * Date of birth
       */
      dateOfBirth?: string;
      /**
       * MOSAIC ID number
       */
      personId?: string;
      /**
       * Schools attended
       */
      schoolsAttended?: string;
    },
    ...{
      /**
       * Child’s name
       */
      name: string;
      /**
       * Date of birth
       */
      dateOfBirth?: string;
      /**
       * MOSAIC ID number
       */
      personId?: string;
      /**
       * Schools attended
       */
      schoolsAttended?: string;
    }[]
  ];
  /**
   * A brief outline of what support is needed from Early Help Services
   */
  supportNeeded?: string;
  /**
   * Reasons / concerns that led to CSSW intervention
   */
  reasonsForIntervention?: string;
  /**
   * Have you attached a copy of the most recent assessment / relevant documents?
   */
  assessmentAttached?: boolean;
  /**
   * Other relevant documents attached
   */
  otherDocuments?: string;
  /**
   * Is an Early Help service already completing Targeted Early Help Support with the family?
   */
  alreadyOpenToEarlyHelp?: boolean;
  /**
   * Which Early Help service?
   */
  currentEarlyHelpTeam?:
    | 'ieys_kch_duty_manager'
    | 'ieys_borough_wide_duty_inbox'
    | 'ieys_eu_duty_manager'
    | 'ieys_kp_duty_manager'
    | 'duty_manager_early_help_youth'
    | 'duty_manager_first_stop_early_help'
    | 'ieys_kte_duty_manager'
    | 'ieys_ktw_duty_manager'
    | 'duty_manager_transformation_team'
    | 'early_help_caf_duty_manager'
    | 'duty_manager_fssw_family_service'
    | 'complex_families_team_manager'
    | 'families_in_focus';
  /**
   * Date of the next / final CIN review
   */
  finalReviewDate?: string;
  /**
   * Provisional dates for a joint visit
   *
   * @maxItems 10
   *
   * Items: Date
   */
  provisionalVisitDates?:
    | []
    | [string]
    | [string, string]
    | [string, string, string]
    | [string, string, string, string]
    | [string, string, string, string, string]
    | [string, string, string, string, string, string]
    | [string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string];
};

/**
 * Early Help front door screening
 */
export type FrontDoorScreeningData = {
  /**
   * Screening decision
   */
  outcome: 'team' | 'panel' | 'advice';
  /**
   * Most appropriate Early Help team
   */
  ehTeam?:
    | 'ieys_kch_duty_manager'
    | 'ieys_borough_wide_duty_inbox'
    | 'ieys_eu_duty_manager'
    | 'ieys_kp_duty_manager'
    | 'duty_manager_early_help_youth'
    | 'duty_manager_first_stop_early_help'
    | 'ieys_kte_duty_manager'
    | 'ieys_ktw_duty_manager'
    | 'duty_manager_transformation_team'
    | 'early_help_caf_duty_manager'
    | 'duty_manager_fssw_family_service'
    | 'complex_families_team_manager'
    | 'families_in_focus';
  /**
   * Why the family needs discussion at the Early Help Panel
   */
  panelReason?: 'unclear' | 'complex';
  /**
   * Information, advice and guidance on suitable services
   */
  advice?: string;
  /**
   * Reasons for the decision
   */
  rationale: string;
};

/**
 * Early Help Panel decision
 */
export type PanelDecisionData = {
  /**
   * Date of the Early Help Panel
   */
  panelDate: string;
  /**
   * Did the social worker present the family at the panel?
   */
  socialWorkerPresented: boolean;
  /**
   * Panel decision
   */
  decision: 'team' | 'advice';
  /**
   * Early Help team that will provide the step-down service
   */
  ehTeam?:
    | 'ieys_kch_duty_manager'
    | 'ieys_borough_wide_duty_inbox'
    | 'ieys_eu_duty_manager'
    | 'ieys_kp_duty_manager'
    | 'duty_manager_early_help_youth'
    | 'duty_manager_first_stop_early_help'
    | 'ieys_kte_duty_manager'
    | 'ieys_ktw_duty_manager'
    | 'duty_manager_transformation_team'
    | 'early_help_caf_duty_manager'
    | 'duty_manager_fssw_family_service'
    | 'complex_families_team_manager'
    | 'families_in_focus';
  /**
   * Other Early Help services to be involved
   */
  additionalServices?: (
    | 'ieys_kch_duty_manager'
    | 'ieys_borough_wide_duty_inbox'
    | 'ieys_eu_duty_manager'
    | 'ieys_kp_duty_manager'
    | 'duty_manager_early_help_youth'
    | 'duty_manager_first_stop_early_help'
    | 'ieys_kte_duty_manager'
    | 'ieys_ktw_duty_manager'
    | 'duty_manager_transformation_team'
    | 'early_help_caf_duty_manager'
    | 'duty_manager_fssw_family_service'
    | 'complex_families_team_manager'
    | 'families_in_focus'
  )[];
  /**
   * Information, advice and guidance on suitable services
   */
  advice?: string;
  /**
   * Panel’s reasons
   */
  rationale: string;
};

/**
 * Confirm the step-down team to the social worker
 */
export interface TeamConfirmationData {
  /**
   * Early Help team providing the step-down service
   */
  ehTeam:
    | 'ieys_kch_duty_manager'
    | 'ieys_borough_wide_duty_inbox'
    | 'ieys_eu_duty_manager'
    | 'ieys_kp_duty_manager'
    | 'duty_manager_early_help_youth'
    | 'duty_manager_first_stop_early_help'
    | 'ieys_kte_duty_manager'
    | 'ieys_ktw_duty_manager'
    | 'duty_manager_transformation_team'
    | 'early_help_caf_duty_manager'
    | 'duty_manager_fssw_family_service'
    | 'complex_families_team_manager'
    | 'families_in_focus';
  /**
   * Message to the social worker
   */
  message?: string;
}

/**
 * Offer a formal consultation
 */
export interface ConsultationOfferData {
  /**
   * Date you contacted the social worker
   */
  contactedOn: string;
  /**
   * Proposed date of the formal consultation
   */
  proposedConsultationDate: string;
  /**
   * Notes
   */
  notes?: string;
}

/**
 * Formal consultation and acceptance
 */
export type ConsultationData = {
  /**
   * Date of the formal consultation
   */
  consultationDate: string;
  /**
   * Outcome of the consultation
   */
  decision: 'accept' | 'another_team';
  /**
   * Name of the allocated Early Help Family Worker
   */
  familyWorkerName?: string;
  /**
   * Early Help team best placed to meet the family’s needs
   */
  anotherTeam?:
    | 'ieys_kch_duty_manager'
    | 'ieys_borough_wide_duty_inbox'
    | 'ieys_eu_duty_manager'
    | 'ieys_kp_duty_manager'
    | 'duty_manager_early_help_youth'
    | 'duty_manager_first_stop_early_help'
    | 'ieys_kte_duty_manager'
    | 'ieys_ktw_duty_manager'
    | 'duty_manager_transformation_team'
    | 'early_help_caf_duty_manager'
    | 'duty_manager_fssw_family_service'
    | 'complex_families_team_manager'
    | 'families_in_focus';
  /**
   * Rationale, based on the threshold document and the service specifications
   */
  rationale?: string;
  /**
   * Consultation notes
   */
  notes?: string;
};

/**
 * Agree the most appropriate Early Help team
 */
export type AllocationDiscussionData = {
  /**
   * Date of the discussion
   */
  discussionDate: string;
  /**
   * Managers who took part
   */
  managers: string;
  /**
   * Outcome
   */
  agreed: 'agreed' | 'not_agreed';
  /**
   * Early Help team that will take the family
   */
  agreedTeam?:
    | 'ieys_kch_duty_manager'
    | 'ieys_borough_wide_duty_inbox'
    | 'ieys_eu_duty_manager'
    | 'ieys_kp_duty_manager'
    | 'duty_manager_early_help_youth'
    | 'duty_manager_first_stop_early_help'
    | 'ieys_kte_duty_manager'
    | 'ieys_ktw_duty_manager'
    | 'duty_manager_transformation_team'
    | 'early_help_caf_duty_manager'
    | 'duty_manager_fssw_family_service'
    | 'complex_families_team_manager'
    | 'families_in_focus';
  /**
   * Rationale, based on the threshold document and the service specifications
   */
  rationale: string;
};

/**
 * Joint home visit
 */
export interface JointVisitData {
  /**
   * Date of the joint home visit
   */
  visitDate: string;
  /**
   * Did the social worker attend?
   */
  socialWorkerAttended: boolean;
  /**
   * Did the Early Help Family Worker attend?
   */
  familyWorkerAttended: boolean;
  /**
   * Name of the Early Help Family Worker
   */
  familyWorkerName: string;
  /**
   * Notes of the visit
   */
  notes?: string;
}

/**
 * Child and family assessment (CSSW): step down to Early Help
 */
export type CfaStepDownData = {
  /**
   * Reason for undertaking this assessment / presenting issues
   */
  reasonForAssessment?: string;
  /**
   * Previous social work and other professional involvement, including what changed / happened
   */
  previousInvolvement?: string;
  /**
   * Analysis and professional judgement
   */
  analysis?: string;
  /**
   * If case is being stepped down, please specify the service taking the lead
   */
  serviceTakingLead?:
    | 'ieys_kch_duty_manager'
    | 'ieys_borough_wide_duty_inbox'
    | 'ieys_eu_duty_manager'
    | 'ieys_kp_duty_manager'
    | 'duty_manager_early_help_youth'
    | 'duty_manager_first_stop_early_help'
    | 'ieys_kte_duty_manager'
    | 'ieys_ktw_duty_manager'
    | 'duty_manager_transformation_team'
    | 'early_help_caf_duty_manager'
    | 'duty_manager_fssw_family_service'
    | 'complex_families_team_manager'
    | 'families_in_focus'
    | 'other';
  /**
   * If Other, please specify
   */
  serviceTakingLeadOther?: string;
  /**
   * Summary of concerns and child’s needs that require support from an early help service
   */
  summaryOfConcerns?: string;
  /**
   * Outline step down plan
   */
  outlineStepDownPlan?: string;
  /**
   * Circumstances under which the family should be referred back to CSSW
   */
  circumstancesReferBack?: string;
  /**
   * Date of Closure
   */
  dateOfClosure: string;
  /**
   * Reason for Closure
   */
  reasonForClosure: 'RC1' | 'RC2' | 'RC3' | 'RC4' | 'RC5' | 'RC6' | 'RC7' | 'RC8' | 'RC9' | 'other';
  /**
   * If Other, please specify
   */
  reasonForClosureOther?: string;
};

/**
 * Manager’s sign-off
 */
export interface ManagerAuthorisationData {
  /**
   * Date signed off
   */
  signedOffOn: string;
  /**
   * Manager’s comments
   */
  comments?: string;
}

/**
 * Progress to early help - Children’s social care case closure
 */
export type CaseClosureData = {
  /**
   * Date of Closure
   */
  dateOfClosure: string;
  /**
   * Reason for Closure
   */
  reasonForClosure: 'RC1' | 'RC2' | 'RC3' | 'RC4' | 'RC5' | 'RC6' | 'RC7' | 'RC8' | 'RC9' | 'other';
  /**
   * If Other, please specify
   */
  reasonForClosureOther?: string;
  /**
   * Service taking the lead
   */
  serviceTakingLead:
    | 'ieys_kch_duty_manager'
    | 'ieys_borough_wide_duty_inbox'
    | 'ieys_eu_duty_manager'
    | 'ieys_kp_duty_manager'
    | 'duty_manager_early_help_youth'
    | 'duty_manager_first_stop_early_help'
    | 'ieys_kte_duty_manager'
    | 'ieys_ktw_duty_manager'
    | 'duty_manager_transformation_team'
    | 'early_help_caf_duty_manager'
    | 'duty_manager_fssw_family_service'
    | 'complex_families_team_manager'
    | 'families_in_focus'
    | 'other';
  /**
   * If Other, please specify
   */
  serviceTakingLeadOther?: string;
  /**
   * Closing summary
   */
  closingSummary?: string;
};

/**
 * Final CIN review (initial Team Around the Family meeting)
 */
export type FinalCinReviewData = {
  /**
   * Date of the final CIN review
   */
  reviewDate: string;
  /**
   * Did the allocated Early Help Family Worker attend?
   */
  familyWorkerAttended: boolean;
  /**
   * The name of the Early Help worker taking over the family on step-down
   */
  ehWorkerName?: string;
  /**
   * The support the family needs to receive
   */
  supportNeeded?: string;
  /**
   * Any outstanding work to be carried out
   */
  outstandingWork?: string;
  /**
   * Which professionals will form the TAF
   */
  tafProfessionals?: string;
  /**
   * Did the Early Help worker meet the family again directly after the meeting?
   */
  metFamilyAfterMeeting?: boolean;
};

/**
 * Initial Team Around the Family (TAF) meeting
 */
export interface InitialTafData {
  /**
   * Date of the initial TAF meeting
   */
  tafDate: string;
  /**
   * Who attended
   */
  attendees: string;
  /**
   * Did CSSW attend?
   */
  csswAttended?: boolean;
  /**
   * The support the family needs to receive
   */
  supportNeeded: string;
  /**
   * Any outstanding work to be carried out
   */
  outstandingWork: string;
  /**
   * Which professionals will form the TAF
   */
  tafProfessionals: string;
}

/**
 * CIN Review – Chair’s report: outline step down plan
 */
export interface ChairsReportData {
  /**
   * Outline step down plan
   */
  outlineStepDownPlan: string;
  /**
   * The name of the Early Help worker taking over the family on step-down
   */
  ehWorkerName: string;
  /**
   * The support the family needs to receive
   */
  supportNeeded: string;
  /**
   * Any outstanding work to be carried out
   */
  outstandingWork: string;
  /**
   * Which professionals will form the TAF
   */
  tafProfessionals: string;
}

/**
 * Distribute the chair’s report
 */
export interface ReportDistributionData {
  /**
   * Date the chair’s report was distributed
   */
  dateDistributed: string;
  /**
   * Distributed to
   *
   * @minItems 2
   */
  distributedTo: ['family' | 'network', 'family' | 'network', ...('family' | 'network')[]];
}

/**
 * Child’s plan (CSSW): step down to Early Help
 */
export interface ChildsPlanStepDownData {
  /**
   * Update on assessment
   */
  updateOnAssessment?: string;
  /**
   * Summary of concerns and child’s needs that require support from an early help service
   */
  summaryOfConcerns?: string;
  /**
   * Outline step down plan
   */
  outlineStepDownPlan?: string;
  /**
   * Circumstances under which the family should be referred back to CSSW
   */
  circumstancesReferBack?: string;
  /**
   * Plan completed by
   */
  planCompletedBy?: string;
  /**
   * Section completed
   */
  sectionCompleted?: boolean;
}

/**
 * Early Help Step Down Referral Record (EH)
 */
export interface EhStepDownRecordData {
  /**
   * Children
   *
   * @minItems 1
   */
  children: [
    {
      /**
       * Child’s name
       */
      name: string;
      /**
       * Date of birth
       */
      dateOfBirth?: string;
      /**
       * MOSAIC ID number
       */
      personId?: string;
    },
    ...{
      /**
       * Child’s name
       */
      name: string;
      /**
       * Date of birth
       */
      dateOfBirth?: string;
      /**
       * MOSAIC ID number
       */
      personId?: string;
    }[]
  ];
  /**
   * Other family members
   *
   * @maxItems 20
   */
  otherMembers?:
    | []
    | [
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        }
      ]
    | [
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        }
      ]
    | [
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        }
      ]
    | [
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        }
      ]
    | [
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        }
      ]
    | [
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        }
      ]
    | [
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        }
      ]
    | [
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        }
      ]
    | [
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        }
      ]
    | [
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        }
      ]
    | [
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        }
      ]
    | [
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        }
      ]
    | [
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        }
      ]
    | [
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        }
      ]
    | [
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        }
      ]
    | [
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        }
      ]
    | [
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        }
      ]
    | [
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        }
      ]
    | [
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        }
      ]
    | [
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        },
        {
          /**
           * Name
           */
          name: string;
          /**
           * Relationship to the children
           */
          relationship?: string;
        }
      ];
  /**
   * Date of step down
   */
  dateOfStepDown: string;
  /**
   * Case stepped down from
   */
  caseSteppedDownFrom: 'sw_assessment' | 'cin_review';
  /**
   * Reason for undertaking this assessment / presenting issues
   */
  detailsOfContact?: string;
  /**
   * Summary of concerns and child’s needs that require support from an early help service
   */
  summaryOfConcerns?: string;
  /**
   * Previous social work and other professional involvement, including what changed / happened
   */
  previousInvolvement?: string;
  /**
   * Analysis and professional judgement
   */
  analysis?: string;
  /**
   * Outline step down plan
   */
  outlineStepDownPlan?: string;
  /**
   * Circumstances under which the family should be referred back to CSSW
   */
  circumstancesReferBack?: string;
  /**
   * Decisions and actions
   */
  decisionsAndActions: string;
}

/**
 * Early Help work with the family
 */
export type EhEngagementData = {
  /**
   * Step down to Early Help
   */
  workType: 'eh_assessment_required' | 'eh_taf_review_required';
  /**
   * Date of first contact with the family
   */
  firstContactDate?: string;
  /**
   * Efforts made to engage the family
   */
  attempts?: ('home_visits' | 'emails' | 'texts' | 'phone_calls' | 'network')[];
  /**
   * Record of the efforts made to engage the family
   */
  attemptsRecord?: string;
  /**
   * Is the family engaging with Early Help Services?
   */
  familyEngaged: boolean;
  /**
   * Are there safeguarding concerns about a child?
   */
  safeguardingConcerns: boolean;
  /**
   * Describe the safeguarding concerns
   */
  concerns?: string;
};

/**
 * Family not engaging after 2 weeks
 */
export type NonEngagementReviewData = {
  /**
   * Efforts made to engage the family
   *
   * @minItems 1
   */
  attempts: [
    'home_visits' | 'emails' | 'texts' | 'phone_calls' | 'network',
    ...('home_visits' | 'emails' | 'texts' | 'phone_calls' | 'network')[]
  ];
  /**
   * Record of the efforts made to engage the family, with dates
   */
  attemptsRecord: string;
  /**
   * Are there on-going or additional concerns?
   */
  additionalConcerns: boolean;
  /**
   * Describe the concerns
   */
  concerns?: string;
  /**
   * Does the family appear to meet the threshold for a social work service?
   */
  meetsThreshold?: boolean;
};

/**
 * Step up from Early Help to CSSW
 */
export interface StepUpRequestData {
  /**
   * Reason
   */
  reason?: 'safeguarding' | 'non_engagement' | 'other';
  /**
   * Concerns
   */
  concerns?: string;
  /**
   * Concerns after non-engagement
   */
  nonEngagementConcerns?: string;
  /**
   * Efforts made to engage the family
   */
  attemptsToEngage?: string;
}

/**
 * Daily Discussion
 */
export interface DailyDiscussionDecisionData {
  /**
   * Date of the Daily Discussion
   */
  discussionDate: string;
  /**
   * Concerns presented
   */
  concerns?: string;
  /**
   * Is the threshold for a CSSW service met?
   */
  thresholdMet: boolean;
  /**
   * Rationale
   */
  rationale: string;
}

/**
 * Information, advice and guidance from the Early Help front door
 */
export type AdviceResponseData = {
  /**
   * Information, advice and guidance from the front door
   */
  advice?: string;
  /**
   * What have you done?
   */
  response: 'referrals_made' | 'disagree';
  /**
   * Services referred to
   */
  referralsMade?: string;
  /**
   * Why you disagree
   */
  disagreementReason?: string;
};

/**
 * Resolution of professional differences
 */
export interface ProfessionalDifferenceData {
  /**
   * Date of the managers’ discussion
   */
  discussionDate: string;
  /**
   * Managers who took part
   */
  managers: string;
  /**
   * Decision
   */
  decision: 'progress' | 'advice_stands';
  /**
   * Rationale
   */
  rationale: string;
}

export interface FormData {
  "cin_step_down_start": CinStepDownStartData;
  "step_down_referral": StepDownReferralData;
  "front_door_screening": FrontDoorScreeningData;
  "panel_decision": PanelDecisionData;
  "team_confirmation": TeamConfirmationData;
  "consultation_offer": ConsultationOfferData;
  "consultation": ConsultationData;
  "allocation_discussion": AllocationDiscussionData;
  "joint_visit": JointVisitData;
  "cfa_step_down": CfaStepDownData;
  "manager_authorisation": ManagerAuthorisationData;
  "case_closure": CaseClosureData;
  "final_cin_review": FinalCinReviewData;
  "initial_taf": InitialTafData;
  "chairs_report": ChairsReportData;
  "report_distribution": ReportDistributionData;
  "childs_plan_step_down": ChildsPlanStepDownData;
  "eh_step_down_record": EhStepDownRecordData;
  "eh_engagement": EhEngagementData;
  "non_engagement_review": NonEngagementReviewData;
  "step_up_request": StepUpRequestData;
  "daily_discussion_decision": DailyDiscussionDecisionData;
  "advice_response": AdviceResponseData;
  "professional_difference": ProfessionalDifferenceData;
}
