/**
 * What people read for the club and finance enums. Slugs live in
 * app/domain/vocabulary.ts; names live here.
 */
import type {
  BallotChoice,
  ClubMemberRole,
  ClubStatus,
  DealStage,
  DecisionRule,
  Instrument,
  LedgerKind,
  VoteOutcome,
} from "../vocabulary";

export const CLUB_STATUS_LABELS: Record<ClubStatus, string> = {
  "en-constitution": "En constitution",
  "en-epargne": "En épargne et investissement",
  "en-gestion": "En gestion",
  liquide: "Liquidé",
};

export const DECISION_RULE_LABELS: Record<DecisionRule, string> = {
  "majorite-simple": "Majorité simple",
  "majorite-qualifiee": "Majorité qualifiée",
  unanimite: "Unanimité",
};

export const MEMBER_ROLE_LABELS: Record<ClubMemberRole, string> = {
  membre: "Membre",
  gerant: "Gérant ou gérante",
  tresorier: "Trésorier ou trésorière",
  secretaire: "Secrétaire",
};

export const MEMBER_STATUS_LABELS = {
  invite: "Invité",
  demande: "Demande en attente",
  actif: "Actif",
  parti: "Parti",
} as const;

export const LEDGER_KIND_LABELS: Record<LedgerKind, string> = {
  cotisation: "Épargne versée",
  investissement: "Investissement",
  remboursement: "Remboursement reçu",
  dividende: "Dividende reçu",
  frais: "Frais",
  retrait: "Retrait d'un membre",
};

export const INSTRUMENT_LABELS: Record<Instrument, string> = {
  capital: "Entrée au capital",
  "compte-courant": "Compte courant d'associé",
  pret: "Prêt",
};

export const DEAL_STAGE_LABELS: Record<DealStage, string> = {
  repere: "Repéré",
  etudie: "Étudié",
  vote: "Au vote",
  engage: "Engagé",
  refuse: "Refusé",
};

export const BALLOT_CHOICE_LABELS: Record<BallotChoice, string> = {
  pour: "Pour",
  contre: "Contre",
  abstention: "Abstention",
};

export const VOTE_OUTCOME_LABELS: Record<VoteOutcome, string> = {
  adopte: "Adopté",
  rejete: "Rejeté",
  "sans-quorum": "Quorum non atteint",
};

/** Said on every page where money is mentioned. */
export const NO_PAYMENT_NOTICE =
  "Aucun paiement ne passe par Maillon : le site enregistre les engagements et les versements déclarés, l'argent circule par virement bancaire.";
