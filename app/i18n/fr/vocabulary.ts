/**
 * The domain's labels (statuses, kinds, roles…), as app/domain names them: the French table reuses
 * them, so that mail, CSV files and pages say the same words; the English table translates each.
 * A component reads `useT().vocabulary.projectStatus[status]` rather than importing the record.
 */
import { ACTIVITY_DOMAINS, MAIL_STATUS_LABELS, ROLE_LABELS, SKILLS } from "~/domain/catalog";
import { EVENT_VISIBILITY_LABELS, REGISTRATION_STATUS_LABELS } from "~/domain/agenda";
import { ARTICLE_STATUS_LABELS } from "~/domain/bulletin";
import {
  BALLOT_CHOICE_LABELS,
  CLUB_STATUS_LABELS,
  DEAL_STAGE_LABELS,
  DECISION_RULE_LABELS,
  INSTRUMENT_LABELS,
  LEDGER_KIND_LABELS,
  MEMBER_ROLE_LABELS,
  MEMBER_STATUS_LABELS,
  VOTE_OUTCOME_LABELS,
} from "~/domain/clubs/labels";
import { LIFECYCLE_ACTION_LABELS } from "~/domain/clubs/lifecycle";
import { ENDORSEMENT_LEVEL_LABELS, ENDORSEMENT_STATUS_LABELS } from "~/domain/endorsement";
import { GOVERNANCE_BODY_KIND_LABELS } from "~/domain/governance";
import { PERIOD_LABELS, SDG_LABELS, SOURCE_LABELS, TURNOVER_BAND_LABELS, UNIT_LABELS, VALORESS_DOMAIN_LABELS } from "~/domain/impact/catalog";
import { TREND_LABELS } from "~/domain/impact/figures";
import { METRIC_DEFINITIONS } from "~/domain/impact/catalog";
import { IMPACT_METRICS, type ImpactMetric } from "~/domain/vocabulary";
import { MILESTONE_LABELS } from "~/domain/impact/follow-up";
import { CLUB_CRITERION_LABELS, MENTOR_CRITERION_LABELS } from "~/domain/matching/weights";
import { MENTORSHIP_STATUS_LABELS, SKILL_LEVEL_LABELS, VOLUNTEER_STATUS_LABELS } from "~/domain/mentorship";
import { EMAIL_FREQUENCY_LABELS, NOTIFICATION_KIND_LABELS } from "~/domain/notifications";
import { ORGANISATION_KIND_LABELS, ORGANISATION_KIND_PLURALS } from "~/domain/organisation";
import { PARTNERSHIP_PROPOSAL_STATUS_LABELS } from "~/domain/partnership";
import { AXIS_THEME_LABELS } from "~/domain/poles";
import {
  FUNDING_KIND_LABELS,
  LEGAL_FORM_LABELS,
  NEED_PRIORITY_LABELS,
  NEED_STATUS_LABELS,
  PROJECT_KIND_LABELS,
  PROJECT_STAGE_LABELS,
  PROJECT_STATUS_LABELS,
} from "~/domain/project";
import { BOOKING_STATUS_LABELS, RESOURCE_KIND_LABELS, RESOURCE_TERMS_LABELS } from "~/domain/resource-booking";
import { UNMET_NEED_STATUS_LABELS } from "~/domain/unmet-need";

type SkillSlug = (typeof SKILLS)[number]["slug"];
type ActivityDomainSlug = (typeof ACTIVITY_DOMAINS)[number]["slug"];

export const vocabulary = {
  role: ROLE_LABELS,
  mailStatus: MAIL_STATUS_LABELS,
  skill: Object.fromEntries(SKILLS.map((s) => [s.slug, s.name])) as Record<SkillSlug, string>,
  activityDomain: Object.fromEntries(ACTIVITY_DOMAINS.map((d) => [d.slug, d.name])) as Record<ActivityDomainSlug, string>,
  eventVisibility: EVENT_VISIBILITY_LABELS,
  registrationStatus: REGISTRATION_STATUS_LABELS,
  articleStatus: ARTICLE_STATUS_LABELS,
  clubStatus: CLUB_STATUS_LABELS,
  decisionRule: DECISION_RULE_LABELS,
  memberRole: MEMBER_ROLE_LABELS,
  memberStatus: MEMBER_STATUS_LABELS,
  ledgerKind: LEDGER_KIND_LABELS,
  instrument: INSTRUMENT_LABELS,
  dealStage: DEAL_STAGE_LABELS,
  ballotChoice: BALLOT_CHOICE_LABELS,
  voteOutcome: VOTE_OUTCOME_LABELS,
  lifecycleAction: LIFECYCLE_ACTION_LABELS,
  endorsementLevel: ENDORSEMENT_LEVEL_LABELS,
  endorsementStatus: ENDORSEMENT_STATUS_LABELS,
  governanceBodyKind: GOVERNANCE_BODY_KIND_LABELS,
  unit: UNIT_LABELS,
  period: PERIOD_LABELS,
  source: SOURCE_LABELS,
  valoressDomain: VALORESS_DOMAIN_LABELS,
  sdg: SDG_LABELS,
  turnoverBand: TURNOVER_BAND_LABELS,
  trend: TREND_LABELS,
  milestone: MILESTONE_LABELS,
  mentorCriterion: MENTOR_CRITERION_LABELS,
  clubCriterion: CLUB_CRITERION_LABELS,
  mentorshipStatus: MENTORSHIP_STATUS_LABELS,
  volunteerStatus: VOLUNTEER_STATUS_LABELS,
  skillLevel: SKILL_LEVEL_LABELS,
  emailFrequency: EMAIL_FREQUENCY_LABELS,
  notificationKind: NOTIFICATION_KIND_LABELS,
  organisationKind: ORGANISATION_KIND_LABELS,
  partnershipProposalStatus: PARTNERSHIP_PROPOSAL_STATUS_LABELS,
  axisTheme: AXIS_THEME_LABELS,
  fundingKind: FUNDING_KIND_LABELS,
  legalForm: LEGAL_FORM_LABELS,
  needPriority: NEED_PRIORITY_LABELS,
  needStatus: NEED_STATUS_LABELS,
  projectKind: PROJECT_KIND_LABELS,
  projectStage: PROJECT_STAGE_LABELS,
  projectStatus: PROJECT_STATUS_LABELS,
  bookingStatus: BOOKING_STATUS_LABELS,
  resourceKind: RESOURCE_KIND_LABELS,
  resourceTerms: RESOURCE_TERMS_LABELS,
  unmetNeedStatus: UNMET_NEED_STATUS_LABELS,
  organisationKindPlural: ORGANISATION_KIND_PLURALS,  impactMetric: Object.fromEntries(IMPACT_METRICS.map((m) => [m, METRIC_DEFINITIONS[m].name])) as Record<ImpactMetric, string>,
};
